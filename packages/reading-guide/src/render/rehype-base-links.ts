/**
 * rehype plugin: prefixes site-absolute URLs (`/claims/x/`) in rendered
 * Markdown with the site's base path, so content links keep working when the
 * site is served under a sub-path such as `/<repo>/`. Protocol-relative URLs
 * (`//host/…`), full URLs and fragments are left alone.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export interface RehypeBaseLinksOptions {
  /** The base path, such as `/` or `/guide/`. */
  base: string;
}

const urlAttributes = ['href', 'src', 'cite', 'poster'] as const;

export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path}`;
}

export const rehypeBaseLinks: Plugin<[RehypeBaseLinksOptions], Root> = ({ base }) => (tree) => {
  visit(tree, 'element', (node) => {
    for (const attribute of urlAttributes) {
      const value = node.properties[attribute];
      if (typeof value === 'string') node.properties[attribute] = withBase(base, value);
    }
  });
};
