/**
 * The commenters' words must appear exactly as captured. The capture holds
 * the exchange twice: lines 1–18 with the quoted passages, lines 19–30
 * without them. The thread files, read in order, must give back both.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../packages/reading-guide/src/compile.ts';
import { problemsOf, projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

const captureBytes = await readFile(path.join(projectRoot, 'content/capture/thread.txt'));
const capture = captureBytes.toString('utf8').split('\n');

it('keeps the capture exactly as received', () => {
  // The SHA-256 of the thread as it was captured; the capture must never be edited.
  expect(createHash('sha256').update(captureBytes).digest('hex')).toBe('577a5bcc13d874ea6a24205d701ddf9a61b58a03fd3cf09fc9aeaf11496dcf1c');
  expect(capture).toHaveLength(30);
});

describe('the thread files', async () => {
  const { content, graph } = await checkGuide(path.join(projectRoot, 'content'));
  const ordered = graph.comments.map((comment) => content.thread.find((entry) => entry.id === comment.id)!);
  /** Each comment's lines, with whether they lie inside one of its quotations. */
  const lines = graph.comments.flatMap((comment) => {
    let offset = 0;
    return comment.text.split('\n').map((line) => {
      const start = offset;
      offset += line.length + 1;
      const quoted = comment.quotations.some((quotation) => quotation.start <= start && start + line.length <= quotation.end);
      return { line, quoted };
    });
  });

  it('hold the captured exchange, line for line, quotations included (lines 1–18)', () => {
    const text = graph.comments.map((comment) => comment.text).join('\n');
    expect(text.split('\n')).toEqual(capture.slice(0, 18));
  });

  it('hold the commenters’ own words, outside quotations, in order (lines 19–30)', () => {
    expect(lines.filter((entry) => !entry.quoted).map((entry) => entry.line)).toEqual(capture.slice(18, 30));
  });

  it('mark as quotations exactly the captured lines that the second half leaves out', () => {
    const quotedLines = lines.filter((entry) => entry.quoted).map((entry) => entry.line);
    expect(quotedLines).toEqual([2, 3, 11, 13, 15, 17].map((line) => capture[line - 1]));
  });

  it('contain no markup of their own: only paragraphs and blockquotes of plain text', () => {
    for (const entry of ordered) {
      for (const node of entry.tree!.children) expect(['paragraph', 'blockquote']).toContain(node.type);
      expect(entry.body).not.toMatch(/[<*_`#]/);
    }
  });
});

describe('the check against the capture', () => {
  /** A copy of the shipped guide with one file's text replaced. */
  async function shippedWith(file: string, change: (text: string) => string): Promise<string> {
    const { cp, mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(path.join(tmpdir(), 'shipped-'));
    await cp(path.join(projectRoot, 'content'), folder, { recursive: true });
    const target = path.join(folder, file);
    await writeFile(target, change(await readFile(target, 'utf8')));
    return folder;
  }

  it('names a line range of the capture for every comment, and the capture by its digest', async () => {
    const { content } = await checkGuide(path.join(projectRoot, 'content'));
    expect(content.guide!.data.capture).toEqual({ format: 'plain', files: [{ path: 'thread.txt', sha256: createHash('sha256').update(captureBytes).digest('hex') }] });
    expect(content.thread.map((entry) => [entry.id, entry.data.capture]).sort()).toEqual([
      ['a1', 'lines 1-6'],
      ['a2', 'lines 13-18'],
      ['b1', 'lines 7-10'],
      ['b1-continued', 'lines 11-12']
    ]);
  });

  it('refuses a changed word in a comment, naming the file, the line and the first word that differs', async () => {
    const folder = await shippedWith('thread/b1.md', (text) => text.replace('do not like completing tasks', 'do not love completing tasks'));
    const problems = await problemsOf(folder);
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'comment-changed', file: expect.stringMatching(/thread\/b1\.md$/), line: 21, message: expect.stringContaining('“love completing tasks in a strategic …” where the capture has “like completing tasks in a strategic …”') })
    ]);
    // A word left out, and one added at the end, are refused too.
    expect(await problemsOf(await shippedWith('thread/a2.md', (text) => text.replace('This was really helpful! ', '')))).toEqual([expect.objectContaining({ rule: 'comment-changed' })]);
    expect(await problemsOf(await shippedWith('thread/a2.md', (text) => `${text.trimEnd()} Indeed.\n`))).toEqual([expect.objectContaining({ rule: 'comment-changed', message: expect.stringContaining('goes on past the captured comment, with “Indeed.”') })]);
  });

  it('accepts a change of layout that keeps every word: a hard wrap', async () => {
    const folder = await shippedWith('thread/b1-continued.md', (text) => text.replace('what you mean here, a rollout', 'what you mean here,\na rollout'));
    expect(await problemsOf(folder)).toEqual([]);
  });

  it('refuses a capture that is not the one captured, and a comment naming no part of it', async () => {
    const changed = await shippedWith('capture/thread.txt', (text) => text.replace('Agent-4', 'Agent-5'));
    expect(await problemsOf(changed)).toEqual([expect.objectContaining({ rule: 'capture-changed', file: expect.stringMatching(/guide\.yaml$/) })]);
    const unnamed = await shippedWith('thread/a1.md', (text) => text.replace('capture: lines 1-6\n', ''));
    expect(await problemsOf(unnamed)).toEqual([expect.objectContaining({ rule: 'comment-not-in-capture', file: expect.stringMatching(/thread\/a1\.md$/), line: 2 })]);
    const outside = await shippedWith('thread/a1.md', (text) => text.replace('capture: lines 1-6', 'capture: lines 1-99'));
    expect(await problemsOf(outside)).toEqual([expect.objectContaining({ rule: 'comment-not-in-capture', line: 7 })]);
  });
});
