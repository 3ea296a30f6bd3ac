/**
 * Discourse: a topic's JSON (`/t/{slug}/{id}.json?include_raw=true`), with
 * further posts as the `posts.json` responses that the topic's
 * `post_stream.stream` of ids is fetched in. Each post has its Markdown
 * (`raw`) and its HTML (`cooked`); a reply names the post it answers by
 * number, and a post answering none answers the topic's first. Quotations
 * are Discourse's `[quote="name, post:3, topic:7"]…[/quote]` blocks.
 * The JSON does not say what site it is from: the topic's address does.
 */
import { z } from 'zod';
import { dateString, readAs } from '../json.ts';
import { CaptureError, type CapturedComment, type CapturedThread, type CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';

const post = z.looseObject({
  id: z.number().int(),
  name: z.string().nullish(),
  username: z.string().nullish(),
  created_at: dateString.nullish(),
  updated_at: dateString.nullish(),
  cooked: z.string().nullish(),
  raw: z.string().nullish(),
  post_number: z.number().int(),
  post_type: z.number().int().nullish(),
  reply_to_post_number: z.number().int().nullish(),
  version: z.number().int().nullish(),
  user_deleted: z.boolean().nullish(),
  deleted_at: z.string().nullish(),
  hidden: z.boolean().nullish(),
  action_code: z.string().nullish(),
  topic_id: z.number().int().nullish(),
  topic_slug: z.string().nullish()
});

const postsDocument = z.looseObject({ post_stream: z.looseObject({ posts: z.array(post) }) });
const topicDocument = postsDocument.extend({ id: z.number().int(), title: z.string(), slug: z.string() });

const hasPosts = (value: unknown) => Array.isArray((value as { post_stream?: { posts?: unknown } } | null)?.post_stream?.posts);
const isTopic = (value: unknown) => hasPosts(value) && typeof (value as { title?: unknown }).title === 'string' && typeof (value as { slug?: unknown }).slug === 'string';

/** Discourse's quotation blocks, as Markdown blockquotes: the words stay, the attribution is markup. */
export function quoteBlocks(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n');
  // Innermost first, so that a quotation inside a quotation nests.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\[quote(?:=[^\]\n]*)?\]\n?((?:(?!\[quote[=\]])[\s\S])*?)\n?\[\/quote\]/i, (_, inner: string) =>
      `\n${inner.trim().split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')}\n`
    );
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export const discourse: JsonFormat = {
  format: 'discourse',
  detect: (documents) => documents.filter(isTopic).length === 1 && documents.every(hasPosts),
  read(documents: readonly unknown[], files: readonly CaptureFile[], options?: { base?: string }): CapturedThread {
    const at = Math.max(0, documents.findIndex(isTopic));
    const topic = readAs(topicDocument, documents[at], files[at]!.name);
    if (!options?.base) throw new CaptureError(files[0]!.name, '$', 'a Discourse topic does not say which site it is from: give the address of the topic (--url)');
    const origin = new URL(options.base).origin;
    const url = `${origin}/t/${topic.slug}/${topic.id}`;
    const posts = [...topic.post_stream.posts];
    for (const [index, document] of documents.entries()) if (index !== at) posts.push(...readAs(postsDocument, document, files[index]!.name).post_stream.posts);
    const byNumber = new Map<number, CapturedComment>();
    const comments: CapturedComment[] = [];
    for (const item of [...new Map(posts.map((entry) => [entry.id, entry])).values()].sort((a, b) => a.post_number - b.post_number)) {
      // Notices such as "closed this topic" are the site's, not a participant's.
      if (item.action_code) continue;
      const captured: CapturedComment = {
        id: String(item.post_number),
        permalink: `${url}/${item.post_number}`,
        body: item.raw != null ? { markdown: quoteBlocks(item.raw) } : { html: item.cooked ?? '' }
      };
      if (item.created_at) captured.date = new Date(item.created_at).toISOString();
      // A post's version counts its edits; its `updated_at` also moves for other reasons, so no date is given.
      if ((item.version ?? 1) > 1) captured.edited = true;
      if (item.deleted_at || item.user_deleted) captured.status = 'deleted';
      else if (item.hidden) captured.status = 'removed';
      if (captured.status) captured.body = { markdown: '' };
      else if (item.username) captured.author = { id: item.username, name: item.name || item.username };
      const parent = item.reply_to_post_number ?? (item.post_number > 1 ? 1 : undefined);
      if (parent !== undefined) captured.parent = String(parent);
      byNumber.set(item.post_number, captured);
      comments.push(captured);
    }
    return { format: 'discourse', title: topic.title, site: new URL(origin).host, url, base: origin, comments };
  }
};
