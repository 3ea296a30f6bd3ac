import { lstatSync, symlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Diagnostics } from '../../src/model/diagnostics.ts';
import { firstLine, loadContent, maxFileBytes } from '../../src/load/load-content.ts';
import { bodyFacts, checkMarkdownSafety, indexText, markdownLimits, parseMarkdown, parseWithinLimits, siteLinks } from '../../src/load/markdown.ts';
import { urlScheme } from '../../src/util/url-scheme.ts';
import { entryKind, readRegularFile } from '../../src/load/content-files.ts';
import { guideCopy, guideWith, makeEntry, problemsOf, warningsOf } from '../helpers/fixtures.ts';

describe('loadContent', () => {
  it('loads every collection, with ids from file names', async () => {
    const content = await loadContent(await guideCopy(), new Diagnostics());
    expect(content.thread.map((entry) => entry.id)).toEqual(['c1', 'c2']);
    expect(content.claims.map((entry) => entry.id).sort()).toEqual(['c1-emphasis', 'c1-tasks', 'c2-disagree']);
    expect(content.guide?.data.commenters.A?.name).toBe('Commenter A');
    expect(content.claims.find((entry) => entry.id === 'c1-tasks')!.file).toMatch(/claims\/c1-tasks\.md$/);
  });

  it('reports a file without front matter', async () => {
    const problems = await problemsOf(await guideWith({ 'claims/bare.md': 'Just a body.\n' }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'front-matter-missing', line: 1 })]);
  });

  it('reports a file name that cannot be an id', async () => {
    const problems = await problemsOf(await guideWith({ 'claims/Bad Name.md': '---\nparaphrase: P\n---\n' }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'invalid-id', file: expect.stringMatching(/Bad Name\.md$/) })]);
  });

  /** The guide with a glossary entry whose text has the byte 0xE9 (é in Latin-1, not UTF-8) between `before` and `after`. */
  async function guideWithLatin1(before: string, after: string): Promise<string> {
    const folder = await guideCopy();
    await writeFile(path.join(folder, 'glossary/task.md'), Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]));
    return folder;
  }

  it('reports bytes that are not UTF-8, with their line', async () => {
    const folder = await guideWithLatin1('---\nterm: task\n---\n\nCaf', ' au lait\n');
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'not-utf8', line: 5, column: 4 })]);
  });

  it('counts the column in characters, and tells a real U+FFFD from a bad byte', async () => {
    const folder = await guideWithLatin1('---\nterm: task\n---\n\n“\uFFFD” Caf', '\n');
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'not-utf8', line: 5, column: 8 })]);
  });

  it('reads files with a byte-order mark and Windows line endings, keeping line numbers', async () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    expect(await problemsOf(await guideWith({ 'glossary/task.md': crlf('---\nterm: task\n---\n\nA thing to do.\n') }))).toEqual([]);
    const problems = await problemsOf(await guideWith({ 'glossary/task.md': crlf('---\nterm: task\nalias: x\n---\n\nA thing to do.\n') }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'unknown-field', line: 3 })]);
  });

  it('asks an annotation for the claim or the words it is about', async () => {
    expect(await problemsOf(await guideWith({ 'annotations/ann1.md': '---\nkind: question\n---\n\nWhy?\n' }))).toEqual([
      expect.objectContaining({ rule: 'missing-field', line: 2, message: expect.stringMatching(/^Missing required field `on`: /) })
    ]);
  });

  it('reports a comment, annotation or term without a body', async () => {
    const problems = await problemsOf(await guideWith({ 'annotations/ann1.md': '---\nkind: question\non: c1-tasks\n---\n' }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'empty-body' })]);
  });

  it('warns about, and skips, a file that is not Markdown', async () => {
    const problems = await warningsOf(await guideWith({ 'claims/notes.txt': 'scratch' }));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', rule: 'ignored-file', file: expect.stringMatching(/notes\.txt$/) })]);
  });

  it('reports raw HTML and script URLs in Markdown, at their line', async () => {
    const problems = await problemsOf(
      await guideWith({
        'annotations/ann1.md':
          '---\nkind: question\non: c1-tasks\n---\n\nHello <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n![x](data:text/html,hi)\n'
      })
    );
    expect(problems.map((problem) => [problem.rule, problem.line])).toEqual([
      ['raw-html', 6],
      ['unsafe-url', 8],
      ['unsafe-url', 10]
    ]);
  });
});

