/**
 * How the guide names the people in its thread: every stage and page asks
 * here, so that a commenter is called the same everywhere.
 */
import { uiText } from './ui-strings.ts';
import type { GuideData } from './schema.ts';

/** The name readers see for a commenter key, or for a comment whose author the platform no longer shows. */
export function commenterName(guide: Pick<GuideData, 'commenters' | 'language' | 'strings'> | undefined, key: string | undefined): string {
  const ui = uiText(guide);
  if (key === undefined) return ui.t('commenter.unknown');
  return guide?.commenters[key]?.name ?? ui.t('commenter.neutral', { key });
}
