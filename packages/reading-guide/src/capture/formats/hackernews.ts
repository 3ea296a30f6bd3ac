/**
 * Hacker News, from either of its two APIs:
 *
 * - Algolia's `items/<id>`: the story (or a comment) with its replies as a
 *   tree in `children`; a deleted comment keeps its place with no author and
 *   no text.
 * - the official (Firebase) API's items, a list of `item/<id>.json`
 *   responses: each names its replies in `kids`, in the order the site
 *   shows them, and is `deleted` or `dead` (flagged or killed) when the site
 *   no longer shows it.
 *
 * Either way the text is HTML, in which a paragraph starting with `>` quotes
 * someone, by the site's convention.
 */
import { z } from 'zod';
import { dateString, readAs, unixSeconds } from '../json.ts';
import type { CapturedComment, CapturedThread, CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';

const site = 'Hacker News';
const itemUrl = (id: number | string) => `https://news.ycombinator.com/item?id=${id}`;
const unixTime = (seconds: number) => new Date(seconds * 1000).toISOString();

/** One item of the tree; its children are read one at a time as the walk reaches them, so a long chain costs no recursion. */
const algoliaItem = z.looseObject({
  id: z.number().int(),
  created_at: dateString.nullish(),
  created_at_i: unixSeconds.nullish(),
  type: z.string().nullish(),
  author: z.string().nullish(),
  title: z.string().nullish(),
  text: z.string().nullish(),
  story_id: z.number().nullish(),
  parent_id: z.number().nullish(),
  children: z.array(z.unknown())
});
type AlgoliaItem = z.output<typeof algoliaItem>;

export const hackerNewsAlgolia: JsonFormat = {
  format: 'hackernews-algolia',
  detect: (documents) =>
    documents.length === 1 && typeof (documents[0] as AlgoliaItem | null)?.id === 'number' && Array.isArray((documents[0] as AlgoliaItem).children) && 'created_at_i' in (documents[0] as object),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    const file = files[0]!.name;
    const root = readAs(algoliaItem, documents[0], file);
    const comments: CapturedComment[] = [];
    // Iterative, depth first: a long reply chain must not exhaust the stack.
    const stack: { value: unknown; parent?: number; path: PropertyKey[] }[] = [{ value: root, path: [] }];
    while (stack.length > 0) {
      const { value, parent, path } = stack.pop()!;
      const item: AlgoliaItem = value === root ? root : readAs(algoliaItem, value, file, path);
      const comment = fromItem(item.id, parent, item.author, item.text, item.created_at ? new Date(item.created_at).toISOString() : item.created_at_i ? unixTime(item.created_at_i) : undefined);
      // A story that only links elsewhere has no words of its own: its title and address are the thread's.
      if (!(item === root && item.type === 'story' && !item.text)) comments.push(comment);
      else delete comment.parent;
      const replyTo = item === root && item.type === 'story' && !item.text ? undefined : item.id;
      for (let index = item.children.length - 1; index >= 0; index--) stack.push({ value: item.children[index], parent: replyTo, path: [...path, 'children', index] });
    }
    return { format: 'hackernews-algolia', title: root.title ?? undefined, site, url: itemUrl(root.story_id ?? root.id), base: 'https://news.ycombinator.com/', comments, conventions: { quoteLines: true } };
  }
};

const firebaseItem = z.looseObject({
  id: z.number().int(),
  by: z.string().nullish(),
  kids: z.array(z.number().int()).nullish(),
  parent: z.number().int().nullish(),
  text: z.string().nullish(),
  time: unixSeconds.nullish(),
  // Every item of the official API says which of these it is, which tells it from another site's list of ids.
  type: z.enum(['story', 'comment', 'job', 'poll', 'pollopt']),
  children: z.undefined('an item of Algolia’s API (it has `children`): name --format hackernews-algolia').optional(),
  deleted: z.boolean().nullish(),
  dead: z.boolean().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish()
});

const isFirebaseItem = (value: unknown) => typeof (value as { id?: unknown } | null)?.id === 'number' && typeof (value as { type?: unknown }).type === 'string' && !('children' in (value as object));

export const hackerNewsFirebase: JsonFormat = {
  format: 'hackernews-firebase',
  detect: (documents) => documents.length > 0 && documents.every((document) => (Array.isArray(document) ? document.length > 0 && document.every(isFirebaseItem) : isFirebaseItem(document))),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    const items = documents.flatMap((document, index) => readAs(z.union([z.array(firebaseItem), firebaseItem]), document, files[index]!.name)).flat();
    const byId = new Map(items.map((item) => [item.id, item]));
    const root = items.find((item) => item.parent == null || !byId.has(item.parent)) ?? items[0]!;
    const comments: CapturedComment[] = [];
    const placed = new Set<number>();
    const linkOnly = root.type === 'story' && !root.text;
    const stack: { id: number; parent?: number }[] = [{ id: root.id }];
    while (stack.length > 0) {
      const { id, parent } = stack.pop()!;
      const item = byId.get(id);
      if (!item || placed.has(id)) continue;
      placed.add(id);
      const comment = fromItem(item.id, parent, item.by, item.text, item.time ? unixTime(item.time) : undefined);
      if (item.deleted) comment.status = 'deleted';
      else if (item.dead) comment.status = 'removed';
      if (comment.status) {
        delete comment.author;
        comment.body = { html: '' };
      }
      if (!(item === root && linkOnly)) comments.push(comment);
      for (const kid of [...(item.kids ?? [])].reverse()) stack.push({ id: kid, parent: item === root && linkOnly ? undefined : item.id });
    }
    // Items the list holds that no reply chain reaches from the story: a reply to an item left out.
    for (const item of items) {
      if (placed.has(item.id)) continue;
      placed.add(item.id);
      comments.push(fromItem(item.id, item.parent ?? undefined, item.by, item.text, item.time ? unixTime(item.time) : undefined));
    }
    return { format: 'hackernews-firebase', title: root.title ?? undefined, site, url: itemUrl(root.id), base: 'https://news.ycombinator.com/', comments, conventions: { quoteLines: true } };
  }
};

function fromItem(id: number, parent: number | undefined, author: string | null | undefined, text: string | null | undefined, date: string | undefined): CapturedComment {
  const comment: CapturedComment = { id: String(id), permalink: itemUrl(id), body: { html: text ?? '' } };
  if (parent !== undefined) comment.parent = String(parent);
  if (author) comment.author = { id: author, name: author };
  else comment.status = 'deleted';
  if (date) comment.date = date;
  return comment;
}
