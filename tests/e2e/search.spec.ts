import { expect, test, type Page } from '@playwright/test';
import { testSite } from '../helpers/test-site.ts';

async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-status')).toContainText(`for “${query}”`);
}

test('a search box sits in the header of every page, and / focuses it', async ({ page }) => {
  for (const address of ['/', '/claims/b1-weak-concern/', '/sources/']) {
    await page.goto(address);
    await expect(page.locator('header').getByRole('searchbox', { name: 'Search the guide' })).toBeVisible();
  }
  await page.locator('main').click();
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('continual learning');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=continual\+learning$/);
  await expect(page.locator('#search-results li').first()).toBeVisible();
});

test('"continual learning" lists a claim about it first, and opening it lands on its mark', async ({ page }) => {
  await search(page, 'continual learning');
  const first = page.locator('#search-results li > a').first();
  await expect(page.locator('#search-results h2').first()).toHaveText('Claims');
  await expect(first).toContainText('continual learning');
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/#claim-[a-z0-9-]+$/);
  await first.click();
  const id = href!.slice(2);
  await expect(page).toHaveURL(new RegExp(`/#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  // A mark crossing a link is drawn in pieces; together they hold the claim's words.
  expect((await page.locator(`[data-mark="${id}"]`).allInnerTexts()).join('')).toContain('continual learning');
});

test('"Appendix M" finds the source and the claim that cites it', async ({ page }) => {
  await search(page, 'Appendix M');
  const hrefs = await page.locator('#search-results li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toContain('/sources/schoen2025/');
  expect(hrefs).toContain('/#claim-a2-ablations');
});

test('a filter narrows the results', async ({ page }) => {
  await search(page, 'Appendix M');
  const all = await page.locator('#search-results li').count();
  await page.getByRole('checkbox', { name: 'source' }).check();
  await expect(page).toHaveURL(/kind=source/);
  await expect.poll(() => page.locator('#search-results li').count()).toBeLessThan(all);
  const kinds = await page.locator('.search-about').allInnerTexts();
  expect(kinds.length).toBeGreaterThan(0);
  for (const kind of kinds) expect(kind.startsWith('source')).toBe(true);

  await search(page, 'instructions');
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
  await page.goto('/search/?q=rollout');
  // Playwright's text and role locators skip <noscript>; CSS selectors reach into it.
  const notice = page.locator('main p.notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Search needs JavaScript');
  for (const path of ['/claims/', '/sources/', '/glossary/']) await expect(notice.locator(`a[href="${path}"]`)).toBeVisible();
  await expect(page.locator('#search-form')).toBeHidden();
  await context.close();
});

const underSubPath = testSite({ environment: { BASE_PATH: '/reading-guide' }, base: '/reading-guide/' });

underSubPath('search works when the site is served under a sub-path', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('continual learning')}`);
  const first = page.locator('#search-results li > a').first();
  await expect(first).toHaveAttribute('href', /^\/reading-guide\/#claim-[a-z0-9-]+$/);
  await first.click();
  await expect(page).toHaveURL(/\/reading-guide\/#claim-[a-z0-9-]+$/);
  await expect(page.locator('h1')).toContainText('Goals beyond the task');
});

// The shipped guide's records, split among three indexes, as a large guide's are.
const inParts = testSite({ environment: { SEARCH_RECORDS_PER_INDEX: '40' } });

inParts('a search index in several parts finds what one index finds', async ({ page, site, browser }) => {
  expect(site.output).toContain('in 3 indexes');
  // The whole index is the shipped guide's, which the other tests of this file are served.
  const whole = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  const found = async (on: typeof page, query: string) => {
    await on.goto(`search/?q=${encodeURIComponent(query)}`);
    await expect(on.locator('#search-status')).toContainText(`for “${query}”`);
    return (await on.locator('#search-results li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).sort();
  };
  try {
    for (const query of ['Appendix M', 'continual learning', 'instructions']) {
      const fromWhole = await found(whole, query);
      expect(fromWhole.length).toBeGreaterThan(2);
      expect(await found(page, query)).toEqual(fromWhole);
    }
  } finally {
    await whole.close();
  }
});
