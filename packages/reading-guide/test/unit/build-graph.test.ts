import { beforeEach, describe, expect, it } from 'vitest';
import { factFields } from '../../src/model/schema.ts';
import { checkGuide } from '../../src/compile.ts';
import { guideCopy, guideWith, problemsOf, warningsOf } from '../helpers/fixtures.ts';

const claim = (fields: string) => `---\nparaphrase: A claim.\n${fields}\n---\n`;

describe('the graph of the minimal guide', () => {
  // Built afresh for each test, not once as the file is collected or before all: `npm run mutation` can then tell
  // which tests read the graph a mutant changed, and runs those tests with the mutant on.
  let graph: Awaited<ReturnType<typeof checkGuide>>['graph'];
  beforeEach(async () => {
    ({ graph } = await checkGuide(await guideCopy()));
  });

  it('orders comments and numbers claims in reading order', () => {
    expect(graph.comments.map((comment) => comment.id)).toEqual(['c1', 'c2']);
    expect(graph.claimOrder).toEqual(['c1-emphasis', 'c1-tasks', 'c2-disagree']);
    expect(graph.claims['c2-disagree']).toMatchObject({ number: 3, label: 'C3', comment: 'c2' });
    expect(graph.comments[0]!.replies).toEqual(['c2']);
  });

  it('records each relation in both directions', () => {
    expect(graph.claims['c2-disagree']!.relations).toEqual([
      { type: 'attacks', direction: 'out', claim: 'c1-tasks', note: 'B answers A directly.' }
    ]);
    expect(graph.claims['c1-tasks']!.relations).toEqual([
      { type: 'supports', direction: 'in', claim: 'c1-emphasis', note: undefined },
      { type: 'attacks', direction: 'in', claim: 'c2-disagree', note: 'B answers A directly.' }
    ]);
  });

  it('resolves a claim to its words, with the rest of the paragraph as context', () => {
    expect(graph.claims['c1-tasks']).toMatchObject({
      exact: 'models like tasks',
      before: 'Second paragraph says ',
      after: '.',
      speaker: { kind: 'commenter', key: 'A' }
    });
    const text = graph.comments[0]!.text;
    const mark = graph.comments[0]!.marks.find((candidate) => candidate.id === 'claim-c1-tasks')!;
    expect(text.slice(mark.start, mark.end)).toBe('models like tasks');
    // The graph says what a mark is; how it is shown is the renderer's (render.test.ts).
    expect(mark).toEqual({ id: 'claim-c1-tasks', kind: 'claim', target: 'c1-tasks', start: mark.start, end: mark.end });
    expect(graph.claims['c1-tasks']!.label).toBe('C2');
  });

  it('links a quotation to the passage it quotes, and that passage forward to it', () => {
    const [c1, c2] = graph.comments;
    expect(c2!.quotations).toEqual([
      expect.objectContaining({ id: 'quote-c2-1', quotes: { kind: 'comment', comment: 'c1', markId: 'quoted-c2-1' } })
    ]);
    expect(c1!.quotedBy).toEqual([{ quotation: 'quote-c2-1', comment: 'c2', markId: 'quoted-c2-1' }]);
    const target = c1!.marks.find((mark) => mark.id === 'quoted-c2-1')!;
    expect(c1!.text.slice(target.start, target.end)).toBe('Second paragraph says models like tasks.');
    expect(target.target).toBe('quote-c2-1');
  });

  it('recognises a quotation of an outside work from the comment’s front matter', () => {
    expect(graph.comments[0]!.quotations).toEqual([
      expect.objectContaining({ id: 'quote-c1-1', quotes: { kind: 'outside', source: 'src1', locator: 'Act 3' } })
    ]);
  });

  it('collects every citation of a source, with locators', () => {
    const source = graph.sources.src1!;
    // Each citation once, as the stages meet them: quotations of it, claims, annotations, then its places in the thread.
    expect(source.citedBy.map(({ from, locator }) => ({ from, locator }))).toEqual([
      { from: { kind: 'comment', id: 'c1' }, locator: 'Act 3' },
      { from: { kind: 'claim', id: 'c1-tasks' }, locator: '§2' },
      { from: { kind: 'annotation', id: 'ann1' }, locator: '§3' },
      { from: { kind: 'comment', id: 'c2' }, locator: undefined }
    ]);
    expect(source.locators).toEqual(['Act 3', '§2', '§3']);
  });

  it('lists each locator once, in order of first citation', async () => {
    const folder = await guideWith({
      'claims/c2-disagree.md': '---\nparaphrase: Models follow instructions.\nquote:\n  in: c2\n  exact: models follow instructions\ncites:\n  - source: src1\n    locator: "§3"\n  - source: src1\n    locator: "§2"\n---\n'
    });
    const { graph } = await checkGuide(folder);
    expect(graph.sources.src1!.locators).toEqual(['Act 3', '§2', '§3']);
    expect(graph.sources.src1!.citedBy.filter((citation) => citation.from.id === 'c2-disagree').map((citation) => citation.locator)).toEqual(['§3', '§2']);
  });

  it('attaches annotations to their claim', () => {
    expect(graph.claims['c1-tasks']!.annotations).toEqual(['ann1']);
    expect(graph.annotations.ann1).toMatchObject({ kind: 'counterargument', on: 'c1-tasks' });
  });

  it('places editor’s notes on the words they are about', () => {
    expect(graph.comments[1]!.notes).toEqual([{ id: 'note-c2-1', markId: 'note-c2-1-text' }]);
    const [c2] = graph.comments.slice(1);
    const mark = c2!.marks.find((candidate) => candidate.id === 'note-c2-1-text')!;
    expect(mark).toMatchObject({ kind: 'note', target: 'note-c2-1' });
    expect(c2!.text.slice(mark.start, mark.end)).toBe('I disagree');
  });

  it('lists each comment’s claims, and its marks in reading order', () => {
    expect(graph.comments.map((comment) => comment.claims)).toEqual([['c1-emphasis', 'c1-tasks'], ['c2-disagree']]);
    expect(graph.comments.map((comment) => comment.marks.map((mark) => mark.id))).toEqual([
      ['claim-c1-emphasis', 'quoted-c2-1', 'claim-c1-tasks'],
      ['note-c2-1-text', 'claim-c2-disagree', 'cite-src1-1']
    ]);
  });

  it('gives a claim the rest of its paragraph as context, up to the paragraph’s end', () => {
    expect(graph.claims['c1-emphasis']).toMatchObject({ exact: 'with emphasis in it, and a link', before: 'First paragraph ', after: ' to elsewhere.' });
  });

  it('marks where a source is cited in the thread, and links the citation to the mark', () => {
    const c2 = graph.comments[1]!;
    const mark = c2.marks.find((candidate) => candidate.kind === 'citation')!;
    expect(mark).toMatchObject({ id: 'cite-src1-1', target: 'src1' });
    expect(c2.text.slice(mark.start, mark.end)).toBe('instructions');
    expect(graph.sources.src1!.citedBy.at(-1)).toEqual({ from: { kind: 'comment', id: 'c2' }, locator: undefined, markId: 'cite-src1-1' });
  });
});

