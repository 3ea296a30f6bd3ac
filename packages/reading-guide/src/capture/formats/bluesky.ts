/**
 * Bluesky: the output of `app.bsky.feed.getPostThread`, a post with the
 * chain of posts above it (`parent`) and the tree below it (`replies`).
 * A post's text is plain; its links, mentions and tags are facets over
 * byte ranges of the UTF-8 text, which become Markdown links. A post that
 * is gone or hidden from the viewer is a `notFoundPost` or `blockedPost`
 * that keeps its place.
 */
import type { Link, PhrasingContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { z } from 'zod';
import { dateString, readAs } from '../json.ts';
import type { CapturedComment, CapturedThread, CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';
import { linesToTree, titleFrom } from '../markdown.ts';

const viewPost = 'app.bsky.feed.defs#threadViewPost';

const facet = z.looseObject({
  index: z.looseObject({ byteStart: z.number().int().nonnegative(), byteEnd: z.number().int().nonnegative() }),
  features: z.array(z.looseObject({ $type: z.string(), uri: z.string().optional(), did: z.string().optional(), tag: z.string().optional() }))
});

const post = z.looseObject({
  uri: z.string(),
  author: z.looseObject({ did: z.string(), handle: z.string(), displayName: z.string().nullish() }),
  record: z.looseObject({ text: z.string(), createdAt: dateString.nullish(), facets: z.array(facet).nullish() }),
  indexedAt: dateString.nullish()
});

/**
 * One node of the thread, read one at a time as the walk reaches it (its
 * parent and replies are checked when their turn comes), so that a deep
 * thread costs no recursion and a wrong node is reported at its own path.
 */
const threadNode = z.looseObject({
  $type: z.string().optional(),
  uri: z.string().optional(),
  post: z.unknown().optional(),
  parent: z.unknown().optional(),
  replies: z.array(z.unknown()).nullish(),
  notFound: z.boolean().optional(),
  blocked: z.boolean().optional()
});
type ThreadNode = z.output<typeof threadNode>;

const isThread = (value: unknown) => typeof (value as { thread?: { $type?: unknown } } | null)?.thread?.$type === 'string';

export const bluesky: JsonFormat = {
  format: 'bluesky',
  detect: (documents) => documents.length === 1 && isThread(documents[0]),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    const file = files[0]!.name;
    const nodeAt = (value: unknown, path: readonly PropertyKey[]) => readAs(threadNode, value, file, path);
    const top = nodeAt((documents[0] as { thread?: unknown } | null)?.thread, ['thread']);
    // The chain of parents, oldest first, then the post and its replies, depth first.
    const chain: { node: ThreadNode; path: PropertyKey[] }[] = [];
    let path: PropertyKey[] = ['thread'];
    for (let node: ThreadNode | undefined = top; node; ) {
      chain.unshift({ node, path });
      path = [...path, 'parent'];
      node = node.parent === undefined ? undefined : nodeAt(node.parent, path);
    }
    const comments: CapturedComment[] = [];
    let parent: string | undefined;
    for (const { node, path: at } of chain.slice(0, -1)) {
      comments.push(fromNode(node, parent, file, at));
      parent = comments.at(-1)!.id;
    }
    const stack: { node: unknown; parent?: string; path: PropertyKey[] }[] = [{ node: top, parent, path: ['thread'] }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const node = nodeAt(item.node, item.path);
      const captured = fromNode(node, item.parent, file, item.path);
      comments.push(captured);
      const replies = node.replies ?? [];
      for (let index = replies.length - 1; index >= 0; index--) stack.push({ node: replies[index], parent: captured.id, path: [...item.path, 'replies', index] });
    }
    const root = comments[0]!;
    return { format: 'bluesky', title: titleOf(chain[0]!.node), site: 'Bluesky', url: root.permalink, base: 'https://bsky.app/', comments };
  }
};

/** `at://did/app.bsky.feed.post/rkey` → `https://bsky.app/profile/<handle or did>/post/<rkey>` */
function webAddress(uri: string, handle?: string): string {
  const [, did, , rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri) ?? [];
  return `https://bsky.app/profile/${handle ?? did ?? 'unknown'}/post/${rkey ?? ''}`;
}

function fromNode(node: ThreadNode, parent: string | undefined, file: string, path: PropertyKey[]): CapturedComment {
  if (node.$type !== viewPost || !node.post) {
    const uri = node.uri ?? '';
    const captured: CapturedComment = { id: uri, permalink: webAddress(uri), status: node.notFound ? 'deleted' : 'unavailable', body: { markdown: '' } };
    if (parent) captured.parent = parent;
    return captured;
  }
  const item = readAs(post, node.post, file, [...path, 'post']);
  const captured: CapturedComment = {
    id: item.uri,
    permalink: webAddress(item.uri, item.author.handle),
    author: { id: item.author.did, name: item.author.displayName || item.author.handle },
    body: { markdown: textWithFacets(item.record.text, item.record.facets ?? []) }
  };
  if (parent) captured.parent = parent;
  const date = item.record.createdAt ?? item.indexedAt;
  if (date) captured.date = new Date(date).toISOString();
  return captured;
}

function titleOf(node: ThreadNode): string | undefined {
  const text = (node.post as { record?: { text?: unknown } } | undefined)?.record?.text;
  return typeof text === 'string' ? titleFrom(text) : undefined;
}

const stringify = unified().use(remarkStringify, { bullet: '-', emphasis: '*' }).freeze();

/**
 * The post's text as Markdown: one paragraph a line (a line starting with
 * `>` a quotation, as in plain text), with each facet's bytes a link to what
 * it names. Facets index the UTF-8 bytes of the text; one whose ends do not
 * fall between two characters is left out, so that no character is split.
 *
 * By hand rather than with @atproto/api's RichText: that package brings the
 * whole AT Protocol client for these few lines, and the byte arithmetic is
 * tested here (a facet after non-ASCII text, and one that splits a character).
 */
function textWithFacets(text: string, facets: readonly z.output<typeof facet>[]): string {
  // The byte offset at which each character starts, and the text's length in bytes.
  const starts = new Map<number, number>();
  let bytes = 0;
  let index = 0;
  for (const character of text) {
    starts.set(bytes, index);
    bytes += new TextEncoder().encode(character).length;
    index += character.length;
  }
  starts.set(bytes, text.length);
  const spans = facets
    .map((item) => ({ from: starts.get(item.index.byteStart), to: starts.get(item.index.byteEnd), href: linkOf(item.features) }))
    .filter((span): span is { from: number; to: number; href: string } => span.from !== undefined && span.to !== undefined && span.to > span.from && span.href !== undefined)
    .sort((a, b) => a.from - b.from);
  const inline: PhrasingContent[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.from < at) continue;
    if (span.from > at) inline.push({ type: 'text', value: text.slice(at, span.from) });
    inline.push({ type: 'link', url: span.href, children: [{ type: 'text', value: text.slice(span.from, span.to) }] } satisfies Link);
    at = span.to;
  }
  if (at < text.length) inline.push({ type: 'text', value: text.slice(at) });
  // Split the words at line breaks: a link never holds one.
  const lines: PhrasingContent[][] = [[]];
  for (const node of inline) {
    if (node.type !== 'text') {
      lines.at(-1)!.push(node);
      continue;
    }
    for (const [offset, part] of node.value.split('\n').entries()) {
      if (offset > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
    }
  }
  return String(stringify.stringify(linesToTree(lines))).trim();
}

function linkOf(features: z.output<typeof facet>['features']): string | undefined {
  for (const feature of features) {
    if (feature.$type === 'app.bsky.richtext.facet#link' && feature.uri && /^https?:\/\//.test(feature.uri)) return feature.uri;
    if (feature.$type === 'app.bsky.richtext.facet#mention' && feature.did) return `https://bsky.app/profile/${feature.did}`;
    if (feature.$type === 'app.bsky.richtext.facet#tag' && feature.tag) return `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`;
  }
  return undefined;
}
