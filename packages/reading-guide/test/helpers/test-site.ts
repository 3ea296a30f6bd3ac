/**
 * The browser tests' factory of sites, as Starlight's e2e tests have one:
 * `testSite({ root, environment, base })` is Playwright's `test` for a site
 * built once per worker (a fixture site with an astro.config.mjs of its own,
 * or this project's with other settings) and served as GitHub Pages would.
 * `baseURL` is that site's, so `page.goto('/claims/')` opens its claims.
 */
import { test as base, expect } from '@playwright/test';
import { buildSite } from './build-site.ts';
import { crawl, serve } from './crawl.ts';

export interface SiteOptions {
  /** The site's folder; this project's by default. */
  root?: string;
  /** Added to the build's environment: GUIDE_CONTENT, BASE_PATH, … */
  environment?: Record<string, string>;
  /** The path the site is served under; `/` unless BASE_PATH moves it. */
  base?: string;
}

export interface TestSite {
  /** Its address, base path included, ending in `/`. */
  url: string;
  outDir: string;
  /** What the build printed. */
  output: string;
  /** Every page reached from the home page by its links, by path (base path included). */
  pages: () => Promise<string[]>;
}

export function testSite({ root, environment = {}, base: basePath = '/' }: SiteOptions = {}) {
  return base.extend<object, { site: TestSite }>({
    site: [
      async ({}, use) => {
        const built = buildSite(environment, root ? { root } : {});
        expect(built.status, built.output).toBe(0);
        const served = await serve(built.outDir, basePath);
        let pages: string[] | undefined;
        try {
          await use({
            url: served.url,
            outDir: built.outDir,
            output: built.output,
            pages: async () => {
              if (!pages) {
                const found = await crawl(served.url);
                expect(found.broken).toEqual([]);
                pages = [...found.pages].sort();
              }
              return pages;
            }
          });
        } finally {
          served.close();
        }
      },
      // A build takes some seconds: one per worker, for all its tests.
      { scope: 'worker', timeout: 120_000 }
    ],
    baseURL: async ({ site }, use) => use(site.url)
  });
}