describe('selectors', () => {
  it('picks one of several occurrences with a prefix or suffix', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: paragraph\n  prefix: "Second "\n  suffix: " says"')
    });
    const { graph } = await checkGuide(folder);
    expect(graph.claims['c1-tasks']).toMatchObject({ exact: 'paragraph', before: 'Second ' });
  });

  it('reports a prefix that does not fit', async () => {
    const problems = await problemsOf(
      await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: paragraph\n  prefix: "Third "') })
    );
    expect(problems).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 5 })]);
    expect(problems[0]!.hint).toContain('prefix');
  });

  it('refuses words that start or end with a space or a line break', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: "models like tasks.\\n"') });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'wrong-type', line: 5 })]);
  });

  it('does not offer the same words back as a hint when only the prefix is wrong', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: models like tasks\n  prefix: "Third "') });
    const [problem] = await problemsOf(folder);
    expect(problem!.hint).not.toContain('C1 has');
  });

  it('hints at the exact words when only quotes, dashes or case differ', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: "MODELS LIKE TASKS"') });
    const [problem] = await problemsOf(folder);
    expect(problem).toMatchObject({ rule: 'selector-no-match' });
    expect(problem!.hint).toContain('“models like tasks”');
  });

  it('refuses words that a comment quotes from an earlier one, pointing at the original', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c2\n  exact: models like tasks') });
    const [problem] = await problemsOf(folder);
    expect(problem).toMatchObject({ rule: 'selector-in-quotation', line: 5 });
    expect(problem!.hint).toContain('in: c1');
  });

  it('attributes words inside an outside quotation to the outside work', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: that is the question') });
    const { graph } = await checkGuide(folder);
    expect(graph.claims['c1-tasks']!.speaker).toEqual({ kind: 'outside', source: 'src1' });
  });

  it('reports a selector on a comment that does not exist', async () => {
    const problems = await problemsOf(await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c7\n  exact: words') }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'unknown-reference', line: 4, message: 'No comment `c7`' })]);
  });
});

describe('references', () => {
  it('reports a citation of an unknown source at its line', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: nowhere')
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 7, message: 'No source `nowhere`' })
    ]);
  });

  it('reports an annotation on an unknown claim', async () => {
    const folder = await guideWith({ 'annotations/ann1.md': '---\nkind: question\non: no-such-claim\n---\n\nWhy?\n' });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'unknown-reference', line: 3 })]);
  });

  it('reports an unknown commenter, a reply to a later comment and a shared order', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: Z\norder: 2\nreplyTo: c2\npermalink: https://example.org/c3\n---\n\nA third comment.\n'
    });
    const rules = (await problemsOf(folder)).map((problem) => problem.rule).sort();
    expect(rules).toEqual(['duplicate-order', 'reply-order', 'unknown-reference']);
  });

  it('reports an outside quotation that no blockquote matches', async () => {
    const folder = await guideWith({
      'thread/c2.md':
        '---\nlabel: C2\nauthor: B\norder: 2\npermalink: https://example.org/c2\noutsideQuotations:\n  - exact: Never quoted\n    source: src1\n---\n\n> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.\n'
    });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 7 })]);
  });

  it('links a passage quoted twice to where it was written, not to the earlier quotation of it', async () => {
    const folder = await guideWith({
      'thread/c3.md':
        '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n> Second paragraph says models like tasks.\n\nAs I said.\n'
    });
    const { graph } = await checkGuide(folder);
    expect(graph.comments[2]!.quotations[0]!.quotes).toEqual({ kind: 'comment', comment: 'c1', markId: 'quoted-c3-1' });
    expect(graph.comments[0]!.quotedBy.map((quote) => quote.comment)).toEqual(['c2', 'c3']);
  });

  it('links a quotation of two words, which every earlier comment is searched for, to where they were written, not to a quotation of them', async () => {
    // C2 quotes C1's "models like tasks"; C3's "like tasks" occurs in both, but only C1 wrote it.
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n> like tasks\n\nAs I said.\n'
    });
    const { graph } = await checkGuide(folder);
    expect(graph.comments[2]!.quotations[0]!.quotes).toEqual({ kind: 'comment', comment: 'c1', markId: 'quoted-c3-1' });
    expect(graph.comments[1]!.marks.filter((mark) => mark.kind === 'quoted')).toEqual([]);
  });

  it('warns of a quotation nested in a list, which is shown but not matched', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n- A point:\n\n  > Made up words.\n'
    });
    expect(await problemsOf(folder)).toEqual([]);
    expect(await warningsOf(folder)).toEqual([expect.objectContaining({ rule: 'nested-quotation', line: 10, severity: 'warning' })]);
  });

  it('matches an outside quotation by the words it starts with, not words anywhere in it', async () => {
    const outside = (exact: string) =>
      `---\nlabel: C2\nauthor: B\norder: 2\npermalink: https://example.org/c2\noutsideQuotations:\n  - exact: ${exact}\n    source: src1\n---\n\n> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.\n`;
    const inside = await problemsOf(await guideWith({ 'thread/c2.md': outside('models like') }));
    expect(inside).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 7 })]);
    const start = await problemsOf(await guideWith({ 'thread/c2.md': outside('Second paragraph') }));
    expect(start).toEqual([expect.objectContaining({ rule: 'ambiguous-quotation', line: 11 })]);
    expect(start[0]!.message).toContain('quotes C1');
  });

  it('reports an outside quotation entry that fits more than one blockquote', async () => {
    const folder = await guideWith({
      'thread/c1.md':
        '---\nlabel: C1\nauthor: A\norder: 1\npermalink: https://example.org/c1\noutsideQuotations:\n  - exact: To be\n    source: src1\n---\n\nFirst paragraph with *emphasis in it*, and a [link](https://example.org).\n\n> To be or not to be.\n\n> To be, again.\n\nSecond paragraph says models like tasks.\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'selector-ambiguous', line: 7, message: '2 blockquotes in C1 start with “To be”', hint: 'Copy the first words of the one blockquote that quotes the outside work.' })
    ]);
  });

  it('links a quotation typed with other quotes, dashes or case to the words it quotes', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\nI think — and I “mean” it — that tasks shape models.\n',
      'thread/c4.md': '---\nlabel: C4\nauthor: B\norder: 4\npermalink: https://example.org/c4\n---\n\n> i think - and I "MEAN" it - that tasks shape models.\n\nAs you said.\n'
    });
    const { graph } = await checkGuide(folder);
    const [quotation] = graph.comments[3]!.quotations;
    expect(quotation!.quotes).toMatchObject({ kind: 'comment', comment: 'c3' });
    const quoted = graph.comments[2]!;
    const mark = quoted.marks.find((candidate) => candidate.kind === 'quoted')!;
    expect(quoted.text.slice(mark.start, mark.end)).toBe('I think — and I “mean” it — that tasks shape models.');
  });

  it('says a quotation whose words stand in no earlier comment must quote them as they stand', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n> I disagree: models obey instructions.\n\nAs you said.\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'unmatched-quotation',
        line: 8,
        message: 'This quotation matches no earlier comment: “I disagree: models obey instructions.”',
        hint: expect.stringContaining('list it under `outsideQuotations`')
      })
    ]);
  });

  it('shortens long words in a message to one line of 80 characters', async () => {
    const words = `${'word '.repeat(30)}end`;
    const folder = await guideWith({ 'claims/c1-tasks.md': claim(`quote:\n  in: c1\n  exact: "${words.replace(/ /g, '\n    ')}"`) });
    const [problem] = await problemsOf(folder);
    expect(problem!.message).toBe(`These words do not occur in C1: “${'word '.repeat(15)}word…”`);
  });

  it('reports a reply to a comment that does not exist, naming those that do', async () => {
    const folder = await guideWith({
      'thread/c2.md': '---\nlabel: C2\nauthor: B\norder: 2\nreplyTo: c9\npermalink: https://example.org/thread#c2\n---\n\nI disagree: models follow instructions.\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 5, message: 'No comment `c9`', hint: 'Known comments: c1, c2.' })
    ]);
  });

  it('refuses words that run across an outside work’s quotation and the comment’s own words', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: the question.\n    Second paragraph') });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'selector-in-quotation', message: 'These words run across a quotation of an outside work and C1’s own words', hint: 'Select words from one or the other.' })
    ]);
  });

  it('reports a quotation that matches several earlier passages', async () => {
    const folder = await guideWith({
      'thread/c3.md':
        '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n> paragraph\n\nWhich one?\n'
    });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'ambiguous-quotation', file: expect.stringMatching(/thread\/c3\.md$/), line: 8 })]);
  });
});

