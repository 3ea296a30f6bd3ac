/**
 * ForumMagnum (LessWrong, the AI Alignment Forum, the EA Forum): the result
 * of a GraphQL query for a post's comments, a flat list in which each
 * comment names its parent, with the post itself when the query asks for it:
 *
 *     { "data": { "post": { "result": { "title", "pageUrl" } },
 *                 "comments": { "results": [{ "_id", "parentCommentId", "postedAt",
 *                   "deleted", "contents": { "markdown", "html" },
 *                   "user": { "displayName", "username" }, "pageUrl" }] } } }
 */
import { z } from 'zod';
import { dateString, readAs } from '../json.ts';
import { CaptureError, type CapturedComment, type CapturedThread, type CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';

const comment = z.looseObject({
  _id: z.string().min(1),
  postId: z.string().nullish(),
  parentCommentId: z.string().nullish(),
  postedAt: dateString.nullish(),
  lastEditedAt: dateString.nullish(),
  deleted: z.boolean().nullish(),
  deletedPublic: z.boolean().nullish(),
  contents: z.looseObject({ markdown: z.string().nullish(), html: z.string().nullish() }).nullish(),
  user: z.looseObject({ _id: z.string().nullish(), displayName: z.string().nullish(), username: z.string().nullish(), slug: z.string().nullish() }).nullish(),
  pageUrl: z.url()
});

const response = z.looseObject({
  data: z.looseObject({
    post: z.looseObject({ result: z.looseObject({ title: z.string(), pageUrl: z.url().nullish() }).nullish() }).nullish(),
    comments: z.looseObject({ results: z.array(comment) })
  })
});

/** The names readers know the ForumMagnum sites by. */
const sites: Record<string, string> = {
  'www.lesswrong.com': 'LessWrong',
  'lesswrong.com': 'LessWrong',
  'www.alignmentforum.org': 'AI Alignment Forum',
  'alignmentforum.org': 'AI Alignment Forum',
  'forum.effectivealtruism.org': 'EA Forum'
};

function isResponse(document: unknown): boolean {
  const data = (document as { data?: { comments?: { results?: unknown } } } | null)?.data;
  return Array.isArray(data?.comments?.results) && (data.comments.results as unknown[]).every((item) => typeof (item as { _id?: unknown })?._id === 'string');
}

export const forumMagnum: JsonFormat = {
  format: 'forummagnum',
  detect: (documents) => documents.length > 0 && documents.every(isResponse),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    let title: string | undefined;
    let postUrl: string | undefined;
    const comments: CapturedComment[] = [];
    const seen = new Set<string>();
    for (const [index, document] of documents.entries()) {
      const { data } = readAs(response, document, files[index]!.name);
      title ??= data.post?.result?.title;
      postUrl ??= data.post?.result?.pageUrl ?? undefined;
      for (const item of data.comments.results) {
        // Pages of one query may repeat a comment at their edges.
        if (seen.has(item._id)) continue;
        seen.add(item._id);
        comments.push(toComment(item));
      }
    }
    const first = comments[0] ? new URL(comments[0].permalink) : undefined;
    // A comment's address is the post's with `?commentId=`: without the post, it gives the post's address.
    const url = postUrl ?? (first ? `${first.origin}${first.pathname}` : undefined);
    const host = url ? new URL(url).host : undefined;
    return { format: 'forummagnum', title, site: host ? (sites[host] ?? host) : undefined, url, base: url ?? '', comments };
  }
};

function toComment(item: z.output<typeof comment>): CapturedComment {
  const permalink = new URL(item.pageUrl);
  const result: CapturedComment = {
    id: item._id,
    permalink: permalink.href,
    body: item.contents?.markdown != null ? { markdown: item.contents.markdown } : { html: item.contents?.html ?? '' }
  };
  // A comment's link may open the subthread it is in: ForumMagnum links a comment by its own id.
  const linked = permalink.searchParams.get('commentId');
  if (linked !== null && linked !== item._id) result.permalinkOpensSubthread = true;
  if (item.parentCommentId) result.parent = item.parentCommentId;
  if (item.postedAt) result.date = new Date(item.postedAt).toISOString();
  if (item.lastEditedAt && item.postedAt && Date.parse(item.lastEditedAt) > Date.parse(item.postedAt)) result.edited = new Date(item.lastEditedAt).toISOString();
  if (item.deleted) {
    result.status = 'deleted';
    result.body = { text: '' };
  }
  const name = item.user?.displayName ?? item.user?.username;
  if (name && !item.deleted) result.author = { id: item.user?._id ?? item.user?.username ?? name, name };
  return result;
}

