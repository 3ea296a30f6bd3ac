/**
 * Finds an item of a list by its id, through an index built once per list:
 * pages and plugins look entries up by id for every mark, note and link, and
 * a linear search there makes the build quadratic in the size of the guide.
 * Lists are never changed once loaded, so the index stays true.
 */
const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (!index) indexes.set(list, (index = new Map(list.map((item) => [item.id, item]))));
  return index.get(id) as T | undefined;
}
