/**
 * Markdown as the pipeline sees it before rendering: parsed with the same
 * remark parser and GFM extension that Astro's unified processor uses (with
 * SmartyPants off), so that offsets into the text found here are offsets into
 * the tree the render plugins receive.
 */
import type { Blockquote, InlineCode, Nodes, Root, RootContent, Text } from 'mdast';
import { phrasing } from 'mdast-util-phrasing';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Diagnostics, Point } from './diagnostics.ts';
import { firstTermUses, type GlossaryTerm } from './terms.ts';
import { safeSchemes, urlScheme } from '../util/url-scheme.ts';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

export interface TextLeaf {
  node: Text | InlineCode;
  start: number;
  end: number;
}

export interface BlockRange<N> {
  node: N;
  start: number;
  end: number;
}

/**
 * The text of a document, as W3C text selectors address it: the value of every
 * text node in order, with one newline between blocks. Code blocks, images and
 * HTML contribute no text: a selector cannot point into them.
 */
export interface TextIndex {
  text: string;
  leaves: TextLeaf[];
  /** Blockquotes that are direct children of the root: the quotations. */
  quotations: BlockRange<Blockquote>[];
  /** Every direct child of the root, with the text it spans. */
  blocks: BlockRange<RootContent>[];
}

export function indexText(tree: Root): TextIndex {
  let text = '';
  const leaves: TextLeaf[] = [];
  const quotations: BlockRange<Blockquote>[] = [];
  const blocks: BlockRange<RootContent>[] = [];
  const walk = (node: Nodes, depth: number): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      leaves.push({ node, start: text.length, end: text.length + node.value.length });
      text += node.value;
      return;
    }
    if (node.type === 'break') {
      text += '\n';
      return;
    }
    if (node.type !== 'root' && !phrasing(node) && text.length > 0 && !text.endsWith('\n')) text += '\n';
    const start = text.length;
    if ('children' in node) for (const child of node.children) walk(child, depth + 1);
    if (depth === 1) blocks.push({ node: node as RootContent, start, end: text.length });
    if (node.type === 'blockquote' && depth === 1) quotations.push({ node, start, end: text.length });
  };
  walk(tree, 0);
  return { text, leaves, quotations, blocks };
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
    terms: terms ? firstTermUses(tree, terms).map((use) => use.term) : []
  };
}

const pointOf = ({ line, column }: Point): Point => ({ line, column });

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
