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
 * Folds the differences a contributor or a quoting commenter is most likely
 * to make when typing a quotation: curly and straight quotes, the dashes,
 * non-breaking spaces and case. Every UTF-16 unit maps to one unit, so a range
 * in the folded text is the same range in the text.
 */
export function foldQuotation(text: string): string {
  let folded = '';
  for (const unit of text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u2009\u202F]/g, ' ')) {
    const lower = unit.toLowerCase();
    folded += lower.length === unit.length ? lower : unit;
  }
  return folded;
}

/**
 * When `exact` does not occur, the words as the text has them, if they occur
 * once the quotes, dashes and case are folded: the likely intended words.
 */
export function nearMiss(text: string, exact: string): string | undefined {
  const folded = foldQuotation(text);
  const wanted = foldQuotation(exact);
  const start = folded.indexOf(wanted);
  if (start === -1 || folded.indexOf(wanted, start + 1) !== -1) return undefined;
  return text.slice(start, start + exact.length);
}
