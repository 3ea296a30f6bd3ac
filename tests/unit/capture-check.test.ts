/**
 * A guide whose guide.yaml names a capture has each comment file checked
 * against the captured comment it names: what a contributor is told when a
 * comment's words, or the capture itself, are not as captured.
 */
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesRoot, guideCopy, problemsOf } from '../helpers/fixtures.ts';

const changedHint = 'A commenter’s words stay exactly as captured: undo the change. To say something about them, add an editor’s note or an annotation.';

/** The minimal guide with its comments kept in a capture (tests/fixtures/captured), and some files replaced. */
async function capturedGuide(files: Record<string, string> = {}): Promise<string> {
  const folder = await guideCopy();
  await cp(path.join(fixturesRoot, 'captured'), folder, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(folder, file), text);
  return folder;
}

/** C2's file in the captured guide, with `body` as its words and `capture` naming its comment. */
const c2 = (body: string, capture = 'capture: "1002"\n') =>
  `---\nlabel: C2\nauthor: B\norder: 2\nreplyTo: c1\npermalink: https://example.org/thread#c2\n${capture}---\n\n${body}\n`;

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
      expect.objectContaining({ rule: 'comment-changed', line: 14, column: 1, message: 'C2 goes on past the captured comment, with “And one more line.”', hint: changedHint })
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
        message: 'C1’s words differ from the capture: “<https://example.org/other> link to elsewhere . To …” where the capture has “<https://example.org/elsewhere> link to elsewhere . To …”'
      })
    ]);
  });

  it('asks a comment file that names no captured comment to name one, with an id the capture has', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.', '') }));
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'comment-not-in-capture',
        line: 2,
        column: 1,
        message: 'C2 names no comment of the capture',
        hint: 'Add `capture:` with the comment’s id in the capture, such as `1001`.'
      })
    ]);
  });

  it('lists ids the capture has when a comment file names one it has not', async () => {
    const problems = await problemsOf(await capturedGuide({ 'thread/c2.md': c2('I disagree: models follow instructions.', 'capture: "999"\n') }));
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', line: 7, column: 10, message: 'The capture has no comment `999`', hint: 'Its comments have ids such as `1001`, `1002`.' })
    ]);
  });

  it('compares the words of a code block line by line, at their line', async () => {
    const folder = await capturedGuide();
    const body = 'Run this:\n\n```\nnpm run check\nnpm run build\n```';
    await captureFiles(folder, 'github', {
      'comments.json': JSON.stringify([{ id: 7, html_url: 'https://example.org/thread#c7', user: { login: 'a', type: 'User' }, created_at: '2026-01-01T10:00:00Z', body }])
    });
    const c1 = (words: string) =>
      `---\nlabel: C1\nauthor: A\norder: 1\npermalink: https://example.org/thread#c1\ncapture: "7"\n---\n\n${words}\n`;
    await writeFile(path.join(folder, 'thread/c1.md'), c1(body));
    await rm(path.join(folder, 'thread/c2.md'));
    await rm(path.join(folder, 'claims'), { recursive: true });
    await rm(path.join(folder, 'annotations'), { recursive: true });
    await rm(path.join(folder, 'sources'), { recursive: true });
    expect((await problemsOf(folder)).filter((problem) => problem.rule === 'comment-changed')).toEqual([]);
    await writeFile(path.join(folder, 'thread/c1.md'), c1(body.replace('run build', 'run test')));
    expect((await problemsOf(folder)).filter((problem) => problem.rule === 'comment-changed')).toEqual([
      expect.objectContaining({ line: 13, column: 9, message: 'C1’s words differ from the capture: “test” where the capture has “build”' })
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
    const words = '> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.';
    const c1 = (await readFile(path.join(fixturesRoot, 'captured/thread/c1.md'), 'utf8')).replace('capture: "1001"', 'capture: lines 1-1');
    await writeFile(path.join(folder, 'thread/c1.md'), c1);
    await writeFile(path.join(folder, 'thread/c2.md'), c2(words.split('\n\n')[1]!, 'capture: line 2\n'));
    const problems = await problemsOf(folder);
    expect(problems.map((problem) => [path.basename(problem.file), problem.rule, problem.message])).toEqual([
      ['c1.md', 'comment-changed', 'C1’s words differ from the capture: “First paragraph with emphasis in it …” where the capture has “Notes taken at the meeting.”']
    ]);
    await writeFile(path.join(folder, 'thread/c2.md'), c2('I disagree.', 'capture: lines 4-9\n'));
    expect((await problemsOf(folder)).filter((problem) => path.basename(problem.file) === 'c2.md')).toEqual([
      expect.objectContaining({ rule: 'comment-not-in-capture', message: 'The capture has no comment `lines 4-9`', hint: 'Name lines of the capture, such as `lines 4-6`.' })
    ]);
  });
});
