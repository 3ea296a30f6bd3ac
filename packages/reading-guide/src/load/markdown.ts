/**
 * Markdown as the pipeline sees it before rendering: parsed with the same
 * remark parser and GFM extension that Astro's unified processor uses (with
 * SmartyPants off), so that offsets into the text found here are offsets into
 * the tree the render plugins receive.
 */
import type { Blockquote, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { indexText as indexDocumentText, type BlockRange, type TextIndex as DocumentText } from 'remark-text-quote';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Diagnostics, Point } from '../model/diagnostics.ts';
import { firstTermUses, type GlossaryTerm } from './terms.ts';
import { safeSchemes, urlScheme } from '../util/url-scheme.ts';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/**
 * Limits on Markdown, well above what any comment or note needs. micromark's
 * time grows with the square of a list's depth and of the emphasis and link
 * marks in one paragraph, so that a file of a few hundred kilobytes could
 * hold the checker for minutes; and a tree thousands of levels deep exhausts
 * the stack of the plugins that render it.
 */
export const markdownLimits = {
  /** How deep blocks and inline nodes may nest, counting from the document. */
  depth: 32,
  /** How many runs of `*`, `_` and `~`, and how many `[`, one paragraph may hold. */
  marksPerParagraph: 500
};

export interface LimitProblem {
  place: Point;
  reason: string;
}

/** Parses Markdown within `markdownLimits`; where it goes past them, says where and how instead. */
export function parseWithinLimits(markdown: string): Root | LimitProblem {
  const before = beyondLimits(markdown);
  if (before) return before;
  const tree = parseMarkdown(markdown);
  const deep = deepestBeyondLimit(tree);
  return deep ?? tree;
}

/** Where the text goes past the limits, read line by line, before micromark is let at it. */
function beyondLimits(markdown: string): LimitProblem | undefined {
  const lines = markdown.split('\n');
  let paragraphStart = 0;
  let marks = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      paragraphStart = index + 1;
      marks = 0;
      continue;
    }
    const prefix = containerPrefix.exec(line)![0];
    // Each `>` or list marker opens a level; so, roughly, does each indent of two columns beyond the space after a marker.
    const markers = (prefix.match(containerMarker) ?? []).length;
    const indent = Math.max(0, prefix.replace(containerMarker, '').replace(/\t/g, '    ').length - markers);
    const levels = markers + Math.floor(indent / 2);
    if (levels > markdownLimits.depth) {
      return { place: { line: index + 1, column: 1 }, reason: `The Markdown nests more than ${markdownLimits.depth} levels deep (quotations, lists or indents)` };
    }
    marks += (line.slice(prefix.length).match(inlineMark) ?? []).length;
    if (marks > markdownLimits.marksPerParagraph) {
      return { place: { line: paragraphStart + 1, column: 1 }, reason: `This paragraph holds more than ${markdownLimits.marksPerParagraph} emphasis or link marks` };
    }
  }
  return undefined;
}

const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;
const containerMarker = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/g;
const inlineMark = /[*_~]+|\[/g;

/** The first node, in reading order, nested deeper than the limit, found without recursion. */
function deepestBeyondLimit(tree: Root): LimitProblem | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > markdownLimits.depth) {
      const start = node.position?.start;
      return { place: start ? pointOf(start) : { line: 1, column: 1 }, reason: `The Markdown nests more than ${markdownLimits.depth} levels deep` };
    }
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** What to tell a contributor whose Markdown goes past the limits. */
export const limitHint = 'Simplify the Markdown: no comment or note needs quotations or lists nested this deep, or this many marks in one paragraph.';

/**
 * The text of a document, as W3C text selectors address it (remark-text-quote's
 * `indexText`: the text nodes and inline code, one newline between blocks;
 * code blocks, images and HTML add nothing), with its quotations.
 */
export interface TextIndex extends DocumentText {
  /** Blockquotes that are direct children of the root: the quotations. */
  quotations: BlockRange<Blockquote>[];
}

