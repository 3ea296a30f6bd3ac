import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const dark = 'rgb(23, 24, 26)';
const light = 'rgb(253, 252, 249)';

test.describe('themes', () => {
  test.use({ colorScheme: 'dark' });

  test('follow the system, and the toggle cycles system, light and dark, remembered across pages', async ({ page }) => {
    await page.goto('/');
    expect(await background(page)).toBe(dark);
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await expect(toggle).toHaveAccessibleName('Theme: as the system. Change theme');
    await toggle.click();
    await expect(toggle).toHaveAccessibleName('Theme: light. Change theme');
    expect(await background(page)).toBe(light);
    await page.goto('/claims/');
    expect(await background(page)).toBe(light);
    await page.getByRole('button', { name: /^Theme:/ }).click();
    expect(await background(page)).toBe(dark);
    await page.getByRole('button', { name: /^Theme:/ }).click();
    await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveAccessibleName('Theme: as the system. Change theme');
    expect(await background(page)).toBe(dark);
  });

  test('a remembered theme is in force before the page is first painted', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('theme', 'light'));
    // Record the theme at the moment <body> is parsed, before anything can be painted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/sources/');
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('light');
    expect(await background(page)).toBe(light);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the reading page has every comment, mark, note and link, and nothing that needs a script shows', async ({ page }) => {
    await page.goto('/');
    const claims = readdirSync(new URL('../../content/claims/', import.meta.url)).filter((file) => file.endsWith('.md')).length;
    await expect(page.locator('article.comment')).toHaveCount(4);
    await expect(page.locator('a.ref--claim')).toHaveCount(claims);
    await expect(page.locator('details.sidenotes').first()).toBeAttached();
    await expect(page.locator('.guide-voice').first()).toBeVisible();
    await expect(page.locator('#theme-toggle')).toBeHidden();
    await page.locator('a.ref--claim').first().click();
    await expect(page).toHaveURL(/\/claims\/[a-z0-9-]+\/$/);
    await expect(page.locator('.argument-map svg a.node').first()).toBeVisible();
  });

  test('the theme follows the system', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    expect(await background(page)).toBe(dark);
    await context.close();
  });
});

test('the print stylesheet gives a clean article with link addresses as notes', async ({ page }) => {
  await page.goto('/sources/schoen2025/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-search')).toBeHidden();
  await expect(page.locator('.site-header nav')).toBeHidden();
  const after = await page.locator('main a[href^="http"]').first().evaluate((link) => getComputedStyle(link, '::after').content);
  expect(after).toContain('https://');
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidenote').first()).toBeVisible();
});

test('the commenters’ words are set for long reading: 60 to 75 characters a line, with open leading', async ({ page }) => {
  for (const width of [1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    const { perLine, leading } = await page.locator('#comment-b1 .comment-body > p').first().evaluate((paragraph) => {
      const style = getComputedStyle(paragraph);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      // The average width of a character of English text, spaces included.
      const sample = 'the quick brown fox jumps over the lazy dog and keeps on reading';
      const average = context.measureText(sample).width / sample.length;
      return { perLine: paragraph.clientWidth / average, leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    expect(perLine, `characters a line at ${width} px`).toBeGreaterThanOrEqual(60);
    expect(perLine, `characters a line at ${width} px`).toBeLessThanOrEqual(75);
    expect(leading).toBeGreaterThanOrEqual(1.4);
  }
});