describe('quotations of earlier comments', () => {
  /** A third comment, by A, replying to C2, with `body` and any extra front matter. */
  const reply = (body: string, frontMatter = '') =>
    `---\nlabel: C3\nauthor: A\norder: 3\nreplyTo: c2\npermalink: https://example.org/c3\n${frontMatter}---\n\n${body}\n`;
  const marksIn = (graph: Awaited<ReturnType<typeof checkGuide>>['graph'], comment: string) =>
    graph.comments.find((node) => node.id === comment)!.marks.filter((mark) => mark.kind === 'quoted');
  /** C3 says something long; C4, by B, quotes it with `quotation`. */
  const quoting = (quotation: string) => ({
    'thread/c3.md': reply('Models are trained on long tasks today, and they learn from each of those tasks over time.'),
    'thread/c4.md': `---\nlabel: C4\nauthor: B\norder: 4\nreplyTo: c3\npermalink: https://example.org/c4\n---\n\n> ${quotation}\n\nSo they do.\n`
  });

  it('links a quotation in pieces to each piece, in the comment that has them in order', async () => {
    for (const ellipsis of ['…', '...', '[…]', '[...]']) {
      const { graph } = await checkGuide(await guideWith(quoting(`Models are trained on long tasks ${ellipsis} they learn from each of those tasks`)));
      const marks = marksIn(graph, 'c3');
      const { text } = graph.comments.find((node) => node.id === 'c3')!;
      expect(marks.map((mark) => text.slice(mark.start, mark.end)), ellipsis).toEqual(['Models are trained on long tasks', 'they learn from each of those tasks']);
      expect(marks.map((mark) => mark.id)).toEqual(['quoted-c4-1', 'quoted-c4-1-part2']);
      expect(marks.map((mark) => mark.target)).toEqual(['quote-c4-1', 'quote-c4-1']);
      expect(graph.comments.find((node) => node.id === 'c4')!.quotations[0]!.quotes).toEqual({ kind: 'comment', comment: 'c3', markId: 'quoted-c4-1' });
    }
  });

  it('does not match the pieces out of order, nor a piece under 20 characters on its own', async () => {
    const outOfOrder = await guideWith(quoting('they learn from each of those tasks … Models are trained on long tasks'));
    expect(await problemsOf(outOfOrder)).toEqual([expect.objectContaining({ rule: 'unmatched-quotation', line: 9 })]);
    // "long tasks today" is 16 characters: the quotation has no piece long enough to look for.
    const short = await guideWith(quoting('long tasks today … over time'));
    expect(await problemsOf(short)).toEqual([expect.objectContaining({ rule: 'unmatched-quotation', line: 9 })]);
    // A short piece beside a long one is left out of the match, not looked for.
    const { graph } = await checkGuide(await guideWith(quoting('Models are trained on long tasks … no such words')));
    expect(marksIn(graph, 'c3').map((mark) => mark.start)).toEqual([0]);
  });

  it('never links to words an earlier comment itself quotes', async () => {
    // C2 quotes C1's "Second paragraph says models like tasks."; C3 quotes two words of it, found in C1 alone.
    const folder = await guideWith({ 'thread/c3.md': reply('> models like\n\nWhich?') });
    const { graph } = await checkGuide(folder);
    expect(marksIn(graph, 'c2')).toEqual([]);
    expect(marksIn(graph, 'c1').map((mark) => mark.id)).toEqual(['quoted-c2-1', 'quoted-c3-1']);
  });

  it('takes the comment named under `quotations` where the words stand in several', async () => {
    // "paragraph" stands twice in C1: unnamed, the quotation is ambiguous; named, it links to the first.
    const unnamed = await guideWith({ 'thread/c3.md': reply('> paragraph\n\nWhich one?') });
    expect(await problemsOf(unnamed)).toEqual([expect.objectContaining({ rule: 'ambiguous-quotation', line: 9, message: expect.stringContaining('2 places') })]);
    const named = await checkGuide(await guideWith({ 'thread/c3.md': reply('> paragraph\n\nWhich one?', 'quotations:\n  - exact: paragraph\n    in: c1\n') }));
    const c1 = named.graph.comments.find((node) => node.id === 'c1')!;
    expect(marksIn(named.graph, 'c1').filter((mark) => mark.target === 'quote-c3-1').map((mark) => c1.text.slice(mark.start - 6, mark.end))).toEqual(['First paragraph']);
    const once = await guideWith({ 'thread/c3.md': reply('> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Second\n    in: c1\n') });
    const { graph } = await checkGuide(once);
    expect(graph.comments.find((node) => node.id === 'c3')!.quotations[0]!.quotes).toMatchObject({ kind: 'comment', comment: 'c1' });
    const wrong = await guideWith({ 'thread/c3.md': reply('> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Second\n    in: c2\n') });
    expect(await problemsOf(wrong)).toEqual([expect.objectContaining({ rule: 'unmatched-quotation', line: 9, message: 'This quotation’s words do not stand in C2' })]);
    const unused = await guideWith({ 'thread/c3.md': reply('> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Third\n    in: c1\n') });
    expect(await problemsOf(unused)).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 8 })]);
  });

  it('accepts a quotation of a text the guide has no source for, but no claim in it', async () => {
    const quoting = reply('> Words from a post the capture does not hold.\n\nI agree.', 'outsideQuotations:\n  - exact: Words from a post\n');
    const { graph } = await checkGuide(await guideWith({ 'thread/c3.md': quoting }));
    expect(graph.comments.find((node) => node.id === 'c3')!.quotations[0]!.quotes).toEqual({ kind: 'outside', source: undefined, locator: undefined });
    const claimed = await guideWith({
      'thread/c3.md': quoting,
      'claims/c3-post.md': '---\nparaphrase: The post says so.\nquote:\n  in: c3\n  exact: Words from a post\nrelations:\n  - type: supports\n    claim: c1-tasks\n---\n'
    });
    expect(await problemsOf(claimed)).toEqual([
      expect.objectContaining({ rule: 'unattributed-claim', line: 5, message: 'These words cannot be a claim: they quote a text the guide has no source for' })
    ]);
  });
});

