/**
 * The content model, field by field: what each pattern lets through and what
 * it turns away (at both ends of the value, since a pattern that has lost an
 * anchor still accepts every well-formed value), the message and the path of
 * each refusal, the defaults a contributor may leave out, and the hint every
 * field carries. The message is what `npm run check` prints after the field's
 * name, so its words are part of what is tested.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { annotationKinds, captureFormats, commentStatuses, factFields, relationTypes, sourceTypes } from '../../src/model/schema.ts';

type Model = typeof import('../../src/model/schema.ts');
type SchemaName = { [K in keyof Model]: Model[K] extends z.ZodType ? K : never }[keyof Model];

/**
 * The model, imported afresh for each test: its schemas are built as the
 * module loads, so a test that must see a change to them (a mutation test's
 * mutant) has to load them while it runs.
 */
let m: Model;
beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/model/schema.ts');
});

type Issue = { path: string; message: string };

/** The issues `schema` finds in `data`, each as the path it names and its message. */
function issuesOf(schema: z.ZodType, data: unknown): Issue[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** The parsed value, failing the test with the issues when `data` is refused. */
function parsed<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) expect.fail(JSON.stringify(issuesOf(schema, data)));
  return result.data as z.output<S>;
}

/**
 * For a field of `base`: each of `accepted` passes, and each of `refused`
 * fails with exactly one issue, at the field, with `message`.
 */
function field(
  schema: SchemaName,
  base: Record<string, unknown>,
  path: string[],
  { accepted, refused, message }: { accepted: unknown[]; refused: unknown[]; message?: string }
) {
  const at = (value: unknown) => {
    const data = structuredClone(base);
    let holder: Record<string, unknown> = data;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
    holder[path.at(-1)!] = value;
    return data;
  };
  for (const value of accepted) {
    it(`accepts ${path.join('.')}: ${JSON.stringify(value)}`, () => {
      expect(issuesOf(m[schema], at(value))).toEqual([]);
    });
  }
  for (const value of refused) {
    it(`refuses ${path.join('.')}: ${JSON.stringify(value)}`, () => {
      const issues = issuesOf(m[schema], at(value));
      expect(issues.map((issue) => issue.path)).toEqual([path.join('.')]);
      if (message) expect(issues[0]!.message).toBe(message);
    });
  }
}

const idMessage = 'must be an id: lower-case letters, digits and single hyphens';
const ids = {
  accepted: ['a', '7', 'a1', 'claim-2', 'a-b-c', 'x9-y8'],
  refused: ['', 'A', 'a--b', '-a', 'a-', 'a_b', 'a b', 'a.b', ' a', 'a\n', 'é']
};

const urlMessage = 'must be an http or https address';
const urls = {
  accepted: ['https://example.org/', 'http://example.org/a?b=c#d'],
  refused: ['example.org', 'ftp://example.org/', 'javascript:alert(1)', 'xhttp://example.org/', 'httpsx://example.org/', 'file:///etc/passwd', '']
};

const timestampMessage = 'must be a date as YYYY-MM-DD, or a date and time with its offset such as 2024-05-01T12:30:00Z';
const timestamps = {
  accepted: [
    '2024-05-01',
    '2024-05-01T12:30Z',
    '2024-05-01T12:30:00Z',
    '2024-05-01T12:30:00.123Z',
    '2024-05-01T12:30:00.5+02:00',
    '2024-05-01T12:30:00-05:30'
  ],
  refused: [
    '2024-5-01',
    '2024-05-1',
    '24-05-01',
    '2024-05-01T12',
    '2024-05-01T12:30',
    '2024-05-01T12:30:00',
    '2024-05-01T1:30Z',
    '2024-05-01T12:30:0Z',
    '2024-05-01T12:30:00.Z',
    '2024-05-01T12:30:00+0200',
    '2024-05-01 12:30:00Z',
    'x2024-05-01',
    '2024-05-01x',
    '2024-05-01T12:30:00Zx'
  ]
};

describe('ids', () => {
  it('match the id pattern exactly, from end to end', () => {
    for (const value of ids.accepted) expect(m.idPattern.test(value), value).toBe(true);
    for (const value of ids.refused) expect(m.idPattern.test(value), value).toBe(false);
  });
});

