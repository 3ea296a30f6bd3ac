/**
 * The compile cache: a compile that takes unchanged files and bodies from an
 * earlier build's cache must give exactly what a compile from nothing gives,
 * after any edit, and report exactly the same problems.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileGuide, type CompiledGuide } from '../../src/compile.ts';
import { CompileCache } from '../../src/compile-cache.ts';
import { ContentError, type Problem } from '../../src/model/diagnostics.ts';
import { fixturesRoot, guideCopy } from '../helpers/fixtures.ts';

const base = '/repo/';

/** A compile with the cache in `folder`, saved afterwards as a build saves it. */
async function compileWithCache(guide: string, folder: string): Promise<{ compiled: CompiledGuide; cache: CompileCache }> {
  const cache = await CompileCache.open(folder);
  const compiled = await compileGuide(guide, { base, cache });
  await cache.save();
  return { compiled, cache };
}

async function problemsOf(run: Promise<unknown>): Promise<Problem[]> {
  try {
    await run;
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

async function edit(guide: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(guide, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

const edits: [name: string, file: string, change: (text: string) => string][] = [
  ['an annotation’s text', 'annotations/ann1.md', (text) => `${text.trimEnd()}\n\nOne more sentence.\n`],
  ['a claim’s paraphrase', 'claims/c1-tasks.md', (text) => text.replace('paraphrase: Models like tasks.', 'paraphrase: Models enjoy tasks.')],
  ['a comment’s words, moving every mark after them', 'thread/c1.md', (text) => text.replace('First paragraph with', 'The first paragraph, with')],
  ['a glossary term, which every comment and annotation may use', 'glossary/task.md', (text) => text.replace('aliases: [tasks]', 'aliases: [tasks, objection]')],
  ['a source’s short name, shown in the thread’s notes', 'sources/src1.md', (text) => text.replace(/^short: .*$/m, 'short: Renamed')]
];

describe('a compile from the cache', () => {
  it('validates the files of a collection the site extends afresh each time, as the site’s schema may have changed', async () => {
    const guide = await guideCopy();
    await edit(guide, 'claims/c1-tasks.md', (text) => text.replace('paraphrase:', 'tags: [a]\nparaphrase:'));
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    const compileWith = async (schemas: Record<string, z.ZodObject>) => {
      const cache = await CompileCache.open(folder);
      const problems = await problemsOf(compileGuide(guide, { base, cache, schemas }));
      await cache.save();
      return { problems, cache };
    };
    expect((await compileWith({ claims: z.object({ tags: z.array(z.string()).optional() }) })).problems).toEqual([]);
    const stricter = await compileWith({ claims: z.object({ tags: z.array(z.string().min(2)).optional() }) });
    expect(stricter.problems).toEqual([expect.objectContaining({ rule: 'wrong-type', file: expect.stringMatching(/c1-tasks\.md$/) })]);
    // Every other file still comes from the cache.
    expect(stricter.cache.stats.loads.taken).toBe(stricter.cache.stats.loads.asked);
    expect(stricter.cache.stats.loads.asked).toBeGreaterThan(3);
  });

  it('takes every file and body of an unchanged guide from the cache, and gives what a compile from nothing gives', async () => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    const first = await compileWithCache(guide, folder);
    expect(first.cache.stats.loads.taken).toBe(0);
    const second = await compileWithCache(guide, folder);
    expect(second.cache.stats.loads.taken).toBe(second.cache.stats.loads.asked);
    expect(second.cache.stats.html.taken).toBe(second.cache.stats.html.asked);
    expect(second.cache.stats.loads.asked).toBeGreaterThan(5);
    expect(second.compiled).toEqual(await compileGuide(guide, { base }));
  });

  it.each(edits)('after an edit to %s, gives what a compile from nothing gives', async (_name, file, change) => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    await compileWithCache(guide, folder);
    await edit(guide, file, change);
    const { compiled, cache } = await compileWithCache(guide, folder);
    const fresh = await compileGuide(guide, { base });
    expect(compiled).toEqual(fresh);
    // Something was taken from the cache, and something made anew.
    expect(cache.stats.loads.taken).toBeGreaterThan(0);
    expect(cache.stats.html.taken).toBeLessThan(cache.stats.html.asked);
  });

  it('reports the same problems as a compile from nothing, and is right again once they are fixed', async () => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    await compileWithCache(guide, folder);
    const mistakes: [file: string, mistake: (text: string) => string, rule: string][] = [
      // Found as the file is loaded…
      ['annotations/ann1.md', (text) => `${text.trimEnd()}\n\n<b>raw</b>\n`, 'raw-html'],
      // …and found by the graph, in a file that was kept.
      ['claims/c1-tasks.md', (text) => text.replace('exact: models like tasks', 'exact: models adore tasks'), 'selector-no-match']
    ];
    for (const [file, mistake, rule] of mistakes) {
      const original = await readFile(path.join(guide, file), 'utf8');
      await edit(guide, file, mistake);
      const cached = await problemsOf(compileWithCache(guide, folder));
      expect(cached.map((problem) => problem.rule)).toContain(rule);
      expect(cached).toEqual(await problemsOf(compileGuide(guide, { base })));
      await writeFile(path.join(guide, file), original);
      expect((await compileWithCache(guide, folder)).compiled).toEqual(await compileGuide(guide, { base }));
    }
  });

  it('checks every comment again against a capture that has changed', async () => {
    const guide = await guideCopy();
    await cp(path.join(fixturesRoot, 'captured'), guide, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    await compileWithCache(guide, folder);
    // A new capture, with its digest, in which C2 has other words: the unchanged c2.md no longer matches it.
    const capture = (await readFile(path.join(guide, 'capture/comments.json'), 'utf8')).replace('models follow instructions.', 'models follow orders.');
    await writeFile(path.join(guide, 'capture/comments.json'), capture);
    await edit(guide, 'guide.yaml', (text) => text.replace(/sha256: \w+/, `sha256: ${createHash('sha256').update(capture).digest('hex')}`));
    const cached = await problemsOf(compileWithCache(guide, folder));
    expect(cached).toEqual([expect.objectContaining({ rule: 'comment-changed', file: expect.stringMatching(/thread\/c2\.md$/) })]);
    expect(cached).toEqual(await problemsOf(compileGuide(guide, { base })));
  });

  it('keeps other values between builds, while a build asks for them', async () => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    const first = await CompileCache.open(folder);
    first.keepValue(first.key('layout', 'a'), { width: 1 });
    await first.save();
    const second = await CompileCache.open(folder);
    expect(second.value(second.key('layout', 'a'))).toEqual({ width: 1 });
    expect(second.value(second.key('layout', 'b'))).toBeUndefined();
    await second.save();
    // A build that did not ask for it let it go.
    await compileWithCache(guide, folder);
    const third = await CompileCache.open(folder);
    expect(third.value(third.key('layout', 'a'))).toBeUndefined();
  });

  it('starts afresh from a cache made by other code', async () => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    await compileWithCache(guide, folder);
    // The file is a series of length-prefixed chunks, the first naming the code's version: give it another.
    const file = path.join(folder, 'compile-cache.v8');
    const bytes = await readFile(file);
    const rest = bytes.subarray(4 + bytes.readUInt32LE(0));
    expect(rest.length).toBeGreaterThan(100);
    const version = v8.serialize({ version: 'other code' });
    const length = Buffer.alloc(4);
    length.writeUInt32LE(version.length);
    await writeFile(file, Buffer.concat([length, version, rest]));
    const { cache } = await compileWithCache(guide, folder);
    expect(cache.stats.loads.taken).toBe(0);
    expect(cache.stats.html.taken).toBe(0);
  });

  it('starts afresh from a cache file that cannot be read', async () => {
    const guide = await guideCopy();
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    await writeFile(path.join(folder, 'compile-cache.v8'), 'not a cache');
    const { compiled, cache } = await compileWithCache(guide, folder);
    expect(cache.stats.loads.taken).toBe(0);
    expect(compiled).toEqual(await compileGuide(guide, { base }));
  });
});
