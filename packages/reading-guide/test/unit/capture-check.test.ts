/**
 * A guide whose guide.yaml names a capture has each comment file checked
 * against the captured comment it names: what a contributor is told when a
 * comment's words, or the capture itself, are not as captured.
 */
import { createHash } from 'node:crypto';
import { cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxCaptureBytes } from '../../src/load/capture-check.ts';
import { fixturesRoot, guideCopy, problemsOf } from '../helpers/fixtures.ts';

const changedHint = 'A commenter’s words stay exactly as captured: undo the change. To say something about them, add an editor’s note or an annotation.';

/** The minimal guide with its comments kept in a capture (packages/reading-guide/test/fixtures/captured), and some files replaced. */
async function capturedGuide(files: Record<string, string> = {}): Promise<string> {
  const folder = await guideCopy();
  await cp(path.join(fixturesRoot, 'captured'), folder, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(folder, file), text);
  return folder;
}

/** C2's file in the captured guide, with `body` as its words and `capture` naming its comment. */
const c2 = (body: string, capture = 'capture: "1002"\n') =>
  `---\nauthor: B\nlabel: C2\norder: 2\nreplyTo: c1\npermalink: https://example.org/thread#c2\n${capture}---\n\n${body}\n`;

/**
 * A guide of one comment, C1, kept as the first of `captured` (a GitHub capture of comments with ids 1, 2, …),
 * with `words` as its file's body and `capture` naming its comment.
 */
async function oneComment(captured: string[], words: string, capture = 'capture: "1"\n'): Promise<string> {
  const folder = await capturedGuide();
  await captureFiles(folder, 'github', {
    'comments.json': JSON.stringify(
      captured.map((body, index) => ({ id: index + 1, html_url: `https://example.org/thread#c${index + 1}`, user: { login: 'a', type: 'User' }, created_at: '2026-01-01T10:00:00Z', body }))
    )
  });
  for (const folderName of ['claims', 'annotations', 'sources']) await rm(path.join(folder, folderName), { recursive: true });
  await rm(path.join(folder, 'thread/c2.md'));
  await writeFile(path.join(folder, 'thread/c1.md'), `---\nlabel: C1\nauthor: A\norder: 1\npermalink: https://example.org/thread#c1\n${capture}---\n\n${words}\n`);
  return folder;
}

/** guide.yaml naming `files` (name to text) as a capture in `format`, each with its digest. */
async function captureFiles(folder: string, format: string, files: Record<string, string>): Promise<void> {
  const guide = await readFile(path.join(folder, 'guide.yaml'), 'utf8');
  const listed = Object.entries(files)
    .map(([name, text]) => `    - path: ${name}\n      sha256: ${createHash('sha256').update(text).digest('hex')}\n`)
    .join('');
  await writeFile(path.join(folder, 'guide.yaml'), guide.replace(/capture:\n(?: {2}.*\n)+/, `capture:\n  format: ${format}\n  files:\n${listed}`));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, 'capture', name), text);
}

