/**
 * The second guide, in examples/: the proof that the generator is not one
 * site. An invented discussion of four people, imported from a Discourse
 * export, with claims, annotations and a crux of its own, and a site of its
 * own in the workspace that uses the package as any guide's site does. It must
 * pass the check, build, be reached page by page with no broken link, say on
 * every page that it is invented, and show every commenter as the guide names them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../../packages/reading-guide/src/compile.ts';
import { buildSite } from '../../../packages/reading-guide/test/helpers/build-site.ts';
import { crawl, serve } from '../../../packages/reading-guide/test/helpers/crawl.ts';
import { htmlFiles, invalidHtml } from '../../../packages/reading-guide/test/helpers/html-validation.ts';
import { projectRoot } from '../../../packages/reading-guide/test/helpers/fixtures.ts';

const site = path.join(projectRoot, 'examples/anchoring-comments');
const content = path.join(site, 'content');

describe('the example guide', async () => {
  const checked = await checkGuide(content);
  const built = buildSite({}, { root: site });

  it('passes the check with no warning: more than two commenters, claims, annotations and a crux', () => {
    expect(checked.warnings).toEqual([]);
    expect(Object.values(checked.content.guide!.data.commenters).map((commenter) => commenter.name)).toEqual(['Wren Ash', 'Odo Pike', 'Kit Vale', 'Sel Marsh']);
    expect(checked.graph.claimOrder.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(checked.graph.annotations).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(checked.graph.cruxes)).toHaveLength(1);
    expect(checked.content.guide!.data.capture?.format).toBe('discourse');
  });

  it('builds, and every page is reached from the home page with no broken link', async () => {
    expect(built.status, built.output).toBe(0);
    const served = await serve(built.outDir, '/');
    try {
      const { pages, broken } = await crawl(served.url);
      expect(broken).toEqual([]);
      for (const id of checked.graph.claimOrder) expect(pages.has(`/claims/${id}/`), id).toBe(true);
      expect(pages.has('/cruxes/')).toBe(true);
      // Its site has no public/ folder: the guide gives the icon and .nojekyll.
      const icon = await fetch(new URL('favicon.svg', served.url));
      expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(await icon.text()).toBe(await readFile(path.join(projectRoot, 'packages/reading-guide/public/favicon.svg'), 'utf8'));
      expect((await fetch(new URL('.nojekyll', served.url))).status).toBe(200);
    } finally {
      served.close();
    }
  });

  it('says on every page that the discussion is invented, and its HTML is valid', async () => {
    const files = await htmlFiles(built.outDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const notice = selectAll('main .demonstration', fromHtml(await readFile(file, 'utf8')));
      expect(notice.map((element) => toText(element)), file).toEqual([expect.stringContaining('The discussion in this guide is invented')]);
    }
    expect(await invalidHtml(built.outDir)).toEqual([]);
  });

  it('names no preview image it does not have: a summary card of the title and description', async () => {
    const home = fromHtml(await readFile(path.join(built.outDir, 'index.html'), 'utf8'));
    expect(selectAll('meta[property^="og:image"], meta[name="twitter:image"]', home)).toEqual([]);
    expect(selectAll('meta[name="twitter:card"]', home).map((meta) => meta.properties.content)).toEqual(['summary']);
    expect(selectAll('meta[property="og:title"]', home)).toHaveLength(1);
  });

  it('gives each of its four commenters a colour of their own, and the map a legend naming them', async () => {
    const home = await readFile(path.join(built.outDir, 'index.html'), 'utf8');
    const colours = [...home.matchAll(/\.speaker-([A-Z]+)\{--speaker:(light-dark\([^)]*\))/g)].map((match) => match[2]);
    expect(colours).toHaveLength(4);
    expect(new Set(colours).size).toBe(4);
    const map = fromHtml(await readFile(path.join(built.outDir, 'map/index.html'), 'utf8'));
    expect(selectAll('.map-legend li', map).map((item) => toText(item).trim())).toEqual(expect.arrayContaining(['Wren Ash', 'Odo Pike', 'Kit Vale', 'Sel Marsh']));
    const search = fromHtml(await readFile(path.join(built.outDir, 'search/index.html'), 'utf8'));
    expect(selectAll('input[name="who"]', search).map((input) => String((input as { properties: { value?: unknown } }).properties.value))).toEqual(['Wren Ash', 'Odo Pike', 'Kit Vale', 'Sel Marsh', 'Outside work', 'The guide']);
  });
});