describe('urlScheme', () => {
  it('reads the scheme as a browser does', () => {
    expect(urlScheme('https://example.org')).toBe('https');
    expect(urlScheme('JaVaScRiPt:alert(1)')).toBe('javascript');
    expect(urlScheme(' java\tscript:alert(1)')).toBe('javascript');
    expect(urlScheme('/claims/x/')).toBeUndefined();
    expect(urlScheme('#anchor')).toBeUndefined();
  });
});

describe('a guide that is not there', () => {
  it('reports the missing guide.yaml, saying what to create, and loads nothing else', async () => {
    const folder = path.join(await guideCopy(), 'nowhere');
    const diagnostics = new Diagnostics();
    const content = await loadContent(folder, diagnostics);
    expect(diagnostics.problems).toEqual([
      expect.objectContaining({ rule: 'read-failed', message: 'The file is missing', hint: expect.stringMatching(/^Create .*nowhere\/guide\.yaml; see the README for its fields\.$/) })
    ]);
    expect(content.guide).toBeUndefined();
    expect(content.claims).toEqual([]);
  });

  it('reads a hard line break in a comment as a line break of its text', () => {
    expect(indexText(parseMarkdown('one  \ntwo\\\nthree\n')).text).toBe('one\ntwo\nthree');
  });

  it('hints at what a commenter needs when guide.yaml gives one the wrong shape', async () => {
    const folder = await guideCopy();
    const { readFile } = await import('node:fs/promises');
    const guide = await readFile(path.join(folder, 'guide.yaml'), 'utf8');
    await writeFile(path.join(folder, 'guide.yaml'), guide.replace('    name: Commenter B\n', '    name: 2\n'));
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'wrong-type', message: '`commenters.B.name`: expected string, received number', hint: '`commenters.B.name` is the name readers see: a neutral label such as "Commenter A", or the commenter’s own.' })
    ]);
  });
});

describe('glossary terms', () => {
  it('lets a term repeat its own name in another case, but no other term have it', async () => {
    const folder = await guideWith({
      'glossary/task.md': '---\nterm: task\naliases: [tasks, Task]\n---\n\nSomething a model is asked to do.\n',
      'glossary/workload.md': '---\nterm: workload\naliases: [jobs]\n---\n\nThe work a model is given.\n'
    });
    expect(await problemsOf(folder)).toEqual([]);
    await writeFile(path.join(folder, 'glossary/workload.md'), '---\nterm: workload\naliases: [jobs, Tasks]\n---\n\nThe work.\n');
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ rule: 'duplicate-term', file: expect.stringMatching(/glossary\/workload\.md$/), line: 3, message: expect.stringMatching(/^“Tasks” is already defined by .*glossary\/task\.md$/) })
    ]);
  });
});