describe('comments as the platform shows them', () => {
  it('keeps a comment’s date, edit and status, and lets a deleted comment have no author and no words', async () => {
    const folder = await guideWith({
      'thread/c2.md':
        '---\nlabel: C2\nauthor: B\norder: 2\nreplyTo: c1\npermalink: https://example.org/c2\ndate: 2024-05-01T12:30:00Z\nedited: true\nrepliesNotCaptured: 3\n---\n\nI disagree: models follow instructions.\n',
      'thread/c3.md': '---\nlabel: Deleted 1\norder: 3\nreplyTo: c2\nstatus: deleted\npermalink: https://example.org/c3\ndate: "2024-05-02"\n---\n'
    });
    const { graph } = await checkGuide(folder);
    const [, c2, c3] = graph.comments;
    expect(c2).toMatchObject({ date: '2024-05-01T12:30:00Z', edited: true, repliesNotCaptured: 3 });
    expect(c3).toMatchObject({ author: undefined, status: 'deleted', date: '2024-05-02', text: '' });
    expect(c2!.replies).toEqual(['c3']);
  });

  it('refuses a comment with neither an author nor a status, and a timestamp that is not one', async () => {
    const comment = (frontMatter: string) => guideWith({ 'thread/c3.md': `---\nlabel: C3\norder: 3\npermalink: https://example.org/c3\n${frontMatter}---\n\nWords.\n` });
    expect(await problemsOf(await comment(''))).toEqual([expect.objectContaining({ rule: 'missing-field', line: 2, message: expect.stringContaining('needs `author`') })]);
    for (const date of ['1 May 2024', '2024-05-01T12:30', '2024-13-01']) {
      expect(await problemsOf(await comment(`author: A\ndate: ${date}\n`)), date).toEqual([expect.objectContaining({ rule: 'wrong-type', line: 6 })]);
    }
  });
});

describe('sources', () => {
  // A value of each fact the schema accepts, so that each can be left unchecked in turn.
  const facts: Record<(typeof factFields)[number], string> = {
    title: 'title: A Checked Article',
    authors: 'authors: [Jane Doe]',
    issued: 'issued: "2020"',
    url: 'url: https://example.org/a',
    arxiv: 'arxiv: "2001.01234"',
    doi: 'doi: 10.1000/182',
    publisher: 'publisher: Example Press',
    container: 'container: Example Journal',
    volume: 'volume: "3"',
    issue: 'issue: "4"'
  };

  it.each([...factFields])('refuses `%s` when every fact but it is checked, at its line', async (field) => {
    const lines = Object.values(facts);
    const folder = await guideWith({
      'sources/src1.md': `---\ntype: article\nshort: Doe 2020\n${lines.join('\n')}\nchecked:\n  - fields: [${factFields.filter((other) => other !== field).join(', ')}]\n    where: the article\n---\n`
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unchecked-fact', line: 4 + lines.indexOf(facts[field]), message: `\`${field}\` is stated but no check covers it` })
    ]);
  });

  it('accepts every fact once a check covers it', async () => {
    const folder = await guideWith({
      'sources/src1.md': `---\ntype: article\nshort: Doe 2020\n${Object.values(facts).join('\n')}\nchecked:\n  - fields: [${factFields.join(', ')}]\n    where: the article\n---\n`
    });
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('refuses a stated fact that no check covers', async () => {
    const folder = await guideWith({
      'sources/src1.md':
        '---\ntype: article\nshort: Doe 2020\ntitle: A Checked Article\nauthors: [Jane Doe]\nissued: "2020"\nurl: https://example.org/a\narxiv: "2001.01234"\nchecked:\n  - fields: [title, authors, issued, url]\n    where: the article\n---\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unchecked-fact', line: 8, message: '`arxiv` is stated but no check covers it' })
    ]);
  });
});

describe('counterarguments, cruxes and warnings', () => {
  const tasks = (extra: string) =>
    `---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: src1\n${extra}\n---\n`;

  it('accepts as strongest counterargument a counterargument annotation on the claim, or a claim attacking it', async () => {
    const byAnnotation = await checkGuide(await guideWith({ 'claims/c1-tasks.md': tasks('main: true\nstrongestCounterargument: ann1') }));
    expect(byAnnotation.graph.claims['c1-tasks']).toMatchObject({ main: true, strongestCounterargument: { kind: 'annotation', id: 'ann1' } });
    expect(byAnnotation.warnings).toEqual([]);
    const byClaim = await checkGuide(await guideWith({ 'claims/c1-tasks.md': tasks('strongestCounterargument: c2-disagree') }));
    expect(byClaim.graph.claims['c1-tasks']!.strongestCounterargument).toEqual({ kind: 'claim', id: 'c2-disagree' });
  });

  it('refuses a strongest counterargument that does not argue against the claim', async () => {
    const supporting = await problemsOf(await guideWith({ 'claims/c1-tasks.md': tasks('strongestCounterargument: c1-emphasis') }));
    expect(supporting).toEqual([expect.objectContaining({ rule: 'invalid-counterargument', line: 8 })]);
    const missing = await problemsOf(await guideWith({ 'claims/c1-tasks.md': tasks('strongestCounterargument: nothing') }));
    expect(missing).toEqual([expect.objectContaining({ rule: 'unknown-reference', line: 8 })]);
  });

  it('warns about a main claim without a counterargument, a claim with nothing to follow and an unsourced annotation', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': tasks('main: true'),
      'claims/c1-emphasis.md': '---\nparaphrase: Alone.\nquote:\n  in: c1\n  exact: with emphasis in it\n---\n',
      'annotations/ann1.md': '---\nkind: context\non: c1-tasks\n---\n\nUnsourced.\n'
    });
    const warnings = await warningsOf(folder);
    expect(warnings.map((warning) => warning.rule).sort()).toEqual(['missing-counterargument', 'unsourced-annotation', 'unsupported-claim']);
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('warns when a main claim’s strongest counterargument rests only on the editors’ reasoning', async () => {
    const counter = (front: string, body: string) => `---\nkind: counterargument\non: c1-tasks\n${front}---\n\n${body}\n`;
    const grounds = async (front: string, body = 'The objection.') =>
      (await warningsOf(await guideWith({ 'claims/c1-tasks.md': tasks('main: true\nstrongestCounterargument: ann1'), 'annotations/ann1.md': counter(front, body) })))
        .filter((warning) => warning.rule === 'unsupported-counterargument');
    expect(await grounds('')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/claims\/c1-tasks\.md$/), line: 9, severity: 'warning' })
    ]);
    // A link to the very claim it answers is no ground; a link to another claim of the thread is.
    expect(await grounds('', 'As [the claim](/claims/c1-tasks/) says.')).toHaveLength(1);
    expect(await grounds('', 'See [B’s reply](/claims/c2-disagree/).')).toEqual([]);
    // A work named without the part that bears on the objection is no ground either.
    expect(await grounds('cites:\n  - source: src1\n')).toHaveLength(1);
    expect(await grounds('cites:\n  - source: src1\n    locator: Section 2\n')).toEqual([]);
    expect(await grounds('cites:\n  - source: src1\n    note: Models asked for no further tasks.\n')).toEqual([]);
    // A note must say what the part shows, in its own words or the work's, not only point at it.
    expect(await grounds('cites:\n  - source: src1\n    note: See.\n')).toHaveLength(1);
    expect(await grounds('cites:\n  - source: src1\n    note: See there.\n')).toHaveLength(1);
    expect(await grounds('cites:\n  - source: src1\n    note: “no further tasks”\n')).toEqual([]);
    expect(await grounds('cites:\n  - source: src1\n    note: o3, 13% to 0.4%.\n')).toEqual([]);
    // Only main claims are held to it.
    const minor = await warningsOf(await guideWith({ 'claims/c1-tasks.md': tasks('strongestCounterargument: ann1'), 'annotations/ann1.md': counter('', 'The objection.') }));
    expect(minor.map((warning) => warning.rule)).toEqual(['unsourced-annotation']);
  });
});

