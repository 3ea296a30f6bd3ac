/**
 * The guide this repository ships: it must check cleanly, and its annotation
 * must meet the standard of a careful seminar guide. Each test names a rule
 * the content must keep as it grows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../src/compile.ts';
import type { RelationType } from '../../src/load/schema.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { comparable, statedFacts } from '../helpers/stated-facts.ts';

describe('the detector of stated facts (a control for the test of the shipped guide below)', () => {
  it('finds figures, dates and quotations', () => {
    const found = statedFacts('Training lowered o3’s rate from about 13% to about 0.4% across 26 evaluations (p = 1.0), on 2025-06-20, in Nov 2023 and in 2021; Sonnet was “very sad” and told "try your best".', ['o3']);
    expect(found.figures).toEqual(['2025-06-20', 'Nov 2023', '13%', '0.4%', '26', '1.0', '2021']);
    expect(found.quotations).toEqual(['very sad', 'try your best']);
  });

  it('passes over names, labels and places that carry digits, and looks for figures outside quotations only', () => {
    const text = 'A2 cites Appendix B.6 and §2.2.1–2.2.3 of arXiv:2509.15541 for Claude 3.5 Sonnet, Agent-4 and GPT-5 ([A1](/#comment-a1)).';
    expect(statedFacts(text, ['Claude 3.5 Sonnet'])).toEqual({ figures: [], quotations: [] });
    expect(statedFacts('B names an exception, “(Opus 3)”.')).toEqual({ figures: [], quotations: ['(Opus 3)'] });
  });
});

describe('the shipped guide', async () => {
  const { content, graph, warnings } = await checkGuide(path.join(projectRoot, 'content'));
  const speakerOf = (id: string) => graph.claims[id]!.speaker;
  const claims = Object.values(graph.claims);
  const relation = (from: string, type: RelationType, to: string) =>
    graph.claims[from]?.relations.some((edge) => edge.direction === 'out' && edge.type === type && edge.claim === to);

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

  it('marks every substantive claim: 20 to 40, from both commenters and the AI 2027 passage', () => {
    expect(claims.length).toBeGreaterThanOrEqual(20);
    expect(claims.length).toBeLessThanOrEqual(40);
    const speakers = new Set(claims.map((claim) => JSON.stringify(claim.speaker)));
    expect(speakers).toEqual(
      new Set([
        JSON.stringify({ kind: 'commenter', key: 'A' }),
        JSON.stringify({ kind: 'commenter', key: 'B' }),
        JSON.stringify({ kind: 'outside', source: 'ai-2027' })
      ])
    );
  });

  it('gives every claim a source with a locator, or a relation to another claim', () => {
    const loose = claims.filter(
      (claim) => claim.relations.length === 0 && !claim.citations.some((citation) => citation.locator !== undefined)
    );
    expect(loose.map((claim) => claim.id)).toEqual([]);
  });

  it('records the disagreements, questions and concessions the thread makes', () => {
    expect(relation('a2-ablations', 'attacks', 'b1-instruction-following')).toBe(true);
    expect(relation('a2-continual-learning', 'attacks', 'b1-implausible-future')).toBe(true);
    expect(relation('b-rollout-is-context', 'asks-about', 'a1-model-context-level')).toBe(true);
    expect(relation('b1-collapsed-context', 'qualifies', 'a1-ai2027-counterpoint')).toBe(true);
    expect(relation('b1-conditional-pessimism', 'concedes', 'a1-ai2027-counterpoint')).toBe(true);
    expect(relation('a2-fresh-rollout-concession', 'concedes', 'b1-collapsed-context')).toBe(true);
    const attacks = claims.flatMap((claim) =>
      claim.relations.filter((edge) => edge.type === 'attacks' && edge.direction === 'out').map((edge) => [speakerOf(claim.id), speakerOf(edge.claim)])
    );
    expect(attacks).toContainEqual([{ kind: 'commenter', key: 'A' }, { kind: 'commenter', key: 'B' }]);
    expect(attacks).toContainEqual([{ kind: 'commenter', key: 'B' }, { kind: 'commenter', key: 'A' }]);
  });

  it('marks the crux both commenters name, with claims from each side', () => {
    const crux = graph.cruxes['joined-contexts']!;
    expect(crux.claims).toEqual(expect.arrayContaining(['b1-implausible-future', 'b1-conditional-pessimism', 'a2-names-crux', 'a2-continual-learning']));
    for (const id of Object.keys(graph.cruxes)) {
      const keys = new Set(graph.cruxes[id]!.claims.map((claim) => JSON.stringify(speakerOf(claim))));
      expect(keys.size, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows a sourced or quoted strongest counterargument for each main claim of each commenter', () => {
    const main = claims.filter((claim) => claim.main);
    for (const key of ['A', 'B']) {
      expect(main.filter((claim) => claim.speaker.kind === 'commenter' && claim.speaker.key === key).length, key).toBeGreaterThanOrEqual(4);
    }
    for (const claim of main) {
      const counter = claim.strongestCounterargument;
      expect(counter, claim.id).toBeDefined();
      if (counter!.kind === 'annotation') {
        expect(graph.annotations[counter!.id]!.citations.length, counter!.id).toBeGreaterThan(0);
      } else {
        expect(speakerOf(counter!.id), claim.id).not.toEqual(claim.speaker);
      }
    }
  });

  it('gives every main claim of each commenter a counterargument', () => {
    for (const key of ['A', 'B']) {
      const main = claims.filter((claim) => claim.main && claim.speaker.kind === 'commenter' && claim.speaker.key === key);
      expect(main.length, key).toBeGreaterThan(0);
      for (const claim of main) {
        const against = [
          ...claim.annotations.filter((id) => graph.annotations[id]!.kind === 'counterargument'),
          ...claim.relations.filter((edge) => edge.type === 'attacks' && edge.direction === 'in').map((edge) => edge.claim)
        ];
        expect(against, claim.id).not.toEqual([]);
      }
    }
  });

  it('states no figure, date or quotation of a work in an annotation without a citation that records it', () => {
    // A figure or a quotation of a work counts as recorded when a citation of the annotation holds it:
    // its note or locator, or the cited source's own page. The commenters' own words need no source;
    // a passage of an outside work quoted in the thread needs that work among the citations.
    const names = content.glossary.flatMap((term) => [term.data.term, ...term.data.aliases]);
    const sources = new Map(content.sources.map((source) => [source.id, source]));
    const outside = new Map<string, string>();
    const own: string[] = [];
    for (const comment of graph.comments) {
      let at = 0;
      for (const quotation of [...comment.quotations].sort((a, b) => a.start - b.start)) {
        if (quotation.quotes.kind !== 'outside') continue;
        own.push(comment.text.slice(at, quotation.start));
        const source = quotation.quotes.source ?? '';
        outside.set(source, `${outside.get(source) ?? ''}\n${comparable(comment.text.slice(quotation.start, quotation.end))}`);
        at = quotation.end;
      }
      own.push(comment.text.slice(at));
    }
    const thread = comparable(own.join('\n'));
    const unrecorded: string[] = [];
    let stated = 0;
    for (const annotation of content.annotations) {
      const cites = annotation.data.cites;
      const recorded = comparable(
        cites
          .flatMap((citation) => {
            const source = sources.get(citation.source);
            return [citation.note ?? '', citation.locator ?? '', source?.body ?? '', JSON.stringify(source?.data ?? {})];
          })
          .join('\n')
      );
      const { figures, quotations } = statedFacts(annotation.body, names);
      for (const figure of figures) {
        stated += 1;
        if (!recorded.includes(comparable(figure))) unrecorded.push(`${annotation.file}: ${figure}`);
      }
      for (const quotation of quotations) {
        const words = comparable(quotation);
        if (thread.includes(words)) continue;
        stated += 1;
        const work = [...outside].find(([, text]) => text.includes(words))?.[0];
        const ok = work ? cites.some((citation) => citation.source === work) : recorded.includes(words);
        if (!ok) unrecorded.push(`${annotation.file}: “${quotation}”`);
      }
    }
    expect(unrecorded).toEqual([]);
    // The guide does state such things: a detector that found none would pass for the wrong reason.
    expect(stated).toBeGreaterThan(10);
  });

  it('attributes the claims inside the AI 2027 passage to the scenario', () => {
    expect(speakerOf('ai2027-agent5-goal')).toEqual({ kind: 'outside', source: 'ai-2027' });
  });

  it('links to arXiv papers by their canonical address', () => {
    for (const source of content.sources.filter((candidate) => candidate.data.arxiv)) {
      expect(source.data.url).toBe(`https://arxiv.org/abs/${source.data.arxiv}`);
    }
  });

  it('names no arXiv id, DOI or web address in its own text that a checked source does not hold', () => {
    const known = new Set(
      content.sources.flatMap((source) => [
        source.data.url,
        source.data.arxiv,
        source.data.doi,
        ...source.data.checked.map((check) => check.url)
      ]).filter((value): value is string => value !== undefined)
    );
    // The thread's own address and the licence are not sources.
    known.add(content.guide!.data.thread.url);
    known.add(content.guide!.data.license.url);
    const editorial = [...content.claims, ...content.annotations, ...content.sources, ...content.glossary, ...content.cruxes, ...content.pages];
    const unknown: string[] = [];
    for (const entry of editorial) {
      const text = `${JSON.stringify(entry.data)}\n${entry.body}`;
      for (const [id] of text.matchAll(/\b\d{4}\.\d{4,5}\b/g)) if (!known.has(id)) unknown.push(`${entry.file}: arXiv ${id}`);
      for (const [doi] of text.matchAll(/\b10\.\d{4,9}\/[^\s"'<>)\]]+/g)) if (!known.has(doi)) unknown.push(`${entry.file}: DOI ${doi}`);
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) {
        const canonical = url.replace('://www.arxiv.org/', '://arxiv.org/');
        if (!known.has(url) && !known.has(canonical)) unknown.push(`${entry.file}: ${url}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('records where each source’s facts were checked', () => {
    for (const source of content.sources) expect(source.data.checked.length, source.id).toBeGreaterThan(0);
  });

  it('defines the terms a newcomer stumbles on, each used in the thread or the annotations', () => {
    const required = [
      'rollout', 'post-training', 'reward hacking', 'instrumental convergence', 'beyond-episode preferences', 'sandbagging',
      'scheming', 'continual learning', 'context', 'time horizon', 'Agent-4', 'Agent-5', 'o3', 'Claude 3.5 Sonnet',
      'Claude 3.7 Sonnet', 'Claude 3 Opus'
    ];
    const terms = content.glossary.map((term) => term.data.term);
    expect(terms).toEqual(expect.arrayContaining(required));
    const used = [...content.thread.map((entry) => entry.body), ...content.annotations.map((entry) => entry.body)].join('\n').replace(/\s+/g, ' ').toLowerCase();
    const unused = content.glossary.filter((term) => ![term.data.term, ...term.data.aliases].some((name) => used.includes(name.toLowerCase())));
    expect(unused.map((term) => term.id)).toEqual([]);
  });

  it('has an introduction, a cruxes page and questions for discussion', () => {
    expect(content.pages.map((page) => page.id).sort()).toEqual(['cruxes', 'introduction', 'questions']);
    expect(content.pages.find((page) => page.id === 'introduction')!.body).toContain(content.guide!.data.thread.url);
  });

  it('puts every claim in the thread as a mark the home page links from', () => {
    const marks = new Set(graph.comments.flatMap((comment) => comment.marks.filter((mark) => mark.kind === 'claim').map((mark) => mark.target)));
    expect([...marks].sort()).toEqual(Object.keys(graph.claims).sort());
  });
});
