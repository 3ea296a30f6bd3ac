/**
 * W3C Web Annotation text quote selectors, resolved against a document's text
 * (see `indexText`): the places where `exact` occurs, preceded by `prefix` and
 * followed by `suffix` when those are given.
 */
import type { TextQuoteSelector } from '../load/schema.ts';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Runs of whitespace match runs of whitespace: a comment hard-wrapped in its
 * Markdown file reads as one line, and the words are selected as they read.
 * Everything else must be exact.
 */
function pattern(words: string): string {
  return words
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

export function findTextQuote(text: string, selector: TextQuoteSelector): TextRange[] {
  const exact = new RegExp(pattern(selector.exact), 'g');
  const prefix = selector.prefix === undefined ? undefined : new RegExp(`${pattern(selector.prefix)}$`);
  const suffix = selector.suffix === undefined ? undefined : new RegExp(`^${pattern(selector.suffix)}`);
  const matches: TextRange[] = [];
  for (let match = exact.exec(text); match; match = exact.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // Occurrences may overlap: look again one character further on.
    exact.lastIndex = start + 1;
    if (prefix && !prefix.test(text.slice(0, start))) continue;
    if (suffix && !suffix.test(text.slice(end))) continue;
    matches.push({ start, end });
  }
  return matches;
}

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

/** A short, single-line excerpt around a range, for messages. */
export function excerpt(text: string, range: TextRange, width = 30): string {
  const before = text.slice(Math.max(0, range.start - width), range.start);
  const after = text.slice(range.end, range.end + width);
  return `…${before}[${text.slice(range.start, range.end)}]${after}…`.replace(/\s+/g, ' ');
}
