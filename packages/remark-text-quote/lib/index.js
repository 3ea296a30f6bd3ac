/**
 * @import {Root} from 'mdast'
 * @import {Plugin} from 'unified'
 * @import {Options} from '../index.js'
 */
import { markTextQuotes } from './mark.js';

export { excerpt, findTextQuote } from './find.js';
export { markTextQuotes } from './mark.js';
export { indexText } from './text-index.js';

/**
 * Wrap the words that W3C text quote and text position selectors select in
 * elements (`<mark>` by default), splitting them across inline formatting.
 *
 * @type {Plugin<[Readonly<Options>], Root>}
 */
const remarkTextQuote = (options) => (tree, file) => {
  markTextQuotes(tree, file, options);
};

export default remarkTextQuote;
