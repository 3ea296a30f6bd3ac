/**
 * A site of its own that uses the guide (packages/reading-guide/test/fixtures/sites/overrides):
 * built as a user builds it, it shows its own component wherever the guide's
 * would be, keeps the sitemap it configured itself, with no second one, and
 * publishes its own icon and preview image.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { fixturesRoot, projectRoot } from '../helpers/fixtures.ts';
import { htmlFiles } from '../helpers/html-validation.ts';

let built: BuiltSite;
beforeAll(() => {
  built = buildSite({}, { root: path.join(fixturesRoot, 'sites/overrides') });
});

const page = async (file: string) => fromHtml(await readFile(path.join(built.outDir, file), 'utf8'));

describe('a site with a component and a sitemap of its own', () => {
  it('builds', () => {
    expect(built.output).not.toMatch(/error/i);
    expect(built.status).toBe(0);
  });

  it('shows its own ClaimRef wherever a claim is linked, wrapping the guide’s', async () => {
    const claimLinks = selectAll('a.claim-ref', await page('claims/index.html'));
    expect(claimLinks.length).toBeGreaterThan(1);
    expect(selectAll('.site-claim-ref > a.claim-ref', await page('claims/index.html'))).toHaveLength(claimLinks.length);
    let pagesWithLinks = 0;
    for (const file of await htmlFiles(built.outDir)) {
      const tree = await page(path.relative(built.outDir, file));
      const links = selectAll('a.claim-ref', tree).length;
      if (links > 0) pagesWithLinks += 1;
      expect(selectAll('.site-claim-ref > a.claim-ref', tree), file).toHaveLength(links);
    }
    expect(pagesWithLinks).toBeGreaterThan(2);
  });

  it('keeps the sitemap it made, filter and all, and the guide adds none of its own', async () => {
    const sitemap = await readFile(path.join(built.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://guide.example.org/claims/</loc>');
    expect(sitemap).not.toContain('/sources/');
    expect(built.output.match(/`sitemap-index\.xml` created/g)).toHaveLength(1);
  });

  it('publishes its own icon and names its own preview image, with GitHub Pages’ .nojekyll from the guide', async () => {
    const own = path.join(fixturesRoot, 'sites/overrides/public');
    expect(await readFile(path.join(built.outDir, 'favicon.svg'), 'utf8')).toBe(await readFile(path.join(own, 'favicon.svg'), 'utf8'));
    expect(await readFile(path.join(built.outDir, 'favicon.svg'), 'utf8')).not.toBe(await readFile(path.join(projectRoot, 'packages/reading-guide/public/favicon.svg'), 'utf8'));
    expect(await readFile(path.join(built.outDir, '.nojekyll'), 'utf8')).toBe('');
    const head = await page('claims/index.html');
    expect(selectAll('meta[property="og:image"]', head).map((meta) => meta.properties.content)).toEqual(['https://guide.example.org/social-card.png']);
    expect(selectAll('meta[name="twitter:card"]', head).map((meta) => meta.properties.content)).toEqual(['summary_large_image']);
  });
});
