import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkGuide, compileGuide } from '../../src/compile.ts';
import { Diagnostics } from '../../src/model/diagnostics.ts';
import { renderGuide } from '../../src/render/render-guide.ts';
import { guideCopy, guideWith, sampleGuide } from '../helpers/fixtures.ts';

const parse = (html: string): Root => fromHtml(html, { fragment: true });
const fragments = (tree: Root, markId: string) => selectAll(`mark[data-mark="${markId}"]`, tree);
/** The comment's own paragraphs, not the notes beside them. */
const paragraphs = (tree: Root) => tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');

describe('the rendered thread', async () => {
  const compiled = await compileGuide(await guideCopy(), { base: '/' });
  const c1 = parse(compiled.rendered.html.thread.c1!);
  const c2 = parse(compiled.rendered.html.thread.c2!);

  it('keeps the comment’s words exactly, with no added text', () => {
    expect(toText(paragraphs(c1)[0]!)).toBe('First paragraph with emphasis in it, and a link to elsewhere.');
    expect(toText(paragraphs(c1)[1]!)).toBe('Second paragraph says models like tasks.');
  });

  it('wraps a span that crosses emphasis and a link piece by piece, with one id', () => {
    const pieces = fragments(c1, 'claim-c1-emphasis');
    expect(pieces.map((piece) => toText(piece)).join('')).toBe('with emphasis in it, and a link');
    expect(pieces.length).toBeGreaterThan(2);
    expect(selectAll('#claim-c1-emphasis', c1)).toHaveLength(1);
    expect(selectAll('em > mark[data-mark="claim-c1-emphasis"]', c1)).toHaveLength(1);
    expect(selectAll('a[href="https://example.org/elsewhere"] > mark', c1)).toHaveLength(1);
  });

  it('puts the reference link after the span, never inside another link', () => {
    expect(selectAll('a a', c1)).toEqual([]);
    const reference = selectAll('a.ref[data-for="claim-c1-emphasis"]', c1);
    expect(reference).toHaveLength(1);
    const [element] = reference as [Element];
    expect(element.properties).toMatchObject({ href: '/claims/c1-emphasis/', dataLabel: 'C1' });
    expect(String(element.properties.ariaLabel)).toBe('Claim C1: The first paragraph has emphasis and a link.');
    expect(toText(element)).toBe('');
  });

  it('nests marks on overlapping spans', () => {
    // The claim "models like tasks" lies inside the passage that C2 quotes.
    const inside = selectAll('mark[data-mark="quoted-c2-1"] mark[data-mark="claim-c1-tasks"]', c1);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside).toHaveLength(fragments(c1, 'claim-c1-tasks').length);
    expect(selectAll('a.ref[href="#quote-c2-1"]', c1)).toHaveLength(1);
  });

  it('turns a quotation of an earlier comment into a figure whose caption links back', () => {
    const [figure] = selectAll('figure#quote-c2-1.quotation--comment', c2) as [Element];
    expect(figure).toBeDefined();
    expect(selectAll('blockquote', figure)[0]!.properties.cite).toBe('/#quoted-c2-1');
    const [link] = selectAll('figcaption a', figure) as [Element];
    expect(link.properties.href).toBe('#quoted-c2-1');
    expect(toText(link)).toBe('C1, Commenter A');
  });

  it('captions a quotation of an outside work with its source and the original', () => {
    const [figure] = selectAll('figure#quote-c1-1.quotation--outside', c1) as [Element];
    expect(toText(selectAll('figcaption', figure)[0]!)).toBe('Quoted from Doe 2020, Act 3 (original)');
    expect(selectAll('figcaption a', figure).map((link) => (link as Element).properties.href)).toEqual([
      '/sources/src1/',
      'https://example.org/article'
    ]);
  });

  it('renders the guide’s own prose with typographic quotes', () => {
    expect(compiled.rendered.html.annotations.ann1).toContain('guide’s');
  });
});

