import { beforeAll, describe, expect, it } from 'vitest';
import { factFields } from '../../src/load/schema.ts';
import { checkGuide } from '../../src/compile.ts';
import { guideCopy, guideWith, problemsOf, warningsOf } from '../helpers/fixtures.ts';

const claim = (fields: string) => `---\nparaphrase: A claim.\n${fields}\n---\n`;

describe('the graph of the minimal guide', () => {
  // Built before the tests rather than as the file is collected, so that a mutation test sees the graph it changed.
  let graph: Awaited<ReturnType<typeof checkGuide>>['graph'];
  beforeAll(async () => {
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

  it('hints at the earlier words a quotation nearly matches', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\n> I DISAGREE: models follow instructions.\n\nAs you said.\n'
    });
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'unmatched-quotation',
        line: 8,
        message: 'This quotation matches no earlier comment: “I DISAGREE: models follow instructions.”',
        hint: 'An earlier comment has “I disagree: models follow instructions.”: quote it exactly, with its quotes and dashes.'
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

describe('findTextQuote', async () => {
  const { findTextQuote } = await import('../../src/graph/text-quote.ts');
  const text = 'the cat saw the\ncat, then the  cat (again).';

  it('finds every occurrence, overlapping ones included', () => {
    expect(findTextQuote('aaa', { exact: 'aa' })).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 }
    ]);
  });

  it('lets a space in the selector match a line break or several spaces in the text', () => {
    expect(findTextQuote(text, { exact: 'the cat' }).map((range) => text.slice(range.start, range.end))).toEqual([
      'the cat',
      'the\ncat',
      'the  cat'
    ]);
  });

  it('narrows by prefix and suffix, and treats other characters literally', () => {
    expect(findTextQuote(text, { exact: 'cat', prefix: 'then the ' })).toEqual([{ start: 31, end: 34 }]);
    expect(findTextQuote(text, { exact: 'cat', suffix: ',' })).toEqual([{ start: 16, end: 19 }]);
    expect(findTextQuote(text, { exact: '(again).' })).toHaveLength(1);
    expect(findTextQuote(text, { exact: 'c.t' })).toEqual([]);
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
