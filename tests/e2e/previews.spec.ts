/**
 * The preview cards in a browser, on the sample guide: every kind opens by
 * mouse, keyboard and touch, nests, and closes as a reader expects.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { sampleGuide } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { testSite } from '../../packages/reading-guide/test/helpers/test-site.ts';

const test = testSite({ environment: { GUIDE_CONTENT: sampleGuide } });

/** One trigger of each kind of preview, with words its card must show. */
const triggers = [
  { kind: 'claim', page: '/', selector: 'a.ref[data-for="claim-b1-design-problems"]', shows: 'Review catches design problems that no test was written to find.' },
  { kind: 'citation', page: '/', selector: 'a.ref[data-for="cite-doe2020-1"]', shows: 'Where Defects Are Found in Example Teams' },
  { kind: 'glossary term', page: '/', selector: '#comment-b1 a.term[href="/glossary/#term-test-suite"]', shows: 'The automated tests a team runs on every change.' },
  { kind: 'internal link', page: '/claims/a2-still-style/', selector: 'main .citations a[href="/sources/roe2019/"]', shows: 'Testing First' }
];

/** The card a trigger opened, once it has: the cards' data may still be on its way when the trigger is first used. */
async function cardOf(page: Page, trigger: Locator): Promise<Locator> {
  await expect(trigger).toHaveAttribute('aria-describedby', /./);
  return page.locator(`[id="${await trigger.getAttribute('aria-describedby')}"]`);
}

for (const { kind, page: address, selector, shows } of triggers) {
  test.describe(`the ${kind} preview`, () => {
    test('opens on hover within 100 ms, and closes when the pointer leaves', async ({ page }) => {
      await page.goto(address);
      // The cards' data loads on the first interaction; wait for it, as a reader's pointer would take longer.
      // Listened for before the interaction, which may fetch it faster than a listener set up after could hear.
      const data = page.waitForResponse(/previews\.json$/);
      await page.mouse.move(1, 1);
      await data;
      const trigger = page.locator(selector).first();
      await trigger.scrollIntoViewIfNeeded();
      const timing = page.evaluate((css) => {
        const target = document.querySelector(css)!;
        return new Promise<number>((resolve) => {
          let start = 0;
          target.addEventListener('pointerover', (event) => (start = event.timeStamp), { once: true });
          new MutationObserver((_, observer) => {
            if (document.querySelector('.preview')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }).observe(document.body, { childList: true, subtree: true });
        });
      }, selector);
      await trigger.hover();
      expect(await timing).toBeLessThan(100);
      const card = await cardOf(page, trigger);
      await expect(card).toBeVisible();
      await expect(card).toContainText(shows);
      await expect(card).toHaveAttribute('role', 'dialog');
      await expect(trigger).toHaveAttribute('aria-expanded', 'true');
      await page.mouse.move(1, 1);
      await expect(page.locator('.preview')).toHaveCount(0);
    });

    test('opens on keyboard focus, is described to screen readers, and Escape closes it', async ({ page }) => {
      await page.goto(address);
      await page.keyboard.press('Shift');
      const trigger = page.locator(selector).first();
      await trigger.focus();
      const card = await cardOf(page, trigger);
      await expect(card).toBeVisible();
      await expect(card).toContainText(shows);
      await page.keyboard.press('Escape');
      await expect(page.locator('.preview')).toHaveCount(0);
      await expect(trigger).toBeFocused();
      await expect(trigger).not.toHaveAttribute('aria-describedby', /./);
    });
  });
}

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

  for (const { kind, page: address, selector, shows } of triggers) {
    test(`the ${kind} preview opens on the first tap, the second follows the link, a tap outside closes it`, async ({ page }) => {
      await page.goto(address);
      const trigger = page.locator(selector).first();
      await trigger.scrollIntoViewIfNeeded();
      const before = page.url();
      await trigger.tap();
      const card = page.locator('.preview');
      await expect(card).toBeVisible();
      await expect(card).toContainText(shows);
      expect(page.url()).toBe(before);
      await page.locator('h1').tap();
      await expect(card).toHaveCount(0);
      await trigger.tap();
      await expect(card).toBeVisible();
      const href = await trigger.getAttribute('href');
      await trigger.tap();
      await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
  }

  test('tapping a claim mark shows the claim', async ({ page }) => {
    await page.goto('/');
    const mark = page.locator('#claim-b1-suite-checks');
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    await expect(page.locator('.preview')).toContainText('A test suite checks only what someone thought to check.');
  });
});

test('a link inside a preview opens one more level, and Escape closes one level at a time', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Shift');
  const trigger = page.locator('a.ref[data-for="claim-b1-design-problems"]');
  await trigger.focus();
  await expect(page.locator('.preview')).toHaveCount(1);
  // Tab moves into the card; its second link is the strongest counterargument's.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const inner = page.locator('.preview').first().locator('a[href="/annotations/tests-first/"]').first();
  await expect(inner).toBeFocused();
  await expect(page.locator('.preview')).toHaveCount(2);
  await expect(page.locator('.preview').nth(1)).toContainText('Counterargument');
  await page.keyboard.press('Escape');
  await expect(page.locator('.preview')).toHaveCount(1);
  await expect(inner).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.preview')).toHaveCount(0);
});
