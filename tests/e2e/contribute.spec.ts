import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test('/contribute/ is CONTRIBUTING.md, with its examples highlighted', async ({ page }) => {
  const source = await readFile(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
  // A `# comment` inside an example is not a heading.
  const prose = source.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  const headings = [...prose.matchAll(/^##? (.+)$/gm)].map((match) => match[1]!.replace(/`/g, ''));
  await page.goto('/contribute/');
  await expect(page.locator('article h1, article h2')).toHaveText(headings);
  const blocks = page.locator('article pre.astro-code');
  await expect(blocks).toHaveCount([...source.matchAll(/^```\w+$/gm)].length);
  // Shiki colours the tokens of each example.
  const colours = await blocks.locator('span[style*="color"]').evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size);
  expect(colours).toBeGreaterThan(3);
});
