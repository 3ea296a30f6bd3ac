/**
 * Where a quotation's words stand in the comments before it. Commenters quote
 * a passage whole, or in pieces with the words between them left out ("…",
 * "...", "[…]"); either way the quotation links to the words it quotes.
 */
import { PassageIndex } from './passage-index.ts';
import { findTextQuote, type TextRange } from 'remark-text-quote';
import { foldQuotation, overlaps } from '../model/text-quote.ts';

/** A piece shorter than this ("and", "the model") would match almost anywhere: it is not looked for on its own. */
export const shortestPiece = 20;

/** An ellipsis marking left-out words, with the spaces around it. */
const omission = /\s*(?:\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3,})\s*/u;

/** The pieces of a quotation that are long enough to look for, in order. */
export function quotedPieces(words: string): string[] {
  return words
    .split(omission)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= shortestPiece);
}

/** A document a quotation may quote: its text, and the ranges that are its own quotations of others. */
export interface QuotableText {
  text: string;
  quotations: readonly TextRange[];
}

/**
 * The places in `document`'s own words (not its quotations of others) that
 * read `words`: each place where the whole passage stands, or, if it stands
 * nowhere whole and has left-out words, the first places where its long
 * pieces stand one after another, as one match.
 */
export function findQuotedPassage(words: string, document: QuotableText): TextRange[][] {
  const own = (range: TextRange) => !document.quotations.some((quotation) => overlaps(quotation, range));
  const whole = findTextQuote(document.text, { exact: words }).filter(own);
  if (whole.length > 0) return whole.map((range) => [range]);
  const pieces = quotedPieces(words);
  // A quotation with no long piece is not found. One with nothing left out is its one piece, and is not found as that either.
  if (pieces.length === 0) return [];
  const ranges: TextRange[] = [];
  let from = 0;
  for (const piece of pieces) {
    const next = findTextQuote(document.text, { exact: piece }).find((range) => range.start >= from && own(range));
    if (!next) return [];
    ranges.push(next);
    from = next.end;
  }
  return [ranges];
}

/**
 * The documents a quotation may quote, added in reading order, searched
 * through a passage index so that matching a thread's quotations does not
 * cost the square of its length.
 */
export class EarlierPassages<Document> {
  readonly #index = new PassageIndex<{ document: Document; text: QuotableText }>();

  add(document: Document, text: QuotableText): void {
    const folded = { text: foldQuotation(text.text), quotations: text.quotations };
    this.#index.add({ document, text: folded }, folded.text, text.quotations);
  }

  /**
   * Each earlier document's places that read the quotation (see
   * `findQuotedPassage`), up to case, quotation marks and dashes, in the
   * order the documents were added.
   */
  find(quotation: string): { document: Document; ranges: TextRange[] }[] {
    const words = foldQuotation(quotation);
    const pieces = quotedPieces(words);
    const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), '');
    const candidates = new Set(this.#index.candidates(words));
    // A quotation in pieces stands whole in none of them: look where its longest piece stands too.
    if (longest !== '' && longest !== words) for (const candidate of this.#index.candidates(longest)) candidates.add(candidate);
    const ordered = this.#index.ordered(candidates);
    return ordered.flatMap(({ document, text }) => findQuotedPassage(words, text).map((ranges) => ({ document, ranges })));
  }
}
