/**
 * remark-smart-punctuation runs SmartyPants only where it would change
 * something. It must give exactly what remark-smartypants gives, on every
 * document: the samples below, built to sit on either side of its test, and
 * every body of a guide's own prose (this guide's are tested in tests/guide).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../packages/reading-guide/src/compile.ts';
import { remarkSmartPunctuation } from '../../packages/reading-guide/src/render/remark-smart-punctuation.ts';
import { sampleGuide } from '../helpers/fixtures.ts';

const through = (plugin: Plugin<[], Root>) => async (markdown: string) => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(plugin);
  return JSON.stringify(await processor.run(processor.parse(markdown)));
};
const smartypants = through(remarkSmartypants as unknown as Plugin<[], Root>);
const smartPunctuation = through(remarkSmartPunctuation);

const samples = [
  'Nothing to change here: typographic “quotes”, an apostrophe’s curl — and a dash.',
  'A "straight" quote and an apostrophe\'s straight tick.',
  'Double hyphens -- become a dash, and three dots... an ellipsis. . . spaced too.',
  'A ``backtick quote\'\' in the old style.',
  '*"Quoted* across emphasis," and [a "link"](https://example.org).',
  'Inline `code with "quotes"` stays code; the rest has none.',
  '# A heading with "quotes"\n\nAnd a paragraph without.',
  '| a | "b" |\n| --- | --- |\n| c -- d | e |',
  'One dot. Two dots.. A version 1.2.3 and a path ./x.',
  'A hyphen-word and a minus - sign, but never two together.'
];

describe('remark-smart-punctuation', () => {
  it.each(samples)('gives what remark-smartypants gives: %s', async (markdown) => {
    expect(await smartPunctuation(markdown)).toBe(await smartypants(markdown));
  });

  it('does change what SmartyPants changes', async () => {
    expect(await smartPunctuation('He said "yes" -- twice...')).toContain('He said “yes” — twice…');
  });

  it('gives what remark-smartypants gives on every body of a guide', async () => {
    const { content } = await checkGuide(sampleGuide);
    const bodies = [...content.claims, ...content.annotations, ...content.sources, ...content.glossary, ...content.cruxes, ...content.pages].map((entry) => entry.body);
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(await smartPunctuation(body)).toBe(await smartypants(body));
  });
});
