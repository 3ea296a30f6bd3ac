/**
 * The cross-link graph: what every page and export reads. Plain, serialisable
 * data (ids, offsets and edges): it is built once per run and held in memory
 * while the pages are built, so it holds no parsed trees and no HTML.
 */
import type { AnnotationKind, Citation, CommentStatus, RelationType } from '../model/schema.ts';

/** Who makes a claim: a commenter, or an outside work quoted in a comment. */
export type Speaker = { kind: 'commenter'; key: string } | { kind: 'outside'; source: string };

export type MarkKind = 'claim' | 'citation' | 'annotation' | 'quoted' | 'note';

/** A span of a comment that the rendered thread wraps in `<mark>`. */
export interface Mark {
  /** DOM id of the span's first fragment; unique on the reading page. */
  id: string;
  kind: MarkKind;
  /** What the mark is for: the id of the claim, source, annotation, term, quotation or note. */
  target: string;
  start: number;
  end: number;
}

export type QuotedWork =
  | { kind: 'comment'; comment: string; markId: string }
  /** A work outside the thread; without `source`, a text the guide has no source for. */
  | { kind: 'outside'; source?: string; locator?: string };

export interface QuotationNode {
  /** DOM id of the quotation: `<comment>-quote-<n>`. */
  id: string;
  comment: string;
  start: number;
  end: number;
  quotes: QuotedWork;
}

export interface EditorNoteNode {
  /** DOM id of the note. */
  id: string;
  /** The mark on the words the note is about, if any. */
  markId?: string;
}

export interface CommentNode {
  id: string;
  label: string;
  /** The commenter's key; none for a comment whose author the platform no longer shows. */
  author?: string;
  order: number;
  replyTo?: string;
  permalink: string;
  permalinkScope: 'comment' | 'subthread';
  date?: string;
  edited?: string | true;
  status?: CommentStatus;
  repliesNotCaptured?: number;
  /** The comment's text as selectors address it; the renderer checks it still holds. */
  text: string;
  marks: Mark[];
  quotations: QuotationNode[];
  /** Later quotations of this comment's words. */
  quotedBy: { quotation: string; comment: string; markId: string }[];
  notes: EditorNoteNode[];
  /** Claims made in this comment, in reading order. */
  claims: string[];
  /** Comments that reply to this one. */
  replies: string[];
}

export interface RelationEdge {
  type: RelationType;
  /** `out`: this claim relates to `claim`; `in`: `claim` relates to this one. */
  direction: 'out' | 'in';
  claim: string;
  note?: string;
}

export interface ClaimNode {
  id: string;
  /** Position in reading order, from 1. */
  number: number;
  label: string;
  comment: string;
  speaker: Speaker;
  markId: string;
  exact: string;
  /** The rest of the paragraph around the words, for showing them in context. */
  before: string;
  after: string;
  citations: Citation[];
  relations: RelationEdge[];
  annotations: string[];
  /** A main claim of its commenter. */
  main: boolean;
  /** The strongest counterargument: an annotation on this claim, or a claim attacking it. */
  strongestCounterargument?: { kind: 'annotation' | 'claim'; id: string };
  /** The cruxes this claim is part of. */
  cruxes: string[];
}

export interface CruxNode {
  id: string;
  claims: string[];
}

export interface AnnotationNode {
  id: string;
  kind: AnnotationKind;
  on?: string;
  comment?: string;
  markId?: string;
  exact?: string;
  citations: Citation[];
}

export type CitingKind = 'claim' | 'annotation' | 'term' | 'comment';

/** One place that cites a source. */
export interface SourceCitation {
  from: { kind: CitingKind; id: string };
  locator?: string;
  note?: string;
  /** The mark in the thread, when the citation is a place in the thread. */
  markId?: string;
}

export interface SourceNode {
  id: string;
  /** Every locator cited, in order of first citation. */
  locators: string[];
  citedBy: SourceCitation[];
}

export interface TermNode {
  id: string;
  /** The comments and annotations that use the term; the first use in each links to it. */
  uses: { kind: 'comment' | 'annotation'; id: string }[];
}

export interface GuideGraph {
  /** Comments in reading order. */
  comments: CommentNode[];
  claims: Record<string, ClaimNode>;
  /** Claim ids in reading order. */
  claimOrder: string[];
  annotations: Record<string, AnnotationNode>;
  sources: Record<string, SourceNode>;
  terms: Record<string, TermNode>;
  cruxes: Record<string, CruxNode>;
  /** For each site path the guide's own text links to, the entries whose text links there. */
  linkedFrom: Record<string, LinkSource[]>;
}

/** An entry whose Markdown links to a page of the site. */
export interface LinkSource {
  kind: 'claim' | 'annotation' | 'source' | 'term' | 'crux' | 'page';
  id: string;
}
