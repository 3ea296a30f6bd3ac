/** The hint a contributor gets when words do not match: the likely words. (The places to choose from are remark-text-quote's `excerpt`.) */
import { describe, expect, it } from 'vitest';
import { contains, nearMiss, overlaps } from '../../src/model/text-quote.ts';

describe('nearMiss', () => {
  const text = 'He said “don’t” — twice\u00a0over… and left.';

  it('finds the words as the text has them when quotes, dashes, spaces, ellipses or case differ', () => {
    expect(nearMiss(text, 'he said "don\'t" - twice over…')).toBe('He said “don’t” — twice\u00a0over…');
    expect(nearMiss('a ‘b’ c', "'b'")).toBe('‘b’');
    expect(nearMiss('a „b“ c', '"b"')).toBe('„b“');
    expect(nearMiss('a b−c', 'b-c')).toBe('b−c');
    expect(nearMiss('a b\u202fc', 'b c')).toBe('b\u202fc');
  });

  it('offers nothing when the words occur twice, or not at all', () => {
    expect(nearMiss('Tasks and tasks', 'TASKS')).toBeUndefined();
    expect(nearMiss(text, 'never said')).toBeUndefined();
    expect(nearMiss('tasks', 'tasks')).toBe('tasks');
  });
});

describe('overlaps and contains', () => {
  it('tells ranges that share a character from ranges that only touch', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 5, end: 9 }, { start: 0, end: 5 })).toBe(false);
  });

  it('counts a range as inside another up to both of its ends', () => {
    expect(contains({ start: 2, end: 8 }, { start: 2, end: 8 })).toBe(true);
    expect(contains({ start: 2, end: 8 }, { start: 1, end: 8 })).toBe(false);
    expect(contains({ start: 2, end: 8 }, { start: 2, end: 9 })).toBe(false);
  });
});
