import { describe, expect, it } from 'vitest';
import { excerpt, findTextQuote } from '../index.js';

describe('findTextQuote', () => {
  const text = 'the cat saw the\ncat, then the  cat (again).';

  it('finds every occurrence, overlapping ones included', () => {
    expect(findTextQuote('aaa', { exact: 'aa' })).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 }
    ]);
  });

  it('lets a space in the selector match a line break or several spaces in the text', () => {
    expect(findTextQuote(text, { exact: 'the cat' }).map((range) => text.slice(range.start, range.end))).toEqual(['the cat', 'the\ncat', 'the  cat']);
  });

  it('narrows by prefix and suffix, and treats other characters literally', () => {
    expect(findTextQuote(text, { exact: 'cat', prefix: 'then the ' })).toEqual([{ start: 31, end: 34 }]);
    expect(findTextQuote(text, { exact: 'cat', suffix: ',' })).toEqual([{ start: 16, end: 19 }]);
    expect(findTextQuote(text, { exact: 'cat', prefix: 'saw the ', suffix: ', then' })).toEqual([{ start: 16, end: 19 }]);
    expect(findTextQuote(text, { exact: '(again).' })).toHaveLength(1);
    expect(findTextQuote(text, { exact: 'c.t' })).toEqual([]);
  });

  it('wants the prefix to end right before the words, and the suffix to start right after them', () => {
    expect(findTextQuote(text, { exact: 'cat', prefix: 'the' })).toEqual([]);
    expect(findTextQuote(text, { exact: 'cat', suffix: 'then' })).toEqual([]);
    expect(findTextQuote(text, { exact: 'cat', prefix: 'the ' })).toHaveLength(3);
  });

  it('selects nothing with empty words', () => {
    expect(findTextQuote(text, { exact: '' })).toEqual([]);
  });
});

describe('excerpt', () => {
  it('shows the words in brackets with up to 30 characters either side, on one line', () => {
    const text = `${'a'.repeat(40)}\nbefore [the words]\tafter${'b'.repeat(40)}`;
    const start = text.indexOf('the words');
    expect(excerpt(text, { start, end: start + 'the words'.length })).toBe(`…${'a'.repeat(21)} before [[the words]] after${'b'.repeat(23)}…`);
    expect(excerpt('short one', { start: 6, end: 9 })).toBe('…short [one]…');
    expect(excerpt('one short', { start: 0, end: 3 }, 2)).toBe('…[one] s…');
  });

  it('folds runs of spaces to one', () => {
    expect(excerpt('one  two\n\nthree', { start: 5, end: 8 })).toBe('…one [two] three…');
  });
});
