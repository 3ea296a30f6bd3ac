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
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { Diagnostics } from '../../src/load/diagnostics.ts';
import { loadContent } from '../../src/load/load-content.ts';
import { Processors } from '../../src/render/render-guide.ts';
import { exportEndpoint } from '../../src/site/exports.ts';
import { publish } from '../../src/site/published-guide.ts';
import { indexForSearch, searchIndex } from '../../src/site/search-index.ts';
import { heapCeiling } from '../../src/util/collect-garbage.ts';
import { minimalGuide, projectRoot } from '../helpers/fixtures.ts';

const settled = (promise: Promise<unknown>) => {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the search index', () => {
  it('is started only once the code that renders the pages is bundled, and is then written and published', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'search-index-'));
    const folder = (name: string) => pathToFileURL(path.join(work, name) + path.sep);
    const integration = searchIndex();
    const hooks = integration.hooks as Required<AstroIntegration['hooks']>;
    const plugins: { name: string; applyToEnvironment: (environment: { name: string }) => boolean; writeBundle: () => void }[] = [];
    await hooks['astro:config:setup']({
      command: 'build',
      config: { cacheDir: folder('cache'), outDir: folder('dist'), root: pathToFileURL(projectRoot) },
      updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins)
    } as never);
    const [bundled] = plugins;
    expect(bundled?.applyToEnvironment({ name: 'prerender' })).toBe(true);
    expect(bundled?.applyToEnvironment({ name: 'client' })).toBe(false);

    const record = { url: '/claims/one/', content: 'Agents acquire goals beyond the episode.', language: 'en' as const, meta: { title: 'Claim 1', kind: 'Claim' }, filters: { who: ['The guide'], kind: ['Claim'] } };
    const { paths, written } = indexForSearch([record]);
    expect(paths).toEqual(['/pagefind/']);
    const indexing = settled(written);
    const staging = path.join(work, 'cache', `pagefind-${process.pid}`);
    // Pagefind indexes one record in well under this.
    await pause(1500);
    expect(indexing.done).toBe(false);
    expect(existsSync(staging)).toBe(false);

    bundled!.writeBundle();
    await written;
    expect(existsSync(path.join(staging, 'pagefind-entry.json'))).toBe(true);
    const logged: string[] = [];
    await hooks['astro:build:done']({ dir: folder('dist'), logger: { info: (line: string) => logged.push(line) } } as never);
    expect(existsSync(path.join(work, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(logged).toEqual(['Indexed 1 records for search']);
  }, 60_000);
});

describe('the exports', () => {
  it('are made only once the search index is written', async () => {
    const compiled = await compileGuide(minimalGuide, { base: '/' });
    const index = Promise.withResolvers<void>();
    publish(Promise.resolve({ compiled, projectRoot, searchIndexes: ['/pagefind/'], searchIndexWritten: index.promise, wholeMap: undefined as never }));
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
    const makeGarbage = () => {
      // Large arrays, which only a full collection frees.
      let garbage: number[][] | undefined = Array.from({ length: 64 }, () => new Array<number>(128 * 1024).fill(1.5));
      garbage = undefined;
      return garbage;
    };
    const limitHeap = heapCeiling(16 * 2 ** 20);
    const before = used();
    makeGarbage();
    const grown = used() - before;
    expect(grown).toBeGreaterThan(32 * 2 ** 20);
    // Asked after each piece of work: it looks at the heap every so often, not every time.
    for (let piece = 0; piece < 64; piece++) limitHeap();
    expect(used() - before).toBeLessThan(grown / 2);
  });
});