describe('a comment checked against its capture', () => {
  it('accepts the captured words however the Markdown lays them out', async () => {
    const folder = await capturedGuide({
      'thread/c2.md': c2('> Second paragraph says\n> models like tasks.\n\nI disagree:\nmodels follow instructions.')
    });
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('names the first word that differs, where it stands, and the capture’s words there', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI agree: models follow instructions.') }));
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'comment-changed',
        file: expect.stringMatching(/thread\/c2\.md$/),
        line: 12,
        column: 3,
        message: 'C2’s words differ from the capture: “agree: models follow instructions.” where the capture has “disagree: models follow instructions.”',
        hint: changedHint
      })
    ]);
  });

  it('quotes at most six words, and says when more follow', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> First paragraph says models like tasks.\n\nI disagree: models follow instructions.') }));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 10,
        column: 3,
        message: 'C2’s words differ from the capture: “First paragraph says models like tasks. …” where the capture has “Second paragraph says models like tasks. …”'
      })
    ]);
  });

  it('says what the capture goes on with when a comment file stops short, at its last word', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models') }));
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'comment-changed', line: 12, column: 13, message: 'C2 ends before the captured comment does, which goes on “follow instructions.”', hint: changedHint })
    ]);
  });

  it('quotes what a comment file adds past the captured comment, where it starts', async () => {
    const problems = await problemsOf(
      await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.\n\nAnd one more line.') })
    );
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'comment-changed', line: 14, column: 1, message: 'C2 goes on past the captured comment, with “[paragraph] And one more line.”', hint: changedHint })
    ]);
  });

  it('compares the address of a link, not only its words', async () => {
    const c1 = (await readFile(path.join(fixturesRoot, 'captured/thread/c1.md'), 'utf8')).replace('https://example.org/elsewhere', 'https://example.org/other');
    const problems = await problemsOf(await capturedGuide({ 'thread/c1.md': c1 }));
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'comment-changed',
        line: 13,
        column: 46,
        message: 'C1’s words differ from the capture: “<https://example.org/other> link to elsewhere [end of link] . …” where the capture has “<https://example.org/elsewhere> link to elsewhere [end of link] . …”'
      })
    ]);
  });

  it('asks a comment file that names no captured comment to name one, with an id the capture has', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.', '') }));
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'comment-not-in-capture',
        line: 3,
        column: 1,
        message: 'C2 names no comment of the capture',
        hint: 'Add `capture:` with the comment’s id in the capture, such as `1001`.'
      })
    ]);
  });

  it('lets a captured comment have no author, as when its account was deleted, but not a claim', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.').replace('author: B\n', '') }));
    expect(problems).toEqual([expect.objectContaining({ rule: 'unattributed-claim', file: expect.stringMatching(/claims\/c2-disagree\.md$/) })]);
  });

  it('lists ids the capture has when a comment file names one it has not', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('I disagree: models follow instructions.', 'capture: "999"\n') }));
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', line: 7, column: 10, message: 'The capture has no comment `999`', hint: 'Its comments have ids such as `1001`, `1002`.' })
    ]);
  });

  it('quotes six words with nothing after them when no more follow', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models follow orders.') }));
    expect(problems).toEqual([
      expect.objectContaining({ message: 'C2’s words differ from the capture: “orders.” where the capture has “instructions.”' })
    ]);
  });

  it('places a word of a paragraph’s later line on that line', async () => {
    const problems = await problemsOf(await oneComment(['One line of words,\nand a second one.'], 'One line of words,\nand a third one.'));
    expect(problems).toEqual([expect.objectContaining({ rule: 'comment-changed', line: 10, column: 7, message: 'C1’s words differ from the capture: “third one.” where the capture has “second one.”' })]);
  });

  it('compares the words of a code block line by line, at their line', async () => {
    const block = (first: string, second: string) => `Run this:\n\n\`\`\`\n${first}\n${second}\n\`\`\``;
    const captured = [block('npm run check', 'npm run build')];
    expect(await problemsOf(await oneComment(captured, block('npm run check', 'npm run build')))).toEqual([]);
    expect(await problemsOf(await oneComment(captured, block('npm run check', 'npm run test')))).toEqual([
      expect.objectContaining({ rule: 'comment-changed', line: 13, column: 9, message: 'C1’s words differ from the capture: “test [end of code block]” where the capture has “build [end of code block]”' })
    ]);
    expect(await problemsOf(await oneComment(captured, block('npm test', 'npm run build')))).toEqual([
      expect.objectContaining({ rule: 'comment-changed', line: 12, column: 5, message: 'C1’s words differ from the capture: “test npm run build [end of code block]” where the capture has “run check npm run build [end of code block]”' })
    ]);
  });

  it('compares inline code, and the address of an image and of a link definition', async () => {
    const captured = 'Type `npm run check`, see ![the map](https://example.org/map.png) and [the notes][notes].\n\n[notes]: https://example.org/notes';
    expect(await problemsOf(await oneComment([captured], captured))).toEqual([]);
    const changed = async (from: string, to: string) => (await problemsOf(await oneComment([captured], captured.replace(from, to)))).map((problem) => [problem.line, problem.column, problem.message]);
    expect(await changed('npm run check', 'npm run test')).toEqual([[9, 14, 'C1’s words differ from the capture: “test [end of code] , see <https://example.org/map.png> the …” where the capture has “check [end of code] , see <https://example.org/map.png> the …”']]);
    expect(await changed('map.png', 'other.png')).toEqual([[9, 27, 'C1’s words differ from the capture: “<https://example.org/other.png> the map and the notes …” where the capture has “<https://example.org/map.png> the map and the notes …”']]);
    expect(await changed('https://example.org/notes', 'https://example.org/other')).toEqual([[11, 1, 'C1’s words differ from the capture: “<https://example.org/other>” where the capture has “<https://example.org/notes>”']]);
  });

  it('reports a comment file that holds only a rule, where the capture has words, at the rule', async () => {
    expect(await problemsOf(await oneComment(['Some words.'], '***'))).toEqual([
      expect.objectContaining({ rule: 'comment-changed', line: 9, column: 1, message: 'C1’s formatting differs from the capture: “[rule]” where the capture has “[paragraph] Some words.”' })
    ]);
  });

  it('names at most three of the capture’s ids in a hint', async () => {
    expect(await problemsOf(await oneComment(['One.', 'Two.', 'Three.', 'Four.'], 'One.', 'capture: "9"\n'))).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', hint: 'Its comments have ids such as `1`, `2`, `3`.' })
    ]);
  });

  it('does not read lines of a capture that is not plain text', async () => {
    expect(await problemsOf(await oneComment(['One.'], 'One.', 'capture: lines 1-2\n'))).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', message: 'The capture has no comment `lines 1-2`' })
    ]);
  });
});