describe('text quote selectors', () => {
  const base = { exact: 'words' };
  field('textQuoteSelector', base, ['exact'], {
    accepted: ['a', 'ab', 'abc', 'abcd', 'a b', 'a  b', 'a\nb', '“quoted” — words.'],
    refused: ['', ' ', ' a', 'a ', '\na', 'a\n', '\ta', ' a b '],
    message: 'must not be empty, nor start or end with a space or line break'
  });
  field('textQuoteSelector', base, ['prefix'], { accepted: ['x', ' before '], refused: [''] });
  field('textQuoteSelector', base, ['suffix'], { accepted: ['x', ' after '], refused: [''] });

  it('leaves prefix and suffix out when not given, and takes nothing else', () => {
    expect(parsed(m.textQuoteSelector, base)).toEqual({ exact: 'words' });
    expect(issuesOf(m.textQuoteSelector, { ...base, start: 3 })).toEqual([{ path: '', message: 'Unrecognized key: "start"' }]);
  });

  field('threadQuote', { in: 'c1', exact: 'words' }, ['in'], { ...ids, message: idMessage });
  it('needs the comment a thread quote is in', () => {
    expect(issuesOf(m.threadQuote, base).map((issue) => issue.path)).toEqual(['in']);
  });
});

describe('comments', () => {
  const base = { label: 'A1', author: 'A', order: 1, permalink: 'https://example.org/c/1' };

  it('fills in the defaults of what a comment may leave out', () => {
    expect(parsed(m.commentSchema, base)).toEqual({
      ...base,
      permalinkScope: 'comment',
      quotations: [],
      outsideQuotations: [],
      editorNotes: []
    });
  });

  field('commentSchema', base, ['label'], { accepted: ['A1', 'x'], refused: ['', 3] });
  field('commentSchema', base, ['order'], { accepted: [1, 2, 40], refused: [0, -1, 1.5, '1'] });
  field('commentSchema', base, ['replyTo'], { ...ids, message: idMessage });
  field('commentSchema', base, ['permalink'], { ...urls, message: urlMessage });
  field('commentSchema', base, ['permalinkScope'], { accepted: ['comment', 'subthread'], refused: ['thread', ''] });
  field('commentSchema', base, ['date'], { ...timestamps, message: timestampMessage });
  field('commentSchema', base, ['edited'], { accepted: [...timestamps.accepted, true], refused: [false, 'yes', '2024-05-01 12:30Z'] });
  field('commentSchema', base, ['status'], { accepted: [...commentStatuses], refused: ['hidden', ''] });
  field('commentSchema', base, ['repliesNotCaptured'], { accepted: [1, 12], refused: [0, -2, 2.5] });
  field('commentSchema', base, ['capture'], { accepted: ['lines 4-6', 'abc123'], refused: [''] });

  it('refuses a date that has the right shape but does not exist', () => {
    expect(issuesOf(m.commentSchema, { ...base, date: '2024-13-01' })).toEqual([{ path: 'date', message: 'must be a date that exists' }]);
    expect(issuesOf(m.commentSchema, { ...base, date: '2024-05-01T25:00Z' })).toEqual([{ path: 'date', message: 'must be a date that exists' }]);
    expect(issuesOf(m.commentSchema, { ...base, edited: '2024-00-10' })).toContainEqual({ path: 'edited', message: expect.any(String) });
  });

  it('needs an author unless the platform no longer shows one', () => {
    const { author: _, ...anonymous } = base;
    expect(issuesOf(m.commentSchema, anonymous)).toEqual([
      { path: 'author', message: 'needs `author`, the key of a commenter in content/guide.yaml' }
    ]);
    expect(issuesOf(m.commentSchema, { ...anonymous, status: 'deleted' })).toEqual([]);
    expect(issuesOf(m.commentSchema, { ...anonymous, capture: 'c9' })).toEqual([]);
    expect(issuesOf(m.commentSchema, { ...base, author: '' }).map((issue) => issue.path)).toEqual(['author']);
  });

  it('takes quotations of earlier comments, each with the comment it quotes', () => {
    expect(parsed(m.commentSchema, { ...base, quotations: [{ exact: 'x', in: 'c1' }] }).quotations).toEqual([{ exact: 'x', in: 'c1' }]);
    expect(issuesOf(m.commentSchema, { ...base, quotations: [{ exact: '', in: 'c1' }] }).map((issue) => issue.path)).toEqual(['quotations.0.exact']);
    expect(issuesOf(m.commentSchema, { ...base, quotations: [{ exact: 'x', in: 'C1' }] })).toEqual([{ path: 'quotations.0.in', message: idMessage }]);
    expect(issuesOf(m.commentSchema, { ...base, quotations: [{ exact: 'x' }] }).map((issue) => issue.path)).toEqual(['quotations.0.in']);
    expect(issuesOf(m.commentSchema, { ...base, quotations: [{ exact: 'x', in: 'c1', by: 'A' }] }).map((issue) => issue.path)).toEqual(['quotations.0']);
  });

  it('takes quotations of works outside the thread, with the source and place optional', () => {
    expect(parsed(m.commentSchema, { ...base, outsideQuotations: [{ exact: 'x' }] }).outsideQuotations).toEqual([{ exact: 'x' }]);
    const full = { exact: 'x', source: 'a-paper', locator: '§2' };
    expect(parsed(m.commentSchema, { ...base, outsideQuotations: [full] }).outsideQuotations).toEqual([full]);
    for (const [wrong, path] of [
      [{ exact: '' }, 'outsideQuotations.0.exact'],
      [{ exact: 'x', source: 'A paper' }, 'outsideQuotations.0.source'],
      [{ exact: 'x', locator: '' }, 'outsideQuotations.0.locator'],
      [{ exact: 'x', page: 3 }, 'outsideQuotations.0']
    ] as const) {
      expect(issuesOf(m.commentSchema, { ...base, outsideQuotations: [wrong] }).map((issue) => issue.path)).toEqual([path]);
    }
  });

  it('takes editor notes, about the whole comment or about some of its words', () => {
    const notes = [{ note: 'N' }, { note: 'M', about: { exact: 'words', prefix: 'the ' } }];
    expect(parsed(m.commentSchema, { ...base, editorNotes: notes }).editorNotes).toEqual(notes);
    expect(issuesOf(m.commentSchema, { ...base, editorNotes: [{ note: '' }] }).map((issue) => issue.path)).toEqual(['editorNotes.0.note']);
    expect(issuesOf(m.commentSchema, { ...base, editorNotes: [{ note: 'N', about: { exact: ' words' } }] })).toEqual([
      { path: 'editorNotes.0.about.exact', message: 'must not be empty, nor start or end with a space or line break' }
    ]);
  });

  it('refuses a misspelt field', () => {
    expect(issuesOf(m.commentSchema, { ...base, autor: 'A' })).toEqual([{ path: '', message: 'Unrecognized key: "autor"' }]);
  });
});

