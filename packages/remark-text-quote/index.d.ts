import type { Properties } from 'hast';
import type { Data, InlineCode, Parent, PhrasingContent, RootContent, Text } from 'mdast';

export { default, excerpt, findTextQuote, indexText, markTextQuotes } from './lib/index.js';

/**
 * A W3C Web Annotation text quote selector: the words, and optionally the
 * words right before and after them, to pick one place where they occur more
 * than once. A run of white space in any of them matches any run of white
 * space in the text.
 */
export interface TextQuoteSelector {
  type?: 'TextQuoteSelector' | undefined;
  /** The words selected; not empty. */
  exact: string;
  /** Words that end right before `exact`. */
  prefix?: string | undefined;
  /** Words that start right after `exact`. */
  suffix?: string | undefined;
}

/**
 * A W3C Web Annotation text position selector: the offsets, in UTF-16 code
 * units, of the range's first character and of the character after its last,
 * in the text `indexText` gives.
 */
export interface TextPositionSelector {
  type?: 'TextPositionSelector' | undefined;
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** One range of text to wrap, and how. */
export interface Annotation {
  /** What to wrap. */
  selector: Selector;
  /** The `id` of the first element that wraps the range; the others get none. */
  id?: string | undefined;
  /** The element to wrap the range in; `Options.tagName` when not given. */
  tagName?: string | undefined;
  /** Properties of every element that wraps the range, as in hast (`className`, `dataFoo`). */
  properties?: Properties | undefined;
  /**
   * Nodes to put after the last piece of the range (a copy of them in each
   * document); after the link that holds it, when it ends inside a link.
   */
  after?: PhrasingContent[] | undefined;
}

/** Configuration. */
export interface Options {
  /** The ranges to wrap. */
  annotations: readonly Annotation[];
  /** The element an annotation is wrapped in when it does not name one; `'mark'` when not given. */
  tagName?: string | undefined;
}

/** A range of the text: the offset of its first character, and of the character after its last. */
export interface TextRange {
  start: number;
  end: number;
}

/** The range an annotation selects. */
export interface TextQuoteMatch extends TextRange {
  annotation: Annotation;
}

/** A text node or inline code, with the range of the text its value is. */
export interface TextLeaf extends TextRange {
  node: Text | InlineCode;
}

/** A child of the root, with the range of the text it holds. */
export interface BlockRange<Node extends RootContent = RootContent> extends TextRange {
  node: Node;
}

/** The text of a document, as selectors address it, and where each part of it comes from. */
export interface TextIndex {
  /** The `value` of each text node and inline code in order, a line feed for each hard break, and one between blocks. */
  text: string;
  /** Every text node and inline code, in order. */
  leaves: TextLeaf[];
  /** Every child of the root, in order. */
  blocks: BlockRange[];
}

/** Fields of `TextQuoteMark` that remark-rehype reads. */
export interface TextQuoteMarkData extends Data {
  hName: string;
  hProperties: Properties;
}

/** One piece of a range, wrapped: remark-rehype makes it the element `data.hName`. */
export interface TextQuoteMark extends Parent {
  type: 'textQuoteMark';
  children: PhrasingContent[];
  data: TextQuoteMarkData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    textQuoteMark: TextQuoteMark;
  }
  interface RootContentMap {
    textQuoteMark: TextQuoteMark;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The ranges remark-text-quote found, one for each annotation that selects one. */
    textQuotes: TextQuoteMatch[];
  }
}
