/**
 * `/references.json` (CSL-JSON) and `/references.bib` of every source, with
 * exactly the facts the guide states: nothing unchecked is exported either.
 * The .bib file is BibLaTeX, written by citation-js from the CSL records:
 * unlike classic BibTeX it keeps a forum post's site (`@online` with its
 * `booktitle`) and full dates.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { SourceData } from '../model/schema.ts';
import type { GuideSnapshot } from './snapshot.ts';
import { uiText, type UiText } from '../model/ui-strings.ts';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  publisher?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  number?: string;
  note?: string;
}

const cslTypes: Record<SourceData['type'], string> = {
  preprint: 'article',
  article: 'article-journal',
  scenario: 'webpage',
  'blog-post': 'post-weblog',
  'forum-post': 'post',
  report: 'report',
  book: 'book'
};

/** Words that begin a family name rather than end a given name: "Teun van der Weij". */
const particles = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'du', 'la', 'le', 'ter', 'ten']);

/**
 * A name as CSL wants it. A single word is a family name (the guide gives
 * family names alone where only those were checked); otherwise the family
 * name is the last word, after any particles ("van der").
 */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { family: words[0]! };
  let start = words.length - 1;
  while (start > 1 && particles.has(words[start - 1]!)) start -= 1;
  const parts: CslName = { given: words.slice(0, start).join(' '), family: words.at(-1)! };
  const particle = words.slice(start, -1).join(' ');
  if (particle) parts['non-dropping-particle'] = particle;
  return parts;
}

/** A CSL name written out in full again. */
export function fullName(name: CslName): string {
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

/** A source as a CSL record; its note is in the guide's words (`ui`). */
export function cslItem(id: string, source: SourceData, ui: UiText): CslItem {
  const item: CslItem = { id, type: cslTypes[source.type], title: source.title };
  if (source.authors) item.author = source.authors.map(cslName);
  if (source.issued) item.issued = { 'date-parts': [source.issued.split('-').map(Number)] };
  if (source.url) item.URL = source.url;
  if (source.doi) item.DOI = source.doi;
  if (source.publisher) item.publisher = source.publisher;
  if (source.container) item['container-title'] = source.container;
  if (source.volume) item.volume = source.volume;
  if (source.issue) item.issue = source.issue;
  const notes = [source.arxiv && `arXiv:${source.arxiv}`, source.moreAuthors && ui.t('references.moreAuthors')].filter(Boolean);
  if (notes.length > 0) item.note = notes.join('. ');
  return item;
}

export function cslItems(snapshot: GuideSnapshot): CslItem[] {
  return Object.keys(snapshot.sources)
    .sort()
    .map((id) => cslItem(id, snapshot.sources[id]!, uiText(snapshot.meta)));
}

// Keys are the sources' ids (without hyphens, which citation-js drops), so that a
// citation in a paper matches the guide's page.
(plugins.config.get('@bibtex').format as { useIdAsLabel: boolean }).useIdAsLabel = true;

export function biblatex(items: readonly CslItem[]): string {
  return new Cite(items).format('biblatex', { format: 'text' }) as string;
}
