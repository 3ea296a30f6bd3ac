/**
 * Ranges of a comment's text, and the hint for words that match nothing. The
 * matching of text quote selectors is remark-text-quote's `findTextQuote`, so
 * that the graph resolves selectors as the rendered page marks them.
 */
import type { TextRange } from 'remark-text-quote';

export function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: TextRange, inner: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Folds the differences a contributor is most likely to get wrong when typing
 * a quotation: curly and straight quotes, the dashes, non-breaking spaces and
 * case. Every character maps to one character, so offsets are kept.
 */
function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\u2026/g, '…')
    .toLowerCase();
}

/**
 * When `exact` does not occur, the words as the text has them, if they occur
 * once the quotes, dashes and case are folded: the likely intended words.
 */
export function nearMiss(text: string, exact: string): string | undefined {
  const folded = fold(text);
  const wanted = fold(exact);
  const start = folded.indexOf(wanted);
  if (start === -1 || folded.indexOf(wanted, start + 1) !== -1) return undefined;
  return text.slice(start, start + exact.length);
}
