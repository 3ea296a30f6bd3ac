import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { searchRecords } from '../../src/export/search-records.ts';
import { snapshotOf } from '../../src/export/snapshot.ts';
import { sampleGuide } from '../helpers/fixtures.ts';

const compiled = await compileGuide(sampleGuide, { base: '/' });
const records = searchRecords(snapshotOf(compiled, 'https://reader.github.io/'));
const threadIds = new Set(
  Object.values(compiled.rendered.html.thread).flatMap((html) =>
    (selectAll('[id]', fromHtml(html, { fragment: true })) as Element[]).map((element) => String(element.properties.id))
  )
);

describe('search records', () => {
  it('give each record its own address: Pagefind keeps one record per URL', () => {
    expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
  });

  it('send a claim to its mark, and an annotation to its place beside the claim, in the thread', () => {
    const claims = records.filter((record) => record.filters.kind[0] === 'claim');
    expect(claims).toHaveLength(compiled.graph.claimOrder.length);
    const annotations = records.filter((record) => ['counterargument', 'support', 'context', 'clarification', 'correction', 'question'].includes(record.filters.kind[0]!));
    expect(annotations).toHaveLength(Object.keys(compiled.graph.annotations).length);
    for (const record of [...claims, ...annotations]) {
      expect(record.url, record.meta.title).toMatch(/^\/#/);
      expect(threadIds.has(record.url.slice(2)), `${record.url} is no element of the thread`).toBe(true);
    }
  });

  it('say who said it and what it is, with the values the search page offers', () => {
    const who = new Set(records.map((record) => record.filters.who[0]));
    expect(who).toEqual(new Set(['Commenter A', 'Commenter B', 'Commenter C', 'Outside work', 'The guide']));
    const kinds = new Set(records.map((record) => record.filters.kind[0]));
    expect([...kinds].sort()).toEqual(['clarification', 'claim', 'comment', 'context', 'correction', 'counterargument', 'crux', 'glossary term', 'question', 'source', 'support'].sort());
    for (const record of records) expect(record.meta.kind).toBe(record.filters.kind[0]);
  });

  it('give each claim the speaker of its own words: its commenter, or the outside work a comment quotes', () => {
    const names = compiled.content.guide!.data.commenters;
    const claims = compiled.graph.claimOrder.map((id) => compiled.graph.claims[id]!);
    const outside = claims.filter((claim) => claim.speaker.kind === 'outside');
    // Both kinds occur, so that a swap of one for the other shows.
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(claims.length);
    for (const claim of claims) {
      const found = records.find((record) => record.url === `/#${claim.markId}`)!;
      const expected = claim.speaker.kind === 'commenter' ? names[claim.speaker.key]!.name : 'Outside work';
      expect(found.filters.who, claim.id).toEqual([expected]);
    }
    // A comment is its commenter's, an annotation the guide's.
    for (const comment of compiled.graph.comments) {
      expect(records.find((record) => record.url === `/#comment-${comment.id}`)!.filters.who, comment.id).toEqual([names[comment.author!]!.name]);
    }
    const annotations = records.filter((record) => record.meta.kind !== 'claim' && record.meta.kind !== 'comment' && record.url.startsWith('/#'));
    expect(annotations).toHaveLength(Object.keys(compiled.graph.annotations).length);
    for (const record of annotations) expect(record.filters.who, record.url).toEqual(['The guide']);
    expect(records.find((record) => record.url === '/#claim-doe-third')!.filters.who).toEqual(['Outside work']);
    expect(records.find((record) => record.url === '/#claim-c1-needs-both')!.filters.who).toEqual(['Commenter C']);
  });

  it('hold the words a reader would search for', () => {
    const claim = records.find((record) => record.url === '/#claim-a2-still-style')!;
    expect(claim.content).toContain('I still think review mostly catches style');
    expect(claim.content).toContain(compiled.content.claims.find((entry) => entry.id === 'a2-still-style')!.data.paraphrase);
    const source = records.find((record) => record.url === '/sources/roe2019/')!;
    expect(source.content).toContain('ch. 3');
    expect(source.content).not.toMatch(/[*_`]/);
  });
});