describe('cruxes', () => {
  const crux = (claims: string, wouldMove = 'wouldMove:\n  A: [Models asking for more tasks.]\n  B: [Models ignoring clear instructions.]\n') =>
    `---\nquestion: Do models like tasks?\nclaims: [${claims}]\n${wouldMove}---\n\nWhere they differ.\n`;

  it('links a crux to the claims on both sides, and reports an unknown one', async () => {
    const { graph } = await checkGuide(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree') }));
    expect(graph.cruxes.tasks).toEqual({ id: 'tasks', claims: ['c1-tasks', 'c2-disagree'] });
    expect(graph.claims['c2-disagree']!.cruxes).toEqual(['tasks']);
    expect(await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c9') }))).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 3 })
    ]);
  });

  it('requires, for each commenter whose claims it names, what evidence would move them', async () => {
    const problems = await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree', '') }));
    expect(problems.map((problem) => [problem.rule, problem.line, problem.message])).toEqual([
      ['incomplete-crux', 3, 'This crux names claims of Commenter A but not what evidence would move them'],
      ['incomplete-crux', 3, 'This crux names claims of Commenter B but not what evidence would move them']
    ]);
    const oneSide = await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree', 'wouldMove:\n  A: [Models asking for more tasks.]\n') }));
    expect(oneSide).toEqual([expect.objectContaining({ rule: 'incomplete-crux', line: 4, hint: expect.stringContaining('`B:`') })]);
  });

  it('names only commenters of the guide, each with at least one kind of evidence', async () => {
    const stranger = await problemsOf(
      await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree', 'wouldMove:\n  A: [One.]\n  B: [Two.]\n  Z: [Three.]\n') })
    );
    expect(stranger).toEqual([expect.objectContaining({ rule: 'unknown-reference', line: 7, message: 'Unknown commenter `Z`' })]);
    const empty = await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree', 'wouldMove:\n  A: []\n  B: [Two.]\n') }));
    expect(empty).toEqual([expect.objectContaining({ rule: 'wrong-type', line: 5 })]);
  });
});

describe('backlinks', () => {
  it('record which entries’ text links to which page of the site', async () => {
    const folder = await guideWith({
      'glossary/task.md': '---\nterm: task\n---\n\nSee [the claim](/claims/c1-tasks/) and [elsewhere](https://example.org/).\n',
      'pages/introduction.md': '---\ntitle: Introduction\ndescription: The fixture.\n---\n\nStart with [the claim](/claims/c1-tasks/) or [the term](/glossary/#term-task).\n'
    });
    const { graph } = await checkGuide(folder);
    expect(graph.linkedFrom['/claims/c1-tasks/']).toEqual([
      { kind: 'term', id: 'task' },
      { kind: 'page', id: 'introduction' }
    ]);
    expect(graph.linkedFrom['/glossary/#term-task']).toEqual([{ kind: 'page', id: 'introduction' }]);
    expect(Object.keys(graph.linkedFrom).some((path) => path.startsWith('https:'))).toBe(false);
  });
});

describe('where glossary terms are used', () => {
  const term = (name: string, aliases = '') => `---\nterm: ${name}\n${aliases}---\n\nA definition.\n`;
  const comment = (body: string) => `---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n${body}\n`;
  const usesIn = async (files: Record<string, string>) => {
    const { graph } = await checkGuide(await guideWith(files));
    return Object.fromEntries(Object.entries(graph.terms).map(([id, node]) => [id, node.uses]));
  };

  it('lists each comment and annotation that uses a term, once each, in reading order', async () => {
    const uses = await usesIn({ 'thread/c3.md': comment('A task, then another task.'), 'annotations/ann2.md': '---\nkind: question\non: c1-tasks\n---\n\nWhich tasks?\n' });
    expect(uses.task).toEqual([
      { kind: 'comment', id: 'c1' },
      { kind: 'comment', id: 'c2' },
      { kind: 'comment', id: 'c3' },
      { kind: 'annotation', id: 'ann2' }
    ]);
  });

  it('finds a term in any case, as whole words, and not in a link or code', async () => {
    const uses = await usesIn({
      'glossary/agent.md': term('agent'),
      'thread/c3.md': comment('Multiagent systems, an agentic turn, [an agent](https://example.org/) and `agent`.'),
      'thread/c4.md': comment('An AGENT acts.').replace('C3', 'C4').replace('order: 3', 'order: 4')
    });
    expect(uses.agent).toEqual([{ kind: 'comment', id: 'c4' }]);
  });

  it('takes the longest name that fits, and names with brackets as they are written', async () => {
    const uses = await usesIn({
      'glossary/model.md': term('model'),
      'glossary/model-organism.md': term('model organism'),
      'glossary/p-doom.md': term('p(doom)'),
      'thread/c3.md': comment('A model organism has a p(doom) of its own.')
    });
    expect(uses['model-organism']).toEqual([{ kind: 'comment', id: 'c3' }]);
    expect(uses['p-doom']).toEqual([{ kind: 'comment', id: 'c3' }]);
    // C1 and C2 say "models", which is not "model".
    expect(uses.model).toEqual([]);
  });

  it('builds a guide without a glossary', async () => {
    const folder = await guideCopy();
    const { rm } = await import('node:fs/promises');
    await rm(`${folder}/glossary`, { recursive: true });
    const { graph, content } = await checkGuide(folder);
    expect(graph.terms).toEqual({});
    expect(content.thread.map((entry) => entry.facts.terms)).toEqual([[], []]);
  });
});

