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

export interface ExportFile {
  path: string;
  label: string;
  format: string;
  description: string;
}

export const exportFiles: ExportFile[] = [
  {
    path: '/annotations.jsonld',
    label: 'Annotations',
    format: 'W3C Web Annotation (JSON-LD)',
    description: `Every claim and annotation, targeting the original comments with text quote and position selectors; in pages of ${annotationPageSize.toLocaleString('en-GB')}, each also a document of its own (annotations/page-1.jsonld, …).`
  },
  { path: '/argument-map.json', label: 'Argument map', format: 'JSON', description: 'Claims as nodes and their typed relations as edges.' },
  { path: '/argument-map.argdown', label: 'Argument map', format: 'Argdown', description: 'The same claims and relations, for Argdown’s tools.' },
  { path: '/references.bib', label: 'References', format: 'BibLaTeX', description: 'Every source, with its checked facts only.' },
  { path: '/references.json', label: 'References', format: 'CSL-JSON', description: 'The same sources, for citation managers.' },
  { path: '/feed.xml', label: 'New annotations', format: 'Atom feed', description: 'The guide’s annotations, newest first.' }
];

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