describe('claims', () => {
  const base = { paraphrase: 'P', quote: { in: 'c1', exact: 'words' } };

  it('fills in the defaults: no citations, no relations, not a main claim', () => {
    expect(parsed(m.claimSchema, base)).toEqual({ ...base, cites: [], relations: [], main: false });
  });

  field('claimSchema', base, ['paraphrase'], { accepted: ['x'], refused: ['', undefined] });
  field('claimSchema', base, ['main'], { accepted: [true, false], refused: ['yes', 1] });
  field('claimSchema', base, ['strongestCounterargument'], { ...ids, message: idMessage });

  it('takes citations with an optional place and note, and nothing else', () => {
    const cites = [{ source: 'a-paper' }, { source: 'b', locator: 'Table 3', note: 'shows it' }];
    expect(parsed(m.claimSchema, { ...base, cites }).cites).toEqual(cites);
    for (const [wrong, path, message] of [
      [{ source: 'A paper' }, 'cites.0.source', idMessage],
      [{ source: 'a', locator: '' }, 'cites.0.locator', undefined],
      [{ source: 'a', note: '' }, 'cites.0.note', undefined],
      [{ source: 'a', page: '3' }, 'cites.0', 'Unrecognized key: "page"'],
      [{ locator: '§2' }, 'cites.0.source', undefined]
    ] as const) {
      const issues = issuesOf(m.claimSchema, { ...base, cites: [wrong] });
      expect(issues.map((issue) => issue.path)).toEqual([path]);
      if (message) expect(issues[0]!.message).toBe(message);
    }
  });

  it('takes every relation type and no other', () => {
    for (const type of relationTypes) {
      expect(parsed(m.claimSchema, { ...base, relations: [{ type, claim: 'c' }] }).relations).toEqual([{ type, claim: 'c' }]);
    }
    expect(issuesOf(m.claimSchema, { ...base, relations: [{ type: 'refutes', claim: 'c' }] }).map((issue) => issue.path)).toEqual([
      'relations.0.type'
    ]);
    expect(issuesOf(m.claimSchema, { ...base, relations: [{ type: 'supports', claim: 'C' }] })).toEqual([
      { path: 'relations.0.claim', message: idMessage }
    ]);
    expect(issuesOf(m.claimSchema, { ...base, relations: [{ type: 'supports', claim: 'c', note: '' }] }).map((issue) => issue.path)).toEqual([
      'relations.0.note'
    ]);
    expect(parsed(m.claimSchema, { ...base, relations: [{ type: 'attacks', claim: 'c', note: 'how' }] }).relations[0]!.note).toBe('how');
  });
});

