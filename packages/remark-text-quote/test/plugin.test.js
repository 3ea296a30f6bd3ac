import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkTextQuote, { markTextQuotes } from '../index.js';

/** @import {Options} from '../index.js' */

/**
 * @param {string} markdown
 * @param {Options} options
 */
const html = async (markdown, options) => {
  const file = await unified().use(remarkParse).use(remarkTextQuote, options).use(remarkRehype).use(rehypeStringify).process(markdown);
  return { html: String(file), file };
};

describe('remarkTextQuote', () => {
  it('puts each range found on file.data.textQuotes, with its annotation', async () => {
    const found = { id: 'found', selector: { exact: 'two' } };
    const { file } = await html('One two three.\n', { annotations: [found, { selector: { exact: 'four' } }] });
    expect(file.data.textQuotes).toEqual([{ annotation: found, start: 4, end: 7 }]);
    expect(file.data.textQuotes?.[0]?.annotation).toBe(found);
  });

  it('gives each document its own copy of the nodes to put after a range', async () => {
    /** @type {Options} */
    const options = { annotations: [{ selector: { exact: 'two' }, after: [{ type: 'text', value: '†' }] }] };
    const processor = unified().use(remarkParse).use(remarkTextQuote, options);
    const first = processor.runSync(processor.parse('One two.\n'));
    const second = processor.runSync(processor.parse('Two, two.\n'), new VFile());
    expect(options.annotations[0]?.after).toEqual([{ type: 'text', value: '†' }]);
    const dagger = (/** @type {import('mdast').Root} */ tree) => /** @type {import('mdast').Paragraph} */ (tree.children[0]).children.at(-2);
    expect(dagger(first)).toEqual({ type: 'text', value: '†' });
    expect(dagger(first)).not.toBe(options.annotations[0]?.after?.[0]);
    expect(dagger(second)).not.toBe(dagger(first));
  });

  it('gives each piece its own properties, so that changing one changes none of the others', () => {
    const tree = unified().use(remarkParse).parse('One *two* three.\n');
    markTextQuotes(tree, new VFile(), { annotations: [{ selector: { exact: 'One two three' }, properties: { className: ['quote'] } }] });
    const classes = /** @type {string[][]} */ ([]);
    JSON.stringify(tree, (key, value) => {
      if (key === 'hProperties') classes.push(value.className);
      return value;
    });
    expect(classes).toHaveLength(3);
    expect(new Set(classes).size).toBe(3);
  });

  it('reports a selector that selects nothing, and a range between two blocks', async () => {
    const { html: output, file } = await html('Alpha.\n\nBeta.\n', {
      annotations: [{ id: 'empty', selector: { exact: '' } }, { id: 'gap', selector: { start: 6, end: 7 } }]
    });
    expect(output).toBe('<p>Alpha.</p>\n<p>Beta.</p>');
    expect(file.messages.map(({ ruleId, line, column, reason }) => ({ ruleId, line, column, reason }))).toEqual([
      { ruleId: 'selector-invalid', line: 1, column: 1, reason: 'The annotation selects nothing: give its selector a non-empty `exact`, or a `start` and an `end` (annotation `empty`)' },
      { ruleId: 'range-without-text', line: 3, column: 1, reason: 'The range 6–7 holds no text to wrap, only the line break between two blocks (annotation `gap`)' }
    ]);
    expect(file.messages.every((message) => message.source === 'remark-text-quote' && !message.fatal)).toBe(true);
    expect(file.messages[0]?.ancestors?.map((node) => node.type)).toEqual(['root']);
  });

  it('puts the nodes after the last word of a range that ends with the line break between two blocks', async () => {
    const { html: output } = await html('Alpha beta.\n\nGamma.\n', { annotations: [{ selector: { start: 6, end: 12 }, after: [{ type: 'text', value: '*' }] }] });
    expect(output).toBe('<p>Alpha <mark>beta.</mark>*</p>\n<p>Gamma.</p>');
  });

  it('reports a problem at its whole text node when the node’s value is not its source', async () => {
    const { file } = await html('A \\*cat\\* and a cat.\n', { annotations: [{ selector: { exact: 'cat' } }] });
    expect(file.messages[0]?.place).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 21, offset: 20 } });
  });

  it('reports a problem at the words it is about, with the nodes around them', async () => {
    const { file } = await html('First line,\nthen *a cat and a cat*.\n', { annotations: [{ selector: { exact: 'cat' } }] });
    const [message] = file.messages;
    expect(message?.place).toEqual({ start: { line: 2, column: 9, offset: 20 }, end: { line: 2, column: 12, offset: 23 } });
    expect(message?.ancestors?.map((node) => node.type)).toEqual(['root', 'paragraph', 'emphasis', 'text']);
  });

  it('puts the nodes of ranges that end at one place in the order the ranges start, and nests ranges of equal length the same way', async () => {
    const { html: output } = await html('abc def ghi\n', {
      annotations: [
        { selector: { exact: 'def ghi' }, properties: { dataName: 'second' }, after: [{ type: 'text', value: '²' }] },
        { selector: { exact: 'abc def ghi' }, properties: { dataName: 'whole' }, after: [{ type: 'text', value: '⁰' }] },
        { selector: { exact: 'abc def' }, properties: { dataName: 'first' }, after: [{ type: 'text', value: '¹' }] }
      ]
    });
    expect(output).toBe(
      '<p><mark data-name="whole"><mark data-name="first">abc </mark></mark>' +
        '<mark data-name="whole"><mark data-name="first"><mark data-name="second">def</mark></mark></mark>¹' +
        '<mark data-name="whole"><mark data-name="second"> ghi</mark></mark>⁰²</p>'
    );
  });

  it.each([
    [{ exact: 'cat', suffix: '!' }, 'quote-not-found', 'The quote “cat” occurs 3 times, but never before its suffix'],
    [{ exact: 'cat', prefix: 'one ', suffix: '!' }, 'quote-not-found', 'The quote “cat” occurs 3 times, but never after its prefix and before its suffix'],
    [{ exact: 'dog', prefix: 'a ' }, 'quote-not-found', 'The quote “dog” does not occur in the text'],
    [{ exact: `${'long '.repeat(14)}words` }, 'quote-not-found', `The quote “${'long '.repeat(11)}long…” does not occur in the text`],
    [{ start: 3, end: 3 }, 'position-out-of-range', 'The position 3–3 is not a range of the text, which has 23 characters'],
    [{ start: -1, end: 2 }, 'position-out-of-range', 'The position -1–2 is not a range of the text, which has 23 characters'],
    [{ start: 0.5, end: 2 }, 'position-out-of-range', 'The position 0.5–2 is not a range of the text, which has 23 characters'],
    [{ start: 2 }, 'position-out-of-range', 'The position 2–undefined is not a range of the text, which has 23 characters'],
    [{ end: 2 }, 'position-out-of-range', 'The position undefined–2 is not a range of the text, which has 23 characters'],
    [{ exact: 7 }, 'selector-invalid', 'The annotation selects nothing: give its selector a non-empty `exact`, or a `start` and an `end`'],
    [undefined, 'selector-invalid', 'The annotation selects nothing: give its selector a non-empty `exact`, or a `start` and an `end`']
  ])('reports the selector %j as %s', async (selector, ruleId, reason) => {
    const { html: output, file } = await html('A cat, a cat and a cat.\n', { annotations: [/** @type {import('../index.js').Annotation} */ ({ selector })] });
    expect(output).toBe('<p>A cat, a cat and a cat.</p>');
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([[ruleId, reason]]);
  });

  it('shows five of the places an ambiguous quote occurs, and counts the rest', async () => {
    const { file } = await html('a a a a a a a\n', { annotations: [{ selector: { exact: 'a' } }] });
    const [message] = file.messages;
    expect(message?.reason).toMatch(/^The quote “a” occurs 7 times \(…\[a\] a a a a a a…  (…[a ]+\[a\][a ]+…  ){3}…a a a a \[a\] a a…, and 2 more\): add a `prefix` or `suffix` to pick one$/);
  });
});
