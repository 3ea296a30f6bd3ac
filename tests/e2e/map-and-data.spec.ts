/**
 * The argument map and the open data in a browser, on the sample guide: three
 * commenters and an outside work, each drawn apart, and exports that agree
 * with the pages.
 */
import { expect } from '@playwright/test';
import { sampleGuide } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { testSite } from '../../packages/reading-guide/test/helpers/test-site.ts';

const test = testSite({ environment: { GUIDE_CONTENT: sampleGuide } });

test('the argument map shows every claim as a link, with a legend, readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/claims/');
  const claims = await page.locator('.claim-ref').count();
  await page.goto('/map/');
  const nodes = page.locator('.argument-map svg a.node');
  await expect(nodes).toHaveCount(claims);
  await expect(page.locator('.argument-map svg path.edge')).not.toHaveCount(0);
  // Each speaker's boxes have a colour and outline of their own, and the legend names every speaker the map shows.
  const outlines = [];
  for (const speaker of ['speaker-A', 'speaker-B', 'speaker-C', 'speaker-outside']) {
    const box = page.locator(`a.node.${speaker} rect`).first();
    await expect(box).toBeVisible();
    outlines.push(await box.evaluate((rect) => `${getComputedStyle(rect).stroke} ${getComputedStyle(rect).strokeDasharray}`));
  }
  expect(new Set(outlines).size).toBe(4);
  await expect(page.locator('.map-legend li')).toContainText(['Commenter A', 'Commenter B', 'Commenter C', 'An outside work (Doe et al. 2020)', 'Part of a crux']);
  await expect(page.locator('a.node--crux').first()).toBeVisible();
  await expect(page.locator('.map-legend')).toContainText('attacks');
  await expect(page.locator('.map-toolbar')).toHaveCount(0);
  await nodes.filter({ has: page.locator('text', { hasText: /^C1 ·/ }) }).click();
  await expect(page).toHaveURL(/\/claims\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claim C1');
  await context.close();
});

test('map nodes are reached by keyboard and zoom works as an enhancement', async ({ page }) => {
  await page.goto('/map/');
  const svg = page.locator('.map-viewport > svg');
  const initial = await svg.getAttribute('viewBox');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await svg.getAttribute('viewBox');
  expect(zoomed).not.toBe(initial);
  expect(Number(zoomed!.split(' ')[2])).toBeLessThan(Number(initial!.split(' ')[2]));
  await page.getByRole('button', { name: 'Show the whole map' }).click();
  await expect(svg).toHaveAttribute('viewBox', initial!);

  const first = page.locator('a.node').first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('a.node').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/claims\/[a-z0-9-]+\/$/);
});

test('a claim page shows its neighbourhood: the claim and the claims one step away', async ({ page }) => {
  await page.goto('/claims/a1-review-style/');
  const map = page.locator('.argument-map');
  await expect(map.locator('a.node--current')).toHaveCount(1);
  const related = await page.locator('.relation-group .claim-ref').evaluateAll((links) => new Set(links.map((link) => link.getAttribute('href'))).size);
  await expect(map.locator('a.node')).toHaveCount(related + 1);
});

test('every export is linked from the footer and the Open data page, and counts agree with the pages', async ({ page, request }) => {
  await page.goto('/');
  const files = ['annotations.jsonld', 'argument-map.json', 'argument-map.argdown', 'references.bib', 'references.json', 'feed.xml'];
  for (const file of files) await expect(page.locator('.site-footer').getByRole('link', { name: file })).toBeVisible();
  await page.getByRole('link', { name: 'what they hold' }).click();
  for (const file of files) await expect(page.locator('.exports').getByRole('link', { name: file })).toBeVisible();

  await page.goto('/claims/');
  const claims = await page.locator('.claim-ref').count();
  await page.goto('/annotations/');
  const annotations = await page.locator('main li a').count();
  await page.goto('/sources/');
  const sources = await page.locator('.source-list > li').count();

  const collection = await (await request.get('/annotations.jsonld')).json();
  expect(collection.total).toBe(claims + annotations);
  const map = await (await request.get('/argument-map.json')).json();
  expect(map.nodes).toHaveLength(claims);
  const argdown = await (await request.get('/argument-map.argdown')).text();
  expect(argdown.match(/^\[[a-z0-9-]+\]:/gm)).toHaveLength(claims);
  expect(await (await request.get('/references.json')).json()).toHaveLength(sources);
  expect((await (await request.get('/references.bib')).text()).match(/^@\w+\{/gm)).toHaveLength(sources);
  expect((await (await request.get('/feed.xml')).text()).match(/<entry>/g)).toHaveLength(annotations);
});
