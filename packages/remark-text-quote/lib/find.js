/**
 * @import {TextQuoteSelector, TextRange} from '../index.js'
 */

/**
 * A regular expression source for `words`, in which a run of white space
 * matches any run of white space: text hard-wrapped in its Markdown file reads
 * as one line, and a quote copied from the rendered page must still match.
 * Everything else is literal.
 *
 * @param {string} words
 * @returns {string}
 */
function pattern(words) {
  return words
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/**
 * Find every range of `text` that a text quote selector selects: each place
 * where `exact` occurs, right after `prefix` and right before `suffix` when
 * those are given. Occurrences may overlap.
 *
 * @param {string} text
 *   The text, as `indexText` gives it.
 * @param {Readonly<TextQuoteSelector>} selector
 *   The quote.
 * @returns {TextRange[]}
 *   The ranges, in order; none for an empty `exact`.
 */
export function findTextQuote(text, selector) {
  if (selector.exact === '') return [];
  const exact = new RegExp(pattern(selector.exact), 'g');
  // Sticky lookbehind and lookahead test the context at one place only, so
  // that matching costs the length of the text, not its square.
  const prefix = selector.prefix === undefined ? undefined : new RegExp(`(?<=${pattern(selector.prefix)})`, 'y');
  const suffix = selector.suffix === undefined ? undefined : new RegExp(pattern(selector.suffix), 'y');
  /** @type {TextRange[]} */
  const matches = [];
  for (let match = exact.exec(text); match; match = exact.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // Occurrences may overlap: look again one character further on.
    exact.lastIndex = start + 1;
    if (prefix && !testAt(prefix, text, start)) continue;
    if (suffix && !testAt(suffix, text, end)) continue;
    matches.push({ start, end });
  }
  return matches;
}

/**
 * @param {RegExp} sticky
 * @param {string} text
 * @param {number} at
 * @returns {boolean}
 */
function testAt(sticky, text, at) {
  sticky.lastIndex = at;
  return sticky.test(text);
}

/**
 * A short excerpt of `text` on one line, with the range in brackets and up to
 * `width` characters either side: for messages that point at a place.
 *
 * @param {string} text
 * @param {Readonly<TextRange>} range
 * @param {number} [width=30]
 * @returns {string}
 */
export function excerpt(text, range, width = 30) {
  const before = text.slice(Math.max(0, range.start - width), range.start);
  const after = text.slice(range.end, range.end + width);
  return `…${before}[${text.slice(range.start, range.end)}]${after}…`.replace(/\s+/g, ' ');
}
