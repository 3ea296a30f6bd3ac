/**
 * The shipped guide's exchange, written as the ForumMagnum export it came
 * from would be (tests/guide/fixtures/seed-forummagnum.json: its known post
 * and comment ids, neutral names, no dates, since none are known; the other
 * comments' ids are placeholders, named as such), imports to the shipped
 * guide's comments: word for word, in the same order and reply structure.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readCapture } from '../../packages/reading-guide/src/capture/read-capture.ts';
import { checkGuide } from '../../packages/reading-guide/src/compile.ts';
import { guideFiles } from '../../packages/reading-guide/src/import/guide-files.ts';
import { writeGuide } from '../../packages/reading-guide/src/import/write-guide.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

it('imports the seed exchange to the shipped guide’s comments, word for word, in order and reply structure', async () => {
  const name = 'seed-forummagnum.json';
  const bytes = readFileSync(new URL(`fixtures/${name}`, import.meta.url));
  const thread = readCapture([{ name, text: bytes.toString('utf8') }], 'forummagnum');
  // The export lists the comments as they were posted; with no dates known, that order is the reading order.
  const files = guideFiles(thread, [{ name, bytes }], { names: 'neutral', order: 'chronological', today: '2026-12-01' });
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'round-trip-')), 'content');
  await writeGuide(out, files, { force: false });

  const imported = await checkGuide(out);
  const shipped = await checkGuide(path.join(projectRoot, 'content'));
  const shape = (guide: typeof imported) => {
    const position = new Map(guide.graph.comments.map((comment, index) => [comment.id, index]));
    return guide.graph.comments.map((comment) => {
      const entry = guide.content.thread.find((candidate) => candidate.id === comment.id)!;
      return {
        author: comment.author,
        replyTo: comment.replyTo === undefined ? undefined : position.get(comment.replyTo),
        permalink: comment.permalink,
        permalinkScope: comment.permalinkScope,
        // The Markdown of the words, as the file has it after its front matter.
        words: entry.body.trim(),
        quotations: comment.quotations.map((quotation) => (quotation.quotes.kind === 'comment' ? position.get(quotation.quotes.comment) : 'outside'))
      };
    });
  };
  expect(shape(imported)).toEqual(shape(shipped));
  expect(imported.graph.comments.map((comment) => comment.text)).toEqual(shipped.graph.comments.map((comment) => comment.text));
  expect(Object.values(imported.content.guide!.data.commenters).map((commenter) => commenter.name)).toEqual(['Commenter A', 'Commenter B']);
  expect(imported.content.guide!.data.thread).toEqual(shipped.content.guide!.data.thread);
});
