/**
 * The files an import writes for a thread's quotations: a quotation whose
 * words stand in more than one earlier comment names the one it quotes, so
 * that the check links it there and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CapturedComment, CapturedThread } from '../../src/capture/model.ts';
import { guideFiles } from '../../src/import/guide-files.ts';

const passage = 'the loader should accept what the editor writes';

function threadOf(comments: Omit<CapturedComment, 'permalink'>[]): CapturedThread {
  return {
    format: 'plain',
    title: 'Loaders',
    site: 'Forum Example',
    url: 'https://forum.example/t/1',
    base: 'https://forum.example/t/1',
    comments: comments.map((comment) => ({ ...comment, permalink: `https://forum.example/t/1#${comment.id}` })),
    conventions: { quoteLines: true }
  };
}

const comment = (id: string, author: string, text: string, parent?: string): Omit<CapturedComment, 'permalink'> => ({
  id,
  author: { id: author, name: author },
  body: { text },
  ...(parent ? { parent } : {})
});

function frontMatterOf(files: Map<string, string | Uint8Array>, name: string): Record<string, unknown> {
  const text = String(files.get(name));
  return parse(text.slice(4, text.indexOf('\n---\n', 4)));
}

describe('quotations an import names', () => {
  const options = { names: 'neutral', order: 'thread', today: '2026-12-01' } as const;

  it('names the comment replied to when the words stand in several, not the nearest', () => {
    const files = guideFiles(
      threadOf([
        comment('1', 'ann', `I think ${passage}.`),
        comment('2', 'bo', `Agreed: ${passage}, always.`, '1'),
        comment('3', 'cy', `> ${passage}\nNot in every case.`, '1')
      ]),
      [],
      options
    );
    expect(frontMatterOf(files, 'thread/c1.md').quotations).toEqual([{ exact: 'the loader should accept what the', in: 'a1' }]);
  });

  it('names the nearest earlier comment when the one replied to does not hold them', () => {
    const files = guideFiles(
      threadOf([
        comment('1', 'ann', `I think ${passage}.`),
        comment('2', 'bo', `Agreed: ${passage}, always.`),
        comment('3', 'cy', 'Something else entirely.'),
        comment('4', 'dee', `> ${passage}\nNot in every case.`, '3')
      ]),
      [],
      options
    );
    expect(frontMatterOf(files, 'thread/d1.md').quotations).toEqual([{ exact: 'the loader should accept what the', in: 'b1' }]);
  });

  it('names nothing for words that stand in one comment only, and marks words in none as quoting outside the thread', () => {
    const outside: string[] = [];
    const apart = guideFiles(
      threadOf([comment('1', 'ann', `I think ${passage}.`), comment('2', 'bo', `> ${passage}\nHm.\n> Postel’s law, in short, says to be liberal in what you accept\nYes.`, '1')]),
      [],
      { ...options, onOutsideQuotation: (file, exact) => outside.push(`${file}: ${exact}`) }
    );
    expect(frontMatterOf(apart, 'thread/b1.md').quotations).toBeUndefined();
    expect(frontMatterOf(apart, 'thread/b1.md').outsideQuotations).toEqual([{ exact: 'Postel’s law, in short, says to' }]);
    expect(outside).toEqual(['thread/b1.md: Postel’s law, in short, says to']);
  });
});
