/**
 * The sites in the workspace other than this one, each built and served by
 * the test factory (packages/reading-guide/test/helpers/test-site.ts). Every page of the example
 * guide, as a crawl from its home page finds it, passes axe and does not
 * scroll sideways on a phone (the shipped guide's pages are tested in both
 * schemes by accessibility.spec.ts, by type: here the point is another guide's
 * content); the pages where a site's own component stands pass axe in both
 * schemes; and the conveniences scripts add work on both sites.
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { violations } from '../../packages/reading-guide/test/helpers/axe.ts';
import { fixturesRoot, projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { testSite, type TestSite } from '../../packages/reading-guide/test/helpers/test-site.ts';

const example = testSite({ root: path.join(projectRoot, 'examples/anchoring-comments') });
const overrides = testSite({ root: path.join(fixturesRoot, 'sites/overrides') });

/** Each page of `site` in turn, and what went wrong on each. */
async function everyPage(page: Page, site: TestSite, check: (address: string) => Promise<string[]>) {
  const pages = await site.pages();
  expect(pages.length).toBeGreaterThan(10);
  const problems: string[] = [];
  for (const address of pages) {
    await page.goto(new URL(address, site.url).href, { waitUntil: 'load' });
    problems.push(...(await check(address)).map((problem) => `${address}: ${problem}`));
  }
  return problems;
}

example.describe('the example guide (examples/anchoring-comments)', () => {
  example('every page: no axe violation', async ({ page, site }) => {
    example.setTimeout(180_000);
    expect(await everyPage(page, site, async () => violations(page))).toEqual([]);
  });

  example('every page on a 360 px phone: no horizontal scrolling', async ({ page, site }) => {
    example.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflowing = await everyPage(page, site, async () => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      return overflow > 0 ? [`${overflow} px wider than the screen`] : [];
    });
    expect(overflowing).toEqual([]);
  });

  example('the thread and the map in the dark: no axe violation', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const address of ['./', 'map/']) {
      await page.goto(address);
      expect(await violations(page), address).toEqual([]);
    }
  });

  example('a claim’s preview opens from its mark on the thread', async ({ page }) => {
    await opensPreview(page);
  });
});

overrides.describe('a site with a component of its own (packages/reading-guide/test/fixtures/sites/overrides)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    overrides(`the pages its ClaimRef stands on, ${scheme}: no axe violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('claims/');
      const claim = await page.locator('.site-claim-ref a').first().getAttribute('href');
      for (const address of ['claims/', claim!]) {
        await page.goto(address);
        await expect(page.locator('.site-claim-ref').first()).toBeAttached();
        expect(await violations(page), address).toEqual([]);
      }
    });
  }

  overrides('a claim’s preview opens from its mark on the thread', async ({ page }) => {
    await opensPreview(page);
  });
});

async function opensPreview(page: Page) {
  await page.goto('./');
  await page.keyboard.press('Shift');
  await page.locator('main a.ref[data-for^="claim-"]').first().focus();
  await expect(page.locator('.preview')).toBeVisible();
}
