/**
 * The views behind the pages that Astro's incremental build may reuse: a page
 * is reused while the digest of its view is unchanged, which is right only if
 * the page shows nothing but its view. So no component reads the guide, and
 * a page with a cache key reads it only to make its view, the same one its
 * key was made from; and the same guide always gives the same keys, or no
 * page would ever be reused.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../packages/reading-guide/src/compile.ts';
import { Guide } from '../../packages/reading-guide/src/site/guide.ts';
import { annotationPageView, claimPageView, pageCacheKey, sourcePageView } from '../../packages/reading-guide/src/site/views.ts';
import { projectRoot } from '../helpers/fixtures.ts';

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
    const load = async () => new Guide({ compiled: await compileGuide(path.join(projectRoot, 'content'), { base: '/' }), projectRoot, searchIndexes: ['/pagefind/'] });
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
