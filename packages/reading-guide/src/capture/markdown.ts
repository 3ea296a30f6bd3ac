/**
 * A captured comment's words as the Markdown of a comment file. Markdown the
 * platform gives is kept as it is, unless it holds raw HTML or links that
 * only work on the platform; HTML goes through rehype-parse, rehype-sanitize
 * and rehype-remark; plain text becomes one paragraph a line. Either way the
 * result is Markdown the checker accepts (no raw HTML, no script URLs, no
 * link that would point into the guide's own site), with the commenter's
 * words unchanged.
 *
 * The check of a comment file against its capture runs this same
 * conversion, so a file matches its capture exactly when nobody changed it.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { safeSchemes, urlScheme } from '../util/url-scheme.ts';
import type { CapturedBody, CapturedComment, CapturedThread } from './model.ts';

export interface MarkdownOptions {
  /** The address relative links are resolved against: the comment's own page. */
  base: string;
  /** The platform's convention that a paragraph starting with `>` quotes someone (Hacker News, plain text). */
  quoteLines?: boolean;
  /**
   * What the platform makes of HTML in its Markdown: `html` reads it as HTML
   * (GitHub, Discourse), `text` shows it as the words typed (Reddit, which
   * renders no HTML, so `Array<string>` is words there).
   */
  rawHtml?: 'html' | 'text';
}

const stringifyOptions: StringifyOptions = { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' };

const parseMarkdown = unified().use(remarkParse).use(remarkGfm).freeze();
const stringify = unified().use(remarkGfm).use(remarkStringify, stringifyOptions).freeze();
/** GitHub's schema, which keeps the words of elements it does not allow; a style sheet's or a template's are not words. */
const sanitizeSchema = { ...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style', 'template', 'noscript'] };
const markdownWithHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, sanitizeSchema).use(rehypeRemark).freeze();
const html = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, sanitizeSchema).use(rehypeRemark).freeze();

/**
 * A title for a thread whose platform gives none (Mastodon, Bluesky): the
 * first words of its first post, as the platforms' own pages call it, cut
 * at a word near 80 characters.
 */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${/\s/.test(line[80]!) ? cut.trimEnd() : cut.replace(/\s+\S*$/, '')}…`;
}

/** The text of an HTML fragment, as a reader sees it. */
export function htmlText(fragment: string): string {
  return toText(html.parse(fragment), { whitespace: 'normal' });
}

/** A captured comment as its file's Markdown, by its platform's conventions, with relative links the comment's own. */
export function commentMarkdown(thread: Pick<CapturedThread, 'base' | 'conventions'>, comment: Pick<CapturedComment, 'body' | 'permalink'>): { markdown: string; tree: Root } {
  return capturedMarkdown(comment.body, { base: comment.permalink || thread.base, ...thread.conventions });
}

/**
 * The Markdown of a comment file, and its syntax tree as the checker parses
 * it: Markdown kept as the platform gave it is parsed only once.
 */
function capturedMarkdown(body: CapturedBody, options: MarkdownOptions): { markdown: string; tree: Root } {
  if ('markdown' in body) {
    const kept = fromMarkdown(body.markdown, options);
    if (typeof kept !== 'string') return kept;
    return { markdown: kept, tree: parseMarkdown.parse(kept) };
  }
  const markdown = toMarkdown('html' in body ? (html.runSync(html.parse(body.html)) as Root) : fromText(body.text), options);
  return { markdown, tree: parseMarkdown.parse(markdown) };
}

/** The platform's Markdown with its tree when it can be kept as it is; otherwise the Markdown it becomes. */
function fromMarkdown(markdown: string, options: MarkdownOptions): string | { markdown: string; tree: Root } {
  const source = markdown.replace(/\r\n?/g, '\n').trim();
  const tree = parseMarkdown.parse(source);
  let rawHtml = false;
  let foreignLinks = false;
  visit(tree, (node) => {
    if (node.type === 'html') rawHtml = true;
    else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && resolveUrl(node.url, options.base) !== node.url) foreignLinks = true;
  });
  if (!rawHtml && !foreignLinks) return { markdown: source, tree };
  if (rawHtml && options.rawHtml === 'text') {
    // As the platform shows it: the tag as typed, in words.
    visit(tree, 'html', (node, index, parent) => {
      if (parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: node.value } as never);
    });
    return toMarkdown(tree, options);
  }
  // Raw HTML is read as HTML (and sanitised) so that its words stay; the rest is the same tree.
  const clean = rawHtml ? (markdownWithHtml.runSync(tree) as Root) : tree;
  return toMarkdown(clean, options);
}

function toMarkdown(tree: Root, options: MarkdownOptions): string {
  if (options.quoteLines) quoteMarkedParagraphs(tree);
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return undefined;
    // The sanitiser leaves a link whose address could run code with none: it leads nowhere, not to the comment.
    const url = node.url === '' ? undefined : resolveUrl(node.url, options.base);
    if (url !== undefined) {
      node.url = url;
      return undefined;
    }
    // A script URL (or none) is dropped with its link; the words the link held stay.
    if (parent && index !== undefined) {
      const words: RootContent[] = node.type === 'link' ? node.children : node.type === 'image' && node.alt ? [{ type: 'text', value: node.alt }] : [];
      parent.children.splice(index, 1, ...(words as never[]));
      return [SKIP, index];
    }
    return undefined;
  });
  return String(stringify.stringify(tree)).trim();
}

/**
 * Where a link in a comment goes, as an absolute address: a relative link
 * (`/r/x`, `#fragment`) is the platform's, not the guide's. Undefined for a
 * URL with a scheme that could run code.
 */