describe('annotations', () => {
  const base = { kind: 'context', on: 'a-claim' };

  it('fills in no citations, and leaves the rest out', () => {
    expect(parsed(m.annotationSchema, base)).toEqual({ ...base, cites: [] });
  });

  field('annotationSchema', base, ['kind'], { accepted: [...annotationKinds], refused: ['comment', '', 'Context'] });
  field('annotationSchema', base, ['on'], { ...ids, message: idMessage });
  field('annotationSchema', base, ['contributor'], {
    accepted: ['a', 'A9', 'octo-cat', 'a-b-c', 'x'.repeat(39)],
    refused: ['', '-a', 'a-', 'a--b', 'a_b', '@octo', 'o.k', 'x'.repeat(40), ' a'],
    message: 'must be a GitHub handle: letters, digits and single hyphens'
  });
  field('annotationSchema', base, ['created'], { accepted: ['2024-02-29', '2025-12-31'], refused: ['2025-02-29', '2025-1-01', '2025-01-01T00:00Z', 'today'] });

  it('needs the claim or the words it is on', () => {
    expect(issuesOf(m.annotationSchema, { kind: 'context' })).toEqual([
      { path: 'on', message: 'needs `on` (a claim id) or `quote` (words of the thread), or both' }
    ]);
    expect(issuesOf(m.annotationSchema, { kind: 'context', quote: { in: 'c1', exact: 'words' } })).toEqual([]);
    expect(issuesOf(m.annotationSchema, { ...base, quote: { in: 'c1', exact: 'words' } })).toEqual([]);
  });
});

describe('sources', () => {
  const base = { type: 'preprint', short: 'S 2025', title: 'T', checked: [{ fields: ['title'], where: 'the abstract page' }] };

  it('fills in no places cited, and leaves every unchecked fact out', () => {
    expect(parsed(m.sourceSchema, base)).toEqual({ ...base, citedAt: [] });
  });

  field('sourceSchema', base, ['type'], { accepted: [...sourceTypes], refused: ['paper', ''] });
  field('sourceSchema', base, ['short'], { accepted: ['S'], refused: [''] });
  field('sourceSchema', base, ['title'], { accepted: ['T'], refused: ['', undefined] });
  field('sourceSchema', base, ['issued'], {
    accepted: ['2024', '2024-05', '2024-05-01'],
    refused: ['24', '2024-5', '2024-05-1', '2024-05-01-02', '2024-', 'x2024', '2024x', 'May 2024'],
    message: 'must be YYYY, YYYY-MM or YYYY-MM-DD'
  });
  field('sourceSchema', base, ['arxiv'], {
    accepted: ['2509.15541', '1501.0001'],
    refused: ['2509.155', '2509.155412', '250.15541', '25091.5541', 'x2509.15541', '2509.15541x', '2509.15541v2', 'hep-th/9901001'],
    message: 'must be a new-style arXiv id such as 2509.15541'
  });
  field('sourceSchema', base, ['doi'], {
    accepted: ['10.1000/182', '10.123456789/a.b-c', '10.1038/nphys1170'],
    refused: ['10.100/182', '10.1234567890/x', '10.1000/', '10.1000/a b', '11.1000/182', 'doi:10.1000/182', '10.1000182', ' 10.1000/182'],
    message: 'must be a DOI such as 10.1000/182'
  });
  field('sourceSchema', base, ['url'], { ...urls, message: urlMessage });
  field('sourceSchema', base, ['authors'], { accepted: [['A'], ['A', 'B']], refused: [[], 'A'] });
  it('refuses an author without a name', () => {
    expect(issuesOf(m.sourceSchema, { ...base, authors: ['A', ''] }).map((issue) => issue.path)).toEqual(['authors.1']);
  });
  field('sourceSchema', base, ['moreAuthors'], { accepted: [1, 30, true], refused: [0, -1, 1.5, false] });
  for (const name of ['publisher', 'container', 'volume', 'issue']) {
    field('sourceSchema', base, [name], { accepted: ['x'], refused: [''] });
  }

  it('needs at least one check, each of at least one known field and a named copy', () => {
    for (const fields of [[...factFields], ['url']]) {
      expect(issuesOf(m.sourceSchema, { ...base, checked: [{ fields, where: 'w' }] })).toEqual([]);
    }
    expect(issuesOf(m.sourceSchema, { ...base, checked: [{ fields: ['title'], where: 'w', url: 'https://example.org/' }] })).toEqual([]);
    for (const [checked, path] of [
      [[], 'checked'],
      [undefined, 'checked'],
      [[{ fields: [], where: 'w' }], 'checked.0.fields'],
      [[{ fields: ['pages'], where: 'w' }], 'checked.0.fields.0'],
      [[{ fields: ['title'], where: '' }], 'checked.0.where'],
      [[{ fields: ['title'] }], 'checked.0.where'],
      [[{ fields: ['title'], where: 'w', url: 'ftp://x.org/' }], 'checked.0.url'],
      [[{ fields: ['title'], where: 'w', by: 'me' }], 'checked.0']
    ] as const) {
      expect(issuesOf(m.sourceSchema, { ...base, checked }).map((issue) => issue.path), JSON.stringify(checked)).toEqual([path]);
    }
  });

  it('takes the places in the thread that cite it, each with an optional place in the work', () => {
    const citedAt = [{ in: 'c1', exact: 'the paper', locator: '§3' }, { in: 'c2', exact: 'it' }];
    expect(parsed(m.sourceSchema, { ...base, citedAt }).citedAt).toEqual(citedAt);
    expect(issuesOf(m.sourceSchema, { ...base, citedAt: [{ in: 'c1', exact: 'x', locator: '' }] }).map((issue) => issue.path)).toEqual([
      'citedAt.0.locator'
    ]);
    expect(issuesOf(m.sourceSchema, { ...base, citedAt: [{ exact: 'x' }] }).map((issue) => issue.path)).toEqual(['citedAt.0.in']);
  });
});

