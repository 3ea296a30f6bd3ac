import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { indexText } from '../index.js';

const parse = (/** @type {string} */ markdown) => unified().use(remarkParse).parse(markdown);

describe('indexText', () => {
  it('joins text and inline code, a line feed for a hard break and one between blocks', () => {
    const index = indexText(parse('One *two* `three`.\n\n> Quoted  \n> twice\n\n- a\n- b\n\n```\ncode\n```\n\n![alt](x.png) After.\n'));
    expect(index.text).toBe('One two three.\nQuoted\ntwice\na\nb\n After.');
    expect(index.leaves.map(({ node, start, end }) => [node.type, start, end])).toEqual([
      ['text', 0, 4],
      ['text', 4, 7],
      ['text', 7, 8],
      ['inlineCode', 8, 13],
      ['text', 13, 14],
      ['text', 15, 21],
      ['text', 22, 27],
      ['text', 28, 29],
      ['text', 30, 31],
      ['text', 32, 39]
    ]);
    expect(index.blocks.map(({ node, start, end }) => [node.type, index.text.slice(start, end)])).toEqual([
      ['paragraph', 'One two three.'],
      ['blockquote', 'Quoted\ntwice'],
      ['list', 'a\nb'],
      ['code', ''],
      ['paragraph', ' After.']
    ]);
  });

  it('adds no line feed for HTML or other nodes among phrasing content', () => {
    const tree = parse('Some <b>bold</b> words.\n');
    expect(indexText(tree).text).toBe('Some bold words.');
    const paragraph = /** @type {import('mdast').Paragraph} */ (tree.children[0]);
    paragraph.children.splice(1, 0, { type: 'textQuoteMark', data: { hName: 'mark', hProperties: {} }, children: [{ type: 'text', value: 'x' }] });
    expect(indexText(tree).text).toBe('Some xbold words.');
  });
});