/**
 * The Markdown of `/api/post/<id>/comments`: a page headed "Comments:
 * <title>", then for each comment a `### Comment by <user>` heading, a list
 * of facts (its date, its karma, its reply depth, links to its parent and to
 * itself), and its Markdown indented by one tab a level of depth.
 */
export const forumMagnumMarkdown = {
  detect: (file: CaptureFile) => /^#{1,3} Comment by /m.test(file.text) && /HTML permalink: /.test(file.text),
  read(files: readonly CaptureFile[], options: { base?: string }): CapturedThread {
    const comments: CapturedComment[] = [];
    let title: string | undefined;
    let origin: string | undefined;
    let postPath: string | undefined;
    for (const file of files) {
      const text = file.text.replace(/\r\n?/g, '\n');
      title ??= /^# Comments: (.+)$/m.exec(text)?.[1]?.trim();
      origin ??= /\]\((https?:\/\/[^/)\s]+)\/api\/home\)/.exec(text)?.[1];
      postPath ??= /Post URL \(HTML\): \[[^\]]*\]\((\/posts\/[^)\s]+)\)/.exec(text)?.[1];
      const sections = text.split(/^### /m).slice(1);
      for (const section of sections) {
        if (!section.startsWith('Comment by ')) continue;
        comments.push(markdownComment(section, file));
      }
    }
    origin ??= options.base ? new URL(options.base).origin : undefined;
    if (!origin) throw new CaptureError(files[0]!.name, 'line 1', 'the page does not say which site it is from: give the address of the post (--url)');
    const url = postPath ? new URL(postPath, origin).href : options.base;
    for (const comment of comments) comment.permalink = new URL(comment.permalink, origin).href;
    const host = new URL(origin).host;
    return { format: 'forummagnum', title, site: sites[host] ?? host, url, base: url ?? origin, comments };
  }
};

const fact = /^[*+-]\s+(.*)$/;

function markdownComment(section: string, file: CaptureFile): CapturedComment {
  const lines = section.split('\n');
  const heading = lines[0]!.slice('Comment by '.length).trim();
  const author = /^\[(.+)\]\(\/users\/([^)\s]+)\)$/.exec(heading);
  let at = 1;
  const facts: string[] = [];
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    const item = fact.exec(line);
    if (item) facts.push(item[1]!.trim());
    else if (line.trim() !== '' || facts.length > 0) break;
  }
  const linked = (label: string) => facts.map((entry) => new RegExp(`^${label}: \\[[^\\]]*\\]\\(([^)\\s]+)\\)$`).exec(entry)?.[1]).find(Boolean);
  const permalink = linked('HTML permalink');
  const id = permalink?.split('/').filter(Boolean).at(-1);
  if (!permalink || !id) throw new CaptureError(file.name, `“### Comment by ${heading}”`, 'a comment without its HTML permalink');
  const depth = Number(facts.map((entry) => /^Reply depth: (\d+)$/.exec(entry)?.[1]).find(Boolean) ?? 0);
  const tabs = '\t'.repeat(Math.min(depth + 1, 6));
  // The body ends where the page's next section (a reaction summary aside) begins.
  const body = lines
    .slice(at)
    .filter((line) => line === '' || line.startsWith(tabs))
    .map((line) => line.slice(tabs.length))
    .join('\n')
    .trim();
  const comment: CapturedComment = { id, permalink, body: { markdown: body } };
  const parent = linked('Parent comment \\(Markdown\\)')?.split('/').filter(Boolean).at(-1);
  if (parent) comment.parent = parent;
  const date = facts.map((entry) => /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})Z$/.exec(entry)).find(Boolean);
  if (date) comment.date = `${date[1]}T${date[2]}.000Z`;
  if (body === '_[No comment body available]_' || body === '') {
    comment.status = 'deleted';
    comment.body = { markdown: '' };
  } else if (author) comment.author = { id: author[2]!, name: author[1]!.replace(/\\(.)/g, '$1') };
  return comment;
}
