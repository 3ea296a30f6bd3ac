/**
 * What the exports read: the graph and the data of every entry, the same as
 * the pages use, gathered in one plain object so that each export is a pure
 * function of it (and can be tested without Astro).
 */
import type { CompiledGuide } from '../render/compiled-guide.ts';
import type { AnnotationData, ClaimData, CommentData, CruxData, GuideData, SourceData, TermData } from '../model/schema.ts';
import type { GuideGraph } from '../graph/types.ts';

export interface GuideSnapshot {
  meta: GuideData;
  graph: GuideGraph;
  comments: Record<string, CommentData>;
  claims: Record<string, ClaimData>;
  /** Each annotation's data, Markdown body, its plain text and its HTML. */
  annotations: Record<string, { data: AnnotationData; body: string; text: string; html: string }>;
  sources: Record<string, SourceData>;
  terms: Record<string, TermData>;
  cruxes: Record<string, CruxData>;
  /** The plain text of the bodies of sources, glossary terms and cruxes, by id. */
  texts: { sources: Record<string, string>; glossary: Record<string, string>; cruxes: Record<string, string> };
  /** The site's absolute address with its base path, ending in "/", such as https://x.github.io/repo/. */
  siteUrl: string;
}

/** A site path (`/claims/x/`) as an absolute URL of the published site. */
export function absolute(snapshot: Pick<GuideSnapshot, 'siteUrl'>, path: string): string {
  return new URL(path.replace(/^\//, ''), snapshot.siteUrl).href;
}

const byId = <E extends { id: string }, T>(entries: readonly E[], pick: (entry: E) => T): Record<string, T> =>
  Object.fromEntries(entries.map((entry) => [entry.id, pick(entry)]));

export function snapshotOf(compiled: CompiledGuide, siteUrl: string): GuideSnapshot {
  const { content, graph, rendered } = compiled;
  return {
    meta: content.guide!.data,
    graph,
    comments: byId(content.thread, (entry) => entry.data),
    claims: byId(content.claims, (entry) => entry.data),
    annotations: byId(content.annotations, (entry) => ({
      data: entry.data,
      body: entry.body.trim(),
      text: rendered.texts.annotations[entry.id] ?? '',
      html: rendered.html.annotations[entry.id] ?? ''
    })),
    sources: byId(content.sources, (entry) => entry.data),
    terms: byId(content.glossary, (entry) => entry.data),
    cruxes: byId(content.cruxes, (entry) => entry.data),
    texts: { sources: rendered.texts.sources, glossary: rendered.texts.glossary, cruxes: rendered.texts.cruxes },
    siteUrl
  };
}
