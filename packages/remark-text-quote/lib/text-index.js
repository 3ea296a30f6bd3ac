/**
 * @import {Nodes, Root, RootContent} from 'mdast'
 * @import {BlockRange, TextIndex, TextLeaf} from '../index.js'
 */
import { phrasing } from 'mdast-util-phrasing';

/** Nodes whose children are phrasing content, besides phrasing nodes themselves. */
const phrasingParents = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The text of a document, as text selectors address it: the `value` of every
 * `text` and `inlineCode` node in tree order, a line feed for every `break`,
 * and one line feed before each block that follows text. Code blocks, images,
 * HTML and anything else without such nodes add no text.
 *
 * @param {Root} tree
 * @returns {TextIndex}
 */
export function indexText(tree) {
  let text = '';
  /** @type {TextLeaf[]} */
  const leaves = [];
  /** @type {BlockRange[]} */
  const blocks = [];
  /**
   * @param {Nodes} node
   * @param {number} depth
   * @param {boolean} inline
   *   Whether `node` stands among phrasing content: then it is not a block,
   *   whatever its type (HTML, or a node another plugin added).
   */
  const walk = (node, depth, inline) => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      leaves.push({ node, start: text.length, end: text.length + node.value.length });
      text += node.value;
      return;
    }
    if (node.type === 'break') {
      text += '\n';
      return;
    }
    if (node.type !== 'root' && !inline && !phrasing(node) && text.length > 0 && !text.endsWith('\n')) text += '\n';
    const start = text.length;
    const childrenInline = inline || phrasing(node) || phrasingParents.has(node.type);
    if ('children' in node) for (const child of node.children) walk(child, depth + 1, childrenInline);
    if (depth === 1) blocks.push({ node: /** @type {RootContent} */ (node), start, end: text.length });
  };
  walk(tree, 0, false);
  return { text, leaves, blocks };
}
