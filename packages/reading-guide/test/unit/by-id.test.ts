import { describe, expect, it } from 'vitest';
import { byId } from '../../src/util/by-id.ts';

describe('byId', () => {
  it('finds an item by its id, and nothing for an unknown id', () => {
    const list = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }];
    expect(byId(list, 'b')).toBe(list[1]);
    expect(byId(list, 'c')).toBeUndefined();
  });

  it('sees an item added after the first lookup', () => {
    const list = [{ id: 'a' }];
    expect(byId(list, 'b')).toBeUndefined();
    list.push({ id: 'b' });
    expect(byId(list, 'b')).toBe(list[1]);
  });
});