describe('glossary terms, cruxes and pages', () => {
  it('fill in a term’s aliases and citations', () => {
    expect(parsed(m.termSchema, { term: 'T' })).toEqual({ term: 'T', aliases: [], cites: [] });
    expect(issuesOf(m.termSchema, { term: '' }).map((issue) => issue.path)).toEqual(['term']);
    expect(issuesOf(m.termSchema, { term: 'T', aliases: [''] }).map((issue) => issue.path)).toEqual(['aliases.0']);
    expect(issuesOf(m.termSchema, { term: 'T', cites: [{ source: 'S' }] })).toEqual([{ path: 'cites.0.source', message: idMessage }]);
  });

  it('need a crux to name at least two claims, and what would move each commenter', () => {
    const crux = { question: 'Q?', claims: ['a', 'b'] };
    expect(parsed(m.cruxSchema, crux)).toEqual({ ...crux, wouldMove: {} });
    expect(parsed(m.cruxSchema, { ...crux, wouldMove: { A: ['x'], B: ['y', 'z'] } }).wouldMove).toEqual({ A: ['x'], B: ['y', 'z'] });
    for (const [wrong, path] of [
      [{ question: '' }, 'question'],
      [{ claims: ['a'] }, 'claims'],
      [{ claims: ['a', 'B'] }, 'claims.1'],
      [{ wouldMove: { A: [] } }, 'wouldMove.A'],
      [{ wouldMove: { A: [''] } }, 'wouldMove.A.0'],
      [{ wouldMove: { '': ['x'] } }, 'wouldMove.']
    ] as const) {
      expect(issuesOf(m.cruxSchema, { ...crux, ...wrong }).map((issue) => issue.path), JSON.stringify(wrong)).toEqual([path]);
    }
  });

  it('need a page’s title and description; its navigation label is optional', () => {
    const page = { title: 'T', description: 'D' };
    expect(parsed(m.pageSchema, page)).toEqual(page);
    expect(parsed(m.pageSchema, { ...page, nav: 'N' })).toEqual({ ...page, nav: 'N' });
    for (const [wrong, path] of [
      [{ title: '' }, 'title'],
      [{ description: '' }, 'description'],
      [{ nav: '' }, 'nav']
    ] as const) {
      expect(issuesOf(m.pageSchema, { ...page, ...wrong }).map((issue) => issue.path)).toEqual([path]);
    }
  });
});