function resolveUrl(url: string, base: string): string | undefined {
  const scheme = urlScheme(url);
  if (scheme !== undefined) return safeSchemes.has(scheme) ? url : undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** One paragraph a line (a line starting with `>` a quotation, where the platform has that convention). */
function fromText(text: string): Root {
  return linesToTree(text.replace(/\r\n?/g, '\n').split('\n').map((line) => [{ type: 'text', value: line }]));
}

/**
 * Lines of words (with any links in them) as paragraphs, a paragraph a line
 * that is not empty, and a run of lines starting with `>` as one quotation.
 */
export function linesToTree(lines: readonly PhrasingContent[][]): Root {
  const children: RootContent[] = [];
  for (const line of lines) {
    const words = trimLine(line);
    if (words.length > 0) children.push({ type: 'paragraph', children: words });
  }
  const tree: Root = { type: 'root', children };
  quoteMarkedParagraphs(tree);
  return tree;
}

/** A line without the spaces at its ends. */
function trimLine(line: readonly PhrasingContent[]): PhrasingContent[] {
  const words = line.map((node) => ({ ...node })) as PhrasingContent[];
  const first = words[0];
  const last = words.at(-1);
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return words.filter((node) => node.type !== 'text' || node.value !== '');
}

const quoteMark = /^>\s?/;

function startsWithQuoteMark(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const first = node.children[0];
  return first?.type === 'text' && quoteMark.test(first.value);
}

/** A top-level paragraph starting with `>` becomes a blockquote, joined to one right before it. */
function quoteMarkedParagraphs(tree: Root): void {
  const children: RootContent[] = [];
  for (const node of tree.children) {
    if (!startsWithQuoteMark(node)) {
      children.push(node);
      continue;
    }
    const paragraph = node as Paragraph;
    const [first, ...rest] = paragraph.children as [Text, ...PhrasingContent[]];
    const value = first.value.replace(quoteMark, '');
    const words: PhrasingContent[] = value === '' ? rest : [{ ...first, value }, ...rest];
    const previous = children.at(-1);
    const quoted: Paragraph = { type: 'paragraph', children: words };
    if (previous?.type === 'blockquote') previous.children.push(quoted);
    else children.push({ type: 'blockquote', children: [quoted] });
  }
  tree.children = children;
}
