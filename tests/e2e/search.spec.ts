/**
 * Search in a browser, on the sample guide: the box in every header, the
 * results grouped and linked to their place, the filters, the page without
 * JavaScript, a site under a sub-path and an index in several parts.
 */
import { expect, type Page } from '@playwright/test';
import { buildSite } from '../../packages/reading-guide/test/helpers/build-site.ts';
import { serve } from '../../packages/reading-guide/test/helpers/crawl.ts';
import { sampleGuide } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { testSite } from '../../packages/reading-guide/test/helpers/test-site.ts';

const test = testSite({ environment: { GUIDE_CONTENT: sampleGuide } });

async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-status')).toContainText(`for “${query}”`);
}

test('a search box sits in the header of every page, and / focuses it', async ({ page }) => {
  for (const address of ['/', '/claims/b1-design-problems/', '/sources/']) {
    await page.goto(address);
    await expect(page.locator('header').getByRole('searchbox', { name: 'Search the guide' })).toBeVisible();
  }
  await page.locator('main').click();
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('design problems');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=design\+problems$/);
  await expect(page.locator('#search-results li').first()).toBeVisible();
});

test('"design problems" lists a claim about it first, and opening it lands on its mark', async ({ page }) => {
  await search(page, 'design problems');
  const first = page.locator('#search-results li > a').first();
  await expect(page.locator('#search-results h2').first()).toHaveText('Claims');
  await expect(first).toContainText('design problems');
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/#claim-[a-z0-9-]+$/);
  await first.click();
  const id = href!.slice(2);
  await expect(page).toHaveURL(new RegExp(`/#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  // A mark crossing a link is drawn in pieces; together they hold the claim's words.
  expect((await page.locator(`[data-mark="${id}"]`).allInnerTexts()).join('')).toContain('design problems');
});

test('"Roe" finds the source and the claim that cites it', async ({ page }) => {
  await search(page, 'Roe');
  const hrefs = await page.locator('#search-results li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toContain('/sources/roe2019/');
  expect(hrefs).toContain('/#claim-a2-still-style');
});

test('a filter narrows the results', async ({ page }) => {
  await search(page, 'Roe');
  const all = await page.locator('#search-results li').count();
  await page.getByRole('checkbox', { name: 'source' }).check();
  await expect(page).toHaveURL(/kind=source/);
  await expect.poll(() => page.locator('#search-results li').count()).toBeLessThan(all);
  const kinds = await page.locator('.search-about').allInnerTexts();
  expect(kinds.length).toBeGreaterThan(0);
  for (const kind of kinds) expect(kind.startsWith('source')).toBe(true);

  await search(page, 'review');
  const before = await page.locator('#search-results li').count();
  await page.getByRole('checkbox', { name: 'Commenter B' }).check();
  await expect.poll(() => page.locator('#search-results li').count()).toBeLessThan(before);
  const abouts = await page.locator('.search-about').allInnerTexts();
  expect(abouts.length).toBeGreaterThan(0);
  for (const about of abouts) expect(about).toContain('Commenter B');
});

test('without JavaScript, /search/ says search needs it and links to the indexes', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=review');
  // Playwright's text and role locators skip <noscript>; CSS selectors reach into it.
  const notice = page.locator('main p.notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Search needs JavaScript');
  for (const path of ['/claims/', '/sources/', '/glossary/']) await expect(notice.locator(`a[href="${path}"]`)).toBeVisible();
  await expect(page.locator('#search-form')).toBeHidden();
  await context.close();
});

const underSubPath = testSite({ environment: { GUIDE_CONTENT: sampleGuide, BASE_PATH: '/reading-guide' }, base: '/reading-guide/' });

underSubPath('search works when the site is served under a sub-path', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('design problems')}`);
  const first = page.locator('#search-results li > a').first();
  await expect(first).toHaveAttribute('href', /^\/reading-guide\/#claim-[a-z0-9-]+$/);
  await first.click();
  await expect(page).toHaveURL(/\/reading-guide\/#claim-[a-z0-9-]+$/);
  await expect(page.locator('h1')).toContainText('Sample guide');
});

// The sample guide's records, split among three indexes, as a large guide's are.
test('a search index in several parts finds what one index finds', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const built = buildSite({ GUIDE_CONTENT: sampleGuide, SEARCH_RECORDS_PER_INDEX: '12' });
  expect(built.status, built.output).toBe(0);
  expect(built.output).toContain('in 3 indexes');
  const served = await serve(built.outDir, '/');
  const inParts = await browser.newPage({ baseURL: served.url });
  const found = async (on: Page, query: string) => {
    await on.goto(`search/?q=${encodeURIComponent(query)}`);
    await expect(on.locator('#search-status')).toContainText(`for “${query}”`);
    return (await on.locator('#search-results li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).sort();
  };
  try {
    for (const query of ['Roe', 'design problems', 'review']) {
      const fromWhole = await found(page, query);
      expect(fromWhole.length).toBeGreaterThan(2);
      expect(await found(inParts, query)).toEqual(fromWhole);
    }
  } finally {
    await inParts.close();
    served.close();
  }
});
