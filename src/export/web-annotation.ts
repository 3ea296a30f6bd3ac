/**
 * `/annotations.jsonld`: every claim and annotation as a W3C Web Annotation,
 * in an AnnotationCollection of AnnotationPages, so that annotation tools
 * (Hypothesis and others that speak the model) can load the guide's reading
 * of the thread without a server.
 *
 * Each annotation targets its comment's permalink with two selectors: the
 * exact words with the text around them (TextQuoteSelector), and their
 * offsets (TextPositionSelector) in the comment's text as the guide reads it,
 * one newline between paragraphs. Several comments may share a permalink
 * (the original links some only by their subthread), so `scope` names the
 * comment on the guide's own page.
 */
import type { AnnotationKind } from '../load/schema.ts';
import type { CommentNode } from '../graph/types.ts';
import { absolute, type GuideSnapshot } from './snapshot.ts';
import { byId } from '../util/by-id.ts';

const context = 'http://www.w3.org/ns/anno.jsonld';

/** What each kind of annotation does, in the model's vocabulary of motivations. */
const motivations: Record<AnnotationKind, string> = {
  counterargument: 'assessing',
  support: 'assessing',
  context: 'commenting',
  clarification: 'describing',
  correction: 'editing',
  question: 'questioning'
};

/** How much text around the words the quote selector carries, as Hypothesis does. */
const contextLength = 32;

export interface WebAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: string;
  created: string;
  creator: { type: 'Person' | 'Organization'; name: string; nickname?: string };
  body: { type: 'TextualBody'; value: string; format: string; language: string; purpose: string }[];
  target: {
    source: string;
    scope: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number }
    ];
  };
}

function target(snapshot: GuideSnapshot, comment: CommentNode, markId: string): WebAnnotation['target'] {
  const mark = comment.marks.find((candidate) => candidate.id === markId);
  if (!mark) throw new Error(`No mark \`${markId}\` in ${comment.id}`);
  const { text } = comment;
  return {
    source: comment.permalink,
    scope: absolute(snapshot, `/#comment-${comment.id}`),
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(mark.start, mark.end),
        prefix: text.slice(Math.max(0, mark.start - contextLength), mark.start),
        suffix: text.slice(mark.end, mark.end + contextLength)
      },
      { type: 'TextPositionSelector', start: mark.start, end: mark.end }
    ]
  };
}

const dateTime = (date: string) => `${date}T00:00:00Z`;

export function webAnnotations(snapshot: GuideSnapshot): WebAnnotation[] {
  const { graph, meta } = snapshot;
  const comment = (id: string) => byId(graph.comments, id)!;
  const editors = { type: 'Organization' as const, name: meta.editors };
  const claims = graph.claimOrder.map((id): WebAnnotation => {
    const node = graph.claims[id]!;
    return {
      '@context': context,
      id: absolute(snapshot, `/claims/${id}/`),
      type: 'Annotation',
      motivation: 'describing',
      created: dateTime(meta.published),
      creator: editors,
      body: [
        { type: 'TextualBody', value: snapshot.claims[id]!.paraphrase, format: 'text/plain', language: 'en', purpose: 'describing' },
        { type: 'TextualBody', value: 'claim', format: 'text/plain', language: 'en', purpose: 'tagging' }
      ],
      target: target(snapshot, comment(node.comment), node.markId)
    };
  });
  const annotations = Object.keys(graph.annotations)
    .sort()
    .map((id): WebAnnotation => {
      const node = graph.annotations[id]!;
      const { data, body } = snapshot.annotations[id]!;
      const anchor = node.markId
        ? { comment: node.comment!, markId: node.markId }
        : { comment: graph.claims[node.on!]!.comment, markId: graph.claims[node.on!]!.markId };
      return {
        '@context': context,
        id: absolute(snapshot, `/annotations/${id}/`),
        type: 'Annotation',
        motivation: motivations[node.kind],
        created: dateTime(data.created ?? meta.published),
        creator: data.contributor ? { type: 'Person', name: data.contributor, nickname: data.contributor } : editors,
        body: [
          { type: 'TextualBody', value: body, format: 'text/markdown', language: 'en', purpose: motivations[node.kind] },
          { type: 'TextualBody', value: node.kind, format: 'text/plain', language: 'en', purpose: 'tagging' }
        ],
        target: target(snapshot, comment(anchor.comment), anchor.markId)
      };
    });
  return [...claims, ...annotations];
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; type: 'AnnotationCollection'; label: string; total: number };
  startIndex: number;
  items: WebAnnotation[];
  next?: AnnotationPage;
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: AnnotationPage;
  last: string;
}

/**
 * The collection, with its pages embedded: each page holds the next one, so
 * the whole export is a single file that needs no server to page through.
 */
export function annotationCollection(snapshot: GuideSnapshot, pageSize = 100): AnnotationCollection {
  const items = webAnnotations(snapshot);
  const id = absolute(snapshot, '/annotations.jsonld');
  const label = `${snapshot.meta.title}: claims and annotations`;
  const partOf = { id, type: 'AnnotationCollection' as const, label, total: items.length };
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  let next: AnnotationPage | undefined;
  for (let index = count - 1; index >= 0; index--) {
    next = {
      id: `${id}#page-${index + 1}`,
      type: 'AnnotationPage',
      partOf,
      startIndex: index * pageSize,
      items: items.slice(index * pageSize, (index + 1) * pageSize),
      ...(next ? { next } : {})
    };
  }
  return { '@context': context, id, type: 'AnnotationCollection', label, total: items.length, first: next!, last: `${id}#page-${count}` };
}

/** The pages of a collection, first to last. */
export function pagesOf(collection: AnnotationCollection): AnnotationPage[] {
  const pages: AnnotationPage[] = [];
  for (let page: AnnotationPage | undefined = collection.first; page; page = page.next) pages.push(page);
  return pages;
}