describe('entries that are not regular files', () => {
  it('reads a link to a regular file inside the content folder, under the link’s name', async () => {
    const folder = await guideWith({ 'drafts/note.md': '---\nkind: context\non: c1-tasks\ncites:\n  - source: src1\n---\n\nA note.\n' });
    symlinkSync('../drafts/note.md', path.join(folder, 'annotations/linked.md'));
    const diagnostics = new Diagnostics();
    const content = await loadContent(folder, diagnostics);
    expect(diagnostics.problems).toEqual([]);
    expect(content.annotations.find((entry) => entry.id === 'linked')?.facts.text).toBe('A note.');
  });

  it('passes over hidden entries, such as the dangling links an editor leaves as locks', async () => {
    const folder = await guideCopy();
    symlinkSync('someone@host.1234', path.join(folder, 'claims/.#c1-tasks.md'));
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('names each kind of entry it refuses', async () => {
    const folder = await guideCopy();
    makeEntry(path.join(folder, 'pipe'), { path: 'pipe', kind: 'fifo' });
    makeEntry(path.join(folder, 'socket'), { path: 'socket', kind: 'socket' });
    expect(entryKind(lstatSync(path.join(folder, 'pipe')))).toBe('a named pipe');
    expect(entryKind(lstatSync(path.join(folder, 'socket')))).toBe('a socket');
    expect(entryKind(lstatSync('/dev/null'))).toBe('a device');
    expect(entryKind(lstatSync(path.join(folder, 'guide.yaml')))).toBeUndefined();
    symlinkSync('guide.yaml', path.join(folder, 'linked.yaml'));
    expect(entryKind(lstatSync(path.join(folder, 'linked.yaml')))).toBe('a symbolic link');
  });

  it('never waits on a pipe put where a file was listed', async () => {
    const folder = await guideCopy();
    const file = path.join(folder, 'claims/c1-tasks.md');
    makeEntry(file, { path: 'claims/c1-tasks.md', kind: 'fifo' });
    expect(() => readRegularFile(file)).toThrow(/named pipe/);
    symlinkSync('guide.yaml', path.join(folder, 'linked.yaml'));
    expect(() => readRegularFile(path.join(folder, 'linked.yaml'))).toThrow(/ELOOP|symbolic link/);
  });
});

describe('checkMarkdownSafety', () => {
  it('accepts http(s), mailto and site paths', () => {
    const diagnostics = new Diagnostics();
    checkMarkdownSafety(parseMarkdown('[a](https://x.org) [b](mailto:a@b.c) [c](/claims/x/) [d](#y)'), 'x.md', diagnostics);
    expect(diagnostics.problems).toEqual([]);
  });
});

describe('parseWithinLimits', () => {
  const nestedEmphasis = (levels: number) => `${'*a _a '.repeat(levels / 2)}x${' a_ a*'.repeat(levels / 2)}`;

  it('parses Markdown nested up to the limit', () => {
    const tree = parseWithinLimits(`Text.\n\n${'> '.repeat(markdownLimits.depth - 2)}quoted\n\n${nestedEmphasis(20)}\n`);
    expect(tree).toHaveProperty('type', 'root');
  });

  it('refuses inline nesting past the limit, which no line-by-line reading sees, at the node that goes past it', () => {
    const problem = parseWithinLimits(`Text.\n\nMore ${nestedEmphasis(40)}\n`);
    expect(problem).toEqual({ place: { line: 3, column: 97 }, reason: expect.stringContaining(`more than ${markdownLimits.depth} levels`) });
  });

  it('counts the marks of each paragraph apart', () => {
    const paragraph = '*a* '.repeat(markdownLimits.marksPerParagraph / 4);
    expect(parseWithinLimits(`${paragraph}\n\n${paragraph}\n\n${paragraph}\n`)).toHaveProperty('type', 'root');
    expect(parseWithinLimits(`${paragraph}\n${paragraph}\n${paragraph}\n`)).toEqual({ place: { line: 1, column: 1 }, reason: expect.stringContaining('marks') });
  });
});

describe('indexText', () => {
  it('joins blocks with one newline and records top-level quotations', () => {
    const index = indexText(parseMarkdown('One *two* `three`.\n\n> Quoted\n>\n> twice\n\nAfter.\n'));
    expect(index.text).toBe('One two three.\nQuoted\ntwice\nAfter.');
    expect(index.quotations).toHaveLength(1);
    const [quotation] = index.quotations;
    expect(index.text.slice(quotation!.start, quotation!.end)).toBe('Quoted\ntwice');
    expect(index.leaves.map((leaf) => index.text.slice(leaf.start, leaf.end))).toEqual(['One ', 'two', ' ', 'three', '.', 'Quoted', 'twice', 'After.']);
  });

  it('does not count a blockquote nested in a list as a quotation of the comment', () => {
    expect(indexText(parseMarkdown('- item\n\n  > nested\n')).quotations).toEqual([]);
  });
});

describe('guide.yaml, read once', () => {
  const withGuide = async (change: (text: string) => string) => {
    const folder = await guideCopy();
    const { readFile } = await import('node:fs/promises');
    await writeFile(path.join(folder, 'guide.yaml'), change(await readFile(path.join(folder, 'guide.yaml'), 'utf8')));
    return folder;
  };

  it('reports a guide.yaml that is a link out of the content folder once', async () => {
    const folder = await guideCopy();
    const { rm } = await import('node:fs/promises');
    await rm(path.join(folder, 'guide.yaml'));
    symlinkSync('/etc/hostname', path.join(folder, 'guide.yaml'));
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'not-regular-file', file: expect.stringMatching(/guide\.yaml$/) })]);
  });

  it('reports invalid YAML in guide.yaml, and no missing field for it', async () => {
    expect((await problemsOf(await withGuide((text) => text.replace('title: Fixture guide', 'title: [Fixture guide')))).map((problem) => problem.rule)).toEqual(['yaml-syntax']);
  });

  it('checks the guide’s editor’s notes as Markdown, at their line', async () => {
    const problems = await problemsOf(await withGuide((text) => text.replace('  - The fixture has no dates.', '  - The fixture has no dates.\n  - See <b>this</b>.')));
    expect(problems.map((problem) => [problem.rule, problem.line])).toEqual([
      ['raw-html', 21],
      ['raw-html', 21]
    ]);
  });

  it('asks for a field the schema says nothing more of by its name alone', async () => {
    expect(await problemsOf(await withGuide((text) => text.replace('  name: CC BY 4.0\n', '')))).toEqual([
      expect.objectContaining({ rule: 'missing-field', line: 16, message: 'Missing required field `license.name`', hint: 'Add `license.name`.' })
    ]);
  });
});

