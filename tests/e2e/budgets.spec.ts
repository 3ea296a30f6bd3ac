/**
 * Page-weight budgets, as a reader's first view loads them: every response
 * the page makes before it settles, gzipped, with fonts left out. The reading
 * page (the thread) has the tightest budget; scripts may never block
 * rendering.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

interface Budget {
  /** Gzipped bytes of JavaScript, inline and loaded. */
  js: number;
  /** Gzipped bytes of HTML, CSS and JavaScript together. */
  total: number;
}

const kilobytes = (n: number) => n * 1024;
const reading: Budget = { js: kilobytes(8), total: kilobytes(35) };
const pages: [string, string, Budget][] = [
  ['the reading page', '/', reading],
  ['a claim page', '/claims/b1-weak-concern/', reading],
  ['the claims index', '/claims/', reading],
  ['a source page', '/sources/schoen2025/', reading],
  ['an annotation page', '/annotations/shutdown-resistance/', reading],
  ['the glossary', '/glossary/', reading],
  ['the cruxes', '/cruxes/', reading],
  ['the argument map', '/map/', { js: kilobytes(8), total: kilobytes(60) }],
  // Search runs Pagefind in the page: its script, worker and WebAssembly are the price.
  ['the search page', '/search/?q=rollout', { js: kilobytes(40), total: kilobytes(140) }]
];

for (const [name, address, budget] of pages) {
  test(`${name} stays within its weight budget, with no render-blocking script`, async ({ page }) => {
    const weights = { html: 0, css: 0, js: 0, other: 0 };
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      const url = response.url();
      if (type.startsWith('font/') || /\.woff2?$/.test(url)) return;
      pending.push(
        response.body().then(
          (body) => {
            const size = gzipSync(body, { level: 9 }).length;
            if (type.includes('html')) weights.html += size;
            else if (type.includes('css')) weights.css += size;
            else if (type.includes('javascript')) weights.js += size;
            else weights.other += size;
          },
          () => undefined
        )
      );
    });
    await page.goto(address, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
    const inlineJs = inline.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
    const total = weights.html + weights.css + weights.js + weights.other;
    test.info().annotations.push({ type: 'weight', description: JSON.stringify({ ...weights, inlineJs, total }) });
    expect(weights.js + inlineJs, 'JavaScript, gzipped').toBeLessThanOrEqual(budget.js);
    expect(total, 'everything loaded on first view, gzipped').toBeLessThanOrEqual(budget.total);

    const blocking = await page.locator('head script[src]:not([async]):not([defer]):not([type="module"])').count();
    expect(blocking, 'scripts in <head> that block rendering').toBe(0);
  });
}
