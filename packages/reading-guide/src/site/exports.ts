/**
 * The open-data exports, one per file at a fixed path, each generated from the
 * same graph the pages read. Listed here once: the endpoints, the footer and
 * the Open data page all take them from this list.
 */
import type { APIRoute } from 'astro';
import { loadGuide, type Guide } from './guide.ts';
import { publishedGuide } from './published-guide.ts';
import type { GuideSnapshot } from '../export/snapshot.ts';
import { annotationPageSize } from '../export/web-annotation.ts';
import type { UiText } from '../model/ui-strings.ts';

/** Each export's file, and the messages that name it (`export.<name>.label`, `.format`, `.description`). */
export const exportFiles = [
  { path: '/annotations.jsonld', name: 'annotations' },
  { path: '/argument-map.json', name: 'argumentMap' },
  { path: '/argument-map.argdown', name: 'argdown' },
  { path: '/references.bib', name: 'biblatex' },
  { path: '/references.json', name: 'csl' },
  { path: '/feed.xml', name: 'feed' }
] as const;

/** What the Open data page says of an export, in the guide's language. */
export function exportDescription(file: (typeof exportFiles)[number], ui: UiText): { label: string; format: string; description: string } {
  return {
    label: ui.t(`export.${file.name}.label`),
    format: ui.t(`export.${file.name}.format`),
    description: file.name === 'annotations' ? ui.t('export.annotations.description', { pageSize: annotationPageSize }) : ui.t(`export.${file.name}.description`)
  };
}

/**
 * An export's endpoint: `make` gives the file's text from the guide as the
 * exports see it, with absolute URLs under the site's address.
 *
 * An export of a large guide takes some hundreds of MB while it is made, the
 * most of any one path, and Pagefind takes as much while it indexes
 * (src/site/search-index.ts): so the exports are made only once the search
 * index is written. Indexing is usually over long before Astro reaches them;
 * if not, the other paths go on rendering in the lanes the waiting exports
 * leave free. Each export is made in one synchronous step, so two are never
 * made at once.
 */
export function exportEndpoint(type: string, make: (snapshot: GuideSnapshot, guide: Guide, params: Record<string, string | undefined>) => string): APIRoute {
  return async ({ site, params }) => {
    await (await publishedGuide()).searchIndexWritten();
    const guide = await loadGuide();
    const body = make(guide.snapshot(new URL(import.meta.env.BASE_URL, site).href), guide, params);
    return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
  };
}
