/**
 * Reddit: a thread's `.json`, two listings: the post (`t3`), then its
 * comments (`t1`), each with its replies as a listing of its own. Where
 * Reddit did not send every reply it leaves a `more` stub with their
 * count: kept as replies not captured. Bodies are Markdown with `&`, `<`
 * and `>` escaped as HTML entities; a deleted comment reads `[deleted]`, a
 * removed one `[removed]`.
 */
import { z } from 'zod';
import { readAs, unixSeconds } from '../json.ts';
import type { CapturedComment, CapturedThread, CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';

const origin = 'https://www.reddit.com';

interface Thing {
  kind: string;
  data: Record<string, unknown>;
}

interface Listing {
  kind: 'Listing';
  data: { children: Thing[] };
}

const thing = z.looseObject({ kind: z.string(), data: z.record(z.string(), z.unknown()) });
const listing = z.looseObject({ kind: z.literal('Listing'), data: z.looseObject({ children: z.array(thing) }) });
const thread = z.tuple([listing, listing]);

const post = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  selftext: z.string().nullish(),
  author: z.string().nullish(),
  created_utc: unixSeconds.nullish(),
  edited: z.union([z.boolean(), unixSeconds]).nullish(),
  permalink: z.string(),
  removed_by_category: z.string().nullish()
});

const comment = z.looseObject({
  id: z.string(),
  name: z.string(),
  parent_id: z.string(),
  author: z.string().nullish(),
  body: z.string().nullish(),
  created_utc: unixSeconds.nullish(),
  edited: z.union([z.boolean(), unixSeconds]).nullish(),
  permalink: z.string(),
  replies: z.union([z.literal(''), listing]).nullish()
});

const more = z.looseObject({ count: z.number().int().nonnegative(), children: z.array(z.string()).default([]), parent_id: z.string() });

/** Reddit escapes these three in Markdown bodies; nothing else. */
const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const utc = (seconds: number) => new Date(seconds * 1000).toISOString();

export const reddit: JsonFormat = {
  format: 'reddit',
  detect: (documents) =>
    documents.length === 1 && Array.isArray(documents[0]) && (documents[0] as Listing[]).length === 2 && (documents[0] as Listing[])[0]?.data?.children?.[0]?.kind === 't3',
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    const file = files[0]!.name;
    const [posts, replies] = readAs(thread, documents[0], file);
    const first = posts.data.children[0];
    const op = readAs(post, first?.data, file, [0, 'data', 'children', 0, 'data']);
    const url = `${origin}${op.permalink}`;
    const comments: CapturedComment[] = [];
    const byName = new Map<string, CapturedComment>();
    let uncaptured = 0;
    const text = op.selftext ? unescape(op.selftext) : '';
    if (text !== '' || op.removed_by_category) {
      const root = withStatus({ id: op.name, permalink: url, body: { markdown: text } }, op.author, text);
      if (op.created_utc) root.date = utc(op.created_utc);
      if (typeof op.edited === 'number') root.edited = utc(op.edited);
      comments.push(root);
      byName.set(op.name, root);
    }
    // Depth first, each listing's children in Reddit's order.
    const stack: { thing: Thing; path: PropertyKey[] }[] = replies.data.children.map((child, index) => ({ thing: child, path: [1, 'data', 'children', index] })).reverse();
    while (stack.length > 0) {
      const { thing: item, path } = stack.pop()!;
      if (item.kind === 'more') {
        const stub = readAs(more, item.data, file, [...path, 'data']);
        const count = Math.max(stub.count, stub.children.length);
        const parent = byName.get(stub.parent_id);
        if (parent) parent.repliesNotCaptured = (parent.repliesNotCaptured ?? 0) + count;
        else uncaptured += count;
        continue;
      }
      if (item.kind !== 't1') continue;
      const data = readAs(comment, item.data, file, [...path, 'data']);
      const body = unescape(data.body ?? '');
      const captured = withStatus({ id: data.name, permalink: `${origin}${data.permalink}`, body: { markdown: body } }, data.author, body);
      if (byName.has(data.parent_id)) captured.parent = data.parent_id;
      if (data.created_utc) captured.date = utc(data.created_utc);
      if (typeof data.edited === 'number') captured.edited = utc(data.edited);
      comments.push(captured);
      byName.set(data.name, captured);
      if (data.replies) {
        const children = data.replies.data.children;
        for (let index = children.length - 1; index >= 0; index--) stack.push({ thing: children[index]!, path: [...path, 'data', 'replies', 'data', 'children', index] });
      }
    }
    // Reddit renders no HTML: a tag in a comment is the words typed.
    return { format: 'reddit', title: op.title, site: 'Reddit', url, base: origin, comments, conventions: { rawHtml: 'text' }, ...(uncaptured > 0 ? { repliesNotCaptured: uncaptured } : {}) };
  }
};

/** A comment whose body or author Reddit shows as `[deleted]` or `[removed]`. */
function withStatus(captured: CapturedComment, author: string | null | undefined, body: string): CapturedComment {
  const placeholder = body.trim();
  if (placeholder === '[deleted]' || placeholder === '[removed]') {
    captured.status = placeholder === '[deleted]' ? 'deleted' : 'removed';
    captured.body = { markdown: '' };
  }
  // `[deleted]` as the author: the account is gone; its words may remain.
  if (author && author !== '[deleted]' && !captured.status) captured.author = { id: author, name: author };
  return captured;
}
