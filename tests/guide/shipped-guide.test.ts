/**
 * The guide this repository ships: it must check cleanly, and its annotation
 * must meet the standard of a careful seminar guide. Each test names a rule
 * the content must keep as it grows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../packages/reading-guide/src/compile.ts';
import type { Citation, RelationType } from '../../packages/reading-guide/src/model/schema.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { type Figure, figuresIn, holdsFigure, holdsWords, saysWhatItShows, sentenceQuoting, statedFacts } from './stated-facts.ts';

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

  it('gives each main claim a strongest counterargument that rests on a part of a source or on another claim of the thread', () => {
    const main = claims.filter((claim) => claim.main);
    for (const key of ['A', 'B']) {
      expect(main.filter((claim) => claim.speaker.kind === 'commenter' && claim.speaker.key === key).length, key).toBeGreaterThanOrEqual(4);
    }
    const bare: string[] = [];
    for (const claim of main) {
      const counter = claim.strongestCounterargument;
      expect(counter, claim.id).toBeDefined();
      if (counter!.kind === 'claim') {
        expect(speakerOf(counter!.id), claim.id).not.toEqual(claim.speaker);
        continue;
      }
      const entry = content.annotations.find((annotation) => annotation.id === counter!.id)!;
      const atAPart = entry.data.cites.some((citation) => citation.locator !== undefined || (citation.note !== undefined && saysWhatItShows(citation.note)));
      const onAClaim = entry.facts.links.some((link) => {
        const id = /^\/claims\/([^/#?]+)/.exec(link)?.[1];
        return id !== undefined && id !== claim.id && graph.claims[id] !== undefined;
      });
      if (!atAPart && !onAClaim) bare.push(`${claim.id}: ${counter!.id}`);
    }
    expect(bare).toEqual([]);
  });

  it('gives every main claim, and every claim of a crux that takes a side, a counterargument', () => {
    // A claim that asks (asks-about), grants the other side (concedes, or supports
    // the other commenter's claim) or only qualifies takes no side to argue against.
    const takesNoSide = (claim: (typeof claims)[number]) => {
      const edges = claim.relations.filter((edge) => edge.direction === 'out');
      return (
        edges.some((edge) => edge.type === 'asks-about' || edge.type === 'concedes' || (edge.type === 'supports' && JSON.stringify(speakerOf(edge.claim)) !== JSON.stringify(claim.speaker))) ||
        (edges.length > 0 && edges.every((edge) => edge.type === 'qualifies'))
      );
    };
    const inCrux = new Set(Object.values(graph.cruxes).flatMap((crux) => crux.claims));
    const challenged = claims.filter((claim) => claim.speaker.kind === 'commenter' && (claim.main || (inCrux.has(claim.id) && !takesNoSide(claim))));
    for (const key of ['A', 'B']) {
      expect(challenged.filter((claim) => claim.speaker.kind === 'commenter' && claim.speaker.key === key).length, key).toBeGreaterThan(0);
    }
    // The rule reaches past the main claims: a crux's other claims are challenged too.
    expect(challenged.some((claim) => !claim.main)).toBe(true);
    const unanswered = challenged.filter(
      (claim) =>
        !claim.annotations.some((id) => graph.annotations[id]!.kind === 'counterargument') &&
        !claim.relations.some((edge) => edge.type === 'attacks' && edge.direction === 'in' && JSON.stringify(speakerOf(edge.claim)) !== JSON.stringify(claim.speaker))
    );
    expect(unanswered.map((claim) => claim.id)).toEqual([]);
  });

  it('states no figure, date or quotation of a work without a record of it', () => {
    // Where a fact is recorded: the note and locator of a citation, and the checked
    // entries (where, and the facts checked there) of the work cited; for a claim,
    // also the words it paraphrases; for a crux, its claims; for any text, what the
    // pages it links to record. A source page is held to its own checked entries.
    // Figures count as whole values; quotations as whole words. The commenters'
    // words need no source, but a quotation of one or two words found in the thread
    // counts as theirs only when its sentence names a commenter or a comment: a
    // single word is too easily found by chance. A passage of an outside work quoted
    // in the thread needs that work among the citations. A quotation whose sentence
    // names a work must be in what that work's citations and checks record, not
    // another's. Every shipped text of the guide's own is read: the editors' notes
    // on comments (which may quote the words they are about) and guide.yaml's title,
    // description, notes and descriptions of the commenters, but never the
    // commenters' words themselves.
    const names = content.glossary.flatMap((term) => [term.data.term, ...term.data.aliases]);
    const sources = new Map(content.sources.map((source) => [source.id, source]));
    const own: string[] = [];
    const outside = new Map<string, string[]>();
    for (const comment of graph.comments) {
      let at = 0;
      for (const quotation of [...comment.quotations].sort((a, b) => a.start - b.start)) {
        if (quotation.quotes.kind !== 'outside') continue;
        own.push(comment.text.slice(at, quotation.start));
        const source = quotation.quotes.source;
        if (source !== undefined) outside.set(source, [...(outside.get(source) ?? []), comment.text.slice(quotation.start, quotation.end)]);
        at = quotation.end;
      }
      own.push(comment.text.slice(at));
    }
    const thread = own.join('\n');
    const commenters = Object.entries(content.guide!.data.commenters);
    const labels = [...graph.comments.map((comment) => comment.label), ...commenters.map(([, commenter]) => commenter.name)];
    const namesCommenter = (sentence: string) =>
      labels.some((label) => holdsWords(sentence, label)) ||
      // A key such as "A" is also a word: opening a sentence on its own it may be the article, and in "B.6" it is a label.
      commenters.some(([key]) => new RegExp(String.raw`\b${key}\b(?!\.\d)`).test(sentence.replace(new RegExp(String.raw`^\W*${key}\s`), ' ')));

    // A record keeps what each work's citations and checks hold apart, so that a
    // quotation is matched against the work its sentence names.
    interface Record {
      pieces: { work?: string; text: string }[];
      works: Set<string>;
    }
    const textOf = (record: Record, works?: ReadonlySet<string>) =>
      record.pieces.filter((piece) => works === undefined || (piece.work !== undefined && works.has(piece.work))).map((piece) => piece.text).join('\n');
    const checkedText = (id: string) => {
      const source = sources.get(id);
      if (!source) return [];
      return source.data.checked.flatMap((check) => [
        check.where,
        ...check.fields.map((field) => {
          const value = source.data[field];
          return Array.isArray(value) ? value.join(', ') : String(value ?? '');
        })
      ]);
    };
    const recordOf = (cites: readonly Citation[], extra: readonly string[] = []): Record => ({
      pieces: [
        ...cites.map((citation) => ({ work: citation.source, text: [citation.note ?? '', citation.locator ?? '', ...checkedText(citation.source)].join('\n') })),
        ...extra.map((text) => ({ text }))
      ],
      works: new Set(cites.map((citation) => citation.source))
    });
    const merge = (...records: Record[]): Record => ({
      pieces: records.flatMap((record) => record.pieces),
      works: new Set(records.flatMap((record) => [...record.works]))
    });
    const claimRecord = (id: string) => {
      const entry = content.claims.find((candidate) => candidate.id === id);
      return entry ? recordOf(entry.data.cites, [entry.data.quote.exact]) : recordOf([]);
    };
    const ownRecord: { [collection: string]: (id: string) => Record } = {
      annotations: (id) => recordOf(content.annotations.find((entry) => entry.id === id)?.data.cites ?? []),
      claims: claimRecord,
      glossary: (id) => recordOf(content.glossary.find((entry) => entry.id === id)?.data.cites ?? []),
      sources: (id) => ({ pieces: checkedText(id).map((text) => ({ work: id, text })), works: new Set(sources.has(id) ? [id] : []) }),
      cruxes: (id) => merge(...(content.cruxes.find((entry) => entry.id === id)?.data.claims ?? []).map(claimRecord)),
      pages: () => recordOf([])
    };
    const linked = (links: readonly string[]) =>
      links.flatMap((link) => {
        const [, collection, id] = /^\/(annotations|sources|claims|glossary)\/([^/#?]+)/.exec(link) ?? [];
        return collection ? [ownRecord[collection]!(id!)] : [];
      });
    // How a sentence names a work: by its short name (with or without its year),
    // its title or its publisher. An author's name alone is not enough: a
    // person may be quoted in another work.
    const namesOf = (source: (typeof content.sources)[number]) =>
      [source.data.short, source.data.short.replace(/\s+\d{4}$/, ''), source.data.title, source.data.publisher].filter(
        (name): name is string => name !== undefined && name.length > 2 && !/^\d+$/.test(name) && name !== 'AI'
      );
    const worksNamedIn = (sentence: string) => new Set(content.sources.filter((source) => namesOf(source).some((name) => holdsWords(sentence, name))).map((source) => source.id));

    const guide = content.guide!;
    // The editors' notes on a comment may quote the words they are about; the guide's own texts hold only the thread's title.
    const threadNotes = content.thread.map((entry) => ({
      entry,
      texts: entry.data.editorNotes.map((note) => note.note),
      record: { pieces: entry.data.editorNotes.flatMap((note) => (note.about ? [{ text: note.about.exact }] : [])), works: new Set(entry.data.outsideQuotations.flatMap((quotation) => (quotation.source ? [quotation.source] : []))) }
    }));
    const guideTexts = {
      entry: { collection: 'guide', id: 'guide', file: guide.file, facts: { links: [] as string[] } },
      texts: [guide.data.title, guide.data.description, ...guide.data.editorNotes, ...Object.values(guide.data.commenters).flatMap((commenter) => commenter.description ?? [])],
      record: recordOf([])
    };
    const scanned = [
      ...content.annotations.map((entry) => ({ entry, texts: [entry.body] })),
      ...content.claims.map((entry) => ({ entry, texts: [entry.data.paraphrase] })),
      ...content.glossary.map((entry) => ({ entry, texts: [entry.body] })),
      ...content.sources.map((entry) => ({ entry, texts: [entry.body] })),
      ...content.cruxes.map((entry) => ({ entry, texts: [entry.data.question, entry.body, ...Object.values(entry.data.wouldMove).flat()] })),
      ...content.pages.map((entry) => ({ entry, texts: [entry.body] })),
      ...threadNotes,
      guideTexts
    ];
    const unrecorded: string[] = [];
    const stated = new Map<string, number>();
    for (const item of scanned) {
      const { entry, texts } = item;
      // The thread's own title is the guide's to give.
      const record = merge({ pieces: [{ text: guide.data.thread.title }], works: new Set() }, 'record' in item ? item.record : ownRecord[entry.collection]!(entry.id), ...linked(entry.facts.links));
      const held: Figure[] = figuresIn(textOf(record), names);
      for (const text of texts) {
        const { figures, quotations } = statedFacts(text, names);
        stated.set(entry.collection, (stated.get(entry.collection) ?? 0) + figures.length + quotations.length);
        for (const figure of figures) if (!holdsFigure(held, figure)) unrecorded.push(`${entry.file}: ${figure.text}`);
        for (const quotation of quotations) {
          const sentence = sentenceQuoting(text, quotation);
          const named = worksNamedIn(sentence);
          const credited = named.size > 0 ? named : undefined;
          if (holdsWords(textOf(record, credited), quotation)) continue;
          const work = [...outside].find(([, passages]) => passages.some((passage) => holdsWords(passage, quotation)))?.[0];
          if (work !== undefined && record.works.has(work) && (credited === undefined || credited.has(work))) continue;
          if (holdsWords(thread, quotation) && (quotation.split(' ').length >= 3 || namesCommenter(sentence))) continue;
          unrecorded.push(`${entry.file}: “${quotation}”${credited ? ` (credited to ${[...credited].join(', ')})` : ''}`);
        }
      }
    }
    expect(unrecorded).toEqual([]);
    // Every kind of text is read, and states such things: a detector that found none would pass for the wrong reason.
    for (const collection of ['annotations', 'claims', 'glossary', 'sources', 'cruxes', 'pages', 'thread', 'guide']) expect(stated.get(collection) ?? 0, collection).toBeGreaterThan(0);
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
    // An arXiv id in the address of a checked copy is held by that check.
    const known = new Set(
      content.sources.flatMap((source) => [
        source.data.url,
        source.data.arxiv,
        source.data.doi,
        ...source.data.checked.flatMap((check) => [check.url, ...(check.url?.match(/\b\d{4}\.\d{4,5}\b/g) ?? [])])
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
