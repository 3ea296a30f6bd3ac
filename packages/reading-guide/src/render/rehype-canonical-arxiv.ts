/**
 * rehype plugin: points links to arXiv at the paper's canonical abstract page
 * (`https://arxiv.org/abs/<id>`), whatever form the author wrote them in
 * (`www.arxiv.org`, a PDF, a version). Only the link target changes: the
 * link's text, the words a commenter wrote, stays as it was.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

const arxivHosts = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/** The canonical abstract page for an arXiv URL, or undefined for any other URL. */
export function canonicalArxiv(href: string): string | undefined {
  // Most links are not to arXiv; parsing every one of them as a URL costs more than the rest of this plugin.
  if (!/arxiv/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!arxivHosts.has(url.hostname)) return undefined;
  const id = /^\/(?:abs|pdf)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?$/.exec(url.pathname)?.[1];
  return id ? `https://arxiv.org/abs/${id}` : undefined;
}

export const rehypeCanonicalArxiv: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    if (typeof href !== 'string') return;
    const canonical = canonicalArxiv(href);
    if (canonical) node.properties.href = canonical;
  });
};
