/**
 * @import {Properties} from 'hast'
 * @import {InlineCode, Nodes, Parents, PhrasingContent, Root, Text} from 'mdast'
 * @import {Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {Annotation, Options, TextLeaf, TextPositionSelector, TextQuoteMark, TextQuoteMatch, TextQuoteSelector, TextRange} from '../index.js'
 */
import { visitParents } from 'unist-util-visit-parents';
import { location } from 'vfile-location';
import { excerpt, findTextQuote } from './find.js';
import { indexText } from './text-index.js';

const source = 'remark-text-quote';

/** How many places a message about an ambiguous quote shows. */
const placesShown = 5;

/**
 * Find the range each annotation selects in the text of `tree` (see
 * `indexText`) and wrap it in an element, piece by piece where it crosses
 * the edges of inline nodes. Selectors that select no range, or more than
 * one, are reported on `file` and wrap nothing.
 *
 * @param {Root} tree
 * @param {VFile} file
 * @param {Readonly<Options>} options
 * @returns {TextQuoteMatch[]}
 *   The ranges found, one for each annotation that selects one, in the order
 *   of `options.annotations`; also put on `file.data.textQuotes`.
 */
export function markTextQuotes(tree, file, options) {
  const index = indexText(tree);
  /** @type {Map<Nodes, Parents[]>} */
  const ancestry = new Map();
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'text' || node.type === 'inlineCode') ancestry.set(node, ancestors);
  });
  const at = placeAt(tree, file, index.leaves, ancestry);
  /** @type {TextQuoteMatch[]} */
  const matches = [];
  for (const annotation of options.annotations) {
    /** @param {string} reason @param {string} ruleId @param {TextRange} [range] */
    const report = (reason, ruleId, range) => {
      file.message(`${reason}${annotation.id === undefined ? '' : ` (annotation \`${annotation.id}\`)`}`, { ...at(range), ruleId, source });
    };
    const range = resolve(annotation, index.text, report);
    if (!range) continue;
    if (!index.leaves.some((leaf) => overlaps(leaf, range))) {
      report(`The range ${range.start}–${range.end} holds no text to wrap, only the line break between two blocks`, 'range-without-text', range);
      continue;
    }
    matches.push({ annotation, start: range.start, end: range.end });
  }
  wrap(index.leaves, ancestry, matches, options.tagName ?? 'mark');
  file.data.textQuotes = matches;
  return matches;
}

/**
 * The range an annotation's selector selects, or undefined after reporting
 * why there is none.
 *
 * @param {Readonly<Annotation>} annotation
 * @param {string} text
 * @param {(reason: string, ruleId: string, range?: TextRange) => void} report
 * @returns {TextRange | undefined}
 */
function resolve(annotation, text, report) {
  // Options may come from JSON: the selector's shape is checked, not trusted.
  const selector = /** @type {Partial<Annotation['selector']> | null | undefined} */ (annotation.selector);
  if (selector && 'exact' in selector && typeof selector.exact === 'string' && selector.exact !== '') {
    const quote = /** @type {TextQuoteSelector} */ (selector);
    const matches = findTextQuote(text, quote);
    if (matches.length === 1) return matches[0];
    const words = `“${shorten(quote.exact)}”`;
    if (matches.length > 1) {
      const places = matches.slice(0, placesShown).map((match) => excerpt(text, match));
      const more = matches.length > placesShown ? `, and ${matches.length - placesShown} more` : '';
      report(`The quote ${words} occurs ${matches.length} times (${places.join('  ')}${more}): add a \`prefix\` or \`suffix\` to pick one`, 'quote-ambiguous', matches[0]);
      return undefined;
    }
    const context = [quote.prefix === undefined ? '' : 'after its prefix', quote.suffix === undefined ? '' : 'before its suffix'].filter(Boolean).join(' and ');
    const bare = context === '' ? [] : findTextQuote(text, { exact: quote.exact });
    if (bare.length > 0) {
      report(`The quote ${words} occurs ${bare.length === 1 ? 'once' : `${bare.length} times`}, but never ${context}`, 'quote-not-found', bare[0]);
    } else {
      report(`The quote ${words} does not occur in the text`, 'quote-not-found');
    }
    return undefined;
  }
  if (selector && ('start' in selector || 'end' in selector)) {
    const { start, end } = /** @type {Partial<TextPositionSelector>} */ (selector);
    if (start !== undefined && end !== undefined && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length) {
      return { start, end };
    }
    report(`The position ${String(start)}–${String(end)} is not a range of the text, which has ${text.length} characters`, 'position-out-of-range');
    return undefined;
  }
  report('The annotation selects nothing: give its selector a non-empty `exact`, or a `start` and an `end`', 'selector-invalid');
  return undefined;
}

/**
 * Where to report a problem with a range of the text: the range itself where
 * its text node's value is its source, else the text node it starts in (or
 * the nearest after it, or the last); the document when there is no range
 * or no text.
 *
 * @param {Root} tree
 * @param {VFile} file
 * @param {readonly TextLeaf[]} leaves
 * @param {Map<Nodes, Parents[]>} ancestry
 * @returns {(range?: TextRange) => {ancestors: Nodes[], place: Position | undefined}}
 */
