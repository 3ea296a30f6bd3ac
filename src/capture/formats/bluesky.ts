/**
 * Bluesky: the output of `app.bsky.feed.getPostThread`, a post with the
 * chain of posts above it (`parent`) and the tree below it (`replies`).
 * A post's text is plain; its links, mentions and tags are facets over
 * byte ranges of the UTF-8 text, which become Markdown links. A post that
 * is gone or hidden from the viewer is a `notFoundPost` or `blockedPost`
 * that keeps its place.
 */
import type { Link, Paragraph, PhrasingContent, Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { z } from 'zod';
import { readAs } from '../json.ts';
import type { CapturedComment, CapturedThread, CaptureFile } from '../model.ts';
import type { JsonFormat } from '../read-capture.ts';
import { titleFrom } from '../markdown.ts';

const viewPost = 'app.bsky.feed.defs#threadViewPost';

const facet = z.looseObject({
  index: z.looseObject({ byteStart: z.number().int().nonnegative(), byteEnd: z.number().int().nonnegative() }),
  features: z.array(z.looseObject({ $type: z.string(), uri: z.string().optional(), did: z.string().optional(), tag: z.string().optional() }))
});

const post = z.looseObject({
  uri: z.string(),
  author: z.looseObject({ did: z.string(), handle: z.string(), displayName: z.string().nullish() }),
  record: z.looseObject({ text: z.string(), createdAt: z.string().nullish(), facets: z.array(facet).nullish() }),
  indexedAt: z.string().nullish()
});

interface ThreadNode {
  $type?: string;
  uri?: string;
  post?: unknown;
  parent?: ThreadNode;
  replies?: ThreadNode[];
  notFound?: boolean;
  blocked?: boolean;
}

const isThread = (value: unknown) => typeof (value as { thread?: { $type?: unknown } } | null)?.thread?.$type === 'string';

export const bluesky: JsonFormat = {
  format: 'bluesky',
  detect: (documents) => documents.length === 1 && isThread(documents[0]),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    const file = files[0]!.name;
    const top = (documents[0] as { thread: ThreadNode }).thread;
    // The chain of parents, oldest first, then the post and its replies, depth first.
    const chain: { node: ThreadNode; path: PropertyKey[] }[] = [];
    let path: PropertyKey[] = ['thread'];
    for (let node: ThreadNode | undefined = top; node; node = node.parent) {
      chain.unshift({ node, path });
      path = [...path, 'parent'];
    }
    const comments: CapturedComment[] = [];
    let parent: string | undefined;
    for (const { node, path: at } of chain.slice(0, -1)) {
      comments.push(fromNode(node, parent, file, at));
      parent = comments.at(-1)!.id;
    }
    const stack: { node: ThreadNode; parent?: string; path: PropertyKey[] }[] = [{ node: top, parent, path: ['thread'] }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const captured = fromNode(item.node, item.parent, file, item.path);
      comments.push(captured);
      const replies = item.node.replies ?? [];
      for (let index = replies.length - 1; index >= 0; index--) stack.push({ node: replies[index]!, parent: captured.id, path: [...item.path, 'replies', index] });
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
 * `>` a quotation, by the convention of plain text), with each facet's
 * bytes a link to what it names.
 */
function textWithFacets(text: string, facets: readonly z.output<typeof facet>[]): string {
  const bytes = new TextEncoder().encode(text);
  const decode = (from: number, to: number) => new TextDecoder().decode(bytes.slice(from, to));
  const spans = [...facets].filter((item) => item.index.byteEnd > item.index.byteStart && item.index.byteEnd <= bytes.length).sort((a, b) => a.index.byteStart - b.index.byteStart);
  const inline: PhrasingContent[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.index.byteStart < at) continue;
    const href = linkOf(span.features);
    if (!href) continue;
    if (span.index.byteStart > at) inline.push({ type: 'text', value: decode(at, span.index.byteStart) });
    inline.push({ type: 'link', url: href, children: [{ type: 'text', value: decode(span.index.byteStart, span.index.byteEnd) }] } satisfies Link);
    at = span.index.byteEnd;
  }
  if (at < bytes.length) inline.push({ type: 'text', value: decode(at, bytes.length) });
  // Split the inline content at line breaks into paragraphs; a paragraph starting with ">" is a quotation.
  const root: Root = { type: 'root', children: [] };
  let paragraph: Paragraph = { type: 'paragraph', children: [] };
  const flush = () => {
    const first = paragraph.children[0];
    if (paragraph.children.length === 0) return;
    if (first?.type === 'text' && /^>\s?/.test(first.value)) {
      first.value = first.value.replace(/^>\s?/, '');
      const previous = root.children.at(-1);
      if (previous?.type === 'blockquote') previous.children.push(paragraph);
      else root.children.push({ type: 'blockquote', children: [paragraph] });
    } else root.children.push(paragraph);
    paragraph = { type: 'paragraph', children: [] };
  };
  for (const node of inline) {
    if (node.type !== 'text') {
      paragraph.children.push(node);
      continue;
    }
    const lines = node.value.split('\n');
    for (const [index, line] of lines.entries()) {
      if (index > 0) flush();
      if (line !== '') paragraph.children.push({ type: 'text', value: index === 0 ? line : line.trimStart() });
    }
  }
  flush();
  for (const block of root.children) trimEdges(block.type === 'blockquote' ? (block.children as Paragraph[]) : [block as Paragraph]);
  return String(stringify.stringify(root)).trim();
}

function trimEdges(paragraphs: Paragraph[]): void {
  for (const paragraph of paragraphs) {
    const first = paragraph.children[0];
    const last = paragraph.children.at(-1);
    if (first?.type === 'text') first.value = first.value.trimStart();
    if (last?.type === 'text') last.value = last.value.trimEnd();
  }
}

function linkOf(features: z.output<typeof facet>['features']): string | undefined {
  for (const feature of features) {
    if (feature.$type === 'app.bsky.richtext.facet#link' && feature.uri && /^https?:\/\//.test(feature.uri)) return feature.uri;
    if (feature.$type === 'app.bsky.richtext.facet#mention' && feature.did) return `https://bsky.app/profile/${feature.did}`;
    if (feature.$type === 'app.bsky.richtext.facet#tag' && feature.tag) return `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`;
  }
  return undefined;
}
