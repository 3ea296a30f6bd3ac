/**
 * The guide this repository ships: it must check cleanly, and carry the
 * claims, sources and disagreements around the three works the thread cites.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../src/compile.ts';
import { projectRoot } from '../helpers/fixtures.ts';

describe('the shipped guide', async () => {
  const { content, graph, warnings } = await checkGuide(path.join(projectRoot, 'content'));
  const speakerOf = (id: string) => graph.claims[id]!.speaker;

  it('checks with no error and no warning', () => {
    expect(warnings).toEqual([]);
  });

  it.each([
    ['ai-2027', 'Race ending'],
    ['schoen2025', 'Appendix M'],
    ['meinke2024', 'Appendix B.6']
  ])('cites %s at %s, from the thread and from claims', (source, locator) => {
    const node = graph.sources[source]!;
    expect(node.locators).toContain(locator);
    expect(node.citedBy.some((citation) => citation.from.kind === 'comment')).toBe(true);
    expect(node.citedBy.some((citation) => citation.from.kind === 'claim' && citation.locator === locator)).toBe(true);
  });

  it('attributes the claims inside the AI 2027 passage to the scenario', () => {
    expect(speakerOf('ai2027-agent5-goal')).toEqual({ kind: 'outside', source: 'ai-2027' });
  });

  it('records disagreements in both directions between the commenters', () => {
    const attacks = Object.values(graph.claims).flatMap((claim) =>
      claim.relations
        .filter((relation) => relation.type === 'attacks' && relation.direction === 'out')
        .map((relation) => [speakerOf(claim.id), speakerOf(relation.claim)])
    );
    expect(attacks).toContainEqual([{ kind: 'commenter', key: 'A' }, { kind: 'commenter', key: 'B' }]);
    expect(attacks).toContainEqual([{ kind: 'commenter', key: 'B' }, { kind: 'commenter', key: 'A' }]);
  });

  it('links to arXiv papers by their canonical address', () => {
    for (const source of content.sources.filter((candidate) => candidate.data.arxiv)) {
      expect(source.data.url).toBe(`https://arxiv.org/abs/${source.data.arxiv}`);
    }
  });
});
