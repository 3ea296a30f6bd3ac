import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { previews } from '../../src/export/previews.ts';
import { firstSentence } from '../../src/render/sidenotes.ts';
import { snapshotOf } from '../../src/export/snapshot.ts';
import { sampleGuide } from '../helpers/fixtures.ts';

const compiled = await compileGuide(sampleGuide, { base: '/repo/' });
const cards = previews(snapshotOf(compiled, 'https://reader.github.io/repo/'), '/repo/', { '/questions/': { title: 'Questions', description: 'For discussion.' } });
const { graph } = compiled;

describe('preview cards', () => {
  it('exist for every claim, source, term, annotation, crux and comment a link can point to', () => {
    const expected = [
      ...graph.claimOrder.flatMap((id) => [`/claims/${id}/`, `/#claim-${id}`]),
      ...Object.keys(graph.sources).map((id) => `/sources/${id}/`),
      ...Object.keys(graph.terms).map((id) => `/glossary/#term-${id}`),
      ...Object.keys(graph.annotations).map((id) => `/annotations/${id}/`),
      ...Object.keys(graph.cruxes).map((id) => `/cruxes/#crux-${id}`),
      ...graph.comments.map((comment) => `/#comment-${comment.id}`),
      '/questions/'
    ];
    expect(Object.keys(cards).sort()).toEqual(expected.sort());
  });

  it('show a claim’s paraphrase, who made it, its standing and its strongest counterargument', () => {
    const card = cards['/claims/b1-design-problems/']!;
    expect(card.title).toBe('Claim C7 · Commenter B');
    expect(card.html).toContain('<p>Review catches design problems that no test was written to find.</p>');
    expect(card.html).toContain('1 counterargument · 1 in support · 1 question');
    expect(card.html).toContain('Strongest counterargument');
    expect(card.html).toContain('href="/repo/annotations/tests-first/"');
    // Counted in the plural, and with a claim that attacks it as the strongest.
    const attacked = cards['/claims/a1-review-style/']!;
    expect(attacked.html).toContain('2 counterarguments · 3 in support');
    expect(attacked.html).toMatch(/Strongest counterargument: <\/strong>.*href="\/repo\/claims\/b1-design-problems\/"/);
  });

  it('show a source’s checked facts, the parts cited and what it shows', () => {
    const card = cards['/sources/doe2020/']!;
    expect(card.html).toContain('<cite>Where Defects Are Found in Example Teams</cite>');
    expect(card.html).toContain('Jane Doe, Pim van der Quill, Maëlle Oakridge · 2020');
    expect(card.html).toContain('Cited at: Table 2, §4, §2');
    expect(card.html).toContain('A made-up survey');
  });

  it('escape what they quote, and link only with the base path', () => {
    // The term's definition has an ampersand and quotation marks of its own, which the card gives as the glossary page does.
    expect(cards['/glossary/#term-code-review']!.html).toContain('a “second pair of eyes” &#x26; a record');
    const hrefs: string[] = [];
    for (const card of Object.values(cards)) {
      expect(card.html).not.toMatch(/<script|on\w+=/i);
      for (const [, href] of card.html.matchAll(/href="(\/[^"]*)"/g)) hrefs.push(href!);
    }
    // Cards do link within the site, each under the base path.
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs.filter((href) => !href.startsWith('/repo/'))).toEqual([]);
  });
});

describe('a card’s first sentence', () => {
  it('runs past a full stop that ends no sentence, as in “et al.”', () => {
    expect(cards['/glossary/#term-regression']!.html).toContain('A defect that Doe et al. count apart from new ones, in behaviour that used to work.</p>');
  });

  it('ends where a sentence ends, abbreviations and closing quotation marks kept, and is cut at a word when it runs long', () => {
    expect(firstSentence('Use e.g. the U.S. figures.  Then   the rest.')).toBe('Use e.g. the U.S. figures.');
    expect(firstSentence('He said “stop.” Then he left.')).toBe('He said “stop.”');
    expect(firstSentence('GPT-3.5 does it? Yes.')).toBe('GPT-3.5 does it?');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    expect(firstSentence('One two three four five six.', 14)).toBe('One two three…');
    expect(firstSentence('„Das ist ein Satz.“ Noch einer.', 180, 'de')).toBe('„Das ist ein Satz.“');
  });
});