describe('reading order', () => {
  const claimOn = (comment: string, exact: string) => `---\nparaphrase: A claim.\nquote:\n  in: ${comment}\n  exact: ${exact}\ncites:\n  - source: src1\n---\n`;

  it('orders comments by `order`, whatever their file names', async () => {
    const { graph } = await checkGuide(await guideWith({ 'thread/c0.md': '---\nlabel: C0\nauthor: A\norder: 3\npermalink: https://example.org/c0\n---\n\nA late comment.\n' }));
    expect(graph.comments.map((comment) => comment.id)).toEqual(['c1', 'c2', 'c0']);
  });

  it('numbers claims by where their words stand, whatever their ids', async () => {
    // Ids of digits only would come first in a plain object, and file names sort otherwise.
    const { graph } = await checkGuide(await guideWith({ 'claims/2.md': claimOn('c2', 'I disagree'), 'claims/10.md': claimOn('c1', 'Second paragraph says') }));
    expect(graph.claimOrder).toEqual(['c1-emphasis', '10', 'c1-tasks', '2', 'c2-disagree']);
    expect(graph.claimOrder.map((id) => graph.claims[id]!.label)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    // Where two marks start together, the longer comes first.
    expect(graph.comments[0]!.marks.map((mark) => mark.id)).toEqual(['claim-c1-emphasis', 'quoted-c2-1', 'claim-10', 'claim-c1-tasks']);
  });
});

describe('annotations on words', () => {
  it('marks the words an annotation with a `quote` is about', async () => {
    const { graph } = await checkGuide(await guideWith({ 'annotations/ann2.md': '---\nkind: context\nquote:\n  in: c2\n  exact: follow instructions\ncites:\n  - source: src1\n---\n\nWhat B means.\n' }));
    expect(graph.annotations.ann2).toEqual({
      id: 'ann2',
      kind: 'context',
      citations: [{ source: 'src1' }],
      comment: 'c2',
      markId: 'annotation-ann2',
      exact: 'follow instructions'
    });
    const c2 = graph.comments[1]!;
    const mark = c2.marks.find((candidate) => candidate.id === 'annotation-ann2')!;
    expect(mark).toMatchObject({ kind: 'annotation', target: 'ann2' });
    expect(c2.text.slice(mark.start, mark.end)).toBe('follow instructions');
  });

  it('keeps an editor’s note that is about no words in particular', async () => {
    const { graph } = await checkGuide(await guideWith({
      'thread/c2.md': '---\nlabel: C2\nauthor: B\norder: 2\nreplyTo: c1\npermalink: https://example.org/thread#c2\neditorNotes:\n  - note: The link in this comment was lost.\n---\n\n> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.\n'
    }));
    expect(graph.comments[1]!.notes).toEqual([{ id: 'note-c2-1' }]);
    expect(graph.comments[1]!.marks.some((mark) => mark.kind === 'note')).toBe(false);
  });
});

describe('what cites a source', () => {
  it('counts a glossary term’s citations', async () => {
    const { graph } = await checkGuide(await guideWith({ 'glossary/task.md': '---\nterm: task\ncites:\n  - source: src1\n    locator: "§1"\n---\n\nSomething a model is asked to do.\n' }));
    expect(graph.sources.src1!.citedBy).toContainEqual({ from: { kind: 'term', id: 'task' }, locator: '§1', note: undefined, markId: undefined });
  });

  it('reports an unknown source of an outside quotation at its line', async () => {
    const folder = await guideWith({
      'thread/c1.md':
        '---\nlabel: C1\nauthor: A\norder: 1\npermalink: https://example.org/thread#c1\noutsideQuotations:\n  - exact: To be or not to be\n    source: nowhere\n---\n\nFirst paragraph with *emphasis in it*, and a [link to elsewhere](https://example.org/elsewhere).\n\n> To be or not to be, that is the question.\n\nSecond paragraph says models like tasks.\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 8, message: 'No source `nowhere`', hint: 'Add content/sources/nowhere.md with its checked facts, or use one of: src1.' })
    ]);
  });

  it('reports a place a source is cited at that the comment does not have, and nothing else', async () => {
    const folder = await guideWith({
      'sources/src1.md':
        '---\ntype: article\nshort: Doe 2020\ntitle: A Checked Article\nchecked:\n  - fields: [title]\n    where: the article\ncitedAt:\n  - in: c2\n    exact: orders\n---\n\nWhat the article shows.\n'
    });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 10, message: 'These words do not occur in C2: “orders”' })]);
  });
});

describe('what a contributor is told about a quotation', () => {
  const comment = (id: string, order: number, body: string, frontMatter = '') =>
    `---\nlabel: ${id.toUpperCase()}\nauthor: A\norder: ${order}\npermalink: https://example.org/${id}\n${frontMatter}---\n\n${body}\n`;

  it('names the comments there are when a quotation names one that is not', async () => {
    const folder = await guideWith({ 'thread/c3.md': comment('c3', 3, '> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Second\n    in: c9\n') });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 8, message: 'No comment `c9`', hint: 'Known comments: c1, c2, c3.' })
    ]);
  });

  it('says how to fix a quotation named under `quotations` that the comment named does not have, or that nothing quotes', async () => {
    const wrong = await problemsOf(await guideWith({ 'thread/c3.md': comment('c3', 3, '> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Second\n    in: c2\n') }));
    expect(wrong).toEqual([expect.objectContaining({ rule: 'unmatched-quotation', hint: 'Name an earlier comment that has these words, outside its own quotations.' })]);
    const unused = await problemsOf(await guideWith({ 'thread/c3.md': comment('c3', 3, '> Second paragraph\n\nWhich one?', 'quotations:\n  - exact: Third\n    in: c1\n') }));
    expect(unused).toEqual([
      expect.objectContaining({ rule: 'selector-no-match', line: 7, message: 'No blockquote in C3 starts with “Third”', hint: 'Copy the first words of the one blockquote that quotes the comment named.' })
    ]);
  });

  it('says to drop an `outsideQuotations` entry for a quotation of a comment', async () => {
    const folder = await guideWith({ 'thread/c3.md': comment('c3', 3, '> Second paragraph says models like tasks.\n\nAs I said.', 'outsideQuotations:\n  - exact: Second paragraph\n') });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'ambiguous-quotation',
        line: 10,
        message: 'This quotation is listed under `outsideQuotations` but quotes C1',
        hint: 'A quotation of an earlier comment is linked to it automatically: remove its entry from `outsideQuotations`.'
      })
    ]);
  });

  it('matches a quotation only to an earlier comment’s own words, not a later comment’s nor a comment’s quotation of a work', async () => {
    // C4, after it, has the words C3 nearly quotes; C1 has C3's other quotation, but only as its quotation of an outside work.
    const folder = await guideWith({
      'thread/c3.md': comment('c3', 3, '> Models Follow Orders.\n\n> To be or not to be, that is the question.\n\nSo it goes.'),
      'thread/c4.md': comment('c4', 4, 'Models follow orders.')
    });
    const hint = 'Quote an earlier comment’s words as they stand (an ellipsis marks words left out); if this quotes a text outside the thread, list it under `outsideQuotations` with the words it starts with (and its source, if the guide has one).';
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'unmatched-quotation', line: 8, hint }),
      expect.objectContaining({ rule: 'unmatched-quotation', line: 10, hint })
    ]);
  });

  it('tells why a quotation in a list is not linked', async () => {
    const folder = await guideWith({ 'thread/c3.md': comment('c3', 3, '- A point:\n\n  > Made up words.') });
    expect(await warningsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'nested-quotation',
        message: 'A quotation inside a list or another quotation is not linked to what it quotes',
        hint: 'Only a blockquote at the top level of a comment is matched; this one is shown as it is.'
      })
    ]);
  });
});

