/**
 * Each folder in test/fixtures is a case: `input.md` is processed with the
 * options in `options.json`, and must give `output.html`; the problems
 * reported must be those in `messages.json`, or none when it is missing.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkTextQuote from '../index.js';

const fixtures = new URL('fixtures/', import.meta.url);
const cases = (await readdir(fixtures)).sort();

describe('fixtures', () => {
  it('are all there', () => {
    expect(cases).toEqual([
      'across-emphasis',
      'across-link',
      'ambiguous',
      'ending-inside-link',
      'inline-code',
      'not-found',
      'overlapping',
      'plain-text',
      'position-selector',
      'prefix-suffix'
    ]);
  });

  it.each(cases)('%s', async (name) => {
    const folder = new URL(`${name}/`, fixtures);
    /** @param {string} file */
    const read = (file) => readFile(new URL(file, folder), 'utf8');
    /** @type {import('../index.js').Options} */
    const options = JSON.parse(await read('options.json'));
    const file = await unified().use(remarkParse).use(remarkTextQuote, options).use(remarkRehype).use(rehypeStringify).process(await read('input.md'));
    expect(`${String(file)}\n`).toBe(await read('output.html'));
    const messages = file.messages.map(({ ruleId, source, line, column, reason }) => ({ ruleId, source, line, column, reason }));
    const expected = existsSync(new URL('messages.json', folder)) ? JSON.parse(await read('messages.json')) : [];
    expect(messages).toEqual(expected);
    // Every annotation is either found or reported.
    expect((file.data.textQuotes ?? []).length + messages.length).toBe(options.annotations.length);
  });
});
