/**
 * Finds an item of a list by its id, through an index built once per list:
 * pages and plugins look entries up by id for every mark, note and link, and
 * a linear search there makes the build quadratic in the size of the guide.
 * Lists are not changed once loaded; should one grow or shrink all the same,
 * its index is rebuilt rather than left stale.
 */
const indexes = new WeakMap<readonly { id: string }[], { length: number; items: Map<string, { id: string }> }>();

export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (index?.length !== list.length) indexes.set(list, (index = { length: list.length, items: new Map(list.map((item) => [item.id, item])) }));
  return index.items.get(id) as T | undefined;
}
