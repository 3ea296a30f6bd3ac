/**
 * remark plugin: links the first use of each glossary term in a document to
 * its definition (`/glossary/#term-<id>`), where previews also show it. Only
 * link nodes are added: the text stays exactly as written.
 */
import type { Link, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { firstTermUses, type GlossaryTerm } from '../load/terms.ts';

export interface RemarkGlossaryLinksOptions {
  terms: readonly GlossaryTerm[];
}

export const remarkGlossaryLinks: Plugin<[RemarkGlossaryLinksOptions], Root> = ({ terms }) => (tree) => {
  const uses = firstTermUses(tree, terms);
  // Several uses may share a text node: split it from the end so earlier offsets hold.
  for (const [node, nodeUses] of Map.groupBy(uses, (use) => use.node)) {
    const { parent } = nodeUses[0]!;
    const pieces: Parent['children'] = [];
    let at = 0;
    for (const use of [...nodeUses].sort((a, b) => a.start - b.start)) {
      if (use.start > at) pieces.push({ type: 'text', value: node.value.slice(at, use.start) });
      const link: Link = {
        type: 'link',
        url: `/glossary/#term-${use.term}`,
        children: [{ type: 'text', value: node.value.slice(use.start, use.end) }],
        data: { hProperties: { className: ['term'] } }
      };
      pieces.push(link);
      at = use.end;
    }
    if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
    parent.children.splice(parent.children.indexOf(node as never), 1, ...(pieces as never[]));
  }
};
