/**
 * `/annotations.jsonld`: every claim and annotation as a W3C Web Annotation,
 * in an AnnotationCollection of AnnotationPages, so that annotation tools
 * (Hypothesis and others that speak the model) can load the guide's reading
 * of the thread without a server. Each page is a document of its own,
 * `/annotations/page-<n>.jsonld`, linked to the pages before and after it;
 * the collection embeds the first.
 *
 * Each annotation targets its comment's permalink with two selectors: the
 * exact words with the text around them (TextQuoteSelector), and their
 * offsets (TextPositionSelector) in the comment's text as the guide reads it,
 * one newline between paragraphs. Several comments may share a permalink
 * (the original links some only by their subthread), so `scope` names the
 * comment on the guide's own page.
 */
import type { AnnotationKind } from '../model/schema.ts';
import type { CommentNode } from '../graph/types.ts';
import { absolute, type GuideSnapshot } from './snapshot.ts';
import { byId } from '../util/by-id.ts';
import { sitePath } from '../model/routes.ts';

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
    scope: absolute(snapshot, sitePath.comment(comment.id)),
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

/**
 * The tags are the model's own words for what an item is (`claim`,
 * `counterargument`), the same in every guide so that tools can group by
 * them: English, whatever the guide's language. The bodies are the guide's
 * text, in its language.
 */
const tagLanguage = 'en';

const dateTime = (date: string) => `${date}T00:00:00Z`;

/** An item of the collection: a claim, or an annotation. */
type Item = { kind: 'claim' | 'annotation'; id: string };

/** The items in order, claims in reading order then annotations by id; worked out once per graph, since every page asks. */
const itemOrders = new WeakMap<GuideSnapshot['graph'], Item[]>();

function itemOrder(graph: GuideSnapshot['graph']): Item[] {
  let order = itemOrders.get(graph);
  if (!order) {
    order = [
      ...graph.claimOrder.map((id): Item => ({ kind: 'claim', id })),
      ...Object.keys(graph.annotations)
        .sort()
        .map((id): Item => ({ kind: 'annotation', id }))
    ];
    itemOrders.set(graph, order);
  }
  return order;
}

/** Every claim and annotation as a Web Annotation, in order; or those from `start` up to `end`. */
export function webAnnotations(snapshot: GuideSnapshot, start = 0, end?: number): WebAnnotation[] {
  const { graph, meta } = snapshot;
  const comment = (id: string) => byId(graph.comments, id)!;
  const editors = { type: 'Organization' as const, name: meta.editors };
  const claim = (id: string): WebAnnotation => {
    const node = graph.claims[id]!;
    return {
      '@context': context,
      id: absolute(snapshot, sitePath.claim(id)),
      type: 'Annotation',
      motivation: 'describing',
      created: dateTime(meta.published),
      creator: editors,
      body: [
        { type: 'TextualBody', value: snapshot.claims[id]!.paraphrase, format: 'text/plain', language: meta.language, purpose: 'describing' },
        { type: 'TextualBody', value: 'claim', format: 'text/plain', language: tagLanguage, purpose: 'tagging' }
      ],
      target: target(snapshot, comment(node.comment), node.markId)
    };
  };
  const annotation = (id: string): WebAnnotation => {
    const node = graph.annotations[id]!;
    const { data, body } = snapshot.annotations[id]!;
    const anchor = node.markId
      ? { comment: node.comment!, markId: node.markId }
      : { comment: graph.claims[node.on!]!.comment, markId: graph.claims[node.on!]!.markId };
    return {
      '@context': context,
      id: absolute(snapshot, sitePath.annotation(id)),
      type: 'Annotation',
      motivation: motivations[node.kind],
      created: dateTime(data.created ?? meta.published),
      creator: data.contributor ? { type: 'Person', name: data.contributor, nickname: data.contributor } : editors,
      body: [
        { type: 'TextualBody', value: body, format: 'text/markdown', language: meta.language, purpose: motivations[node.kind] },
        { type: 'TextualBody', value: node.kind, format: 'text/plain', language: tagLanguage, purpose: 'tagging' }
      ],
      target: target(snapshot, comment(anchor.comment), anchor.markId)
    };
  };
  return itemOrder(graph)
    .slice(start, end)
    .map((item) => (item.kind === 'claim' ? claim(item.id) : annotation(item.id)));
}

/** How many annotations an Annotation Page holds: most guides' in one. */
export const annotationPageSize = 1000;

export interface AnnotationPage {
  '@context'?: string;
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; type: 'AnnotationCollection'; label: string; total: number };
  startIndex: number;
  items: WebAnnotation[];
  /** The next and previous pages, by address: each is a document of its own. */
  next?: string;
  prev?: string;
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** The first page, embedded, so that a guide that fits in one page is one file. */
  first: AnnotationPage;
  last: string;
}

/** The number of Annotation Pages of a guide: one at least, even when it has no annotation. */
export function annotationPageCount(graph: GuideSnapshot['graph'], pageSize = annotationPageSize): number {
  return Math.max(1, Math.ceil(itemOrder(graph).length / pageSize));
}

/** The site path of the Annotation Page numbered `number` (from 1). */
export const annotationPagePath = (number: number) => `/annotations/page-${number}.jsonld`;

/**
 * The Annotation Page numbered `number` (from 1), as the document published
 * at `annotationPagePath(number)`: with the model's `@context`, the
 * collection it is part of, and the addresses of the pages before and after.
 */
export function annotationPage(snapshot: GuideSnapshot, number: number, pageSize = annotationPageSize): AnnotationPage {
  const count = annotationPageCount(snapshot.graph, pageSize);
  if (!Number.isInteger(number) || number < 1 || number > count) throw new Error(`No Annotation Page ${number}: there are ${count}`);
  const startIndex = (number - 1) * pageSize;
  return {
    '@context': context,
    id: absolute(snapshot, annotationPagePath(number)),
    type: 'AnnotationPage',
    partOf: { id: absolute(snapshot, '/annotations.jsonld'), type: 'AnnotationCollection', label: collectionLabel(snapshot), total: itemOrder(snapshot.graph).length },
    startIndex,
    items: webAnnotations(snapshot, startIndex, startIndex + pageSize),
    ...(number < count ? { next: absolute(snapshot, annotationPagePath(number + 1)) } : {}),
    ...(number > 1 ? { prev: absolute(snapshot, annotationPagePath(number - 1)) } : {})
  };
}

const collectionLabel = (snapshot: GuideSnapshot) => `${snapshot.meta.title}: claims and annotations`;

/**
 * The collection, `/annotations.jsonld`, with its first page embedded (under
 * the collection's own `@context`); the others are documents of their own.
 */
export function annotationCollection(snapshot: GuideSnapshot, pageSize = annotationPageSize): AnnotationCollection {
  const { '@context': _context, ...first } = annotationPage(snapshot, 1, pageSize);
  return {
    '@context': context,
    id: absolute(snapshot, '/annotations.jsonld'),
    type: 'AnnotationCollection',
    label: collectionLabel(snapshot),
    total: itemOrder(snapshot.graph).length,
    first,
    last: absolute(snapshot, annotationPagePath(annotationPageCount(snapshot.graph, pageSize)))
  };
}
