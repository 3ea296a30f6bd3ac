/**
 * A warm build: `npm run build` again after an edit, with Astro's cache and
 * the output folder of the last build kept. It must reuse the pages the edit
 * does not touch, and still write exactly the site a build from nothing
 * writes, byte for byte: the edited pages changed, a deleted claim's page
 * gone, nothing stale left behind.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { guideCopy } from '../helpers/fixtures.ts';

async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((candidate) => candidate.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), await readFile(file));
  }
  return files;
}

/** The files on which two builds differ, by name. */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([filesOf(a), filesOf(b)]);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)) || !right.has(name)).sort();
}

/** The pages a build took from the last one, as Astro lists them: `/claims/x/index.html (cached)`. */
const reusedPages = (build: BuiltSite) => new Set([...build.output.matchAll(/(\/\S+\/index\.html) \((?:cached|restored)\)/g)].map((match) => match[1]!));
const reused = (build: BuiltSite) => reusedPages(build).size;

describe('a warm build', () => {
  it('reuses the pages an edit leaves alone, and writes what a build from nothing writes', async () => {
    const guide = await guideCopy();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'guide-cache-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'guide-dist-'));
    const warm = () => buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir });
    const clean = () => buildSite({ GUIDE_CONTENT: guide });

    const first = warm();
    expect(first.status, first.output).toBe(0);
    expect(reused(first)).toBe(0);

    // Nothing changed: every page that has a cache key is reused.
    const again = warm();
    expect(again.status, again.output).toBe(0);
    // Three claims, one annotation and one source.
    expect(reused(again)).toBe(5);
    expect(await differences(again.outDir, clean().outDir)).toEqual([]);

    // One annotation edited: its page and its claim's page change, the others are reused.
    const annotation = path.join(guide, 'annotations/ann1.md');
    await writeFile(annotation, `${(await readFile(annotation, 'utf8')).trimEnd()}\n\nOne more sentence, added before a warm build.\n`);
    const edited = warm();
    expect(edited.status, edited.output).toBe(0);
    expect([...reusedPages(edited)].sort()).toEqual(['/claims/c1-emphasis/index.html', '/claims/c2-disagree/index.html', '/sources/src1/index.html']);
    expect(await readFile(path.join(outDir, 'annotations/ann1/index.html'), 'utf8')).toContain('One more sentence, added before a warm build.');
    expect(await differences(edited.outDir, clean().outDir)).toEqual([]);

    // A paraphrase edited: every page that shows the claim changes, wherever it is.
    const claim = path.join(guide, 'claims/c1-tasks.md');
    await writeFile(claim, (await readFile(claim, 'utf8')).replace('paraphrase: Models like tasks.', 'paraphrase: Models are fond of tasks.'));
    const paraphrased = warm();
    expect(paraphrased.status, paraphrased.output).toBe(0);
    expect(await readFile(path.join(outDir, 'claims/c2-disagree/index.html'), 'utf8')).toContain('Models are fond of tasks.');
    expect(await differences(paraphrased.outDir, clean().outDir)).toEqual([]);

    // A claim deleted: its page goes, and the pages that showed it change.
    await rm(path.join(guide, 'claims/c1-emphasis.md'));
    const deleted = warm();
    expect(deleted.status, deleted.output).toBe(0);
    expect(await readdir(path.join(outDir, 'claims'))).not.toContain('c1-emphasis');
    expect(await differences(deleted.outDir, clean().outDir)).toEqual([]);
  }, 180_000);

  it('indexes for search only the part of the index that holds what changed', async () => {
    const guide = await guideCopy();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'guide-cache-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'guide-dist-'));
    // The fixture's records in parts of ten, as a large guide's are in parts of thousands.
    const split = { GUIDE_CONTENT: guide, SEARCH_RECORDS_PER_INDEX: '10' };
    const first = buildSite(split, { cacheDir, outDir });
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/Indexed \d+ records for search, in (\d+) indexes\n/);
    const parts = Number(/in (\d+) indexes/.exec(first.output)![1]);
    expect(parts).toBeGreaterThan(1);
    const annotation = path.join(guide, 'annotations/ann1.md');
    await writeFile(annotation, `${(await readFile(annotation, 'utf8')).trimEnd()}\n\nOne more sentence, to search for.\n`);
    const edited = buildSite(split, { cacheDir, outDir });
    expect(edited.status, edited.output).toBe(0);
    expect(edited.output).toContain(`in ${parts} indexes (${parts - 1} unchanged since the last build)`);
    expect(await differences(outDir, buildSite(split).outDir)).toEqual([]);
  }, 120_000);

  it('builds every page again into another output folder, which may hold pages of other content', async () => {
    const guide = await guideCopy();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'guide-cache-'));
    const [first, second] = [mkdtempSync(path.join(tmpdir(), 'guide-dist-')), mkdtempSync(path.join(tmpdir(), 'guide-dist-'))];
    // The second folder holds the site of an edited guide; then the original is built into the first.
    const claim = path.join(guide, 'claims/c1-tasks.md');
    const original = await readFile(claim, 'utf8');
    await writeFile(claim, original.replace('paraphrase: Models like tasks.', 'paraphrase: Models are fond of tasks.'));
    expect(buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir: second }).status).toBe(0);
    await writeFile(claim, original);
    expect(buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir: first }).status).toBe(0);
    // Built into the second folder again, the original must not take its pages for its own.
    const again = buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir: second });
    expect(again.status, again.output).toBe(0);
    expect(reused(again)).toBe(0);
    expect(await differences(second, buildSite({ GUIDE_CONTENT: guide }).outDir)).toEqual([]);
  }, 120_000);

  it('builds every page again when the last build did not finish', async () => {
    const guide = await guideCopy();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'guide-cache-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'guide-dist-'));
    expect(buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir }).status).toBe(0);
    // What a build that stopped half-way leaves: no mark that it finished.
    await rm(path.join(cacheDir, 'reading-guide/last-build-finished'));
    const next = buildSite({ GUIDE_CONTENT: guide }, { cacheDir, outDir });
    expect(next.status, next.output).toBe(0);
    expect(next.output).toContain('The last build did not finish: building every page again');
    expect(reused(next)).toBe(0);
    expect(await differences(outDir, buildSite({ GUIDE_CONTENT: guide }).outDir)).toEqual([]);
  }, 120_000);
});
