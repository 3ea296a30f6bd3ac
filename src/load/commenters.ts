/**
 * How the guide names the people in its thread: every stage and page asks
 * here, so that a commenter is called the same everywhere.
 */
import type { GuideData } from './schema.ts';

/** The name readers see for a commenter key, or for a comment whose author the platform no longer shows. */
export function commenterName(guide: Pick<GuideData, 'commenters'> | undefined, key: string | undefined): string {
  if (key === undefined) return 'Unknown commenter';
  return guide?.commenters[key]?.name ?? `Commenter ${key}`;
}