describe('guide.yaml', () => {
  const base = {
    title: 'G',
    description: 'D',
    thread: { title: 'T', site: 'S', url: 'https://example.org/t/1' },
    commenters: { A: { name: 'Commenter A' } },
    editors: 'the editors',
    published: '2026-01-02',
    license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }
  };

  it('fills in English, neutral names, no rewording, no notes, and not a demonstration', () => {
    expect(parsed(m.guideSchema, base)).toEqual({ ...base, language: 'en', strings: {}, names: 'neutral', demonstration: false, editorNotes: [] });
  });

  it('names the languages it has labels in when given another', () => {
    expect(parsed(m.guideSchema, { ...base, language: 'de' }).language).toBe('de');
    expect(issuesOf(m.guideSchema, { ...base, language: 'fr' })).toEqual([
      { path: 'language', message: "must be a language the site's labels are written in: en (English), de (German)" }
    ]);
  });

  field('guideSchema', base, ['names'], { accepted: ['neutral', 'real'], refused: ['anonymous', ''] });
  field('guideSchema', base, ['demonstration'], { accepted: [true, false], refused: ['yes'] });
  field('guideSchema', base, ['published'], { accepted: ['2026-01-02'], refused: ['2026-02-30', '2026-1-2', undefined] });
  field('guideSchema', base, ['thread', 'url'], { ...urls, message: urlMessage });
  field('guideSchema', base, ['license', 'url'], { ...urls, message: urlMessage });
  for (const name of ['title', 'description', 'editors']) field('guideSchema', base, [name], { accepted: ['x'], refused: ['', undefined] });

  it('keys commenters by a capital letter and letters or digits after it', () => {
    for (const key of ['A', 'B2', 'Ab', 'Zed9']) {
      expect(issuesOf(m.guideSchema, { ...base, commenters: { [key]: { name: 'N' } } }), key).toEqual([]);
    }
    for (const key of ['a', '1', 'A-', 'A b', '', 'aB', 'A_1', ' A']) {
      const result = m.guideSchema.safeParse({ ...base, commenters: { [key]: { name: 'N' } } });
      // The key's own issue comes inside the record's; `npm run check` shows the inner message.
      expect(result.error?.issues.map((issue) => [issue.path, issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message) : []]), key).toEqual([
        [['commenters', key], ['must be a short key such as "A"']]
      ]);
    }
  });

  it('takes a commenter’s colours for light and dark pages as hexadecimal CSS colours', () => {
    const colourOf = (light: unknown, dark: unknown = '#000') =>
      issuesOf(m.guideSchema, { ...base, commenters: { A: { name: 'N', colour: { light, dark } } } });
    for (const colour of ['#abc', '#ABC', '#a1b2c3', '#A1B2C3', '#000000']) expect(colourOf(colour), colour).toEqual([]);
    for (const colour of ['abc', '#ab', '#abcd', '#abcde', '#aabbccd', '#aabbccdd', '#ggg', ' #abc', '#abc ', 'red', 'rgb(0,0,0)', '#abc;x']) {
      expect(colourOf(colour), colour).toEqual([{ path: 'commenters.A.colour.light', message: 'must be a colour such as "#2f6db3"' }]);
    }
    expect(colourOf('#abc', 'blue')).toEqual([{ path: 'commenters.A.colour.dark', message: 'must be a colour such as "#2f6db3"' }]);
    expect(issuesOf(m.guideSchema, { ...base, commenters: { A: { name: 'N', colour: { light: '#abc' } } } }).map((issue) => issue.path)).toEqual([
      'commenters.A.colour.dark'
    ]);
    expect(issuesOf(m.guideSchema, { ...base, commenters: { A: { name: '' } } }).map((issue) => issue.path)).toEqual(['commenters.A.name']);
    expect(issuesOf(m.guideSchema, { ...base, commenters: { A: { name: 'N', description: '' } } }).map((issue) => issue.path)).toEqual([
      'commenters.A.description'
    ]);
  });

  it('takes the repository, on branch main unless another is named', () => {
    expect(parsed(m.guideSchema, { ...base, repository: { url: 'https://github.com/o/n' } }).repository).toEqual({
      url: 'https://github.com/o/n',
      branch: 'main'
    });
    expect(parsed(m.guideSchema, { ...base, repository: { url: 'https://github.com/o/n', branch: 'trunk' } }).repository?.branch).toBe('trunk');
    expect(issuesOf(m.guideSchema, { ...base, repository: { url: 'https://github.com/o/n', branch: '' } }).map((issue) => issue.path)).toEqual([
      'repository.branch'
    ]);
  });

  describe('capture', () => {
    const capture = { format: 'plain', files: [{ path: 'thread.txt', sha256: 'a'.repeat(64) }] };
    const withCapture = { ...base, capture };

    it('takes every capture format and no other', () => {
      for (const format of captureFormats) expect(issuesOf(m.guideSchema, { ...base, capture: { ...capture, format } }), format).toEqual([]);
      expect(issuesOf(m.guideSchema, { ...base, capture: { ...capture, format: 'twitter' } }).map((issue) => issue.path)).toEqual(['capture.format']);
    });

    field('guideSchema', withCapture, ['capture', 'files'], {
      accepted: [
        [{ path: 'thread.json', sha256: '0123456789abcdef'.repeat(4) }],
        [{ path: 'pages/1.json', sha256: 'f'.repeat(64), url: 'https://example.org/t/1.json' }],
        [{ path: '.hidden', sha256: 'a'.repeat(64) }],
        [{ path: 'a/.b/c..d', sha256: 'a'.repeat(64) }]
      ],
      refused: [[]]
    });

    it('keeps every captured file inside content/capture/', () => {
      for (const path of ['/etc/passwd', './thread.txt', '../thread.txt', 'a/../b', 'a/./b', 'a/..', 'a/.', '.', '..', './', 'a//b', 'a/', 'a b', 'a\\b', 'a:b', '']) {
        expect(issuesOf(m.guideSchema, { ...base, capture: { ...capture, files: [{ path, sha256: 'a'.repeat(64) }] } }), path).toEqual([
          { path: 'capture.files.0.path', message: 'must be a path inside content/capture/, such as `thread.json`' }
        ]);
      }
    });

    it('needs each file’s SHA-256 digest in lower-case hexadecimal', () => {
      for (const sha256 of ['a'.repeat(63), 'a'.repeat(65), 'A'.repeat(64), 'g'.repeat(64), ` ${'a'.repeat(63)}`, `${'a'.repeat(64)}\n`]) {
        expect(issuesOf(m.guideSchema, { ...base, capture: { ...capture, files: [{ path: 't', sha256 }] } }), sha256).toEqual([
          { path: 'capture.files.0.sha256', message: 'must be 64 lower-case hexadecimal digits' }
        ]);
      }
    });

    field('guideSchema', withCapture, ['capture', 'base'], { ...urls, message: urlMessage });
    field('guideSchema', withCapture, ['capture', 'captured'], { accepted: ['2026-11-30'], refused: ['2026-11-31', 'yesterday'] });
  });

  describe('strings', () => {
    const strings = (value: unknown) =>
      issuesOf(m.guideSchema, { ...base, strings: value }).map(({ path, message }) => ({ path: path.replace(/^strings\.?/, ''), message }));

    it('rewords a message in its own placeholders', () => {
      expect(strings({ 'site.skipLink': 'Jump to the text', 'site.socialImage.alt': '{title}, annotated' })).toEqual([]);
      expect(parsed(m.guideSchema, { ...base, strings: { 'site.skipLink': 'Jump' } }).strings).toEqual({ 'site.skipLink': 'Jump' });
    });

    it('passes over a message a tool leaves undefined', () => {
      expect(strings({ 'site.skipLink': undefined, 'site.socialImage.alt': '{title}' })).toEqual([]);
    });

    it('refuses a placeholder the message does not have, naming those it has', () => {
      // A custom issue, as a refinement's: the checker reports it at the value, as a wrong one.
      expect(m.guideSchema.safeParse({ ...base, strings: { 'site.skipLink': '{x}' } }).error?.issues.map((issue) => issue.code)).toEqual(['custom']);
      expect(strings({ 'site.socialImage.alt': '{name}: a guide' })).toEqual([
        { path: 'site.socialImage.alt', message: 'uses {name}, a value this message does not have: it has {title}' }
      ]);
      expect(strings({ 'site.skipLink': 'Skip {count}' })).toEqual([
        { path: 'site.skipLink', message: 'uses {count}, a value this message does not have: it takes none' }
      ]);
      expect(strings({ 'site.footer.thread': '{thread} on {site} by {author} and {date}' }).map((issue) => issue.message)).toEqual([
        'uses {author}, a value this message does not have: it has {thread}, {site}',
        'uses {date}, a value this message does not have: it has {thread}, {site}'
      ]);
    });

    it('takes a plural message as one text or as plural forms with `other`, counting in {count}', () => {
      expect(strings({ 'sidenote.counterarguments': '{count} objections' })).toEqual([]);
      expect(strings({ 'sidenote.counterarguments': { one: 'one objection', other: '{count} objections' } })).toEqual([]);
      expect(strings({ 'sidenote.counterarguments': { zero: 'none', two: 'both', few: 'f', many: 'm', other: '{count}' } })).toEqual([]);
      expect(strings({ 'sidenote.counterarguments': { one: 'one objection' } }).map((issue) => issue.path)).toEqual(['sidenote.counterarguments']);
      expect(strings({ 'sidenote.counterarguments': { one: '{n} objection', other: '{count}' } })).toEqual([
        { path: 'sidenote.counterarguments', message: 'uses {n}, a value this message does not have: it has {count}' }
      ]);
      expect(strings({ 'source.authors.andMore': { one: '{authors} +{count}', other: '{authors} +{count} ({all})' } })).toEqual([
        { path: 'source.authors.andMore', message: 'uses {all}, a value this message does not have: it has {authors}, {count}' }
      ]);
    });

    it('refuses a key the table does not have, an empty text, and plural forms for a single message', () => {
      expect(strings({ 'site.skiplink': 'x' })).toEqual([{ path: '', message: 'Unrecognized key: "site.skiplink"' }]);
      expect(strings({ 'site.skipLink': '' }).map((issue) => issue.path)).toEqual(['site.skipLink']);
      expect(strings({ 'site.skipLink': { other: 'x' } }).map((issue) => issue.path)).toEqual(['site.skipLink']);
      expect(strings({ 'sidenote.counterarguments': { other: '' } }).map((issue) => issue.path)).toEqual(['sidenote.counterarguments.other']);
    });
  });
});

