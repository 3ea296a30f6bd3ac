/** The name a reader sees for each commenter, the same on every page and in every message. */
import { describe, expect, it } from 'vitest';
import { commenterName } from '../../src/model/commenters.ts';

describe('commenterName', () => {
  const guide = { commenters: { A: { name: 'The first commenter', description: 'Writes first.' } }, language: 'en' as const, strings: {} };

  it('gives the name guide.yaml gives a commenter', () => {
    expect(commenterName(guide, 'A')).toBe('The first commenter');
  });

  it('falls back to a neutral label for a key guide.yaml does not name, or without a guide', () => {
    expect(commenterName(guide, 'B')).toBe('Commenter B');
    expect(commenterName(undefined, 'A')).toBe('Commenter A');
  });

  it('names a comment whose author the platform no longer shows', () => {
    expect(commenterName(guide, undefined)).toBe('Unknown commenter');
  });

  it('names them in the guide’s language', () => {
    expect(commenterName({ ...guide, language: 'de' }, 'B')).toBe('Person B');
  });
});