describe('files of a collection', () => {
  it('reports the second of two files with one id, whichever was written first', async () => {
    for (const order of [['a', 'b'], ['b', 'a']]) {
      const folder = await guideCopy();
      const { mkdir } = await import('node:fs/promises');
      for (const sub of order) {
        await mkdir(path.join(folder, 'glossary', sub), { recursive: true });
        await writeFile(path.join(folder, 'glossary', sub, 'agent.md'), '---\nterm: agent\n---\n\nOne that acts.\n');
      }
      expect(await problemsOf(folder), order.join()).toEqual([
        expect.objectContaining({ rule: 'duplicate-id', file: expect.stringMatching(/glossary\/b\/agent\.md$/), message: expect.stringMatching(/already defined by .*glossary\/a\/agent\.md$/) })
      ]);
    }
  });

  it('says why a file that is not Markdown is skipped', async () => {
    expect(await warningsOf(await guideWith({ 'claims/notes.txt': 'scratch' }))).toEqual([
      expect.objectContaining({ message: 'Ignored: only Markdown (.md) files are read here', hint: 'Rename it to .md if it is content, or move it out of content/.' })
    ]);
  });

  it('asks a comment for its words, unless the platform no longer shows it', async () => {
    const comment = (status: string) => `---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\n${status}---\n`;
    expect(await problemsOf(await guideWith({ 'thread/c3.md': comment('') }))).toEqual([
      expect.objectContaining({ rule: 'empty-body', line: 7, message: 'The file has no body', hint: 'Write the comment’s words below the front matter.' })
    ]);
    expect(await problemsOf(await guideWith({ 'thread/c3.md': comment('status: removed\n') }))).toEqual([]);
  });

  it('checks a comment’s editor’s notes as Markdown, at their line', async () => {
    const folder = await guideWith({
      'thread/c3.md': '---\nlabel: C3\nauthor: A\norder: 3\npermalink: https://example.org/c3\neditorNotes:\n  - note: Fine.\n  - note: See [this](javascript:alert(1)).\n---\n\nWords.\n'
    });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'unsafe-url', line: 8, column: 11 })]);
  });
});

