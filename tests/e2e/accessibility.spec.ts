/**
 * Accessibility on every page type: axe (WCAG 2.2 AA) in light and dark, on
 * a desktop and a 360 px phone; no horizontal scrolling on the phone; focus
 * always visible.
 */
import { expect, test } from '@playwright/test';
import { violations } from '../../packages/reading-guide/test/helpers/axe.ts';

const pageTypes: [string, string][] = [
  ['home (the thread)', '/'],
  ['claim', '/claims/b1-weak-concern/'],
  ['claims index', '/claims/'],
  ['source', '/sources/schoen2025/'],
  ['sources index', '/sources/'],
  ['annotation', '/annotations/shutdown-resistance/'],
  ['annotations index', '/annotations/'],
  ['glossary', '/glossary/'],
  ['cruxes', '/cruxes/'],
  ['guide page', '/questions/'],
  ['argument map', '/map/'],
  ['open data', '/data/'],
  ['contributing guide', '/contribute/'],
  ['contributors', '/contributors/'],
  ['search', '/search/?q=rollout'],
  ['not found', '/no-such-page/']
];

const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: '360 px phone', viewport: { width: 360, height: 740 } }
];

for (const scheme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test.describe(`${scheme}, ${screen.name}`, () => {
      test.use({ colorScheme: scheme, viewport: screen.viewport });
      for (const [name, address] of pageTypes) {
        test(`${name}: no axe violation${screen.viewport.width === 360 ? ', no horizontal scrolling' : ''}`, async ({ page }) => {
          await page.goto(address, { waitUntil: 'networkidle' });
          expect(await violations(page)).toEqual([]);
          if (screen.viewport.width === 360) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, 'horizontal overflow in pixels').toBeLessThanOrEqual(0);
          }
        });
      }
    });
  }
}

test('with a preview open, the page still has no axe violation', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Shift');
  await page.locator('a.ref[data-for="claim-b1-weak-concern"]').focus();
  await expect(page.locator('.preview')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('focus is always visible: every focusable element on the reading page draws an outline when focused', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const missing: string[] = [];
  for (let step = 0; step < 60; step++) {
    const description = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return visible ? '' : `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.textContent?.slice(0, 30)}`;
    });
    if (description) missing.push(description);
    await page.keyboard.press('Tab');
  }
  expect(missing).toEqual([]);
});

test('axe, as run here, does catch a violation (a control for the tests above)', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.textContent = 'Barely legible';
    probe.style.cssText = 'color:#bbb;background:#fff';
    document.querySelector('main')!.append(probe);
  });
  expect((await violations(page)).some((violation) => violation.startsWith('color-contrast'))).toBe(true);
});