describe('what a contributor is told about a selector', () => {
  it('says when a suffix keeps the words from matching', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: paragraph\n  suffix: " sings"') });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'selector-no-match',
        line: 5,
        message: 'These words do not occur in C1 with the given prefix and suffix: “paragraph”',
        hint: 'Check that `prefix` ends right before `exact` and `suffix` starts right after it.'
      })
    ]);
  });

  it('reports words that run across an outside quotation at the selector’s words', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('quote:\n  in: c1\n  exact: the question.\n    Second paragraph') });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'selector-in-quotation', line: 5 })]);
  });

  it('shows the words on one line, with single spaces, shortened only past 80 characters', async () => {
    const message = async (exact: string) => (await problemsOf(await guideWith({ 'claims/c1-tasks.md': claim(`quote:\n  in: c1\n  exact: "${exact}"`) })))[0]!.message;
    expect(await message('models  like  cats')).toBe('These words do not occur in C1: “models like cats”');
    const eighty = `${'word '.repeat(15)}words`;
    expect(eighty).toHaveLength(80);
    expect(await message(eighty)).toBe(`These words do not occur in C1: “${eighty}”`);
  });
});

describe('strongest counterarguments, checked against the claim', () => {
  const strongest = (claimId: string, counter: string, extra = '') => {
    const files: Record<string, string> = {
      'claims/c1-tasks.md': '---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: src1\n---\n',
      'claims/c2-disagree.md':
        '---\nparaphrase: Models follow instructions.\nquote:\n  in: c2\n  exact: models follow instructions\nrelations:\n  - type: attacks\n    claim: c1-tasks\n---\n'
    };
    files[`claims/${claimId}.md`] = files[`claims/${claimId}.md`]!.replace(/---\n$/, `strongestCounterargument: ${counter}\n${extra}---\n`);
    return guideWith(files);
  };

  it('refuses a claim this one attacks, and a counterargument to another claim', async () => {
    expect(await problemsOf(await strongest('c2-disagree', 'c1-tasks'))).toEqual([
      expect.objectContaining({
        rule: 'invalid-counterargument',
        line: 9,
        message: '`c1-tasks` is not a counterargument to this claim',
        hint: 'Name a counterargument annotation whose `on` is this claim, or a claim with an `attacks` relation to it.'
      })
    ]);
    expect(await problemsOf(await strongest('c2-disagree', 'ann1'))).toEqual([
      expect.objectContaining({ rule: 'invalid-counterargument', message: '`ann1` is not a counterargument to this claim' })
    ]);
  });

  it('names what is missing when the counterargument is nothing of the guide’s', async () => {
    expect(await problemsOf(await strongest('c1-tasks', 'nothing'))).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 8, message: 'No annotation or claim `nothing`' })
    ]);
  });

  it('reports only the selector of a claim whose words are not found', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': '---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models adore tasks\ncites:\n  - source: src1\nmain: true\nstrongestCounterargument: ann1\n---\n',
      'cruxes/tasks.md': '---\nquestion: Do models like tasks?\nclaims: [c1-tasks, c2-disagree]\nwouldMove:\n  B: [Models ignoring clear instructions.]\n---\n\nWhere they differ.\n'
    });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'selector-no-match', line: 5 })]);
  });
});

describe('what the warnings say', () => {
  const tasks = (extra: string) => `---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\n${extra}---\n`;

  it('names the field to add, at the field it is about', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': tasks('main: true\n'),
      'annotations/ann1.md': '---\non: c1-tasks\nkind: context\n---\n\nUnsourced.\n'
    });
    expect((await warningsOf(folder)).map(({ file, line, message, hint }) => ({ file: file.replace(/.*\/(\w+\/[\w-]+\.md)$/, '$1'), line, message, hint }))).toEqual([
      { file: 'annotations/ann1.md', line: 3, message: 'This annotation cites no source', hint: 'Add `cites` with the source and locator that back the annotation.' },
      { file: 'claims/c1-tasks.md', line: 4, message: 'This claim neither cites a source nor relates to another claim', hint: 'Add `cites` or `relations`, so that a reader can follow the claim further.' },
      {
        file: 'claims/c1-tasks.md',
        line: 6,
        message: 'A main claim names no strongest counterargument',
        hint: 'Add `strongestCounterargument`: a counterargument annotation on this claim, or a claim that attacks it.'
      }
    ]);
  });

  it('says what a strongest counterargument resting on nothing lacks', async () => {
    const folder = await guideWith({
      'claims/c1-tasks.md': tasks('cites:\n  - source: src1\nmain: true\nstrongestCounterargument: ann1\n'),
      'annotations/ann1.md': '---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n---\n\nThe objection.\n'
    });
    expect(await warningsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'unsupported-counterargument',
        message: 'The strongest counterargument `ann1` cites no part of a source and links to no other claim of the thread',
        hint: 'Cite the source it rests on with the part that bears on it (`locator`, or a `note` saying in a few words, or the work’s own, what that part shows), or link in its text to the claim of the thread it rests on (`/claims/<id>/`); or name a claim that attacks this one.'
      })
    ]);
  });

  it('counts as grounds a link to another claim however it is written, and a note that says what it shows', async () => {
    const grounds = async (front: string, body = 'The objection.') =>
      (
        await warningsOf(
          await guideWith({
            'claims/c1-tasks.md': tasks('cites:\n  - source: src1\nmain: true\nstrongestCounterargument: ann1\n'),
            'annotations/ann1.md': `---\nkind: counterargument\non: c1-tasks\n${front}---\n\n${body}\n`
          })
        )
      ).filter((warning) => warning.rule === 'unsupported-counterargument').length;
    expect(await grounds('', 'See [B](/claims/c2-disagree).')).toBe(0);
    expect(await grounds('', 'See [B](/claims/c2-disagree/#comment-c2).')).toBe(0);
    expect(await grounds('', 'See [the term](/glossary/#term-task) and [this](/notes/claims/c2-disagree/).')).toBe(1);
    const note = (text: string) => grounds(`cites:\n  - source: src1\n    note: ${text}\n`);
    // The work's own words, quoted: a single word, or words after an ellipsis, up to a full stop.
    expect(await note('“sandbagging”')).toBe(0);
    expect(await note('“…to be deployed.”')).toBe(0);
    expect(await note(`'"sandbagging"'`)).toBe(0);
    expect(await note(`'"…to be deployed."'`)).toBe(0);
    // Only pointing: a hyphenated word and a figure with decimals are one word each.
    expect(await note('(See p. 3.)')).toBe(1);
    expect(await note('A well-known result.')).toBe(1);
    expect(await note('See figure 2.13.')).toBe(1);
  });
});

