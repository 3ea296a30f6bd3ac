/**
 * This guide as published: from the home page a reader reaches every page
 * the build wrote, and no link, asset or fragment leads nowhere; every page
 * names its address and describes itself, and is valid HTML. (A build of the sample guide at a sub-path is held to the
 * same in packages/reading-guide/test/build/astro-build.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { crawl } from '../../packages/reading-guide/test/helpers/crawl.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { htmlFiles, invalidHtml } from '../../packages/reading-guide/test/helpers/html-validation.ts';

const outDir = path.join(projectRoot, 'dist');

test('every page is reached from the home page, with nothing broken', async ({ baseURL }) => {
  const { pages, broken } = await crawl(`${baseURL}/`);
  expect(broken).toEqual([]);
  const built = (await htmlFiles(outDir))
    .map((file) => `/${path.relative(outDir, file).split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .filter((page) => page !== '/404.html')
    .sort();
  expect(built.length).toBeGreaterThan(80);
  expect([...pages].sort()).toEqual(built);
});

test('every page names its canonical address and describes itself, and the sitemap lists every page', async ({ baseURL }) => {
  // As astro.config.mjs has it.
  const site = process.env.SITE_URL || 'http://localhost:4321';
  const pages: string[] = [];
  for (const file of await htmlFiles(outDir)) {
    const page = `/${path.relative(outDir, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
    if (page === '/404.html') continue;
    pages.push(page);
    const html = await readFile(file, 'utf8');
    expect(html, page).toContain(`<link rel="canonical" href="${site}${page}">`);
    // A description of the page's own, long enough for a search result to show.
    expect(html.match(/<meta name="description" content="([^"]*)">/)?.[1]?.length ?? 0, page).toBeGreaterThan(20);
  }
  const sitemap = await (await fetch(`${baseURL}/sitemap-0.xml`)).text();
  expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort()).toEqual(pages.sort());
});

test('every page is valid HTML', async () => {
  expect(await invalidHtml(outDir)).toEqual([]);
});