describe('marks that cross or span blocks', () => {
  it('wraps two spans that overlap without nesting, each whole, each with its reference', async () => {
    const folder = await guideWith({
      'claims/c1-crossing.md': '---\nparaphrase: Crossing.\nquote:\n  in: c1\n  exact: paragraph says models\n---\n'
    });
    const compiled = await compileGuide(folder, { base: '/' });
    const c1 = parse(compiled.rendered.html.thread.c1!);
    for (const [id, exact] of [
      ['claim-c1-crossing', 'paragraph says models'],
      ['claim-c1-tasks', 'models like tasks']
    ] as const) {
      expect(fragments(c1, id).map((piece) => toText(piece)).join('')).toBe(exact);
      expect(selectAll(`#${id}`, c1)).toHaveLength(1);
      expect(selectAll(`a.ref[data-for="${id}"]`, c1)).toHaveLength(1);
    }
    // The crossing span's reference follows its last word, inside the other span.
    expect(toText(paragraphs(c1)[1]!)).toBe('Second paragraph says models like tasks.');
    const paragraph = paragraphs(c1)[1]!.children;
    const order = selectAll('a.ref, mark[id]', { type: 'root', children: paragraph } as Root).map(
      (element) => (element as Element).properties.id ?? (element as Element).properties.dataFor
    );
    expect(order).toEqual(['quoted-c2-1', 'claim-c1-crossing', 'claim-c1-tasks', 'claim-c1-crossing', 'claim-c1-tasks', 'quoted-c2-1']);
  });

  it('wraps a span across two paragraphs, with its reference after its last word', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\nAlpha beta.\n\nGamma delta.\n',
      'claims/c3-span.md': '---\nparaphrase: Spanning.\nquote:\n  in: c3\n  exact: "beta.\\nGamma"\n---\n'
    });
    const compiled = await compileGuide(folder, { base: '/' });
    const c3 = parse(compiled.rendered.html.thread.c3!);
    expect(fragments(c3, 'claim-c3-span').map((piece) => toText(piece))).toEqual(['beta.', 'Gamma']);
    const [first, second] = paragraphs(c3);
    expect(selectAll('a.ref[data-for="claim-c3-span"]', second!)).toHaveLength(1);
    expect(selectAll('a.ref', first!)).toHaveLength(0);
  });
});

describe('mark references', () => {
  it('lead each mark to what it is for, with a short label and a name that says what it is', async () => {
    const { markReferences } = await import('../../src/render/mark-references.ts');
    const { content, graph } = await checkGuide(await guideCopy());
    const [c1, c2] = graph.comments;
    const byKind = (comment: typeof c1, kind: string) => markReferences(comment!, content, graph).filter((mark) => mark.kind === kind).map(({ href, label, title }) => ({ href, label, title }));
    expect(byKind(c1, 'claim')).toEqual([
      { href: '/claims/c1-emphasis/', label: 'C1', title: 'Claim C1: The first paragraph has emphasis and a link.' },
      { href: '/claims/c1-tasks/', label: 'C2', title: 'Claim C2: Models like tasks.' }
    ]);
    expect(byKind(c1, 'quoted')).toEqual([{ href: '#quote-c2-1', label: '↪ C2', title: 'Quoted in C2, Commenter B’s reply' }]);
    expect(byKind(c2, 'note')).toEqual([{ href: '#note-c2-1', label: 'Editor’s note', title: 'Editor’s note on these words' }]);
    expect(byKind(c2, 'citation')).toEqual([{ href: '/sources/src1/', label: 'Doe 2020', title: expect.stringMatching(/^Source: Doe 2020, A Checked Article/) }]);
  });
});

describe('code in a comment', () => {
  it('keeps Shiki’s colours, the block’s background as well as its tokens', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n---\n\nLike this:\n\n```json\n{ "start": 1412 }\n```\n'
    });
    const compiled = await compileGuide(folder, { base: '/' });
    const [pre] = selectAll('pre', parse(compiled.rendered.html.thread.c3!)) as Element[];
    // The theme is dark: without its background the light tokens would stand on the light page.
    expect(String(pre!.properties.style)).toMatch(/background-color:\s*#[0-9a-f]{6}/i);
    expect(selectAll('span[style*="color"]', pre!).length).toBeGreaterThan(1);
  });
});