describe('the capture itself', () => {
  it('reports a capture file that is not there, at its path in guide.yaml', async () => {
    const folder = await capturedGuide();
    await rm(path.join(folder, 'capture/comments.json'));
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'capture-invalid',
        file: expect.stringMatching(/guide\.yaml$/),
        line: 17,
        column: 13,
        message: 'The capture file capture/comments.json cannot be read: ENOENT',
        hint: 'Put the export back in content/capture/, exactly as it was received.'
      })
    ]);
  });

  it('checks a comment against the lines of a plain-text capture it names', async () => {
    const folder = await capturedGuide();
    await captureFiles(folder, 'plain', { 'thread.txt': 'Notes taken at the meeting.\nI disagree: models follow instructions.\nThat was all.\n' });
    const c1 = (await readFile(path.join(fixturesRoot, 'captured/thread/c1.md'), 'utf8')).replace('capture: "1001"', 'capture: lines 1-1');
    await writeFile(path.join(folder, 'thread/c1.md'), c1);
    await writeFile(path.join(folder, 'thread/c2.md'), c2('I disagree: models follow instructions.', 'capture: line 2\n'));
    const problems = await problemsOf(folder);
    expect(problems.map((problem) => [path.basename(problem.file), problem.rule, problem.message])).toEqual([
      ['c1.md', 'comment-changed', 'C1’s words differ from the capture: “First paragraph with emphasis in it …” where the capture has “Notes taken at the meeting.”']
    ]);
    // A capture that marks no comments has no ids to suggest.
    await writeFile(path.join(folder, 'thread/c2.md'), c2('I disagree.', 'capture: lines 4-9\n'));
    expect((await problemsOf(folder)).filter((problem) => path.basename(problem.file) === 'c2.md')).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', message: 'The capture has no comment `lines 4-9`', hint: 'Name lines of the capture, such as `lines 4-6`.' })
    ]);
    await writeFile(path.join(folder, 'thread/c2.md'), c2('I disagree.', ''));
    expect((await problemsOf(folder)).filter((problem) => path.basename(problem.file) === 'c2.md')).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', hint: 'Add `capture:` with the comment’s id in the capture.' })
    ]);
  });

  it('refuses a capture file larger than any export, before reading it as one', async () => {
    const folder = await capturedGuide();
    const file = path.join(folder, 'capture/comments.json');
    // Sparse: the test writes no 64 MB.
    await truncate(file, maxCaptureBytes + 1);
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({
        rule: 'capture-invalid',
        file: expect.stringMatching(/guide\.yaml$/),
        line: 17,
        column: 13,
        message: 'The capture file capture/comments.json is larger than 64 MB',
        hint: 'Capture a smaller part of the thread.'
      })
    ]);
    await truncate(file, maxCaptureBytes);
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ rule: 'capture-changed' })]);
  });
});
