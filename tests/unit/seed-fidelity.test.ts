/**
 * The commenters' words must appear exactly as captured. The capture holds
 * the exchange twice: lines 1–18 with the quoted passages, lines 19–30
 * without them. The thread files, read in order, must give back both.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../src/compile.ts';
import { projectRoot } from '../helpers/fixtures.ts';

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