describe('hints', () => {
  /** Every description set on a schema reachable from `schema`, with where it is. */
  function descriptions(schema: z.ZodType, at: string, found: [string, string | undefined][] = [], seen = new Set<z.ZodType>()) {
    if (seen.has(schema)) return found;
    seen.add(schema);
    if (schema.description !== undefined) found.push([at, schema.description]);
    const def = (schema as unknown as { def: Record<string, unknown> }).def;
    const children: [string, unknown][] = [
      ['', def.innerType],
      ['', def.in],
      ['', def.out],
      ['[]', def.element],
      ['{}', def.valueType],
      ['{key}', def.keyType],
      ...Object.entries((def.shape as Record<string, unknown> | undefined) ?? {}).map(([key, child]) => [`.${key}`, child] as [string, unknown]),
      ...((def.options as unknown[] | undefined) ?? []).map((child, index) => [`|${index}`, child] as [string, unknown])
    ];
    for (const [step, child] of children) if (child) descriptions(child as z.ZodType, at + step, found, seen);
    return found;
  }

  it('are sentences to follow “is” or “Add …:”, never empty and never ending in a full stop', () => {
    const all = Object.entries({ ...m.collections, guide: m.guideSchema }).flatMap(([name, schema]) => descriptions(schema, name));
    expect(all.length).toBeGreaterThan(100);
    for (const [at, description] of all) {
      expect(description, at).toMatch(/^\S/);
      expect(description, at).not.toMatch(/[.\s]$/);
    }
  });

  it('name every choice of a closed field', () => {
    const choices: [string | undefined, readonly string[]][] = [
      [m.annotationSchema.shape.kind.description, annotationKinds],
      [m.sourceSchema.shape.type.description, sourceTypes],
      [m.commentSchema.shape.status.description, commentStatuses],
      [m.claimSchema.shape.relations.unwrap().element.shape.type.description, relationTypes],
      [m.guideSchema.shape.capture.unwrap().shape.format.description, captureFormats],
      [m.sourceSchema.shape.checked.element.shape.fields.description, factFields],
      [m.guideSchema.shape.language.description, ['en (English)', 'de (German)']]
    ];
    for (const [description, names] of choices) expect(description).toContain(names.join(', '));
  });

  it('tell each UI message by its English text and the values it may use', () => {
    const shape = m.guideSchema.shape.strings.unwrap().shape as Record<string, z.ZodType>;
    expect(shape['site.skipLink']!.description).toBe('the text shown in English as “Skip to content”');
    expect(shape['site.socialImage.alt']!.description).toBe('the text shown in English as “{title}: an annotated reading guide”; it may use {title}');
    expect(shape['sidenote.counterarguments']!.description).toBe('the text shown in English as “{count} counterarguments”; it may use {count}');
    expect(shape['source.authors.andMore']!.description).toBe('the text shown in English as “{authors} and {count} others”; it may use {authors}, {count}');
  });
});
