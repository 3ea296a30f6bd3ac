/**
 * remark-smart-punctuation runs SmartyPants only where it would change
 * something. It must give exactly what remark-smartypants gives, on every
 * document: the samples below, built to sit on either side of its test, and
 * every body of a guide's own prose (this guide's are tested in tests/guide).
 */
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../src/compile.ts';
import { smartPunctuationText } from '../../src/render/remark-smart-punctuation.ts';
import { sampleGuide } from '../helpers/fixtures.ts';
import { differFromSmartypants, ownProse, smartPunctuation, smartypants } from '../helpers/smart-punctuation.ts';

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

  it('gives plain text the punctuation its page has, and leaves text with nothing to change alone', () => {
    expect(smartPunctuationText('A "quote", it\'s -- and so on...\n\nNext "block".')).toBe('A “quote”, it’s — and so on…\n\nNext “block”.');
    expect(smartPunctuationText('Typographic “already” — done.')).toBe('Typographic “already” — done.');
  });

  it('does change what SmartyPants changes', async () => {
    expect(await smartPunctuation('He said "yes" -- twice...')).toContain('He said “yes” — twice…');
  });

  it('gives what remark-smartypants gives on every body of a guide’s own prose, quotes, dashes and ellipses among them', async () => {
    const bodies = ownProse((await checkGuide(sampleGuide)).content);
    expect(bodies.length).toBeGreaterThan(15);
    // Each kind of punctuation SmartyPants changes occurs.
    for (const straight of ['"', "'", '--', '...']) expect(bodies.some((body) => body.includes(straight)), straight).toBe(true);
    expect(await differFromSmartypants(bodies)).toEqual([]);
  });
});