function placeAt(tree, file, leaves, ancestry) {
  /** @type {ReturnType<typeof location> | undefined} */
  let points;
  return (range) => {
    const leaf = range === undefined ? undefined : (leaves.find((candidate) => range.start < candidate.end) ?? leaves.at(-1));
    if (!range || !leaf) return { ancestors: [tree], place: tree.position };
    const ancestors = [...(ancestry.get(leaf.node) ?? []), leaf.node];
    const { position } = leaf.node;
    const source = String(file.value ?? '');
    if (leaf.start <= range.start && position?.start.offset !== undefined && source.slice(position.start.offset, position.end.offset) === leaf.node.value) {
      points ??= location(file);
      const start = points.toPoint(position.start.offset + range.start - leaf.start);
      const end = points.toPoint(position.start.offset + Math.min(range.end, leaf.end) - leaf.start);
      if (start && end) return { ancestors, place: { start, end } };
    }
    return { ancestors, place: position };
  };
}

/**
 * Wraps each match, splitting text at the edges of matches: a match that
 * crosses emphasis, a link or inline code is wrapped piece by piece, so that
 * the HTML stays well nested, and the first piece carries the annotation's
 * id. Where matches overlap, the longer one is outside.
 *
 * @param {readonly TextLeaf[]} leaves
 * @param {Map<Nodes, Parents[]>} ancestry
 * @param {readonly TextQuoteMatch[]} matches
 * @param {string} tagName
 * @returns {undefined}
 */
function wrap(leaves, ancestry, matches, tagName) {
  if (matches.length === 0) return;
  // Where each match's last piece of text ends: its `after` nodes go there.
  // (A range's end can fall between blocks, where no text node is.)
  /** @type {Map<TextQuoteMatch, number>} */
  const lastEnd = new Map();
  for (const match of matches) {
    const covered = leaves.filter((leaf) => overlaps(match, leaf));
    lastEnd.set(match, Math.min(match.end, covered.at(-1)?.end ?? match.end));
  }
  /** @type {Set<TextQuoteMatch>} */
  const started = new Set();
  /** @type {{parent: Parents, leaf: Text | InlineCode, nodes: PhrasingContent[]}[]} */
  const replacements = [];
  // Links cannot hold links: nodes to go after a piece inside a link go after the link.
  /** @type {Map<Parents, {parent: Parents, nodes: PhrasingContent[]}>} */
  const afterLinks = new Map();
  for (const leaf of leaves) {
    const touching = matches.filter((match) => overlaps(match, leaf));
    if (touching.length === 0) continue;
    const ancestors = ancestry.get(leaf.node) ?? [];
    const parent = ancestors.at(-1);
    if (!parent) continue;
    const linkDepth = ancestors.findIndex((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference');
    const link = ancestors[linkDepth];
    const linkParent = ancestors[linkDepth - 1];
    /** @type {PhrasingContent[]} */
    const nodes = [];
    const cuts = new Set([leaf.start, leaf.end]);
    for (const match of touching) {
      if (match.start > leaf.start) cuts.add(match.start);
      if (match.end < leaf.end) cuts.add(match.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = /** @type {number} */ (points[i]);
      const to = /** @type {number} */ (points[i + 1]);
      /** @type {PhrasingContent} */
      let piece = slice(leaf, from, to);
      // Outermost match outside: longer ranges enclose shorter ones.
      const covering = touching
        .filter((match) => match.start <= from && to <= match.end)
        .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const match of [...covering].reverse()) {
        /** @type {Properties} */
        const properties = copy(match.annotation.properties);
        if (!started.has(match)) {
          if (match.annotation.id !== undefined) properties.id = match.annotation.id;
          started.add(match);
        }
        piece = element(match.annotation.tagName ?? tagName, properties, [piece]);
      }
      nodes.push(piece);
      const after = touching
        .filter((match) => lastEnd.get(match) === to)
        .sort((a, b) => a.start - b.start)
        .flatMap((match) => structuredClone(match.annotation.after ?? []));
      if (link && linkParent) {
        const pending = afterLinks.get(link) ?? { parent: linkParent, nodes: [] };
        pending.nodes.push(...after);
        afterLinks.set(link, pending);
      } else nodes.push(...after);
    }
    replacements.push({ parent, leaf: leaf.node, nodes });
  }
  for (const { parent, leaf, nodes } of replacements) {
    const children = /** @type {Nodes[]} */ (parent.children);
    children.splice(children.indexOf(leaf), 1, ...nodes);
  }
  for (const [link, { parent, nodes }] of afterLinks) {
    const children = /** @type {Nodes[]} */ (parent.children);
    children.splice(children.indexOf(link) + 1, 0, ...nodes);
  }
}

/**
 * @param {Readonly<TextRange>} a
 * @param {Readonly<TextRange>} b
 * @returns {boolean}
 */
function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}

/**
 * The part of a text node or inline code between two offsets of the text, as
 * a node of the same type.
 *
 * @param {TextLeaf} leaf
 * @param {number} from
 * @param {number} to
 * @returns {Text | InlineCode}
 */
function slice(leaf, from, to) {
  const value = leaf.node.value.slice(from - leaf.start, to - leaf.start);
  return leaf.node.type === 'text' ? { type: 'text', value } : { type: 'inlineCode', value };
}

/**
 * A node that remark-rehype turns into the element `tagName`.
 *
 * @param {string} tagName
 * @param {Properties} properties
 * @param {PhrasingContent[]} children
 * @returns {TextQuoteMark}
 */
function element(tagName, properties, children) {
  return { type: 'textQuoteMark', data: { hName: tagName, hProperties: properties }, children };
}

/**
 * A copy of properties for one piece, its lists copied too: a later plugin
 * that changes one piece's class must not change the others'.
 *
 * @param {Readonly<Properties> | undefined} properties
 * @returns {Properties}
 */
function copy(properties) {
  return Object.fromEntries(Object.entries(properties ?? {}).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]));
}

/**
 * @param {string} words
 * @returns {string}
 */
function shorten(words) {
  const line = words.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
