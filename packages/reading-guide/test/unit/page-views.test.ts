/**
 * The views behind the pages that Astro's incremental build may reuse: a page
 * is reused while the digest of its view is unchanged, which is right only if
 * the page shows nothing but its view. So no component reads the guide, and
 * a page with a cache key reads it only to make its view, the same one its
 * key was made from; and the same guide always gives the same keys, or no
 * page would ever be reused.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { Guide } from '../../src/site/guide.ts';
import { annotationPageView, claimPageView, pageCacheKey, sourcePageView } from '../../src/site/views.ts';
import { guideWith, minimalGuide, projectRoot, sampleGuide } from '../helpers/fixtures.ts';

const packageSource = 'packages/reading-guide/src';
const sourcesIn = async (folder: string) =>
  (await readdir(path.join(projectRoot, folder), { recursive: true })).filter((file) => file.endsWith('.astro')).map((file) => path.join(folder, file));

describe('pages and their views', () => {
  it('no component reads the guide: each shows only what it is given', async () => {
    for (const file of await sourcesIn(`${packageSource}/components`)) {
      expect(await readFile(path.join(projectRoot, file), 'utf8'), file).not.toMatch(/site\/guide\.ts|loadGuide/);
    }
  });

  it('a page with a cache key renders the very view its key is made from, and reads nothing else of the guide', async () => {
    const keyed = [];
    for (const file of await sourcesIn(`${packageSource}/routes`)) {
      const page = await readFile(path.join(projectRoot, file), 'utf8');
      expect(page, file).not.toMatch(/pageCacheKey|cacheKey:/);
      if (!page.includes('keyedPaths(')) continue;
      keyed.push(file);
      // getStaticPaths keys each path by `xPageView(guide, id)` …
      const maker = page.match(/\(id\) => (\w+PageView)\(guide, id\)/)?.[1];
      expect(maker, file).toBeDefined();
      // … and the page renders the view that same function makes from the guide, which it reads for nothing else.
      const render = page.indexOf(`${maker}(await loadGuide(), Astro.params.`);
      expect(render, file).toBeGreaterThan(page.indexOf('getStaticPaths'));
      expect(page.match(/loadGuide\(/g), file).toHaveLength(2);
      const first = page.indexOf('const guide = await loadGuide();');
      expect(first, file).toBeGreaterThan(page.indexOf('getStaticPaths'));
      expect(first, file).toBeLessThan(render);
    }
    expect(keyed.sort()).toEqual(['[page].astro', 'annotations/[id].astro', 'claims/[id].astro', 'sources/[id].astro'].map((file) => `${packageSource}/routes/${file}`));
  });

  it('gives every page the same key for the same guide, and a new key when what it shows changes', async () => {
    const load = async () => new Guide({ compiled: await compileGuide(sampleGuide, { base: '/' }), projectRoot, searchIndexes: ['/pagefind/'] });
    const [first, second] = [await load(), await load()];
    const keys = (guide: Guide) => [
      ...guide.graph.claimOrder.map((id) => pageCacheKey(claimPageView(guide, id))),
      ...Object.keys(guide.graph.annotations).map((id) => pageCacheKey(annotationPageView(guide, id))),
      ...guide.entries('sources').map((source) => pageCacheKey(sourcePageView(guide, source.id)))
    ];
    expect(keys(second)).toEqual(keys(first));
    expect(new Set(keys(first)).size).toBe(keys(first).length);
    const id = first.graph.claimOrder[0]!;
    const view = claimPageView(first, id);
    expect(pageCacheKey({ ...view, paraphrase: `${view.paraphrase} (edited)` })).not.toBe(pageCacheKey(view));
  });
});

describe('links to the guide’s repository', () => {
  const repository = { 'guide.yaml': `${readFileSync(path.join(minimalGuide, 'guide.yaml'), 'utf8')}repository:\n  url: https://github.com/reader/guide\n  branch: main\n` };
  const guideIn = async (folder: string) => new Guide({ compiled: await compileGuide(folder, { base: '/' }), projectRoot, searchIndexes: ['/pagefind/'] });

  it('suggest, edit and show the history of a file by its path in the repository', async () => {
    await mkdir(path.join(projectRoot, 'node_modules/.cache'), { recursive: true });
    const inside = await mkdtemp(path.join(projectRoot, 'node_modules/.cache/guide-in-repository-'));
    onTestFinished(() => rm(inside, { recursive: true, force: true }));
    await cp(await guideWith(repository), inside, { recursive: true });
    const guide = await guideIn(inside);
    const folder = path.relative(projectRoot, inside);
    const claim = claimPageView(guide, 'c1-tasks');
    expect(new URL(claim.contribute.suggestUrl!).pathname).toBe(`/reader/guide/new/main/${folder}/annotations`);
    expect(claim.contribute.editUrl).toBe(`https://github.com/reader/guide/edit/main/${folder}/claims/c1-tasks.md`);
    expect(annotationPageView(guide, 'ann1').annotation.historyUrl).toBe(`https://github.com/reader/guide/commits/main/${folder}/annotations/ann1.md`);
  });

  it('are left out for a guide whose folder lies outside the project, which no address in the repository can name', async () => {
    const outside = await guideWith(repository);
    expect(path.relative(projectRoot, outside)).toMatch(/^\.\./);
    const guide = await guideIn(outside);
    expect(claimPageView(guide, 'c1-tasks').contribute).toEqual({ suggestUrl: undefined, editUrl: undefined });
    expect(sourcePageView(guide, 'src1').contribute).toEqual({ suggestUrl: undefined, editUrl: undefined });
    expect(annotationPageView(guide, 'ann1').annotation.historyUrl).toBeUndefined();
  });
});
