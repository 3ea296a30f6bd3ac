/**
 * The guide built from content full of text that looks like markup (the
 * payloads the checker accepts, because where they stand they are only
 * text): no page may carry them in executable form, and in Chromium no
 * script of theirs may run, on any page, in any preview or search result.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite } from '../../packages/reading-guide/test/helpers/build-site.ts';
import { serve } from '../../packages/reading-guide/test/helpers/crawl.ts';
import { acceptedGuide, executable } from '../../packages/reading-guide/test/helpers/injection.ts';

const root = path.resolve(import.meta.dirname, '../..');

test('content that looks like markup never runs, on any page, preview or search result', async ({ page }) => {
  test.setTimeout(120_000);
  const content = mkdtempSync(path.join(tmpdir(), 'guide-injection-'));
  cpSync(path.join(root, 'packages/reading-guide/test/fixtures/minimal'), content, { recursive: true });
  for (const [file, text] of Object.entries(acceptedGuide().files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  const { status, output, outDir } = buildSite({ GUIDE_CONTENT: content });
  expect(status, output).toBe(0);

  const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  for (const file of pages) expect(executable(readFileSync(path.join(outDir, file), 'utf8')), file).toEqual([]);
  const previews = JSON.parse(readFileSync(path.join(outDir, 'previews.json'), 'utf8')) as Record<string, { html: string }>;
  for (const [key, card] of Object.entries(previews)) expect(executable(`<div>${card.html}</div>`), key).toEqual([]);

  const server = await serve(outDir, '/');
  const address = server.url;
  try {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const ran = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    for (const file of pages) {
      await page.goto(`${address}${file.replace(/index\.html$/, '')}`);
      expect(await ran(), file).toBeUndefined();
    }
    // Open every preview on the thread, by keyboard focus.
    await page.goto(address);
    await page.keyboard.press('Shift');
    for (const link of await page.locator('main a[href]').all()) await link.focus();
    await page.locator('mark.mark--claim').first().hover();
    expect(await ran()).toBeUndefined();
    // Search for the payloads' words and show the results.
    await page.goto(`${address}search/?q=script`);
    await expect(page.locator('#search-status')).toContainText('script');
    expect(await ran()).toBeUndefined();
    expect(dialogs).toEqual([]);
  } finally {
    server.close();
  }
});
