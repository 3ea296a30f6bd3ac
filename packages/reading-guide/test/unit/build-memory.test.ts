/**
 * What keeps a large guide's build within its memory budget (README,
 * Performance): the work that takes the most memory is kept apart in time,
 * and what is done with is let go of. Only `npm run bench` measures the
 * memory itself; these tests hold each measure in place.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { describe, expect, it, vi } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { Diagnostics } from '../../src/model/diagnostics.ts';
import { loadContent } from '../../src/load/load-content.ts';
import { Processors } from '../../src/render/render-guide.ts';
import { exportEndpoint } from '../../src/site/exports.ts';
import { publish } from '../../src/site/published-guide.ts';
import { indexForSearch, searchIndex } from '../../src/site/search-index.ts';
import { heapCeiling } from '../../src/util/collect-garbage.ts';
import { minimalGuide, projectRoot } from '../helpers/fixtures.ts';

// Pagefind itself, watched: the tests ask when an index is started.
vi.mock('pagefind', async (original) => {
  const actual = await original<typeof import('pagefind')>();
  return { ...actual, createIndex: vi.fn(actual.createIndex) };
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The search-index integration, set up as `astro build` sets it up, in a folder of its own. */
async function searchIndexBuild() {
  const work = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  const folder = (name: string) => pathToFileURL(path.join(work, name) + path.sep);
  const hooks = searchIndex().hooks as Required<AstroIntegration['hooks']>;
  const plugins: { name: string; applyToEnvironment: (environment: { name: string }) => boolean; writeBundle: () => void }[] = [];
  await hooks['astro:config:setup']({
    command: 'build',
    config: { cacheDir: folder('cache'), outDir: folder('dist'), root: pathToFileURL(projectRoot) },
    updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins)
  } as never);
  const logged: string[] = [];
  return {
    bundleEnd: plugins[0]!,
    staged: (file: string) => existsSync(path.join(work, 'cache', `pagefind-${process.pid}`, file)),
    published: (file: string) => existsSync(path.join(work, 'dist', 'pagefind', file)),
    finish: () => hooks['astro:build:done']({ dir: folder('dist'), logger: { info: (line: string) => logged.push(line) } } as never),
    logged
  };
}

const record = { url: '/claims/one/', content: 'Agents acquire goals beyond the episode.', language: 'en' as const, meta: { title: 'Claim 1', kind: 'claim' as const }, filters: { who: ['The guide'], kind: ['claim' as const] } };

describe('the search index', () => {
  // First: the integration below sets up a build for the tests after it.
  it('is not made outside a build, nor are its records', async () => {
    const recordsOf = vi.fn(() => [record]);
    const { paths, written } = indexForSearch(recordsOf, 'en');
    expect(paths).toEqual(['/pagefind/']);
    await written();
    expect(recordsOf).not.toHaveBeenCalled();
    expect(pagefind.createIndex).not.toHaveBeenCalled();
  });

  it('is started only once the code that renders the pages is bundled, and is then written and published', async () => {
    vi.mocked(pagefind.createIndex).mockClear();
    const build = await searchIndexBuild();
    expect(build.bundleEnd.applyToEnvironment({ name: 'prerender' })).toBe(true);
    expect(build.bundleEnd.applyToEnvironment({ name: 'client' })).toBe(false);

    const { paths, written } = indexForSearch(() => [record], 'en');
    expect(paths).toEqual(['/pagefind/']);
    // Without the wait, Pagefind would be asked for an index within a few milliseconds.
    await pause(300);
    expect(pagefind.createIndex).not.toHaveBeenCalled();

    build.bundleEnd.writeBundle();
    await written();
    expect(pagefind.createIndex).toHaveBeenCalledOnce();
    expect(build.staged('pagefind-entry.json')).toBe(true);
    await build.finish();
    expect(build.published('pagefind-entry.json')).toBe(true);
    expect(build.logged).toEqual(['Indexed 1 records for search']);
  });

  it('is started by a page that waits for it, if the end of the bundle was never heard', async () => {
    vi.mocked(pagefind.createIndex).mockClear();
    const build = await searchIndexBuild();
    const { written } = indexForSearch(() => [record], 'en');
    await pause(300);
    expect(pagefind.createIndex).not.toHaveBeenCalled();
    await written();
    expect(pagefind.createIndex).toHaveBeenCalledOnce();
    await build.finish();
    expect(build.published('pagefind-entry.json')).toBe(true);
  });
});

describe('the exports', () => {
  it('are made only once the search index is written', async () => {
    const compiled = await compileGuide(minimalGuide, { base: '/' });
    const index = Promise.withResolvers<void>();
    publish(Promise.resolve({ compiled, projectRoot, searchIndexes: ['/pagefind/'], searchIndexWritten: () => index.promise, wholeMap: undefined as never }));
    const made: string[] = [];
    const endpoint = exportEndpoint('text/plain', (snapshot) => {
      made.push(snapshot.siteUrl);
      return `${Object.keys(snapshot.claims).length} claims`;
    });
    const response = endpoint({ site: new URL('https://reader.github.io/') } as never) as Promise<Response>;
    await pause(100);
    expect(made).toEqual([]);
    index.resolve();
    const body = await (await response).text();
    expect(made).toEqual(['https://reader.github.io/']);
    expect(body).toBe(`${Object.keys(compiled.content.claims).length} claims`);
    expect((await response).headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('rendering every body', () => {
  it('renders each body from the tree the loader parsed, and lets go of the tree once it is rendered', async () => {
    const content = await loadContent(minimalGuide, new Diagnostics());
    const jobs = content.annotations.map((entry) => ({ kind: 'annotations' as const, markdown: entry.body, file: entry.file, tree: entry.tree }));
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((job) => job.tree !== undefined)).toBe(true);
    const processors = await Processors.create({ terms: [], base: '/' });
    const rendered = await processors.renderAll(jobs);
    expect(rendered.every((body) => body.html !== undefined && body.html.includes('<p>'))).toBe(true);
    expect(jobs.map((job) => job.tree)).toEqual(jobs.map(() => undefined));
  });

  it('keeps the heap within an allowance of what is live, by collecting garbage when it grows past it', () => {
    const used = () => v8.getHeapStatistics().used_heap_size;
    const limitHeap = heapCeiling(16 * 2 ** 20);
    const before = used();
    // 64 MB of large arrays, held until all are made: garbage in the old generation, which only a full collection frees.
    void Array.from({ length: 64 }, () => new Array<number>(128 * 1024).fill(1.5));
    const grown = used() - before;
    expect(grown).toBeGreaterThan(32 * 2 ** 20);
    // Asked after each piece of work: it looks at the heap every so often, not every time.
    for (let piece = 0; piece < 1000; piece++) limitHeap();
    expect(used() - before).toBeLessThan(grown / 2);
  });
});
