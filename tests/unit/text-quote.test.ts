/** The hint a contributor gets when words do not match: the likely words. (The places to choose from are remark-text-quote's `excerpt`.) */
import { describe, expect, it } from 'vitest';
import { nearMiss } from '../../src/graph/text-quote.ts';

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
