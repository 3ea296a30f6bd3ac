/**
 * The exports read back with the tools their formats are made for: the
 * references with citation-js, as a reference manager reads them, compared
 * with the checked facts of each source; the Argdown map with Argdown's own
 * parser.
 */
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { biblatex, cslItems, fullName, type CslItem } from '../../src/export/csl.ts';
import type { GuideSnapshot } from '../../src/export/snapshot.ts';

/** What each format gives back that differs from a source's facts, as `format id field: given ≠ expected`. */
export function referencesReadBack(snapshot: GuideSnapshot): Record<'CSL-JSON' | 'BibLaTeX', string[]> {
  const sources = Object.entries(snapshot.sources).map(([id, data]) => ({ id, data }));
  const items = cslItems(snapshot);
  const parsed = {
    'CSL-JSON': new Cite(JSON.parse(JSON.stringify(items))).format('data', { format: 'object' }) as CslItem[],
    BibLaTeX: new Cite(biblatex(items)).format('data', { format: 'object' }) as CslItem[]
  };
  // BibTeX keys are the ids without their hyphens, as BibTeX keys allow.
  const key = (id: string) => id.replace(/-/g, '');
  const differences = (read: CslItem[]) => {
    const byKey = new Map(read.map((item) => [key(item.id), item]));
    const found: string[] = [];
    if (byKey.size !== sources.length) found.push(`${byKey.size} items for ${sources.length} sources`);
    for (const source of sources) {
      const item = byKey.get(key(source.id));
      if (!item) {
        found.push(`${source.id}: missing`);
        continue;
      }
      const issued = item.issued?.['date-parts'][0]?.map((part) => String(part).padStart(2, '0')).join('-');
      const pairs: [string, unknown, unknown][] = [
        ['title', item.title, source.data.title],
        ['authors', (item.author ?? []).map(fullName), source.data.authors ?? []],
        ['issued', issued, source.data.issued],
        ['url', item.URL, source.data.url],
        ['container', item['container-title'], source.data.container],
        ['volume', item.volume, source.data.volume],
        ['issue', item.issue, source.data.issue],
        ['publisher', item.publisher, source.data.publisher]
      ];
      for (const [field, given, expected] of pairs) if (JSON.stringify(given) !== JSON.stringify(expected)) found.push(`${source.id} ${field}: ${JSON.stringify(given)} ≠ ${JSON.stringify(expected)}`);
      if (source.data.arxiv && !item.note?.includes(`arXiv:${source.data.arxiv}`)) found.push(`${source.id} arxiv: not in the note`);
    }
    return found;
  };
  return { 'CSL-JSON': differences(parsed['CSL-JSON']), BibLaTeX: differences(parsed.BibLaTeX) };
}

export interface ArgdownModel {
  statements: Record<string, { data?: Record<string, string[]>; tags?: string[] }>;
  relations: { from: { title: string }; to: { title: string }; relationType: string }[];
  lexerErrors: unknown[];
  parserErrors: unknown[];
  exceptions?: unknown[];
}

/** An Argdown document as Argdown's parser and model builder read it. */
export function readArgdown(input: string): ArgdownModel {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app.run({ input, process: ['parse-input', 'build-model'], logLevel: 'error', logExceptions: false, model: { removeTagsFromText: true } }) as unknown as ArgdownModel;
}