describe('rendering under a base path', () => {
  it('prefixes every site path, in the thread and in the guide’s prose', async () => {
    const folder = await guideCopy();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${folder}/glossary/task.md`, '---\nterm: task\n---\n\nSee [the claim](/claims/c1-tasks/).\n');
    const compiled = await compileGuide(folder, { base: '/repo/' });
    const hrefs = (html: string) => selectAll('[href]', parse(html)).map((element) => String((element as Element).properties.href));
    expect(hrefs(compiled.rendered.html.thread.c2!)).toEqual(expect.arrayContaining(['/repo/claims/c2-disagree/', '/repo/sources/src1/']));
    expect(hrefs(compiled.rendered.html.glossary.task!)).toEqual(['/repo/claims/c1-tasks/']);
    expect(compiled.rendered.html.thread.c1).not.toMatch(/href="\/(?!repo\/)/);
  });
});

describe('render failures', () => {
  it('reports a comment whose text no longer matches its selectors, naming the file', async () => {
    const diagnostics = new Diagnostics();
    const { content, graph } = await checkGuide(await guideCopy(), { diagnostics });
    const c2 = content.thread.find((entry) => entry.id === 'c2')!;
    // The renderer takes the tree the graph was built from; one edited since then must not be marked blindly.
    visit(c2.tree!, 'text', (node) => {
      node.value = node.value.replace('I disagree', 'I agree');
    });
    await renderGuide(content, graph, { base: '/' }, diagnostics);
    expect(diagnostics.errors).toEqual([
      expect.objectContaining({ rule: 'render-failed', file: c2.file, message: expect.stringContaining('differs') })
    ]);
  });
});

describe('canonicalArxiv', async () => {
  const { canonicalArxiv } = await import('../../src/render/rehype-canonical-arxiv.ts');

  it('sends every form of an arXiv link to the abstract page', () => {
    for (const href of [
      'https://www.arxiv.org/abs/2509.15541',
      'http://arxiv.org/abs/2509.15541v2',
      'https://arxiv.org/pdf/2509.15541',
      'https://arxiv.org/pdf/2509.15541v1.pdf'
    ]) {
      expect(canonicalArxiv(href)).toBe('https://arxiv.org/abs/2509.15541');
    }
  });

  it('leaves other links alone', () => {
    expect(canonicalArxiv('https://example.org/abs/2509.15541')).toBeUndefined();
    expect(canonicalArxiv('https://arxiv.org/list/cs.AI/recent')).toBeUndefined();
    expect(canonicalArxiv('/claims/x/')).toBeUndefined();
  });
});

describe('sidenotes', async () => {
  const compiled = await compileGuide(sampleGuide, { base: '/' });
  const b1 = parse(compiled.rendered.html.thread.b1!);

  it('follow the paragraph whose marked words they are about, folded in a <details>', () => {
    const notes = selectAll('details.sidenotes', b1) as Element[];
    expect(notes.length).toBeGreaterThan(0);
    const children = (b1.children as Element[]).filter((node) => node.type === 'element');
    for (const note of notes) {
      const previous = children[children.indexOf(note) - 1]!;
      expect(['p', 'figure']).toContain(previous.tagName);
      for (const side of selectAll('.sidenote', note) as Element[]) {
        const markId = String(side.properties.id).replace(/^side-/, '');
        expect(selectAll(`[id="${markId}"]`, { type: 'root', children: [previous] } as Root), markId).toHaveLength(1);
      }
    }
  });

  it('sum up a claim and carry the guide’s annotations on it, each with its own id', () => {
    const note = selectAll('#side-claim-b1-design-problems', b1)[0]!;
    expect(toText(selectAll('.sidenote-head', note)[0]!)).toBe('C7 · 1 counterargument · 1 in support · 1 question');
    for (const id of ['tests-first', 'concession-question']) {
      expect(selectAll(`#annotation-${id}-note`, note), id).toHaveLength(1);
      expect(selectAll(`a[href="/annotations/${id}/"]`, note), id).toHaveLength(1);
    }
    const a1 = parse(compiled.rendered.html.thread.a1!);
    expect(toText(selectAll('#side-claim-a1-review-style .sidenote-head', a1)[0]!)).toBe('C2 · 2 counterarguments · 3 in support · cites Example Lab 2022');
    expect(selectAll('#side-claim-a1-review-style #annotation-style-by-tooling-note', a1)).toHaveLength(1);
    // An annotation written with a straight apostrophe reads in its note as on its page.
    expect(toText(selectAll('#annotation-teams-correction-note', a1)[0]!)).toContain('the teams’ suites');
  });

  it('give every id once on the page', () => {
    const ids = Object.values(compiled.rendered.html.thread).flatMap((html) =>
      (selectAll('[id]', parse(html)) as Element[]).map((element) => String(element.properties.id))
    );
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('glossary links', async () => {
  const compiled = await compileGuide(await guideCopy(), { base: '/' });

  it('link the first use of a term in each comment and annotation, and only the first', () => {
    const c1 = parse(compiled.rendered.html.thread.c1!);
    const links = selectAll('a.term', c1) as Element[];
    expect(links.map((link) => [toText(link), link.properties.href])).toEqual([['tasks', '/glossary/#term-task']]);
    const annotation = parse(compiled.rendered.html.annotations.ann1!);
    expect(selectAll('a.term', annotation)).toHaveLength(0);
    expect(compiled.graph.terms.task!.uses).toEqual([
      { kind: 'comment', id: 'c1' },
      { kind: 'comment', id: 'c2' }
    ]);
  });

  it('link a term once however it is spelt: its other spelling first, then the term', async () => {
    const folder = await guideWith({
      'annotations/ann1.md': '---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n---\n\nTasks differ. A task, then tasks again.\n'
    });
    const tree = parse((await compileGuide(folder, { base: '/' })).rendered.html.annotations.ann1!);
    expect((selectAll('a.term', tree) as Element[]).map((link) => toText(link))).toEqual(['Tasks']);
  });

  it('never link inside another link, and keep the words as they were', async () => {
    const folder = await guideWith({
      'annotations/ann1.md': '---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n---\n\nSee [the task page](https://example.org/task); a Task, then another task.\n'
    });
    const html = (await compileGuide(folder, { base: '/' })).rendered.html.annotations.ann1!;
    const tree = parse(html);
    expect(selectAll('a a', tree)).toEqual([]);
    expect((selectAll('a.term', tree) as Element[]).map((link) => toText(link))).toEqual(['Task']);
    expect(toText(tree).trim()).toBe('See the task page; a Task, then another task.');
  });
});
