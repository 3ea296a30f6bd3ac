/**
 * remark plugin: links the first use of each glossary term in a document to
 * its definition (`/glossary/#term-<id>`), where previews also show it. Only
 * link nodes are added: the text stays exactly as written. The uses are found
 * as the graph finds them (see ../load/terms.ts), so a term's list of uses
 * names every document that links it.
 */
import type { Root } from 'mdast';
import { sitePath } from '../model/routes.ts';
import type { Plugin } from 'unified';
import { replaceFirstTermUses, type GlossaryTerm } from '../load/terms.ts';

export interface RemarkGlossaryLinksOptions {
  /** The guide's terms, each with its other spellings. */
  terms: readonly GlossaryTerm[];
}

export const remarkGlossaryLinks: Plugin<[RemarkGlossaryLinksOptions], Root> = ({ terms }) => (tree) => {
  replaceFirstTermUses(tree, terms, ({ term, words }) => ({
    type: 'link',
    url: sitePath.term(term),
    children: [{ type: 'text', value: words }],
    data: { hProperties: { className: ['term'] } }
  }));
};