export function indexText(tree: Root): TextIndex {
  const index = indexDocumentText(tree);
  return { ...index, quotations: index.blocks.filter((block): block is BlockRange<Blockquote> => block.node.type === 'blockquote') };
}

/** A quotation, as the graph matches it: its words' range in the text, and where it starts in the file. */
export interface QuotationFact {
  start: number;
  end: number;
  place: Point | undefined;
}

/**
 * What the graph needs to know of a body, taken from its syntax tree once,
 * when the file is loaded: plain data, so that it can be kept between builds
 * and a file that has not changed need not be parsed again.
 */
export interface BodyFacts {
  /** The text, as selectors address it (see `indexText`). */
  text: string;
  /** The blockquotes at the top level: the quotations. */
  quotations: QuotationFact[];
  /** Where each blockquote nested in a list or another blockquote starts: these cannot be matched to what they quote. */
  nestedQuotations: (Point | undefined)[];
  /** The site paths (`/claims/x/`) the body links to, each once, in order. */
  links: string[];
  /** Every address without a scheme (`/claims/x/`, `#y`, `x/`) of a link, image or link definition, where it stands. */
  siteLinks: SiteLink[];
  /** The glossary terms the body uses, in order of first use; only worked out where `terms` are given. */
  terms: string[];
}

export function bodyFacts(tree: Root, terms?: readonly GlossaryTerm[]): BodyFacts {
  const index = indexText(tree);
  const nestedQuotations: (Point | undefined)[] = [];
  const links = new Set<string>();
  visit(tree, (node, _index, parent) => {
    if (node.type === 'blockquote' && parent?.type !== 'root') nestedQuotations.push(node.position?.start && pointOf(node.position.start));
    else if (node.type === 'link' && node.url.startsWith('/') && !node.url.startsWith('//')) links.add(node.url);
  });
  return {
    text: index.text,
    quotations: index.quotations.map(({ node, start, end }) => ({ start, end, place: node.position?.start && pointOf(node.position.start) })),
    nestedQuotations,
    links: [...links],
    siteLinks: siteLinks(tree),
    terms: terms ? firstTermUses(tree, terms) : []
  };
}

const pointOf = ({ line, column }: Point): Point => ({ line, column });

/** An address on this site, as written, and where it stands in the file. */
export interface SiteLink {
  url: string;
  place: Point | undefined;
}

/**
 * The addresses in `tree` that name this site rather than another (no scheme,
 * not protocol-relative), for the link check: a link, an image, and a link
 * definition, which a reference (`[text][name]`) takes its address from.
 */
export function siteLinks(tree: Root): SiteLink[] {
  const found: SiteLink[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url !== '' && urlScheme(node.url) === undefined && !node.url.startsWith('//')) {
      found.push({ url: node.url, place: node.position?.start && pointOf(node.position.start) });
    }
  });
  return found;
}

/**
 * Content is Markdown only: raw HTML, and URLs with a scheme other than
 * http(s) or mailto, are reported as errors. Rendering never sees them, since
 * a file with errors fails the run before rendering.
 */
export function checkMarkdownSafety(tree: Root, path: string, diagnostics: Diagnostics, at?: Point): void {
  visit(tree, (node) => {
    // Markdown kept in a front-matter field is reported at that field.
    const place: Point | undefined = at ?? node.position?.start;
    if (node.type === 'html') {
      diagnostics.error(
        path,
        place,
        `Raw HTML is not allowed: \`${truncate(node.value)}\``,
        'raw-html',
        'Write it in Markdown; to show a literal "<", escape it as "\\<".'
      );
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = urlScheme(node.url);
      if (scheme !== undefined && !safeSchemes.has(scheme)) {
        diagnostics.error(
          path,
          place,
          `The URL scheme \`${scheme}:\` is not allowed: \`${truncate(node.url)}\``,
          'unsafe-url',
          'Link to an http(s) address, a mailto: address or a path on this site.'
        );
      }
    }
  });
}

function truncate(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