describe('support that goes round in a circle', () => {
  const claimFile = (exact: string, relations: string, comment = 'c1') =>
    `---\nparaphrase: A claim.\nquote:\n  in: ${comment}\n  exact: ${exact}\ncites:\n  - source: src1\nrelations:\n${relations}---\n`;
  const relation = (type: string, claimId: string) => `  - type: ${type}\n    claim: ${claimId}\n`;

  it('lets claims attack one another both ways, and attack what supports them', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claimFile('models like tasks', relation('attacks', 'c2-disagree') + relation('attacks', 'c1-emphasis')) });
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('reports a circle once, naming it from where it is first entered, at the relation that closes it', async () => {
    // z-first is C1 but sorts last: the circle is entered from c1-tasks (C3).
    const folder = await guideWith({
      'claims/z-first.md': claimFile('First paragraph', relation('attacks', 'c2-disagree') + relation('supports', 'c1-tasks')),
      'claims/c1-tasks.md': claimFile('models like tasks', relation('supports', 'z-first'))
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'relation-cycle',
        file: expect.stringMatching(/claims\/z-first\.md$/),
        line: 12,
        message: 'These claims support one another in a circle: C3 → C1 → C3',
        hint: 'A claim cannot be a ground of its own support: remove one of these relations, or give it another type.'
      })
    ]);
  });

  it('names only the claims of the circle, and the one relation that closes it', async () => {
    // C1 supports C2 and C3; C3 supports C1 back (its fourth relation), and C2 supports no one.
    const folder = await guideWith({
      'claims/c1-emphasis.md': claimFile('with emphasis in it, and a link', relation('supports', 'c1-tasks') + relation('supports', 'c2-disagree')),
      'claims/c2-disagree.md': claimFile(
        'models follow instructions',
        relation('attacks', 'c1-tasks') + relation('supports', 'c1-tasks') + relation('qualifies', 'c1-emphasis') + relation('supports', 'c1-emphasis'),
        'c2'
      )
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'relation-cycle', file: expect.stringMatching(/claims\/c2-disagree\.md$/), line: 16, message: 'These claims support one another in a circle: C1 → C3 → C1' })
    ]);
  });
});

describe('what a crux is told', () => {
  const crux = (claims: string, wouldMove: string) => `---\nquestion: Do models like tasks?\nclaims: [${claims}]\n${wouldMove}---\n\nWhere they differ.\n`;

  it('names the claims there are, and the commenters there are', async () => {
    expect(await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c9', 'wouldMove:\n  A: [One.]\n') }))).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 3, message: 'No claim `c9`', hint: 'Use the file name (without .md) of a claim in content/claims/.' })
    ]);
    expect(await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c2-disagree', 'wouldMove:\n  A: [One.]\n  B: [Two.]\n  Z: [Three.]\n') }))).toEqual([
      expect.objectContaining({ rule: 'unknown-reference', line: 7, column: 3, message: 'Unknown commenter `Z`', hint: 'Use one of the commenters in content/guide.yaml: A, B.' })
    ]);
  });

  it('asks for each commenter in the order of their keys, and for no outside work', async () => {
    const problems = await problemsOf(await guideWith({ 'cruxes/tasks.md': crux('c2-disagree, c1-tasks', '') }));
    expect(problems.map((problem) => problem.message)).toEqual([
      'This crux names claims of Commenter A but not what evidence would move them',
      'This crux names claims of Commenter B but not what evidence would move them'
    ]);
    const outside = await guideWith({
      'claims/c1-question.md': '---\nparaphrase: The question.\nquote:\n  in: c1\n  exact: that is the question\ncites:\n  - source: src1\n---\n',
      'cruxes/tasks.md': crux('c1-question, c1-tasks', 'wouldMove:\n  A: [One.]\n')
    });
    expect(await problemsOf(outside)).toEqual([]);
  });

  it('calls a commenter by the name guide.yaml gives', async () => {
    const folder = await guideWith({ 'cruxes/tasks.md': crux('c1-tasks, c1-emphasis', '') });
    const { readFile, writeFile } = await import('node:fs/promises');
    const guide = `${folder}/guide.yaml`;
    await writeFile(guide, (await readFile(guide, 'utf8')).replace('name: Commenter A', 'name: The first commenter'));
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        message: 'This crux names claims of The first commenter but not what evidence would move them',
        hint: 'Add `A:` under `wouldMove`, with a list of what would change The first commenter’s mind.'
      })
    ]);
  });
});

describe('backlinks from every kind of entry', () => {
  it('record links from claims, annotations, sources, terms, cruxes and pages, in that order', async () => {
    const link = 'See [the term](/glossary/#term-task).';
    const folder = await guideWith({
      'claims/c1-tasks.md': `---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: src1\n---\n\n${link}\n`,
      'annotations/ann1.md': `---\nkind: context\non: c1-tasks\ncites:\n  - source: src1\n---\n\n${link}\n`,
      'sources/src1.md': `---\ntype: article\nshort: Doe 2020\ntitle: A Checked Article\nchecked:\n  - fields: [title]\n    where: the article\n---\n\n${link}\n`,
      'cruxes/tasks.md': `---\nquestion: Do models like tasks?\nclaims: [c1-tasks, c2-disagree]\nwouldMove:\n  A: [One.]\n  B: [Two.]\n---\n\n${link}\n`,
      'pages/introduction.md': `---\ntitle: Introduction\ndescription: The fixture.\n---\n\n${link}\n`
    });
    const { graph } = await checkGuide(folder);
    expect(graph.linkedFrom['/glossary/#term-task']).toEqual([
      { kind: 'claim', id: 'c1-tasks' },
      { kind: 'annotation', id: 'ann1' },
      { kind: 'source', id: 'src1' },
      { kind: 'crux', id: 'tasks' },
      { kind: 'page', id: 'introduction' }
    ]);
  });
});
