/**
 * This guide as published: from the home page a reader reaches every page
 * the build wrote, and no link, asset or fragment leads nowhere; every page
 * is valid HTML. (A build of the sample guide at a sub-path is held to the
 * same in tests/build/astro-build.test.ts.)
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { crawl } from '../helpers/crawl.ts';
import { projectRoot } from '../helpers/fixtures.ts';
import { htmlFiles, invalidHtml } from '../helpers/html-validation.ts';

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

test('every page is valid HTML', async () => {
  expect(await invalidHtml(outDir)).toEqual([]);
});