describe('the bytes of a file', () => {
  const glossaryBytes = async (bytes: Buffer) => {
    const folder = await guideCopy();
    await writeFile(path.join(folder, 'glossary/task.md'), bytes);
    return folder;
  };
  const term = (before: string, bad: number[], after = '\n') => Buffer.concat([Buffer.from(`---\nterm: task\n---\n\n${before}`), Buffer.from(bad), Buffer.from(after)]);

  it('places the first byte that is not UTF-8, whatever bytes follow it', async () => {
    for (const bad of [[0x80, 0xbf, 0xbd], [0xef, 0x41, 0xbd], [0xef, 0xbf, 0x41]]) {
      expect(await problemsOf(await glossaryBytes(term('Caf', bad))), bad.join()).toEqual([expect.objectContaining({ rule: 'not-utf8', line: 5, column: 4 })]);
    }
  });

  it('counts a character outside the Basic Multilingual Plane as two columns, as editors do', async () => {
    expect(await problemsOf(await glossaryBytes(term('😀 Caf', [0xe9])))).toEqual([expect.objectContaining({ rule: 'not-utf8', line: 5, column: 7 })]);
  });

  it('reads a file of exactly the largest size', async () => {
    const head = Buffer.from('---\nterm: task\n---\n\n');
    const bytes = Buffer.concat([head, Buffer.alloc(maxFileBytes - head.length - 1, 'a'), Buffer.from([0xe9])]);
    expect(await problemsOf(await glossaryBytes(bytes))).toEqual([expect.objectContaining({ rule: 'not-utf8' })]);
  });

  it('keeps a zero-width no-break space inside the text', async () => {
    const content = await loadContent(await glossaryBytes(Buffer.from('---\nterm: task\n---\n\nA\uFEFFtask.\n')), new Diagnostics());
    expect(content.glossary[0]!.facts.text).toBe('A\uFEFFtask.');
  });
});

describe('firstLine', () => {
  it('is the first line with text, or the last when there is none', () => {
    expect(firstLine('\n\n   \nText\n')).toEqual({ line: 4, column: 1 });
    expect(firstLine('\n\n')).toEqual({ line: 3, column: 1 });
  });
});

describe('limits on Markdown, line by line', () => {
  it('counts two columns of indent, or a tab’s four, as a level', () => {
    expect(parseWithinLimits(`${' '.repeat(65)}x\n`)).toHaveProperty('type', 'root');
    expect(parseWithinLimits(`${' '.repeat(66)}x\n`)).toEqual({ place: { line: 1, column: 1 }, reason: 'The Markdown nests more than 32 levels deep (quotations, lists or indents)' });
    expect(parseWithinLimits(`${'\t'.repeat(16)}x\n`)).toHaveProperty('type', 'root');
    expect(parseWithinLimits(`${'\t'.repeat(17)}x\n`)).toHaveProperty('reason');
  });

  it('allows 500 marks in a paragraph, ended by a line of spaces too, and does not count list markers', () => {
    const marks = '*a* '.repeat(125);
    expect(parseWithinLimits(`${marks}\n${marks}\n`)).toHaveProperty('type', 'root');
    expect(parseWithinLimits(`${marks}\n${marks}*\n`)).toEqual({ place: { line: 1, column: 1 }, reason: 'This paragraph holds more than 500 emphasis or link marks' });
    expect(parseWithinLimits(`${marks}\n   \n${marks}*\n`)).toHaveProperty('type', 'root');
    expect(parseWithinLimits('* item\n'.repeat(501))).toHaveProperty('type', 'root');
  });
});

describe('what a body tells the graph', () => {
  it('lists links to this site, not to another by a protocol-relative address, nor empty ones', () => {
    const tree = parseMarkdown('[a](//example.org/x) [b](/claims/x/) [c](/x//) [d]() [e](#y)');
    expect(bodyFacts(tree).links).toEqual(['/claims/x/', '/x//']);
    expect(siteLinks(tree).map((link) => link.url)).toEqual(['/claims/x/', '/x//', '#y']);
  });

  it('records each top-level block with its text', () => {
    const index = indexText(parseMarkdown('One *two*.\n\n> Quoted\n\n- a\n- b\n'));
    expect(index.blocks.map((block) => [block.node.type, index.text.slice(block.start, block.end)])).toEqual([
      ['paragraph', 'One two.'],
      ['blockquote', 'Quoted'],
      ['list', 'a\nb']
    ]);
  });
});

