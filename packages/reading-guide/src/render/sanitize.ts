/**
 * The second line of defence: rehype-sanitize with GitHub's schema, widened
 * only for the elements and attributes the guide's own plugins produce
 * (marks, reference links, quotation figures, sidenotes, Shiki's colours).
 * The first line is the checker, which refuses raw HTML and unsafe URLs; if
 * anything got past it, this removes it before the page is written.
 */
import rehypeSanitize, { defaultSchema, type Options } from 'rehype-sanitize';

const ours = ['className', 'id', 'dataMark', 'dataLabel', 'dataFor', 'ariaLabel'];

type Attributes = NonNullable<NonNullable<Options['attributes']>[string]>;

/**
 * GitHub's allowed attributes for an element, less its own rules for the
 * attributes the guide sets (the first rule for a name wins, and GitHub's
 * allows only its own class names).
 */
const defaults = (tag: string): Attributes =>
  (defaultSchema.attributes?.[tag] ?? []).filter((rule) => !ours.includes(Array.isArray(rule) ? String(rule[0]) : String(rule)));

export const sanitizeSchema: Options = {
  ...defaultSchema,
  // The guide's ids are its own (claim-x, quote-a1-1): keep them as they are.
  clobberPrefix: '',
  clobber: ['name'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'details', 'summary'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...defaults('*'), ...ours],
    a: [...defaults('a'), ...ours],
    blockquote: [...defaults('blockquote'), 'cite'],
    // Shiki colours code with inline styles; nothing but colours (and the block's scrolling) is let through.
    pre: [...defaults('pre'), ['style', /^(?:\s*(?:(?:background-)?color:\s*#[0-9a-f]{3,8}|overflow-x:\s*auto)\s*;?)+\s*$/i], 'tabIndex'],
    span: [...defaults('span'), ['style', /^(?:--shiki-[a-z-]+:#[0-9a-f]{3,8};?|color:#[0-9a-f]{3,8};?)+$/i]]
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['http', 'https'] }
};

export const rehypeSanitizeGuide = [rehypeSanitize, sanitizeSchema] as const;