describe('checkMarkdownSafety, in detail', () => {
  it('refuses a script in a link definition, and shows long HTML shortened', () => {
    const diagnostics = new Diagnostics();
    checkMarkdownSafety(parseMarkdown('Text.\n\n[x]: javascript:alert(1)\n\n<span class="a-rather-long-class-name-for-this" title="and a long title">hi</span>\n'), 'x.md', diagnostics);
    expect(diagnostics.problems.map((problem) => [problem.rule, problem.line, problem.message])).toEqual([
      ['unsafe-url', 3, 'The URL scheme `javascript:` is not allowed: `javascript:alert(1)`'],
      ['raw-html', 5, 'Raw HTML is not allowed: `<span class="a-rather-long-class-name-for-this" title="an…`'],
      ['raw-html', 5, 'Raw HTML is not allowed: `</span>`']
    ]);
  });
});

describe('loadContent with the fields a site adds to the schemas', () => {
  const schemas = {
    claims: z.object({ tags: z.array(z.string().min(1)).default([]).describe('topics the site files the claim under') }),
    annotations: z.object({ reviewed: z.boolean().optional() }),
    guide: z.object({ series: z.string().min(1) })
  };
  const claim = (extra: string) => `---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\n${extra}---\n`;
  const guideYaml = async (folder: string, extra: string) =>
    writeFile(path.join(folder, 'guide.yaml'), `${await readFile(path.join(folder, 'guide.yaml'), 'utf8')}${extra}`);

  it('keeps the site’s fields with the guide’s, defaults and all', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('tags: [motivation, evidence]\n') });
    await guideYaml(folder, 'series: Fixtures\n');
    const diagnostics = new Diagnostics();
    const content = await loadContent(folder, diagnostics, undefined, schemas);
    expect(diagnostics.problems).toEqual([]);
    expect(content.claims.find((entry) => entry.id === 'c1-tasks')!.data).toMatchObject({ paraphrase: 'Models like tasks.', tags: ['motivation', 'evidence'] });
    expect(content.claims.find((entry) => entry.id === 'c2-disagree')!.data).toMatchObject({ tags: [] });
    expect(content.guide!.data).toMatchObject({ title: 'Fixture guide', series: 'Fixtures' });
  });

  it('reports a site’s field as it reports the guide’s: misspelt, of the wrong type, or missing', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('tag: [motivation]\n'), 'claims/c2-disagree.md': claim('tags: motivation\n') });
    const diagnostics = new Diagnostics();
    await loadContent(folder, diagnostics, undefined, schemas);
    expect(diagnostics.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/c1-tasks\.md$/), line: 6, rule: 'unknown-field', message: 'Unknown field `tag`', hint: expect.stringContaining('Did you mean `tags`?') }),
      expect.objectContaining({ file: expect.stringMatching(/c2-disagree\.md$/), line: 6, rule: 'wrong-type', hint: '`tags` is topics the site files the claim under.' }),
      expect.objectContaining({ file: expect.stringMatching(/guide\.yaml$/), rule: 'missing-field', message: 'Missing required field `series`' })
    ]);
  });

  it('still holds the guide’s own rules in an extended collection', async () => {
    const folder = await guideWith({ 'annotations/ann1.md': '---\nkind: context\nreviewed: true\n---\n\nA note.\n' });
    await guideYaml(folder, 'series: Fixtures\n');
    const diagnostics = new Diagnostics();
    await loadContent(folder, diagnostics, undefined, schemas);
    expect(diagnostics.problems).toEqual([expect.objectContaining({ rule: 'missing-field', message: expect.stringContaining('Missing required field `on`') })]);
  });

  it('refuses the site’s fields where the site has not added them', async () => {
    const folder = await guideWith({ 'claims/c1-tasks.md': claim('tags: [motivation]\n') });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'unknown-field', message: 'Unknown field `tags`' })]);
  });
});
