/**
 * `astro build` itself. A guide with a content error must fail the build
 * (non-zero exit, the error named with file, line and rule), never produce a
 * silently broken site. A guide must build for the root and for a
 * sub-path and, served as GitHub Pages serves it, every page must be reached
 * from the home page with no broken link, asset or fragment.
 */
import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { crawl, serve } from '../helpers/crawl.ts';
import { htmlFiles, invalidHtml } from '../helpers/html-validation.ts';
import { buildCases, expectedFor, guideCopy, guideWith, projectRoot, sampleGuide } from '../helpers/fixtures.ts';
import { compileGuide } from '../../src/compile.ts';
import { idsInHtml, siteAddresses } from '../../src/site/addresses.ts';

function build(content: string, base?: string, site?: string, extra: Record<string, string> = {}): BuiltSite {
  return buildSite({ GUIDE_CONTENT: content, BASE_PATH: base, SITE_URL: site, ...extra });
}

/** The address path of each page of a build, as GitHub Pages serves it. */
async function pagePaths(outDir: string, base: string): Promise<string[]> {
  return (await htmlFiles(outDir))
    .map((file) => path.relative(outDir, file).split(path.sep).join('/'))
    .filter((file) => file !== '404.html')
    .map((file) => `${base}${file.replace(/index\.html$/, '')}`)
    .sort();
}

/** The site paths (with any fragment) among `addresses` that are outside `base`, answer with an error, or name no element. */
async function unreachable(addresses: Iterable<string>, siteUrl: string, base: string): Promise<string[]> {
  const pages = new Map<string, Promise<{ status: number; html?: string }>>();
  const load = async (pathname: string) => {
    const response = await fetch(new URL(pathname, siteUrl));
    return { status: response.status, html: response.headers.get('content-type')?.startsWith('text/html') ? await response.text() : undefined };
  };
  const problems: string[] = [];
  for (const address of addresses) {
    const url = new URL(address, siteUrl);
    if (!url.pathname.startsWith(base)) {
      problems.push(`${address} is outside ${base}`);
      continue;
    }
    if (!pages.has(url.pathname)) pages.set(url.pathname, load(url.pathname));
    const page = await pages.get(url.pathname)!;
    if (page.status !== 200) problems.push(`${address} answers ${page.status}`);
    else if (url.hash && page.html !== undefined && !page.html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)) problems.push(`${address} names no element`);
  }
  return problems;
}

/** Each page of a build by its site path (without the base), with the ids it has, and the other files by theirs. */
async function builtAddresses(outDir: string): Promise<{ pages: Map<string, string[]>; files: Set<string> }> {
  const pages = new Map<string, string[]>();
  const files = new Set<string>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!file.endsWith('.html')) files.add(`/${file}`);
    else pages.set(`/${file.replace(/(?:^|\/)index\.html$/, '/').replace(/^\/+/, '')}`.replace(/^\/?/, '/'), idsInHtml(await readFile(path.join(outDir, file), 'utf8')).sort());
  }
  return { pages, files };
}

/** The pages and ids that the link check accepts (src/site/addresses.ts) are those the build published. */
async function expectAddressesOf(content: string, outDir: string): Promise<void> {
  const expected = siteAddresses(await compileGuide(content, { base: '/' }), projectRoot);
  const built = await builtAddresses(outDir);
  const expectedPages = [...expected.keys()].filter((address) => !built.files.has(address)).sort();
  expect(expectedPages).toEqual([...built.pages.keys()].sort());
  for (const [page, ids] of built.pages) expect(ids, page).toEqual([...expected.get(page)!].sort());
}


describe('astro build', () => {
  // BASE_PATH as GitHub's configure-pages gives it: "" for a user site, "/<repo>" for a project.
  it.each([
    ['', '/'],
    ['/reading-guide', '/reading-guide/']
  ])('builds the guide for BASE_PATH=%j: every page reached from %s, nothing broken', async (basePath, base) => {
    const site = 'https://reader.github.io';
    const { status, output, outDir } = build(sampleGuide, basePath, site);
    expect(status, output).toBe(0);
    const server = await serve(outDir, base);
    try {
      const { pages, broken } = await crawl(server.url);
      expect(broken).toEqual([]);
      const built = await pagePaths(outDir, base);
      expect(built.length).toBeGreaterThan(20);
      expect([...pages].sort()).toEqual(built);

      // Previews name pages by site path, the exports by full address: each must be a page (and element) of this site, under the base.
      const named = new Set<string>();
      const previews = (await (await fetch(new URL('previews.json', server.url))).json()) as Record<string, { html: string }>;
      for (const card of Object.values(previews)) for (const [, href] of card.html.matchAll(/href="(\/[^"]*)"/g)) named.add(href!);
      for (const file of ['annotations.jsonld', 'annotations/page-1.jsonld', 'feed.xml', 'argument-map.json']) {
        const text = await (await fetch(new URL(file, server.url))).text();
        for (const [, address] of text.matchAll(new RegExp(`${site.replace(/[.]/g, '\\.')}(/[^"<>\\s]*)`, 'g'))) named.add(address!);
      }
      expect(named.size).toBeGreaterThan(30);
      expect(await unreachable(named, server.url, base)).toEqual([]);
      await expectAddressesOf(sampleGuide, outDir);

      // GitHub Pages' behaviour, which the links must survive.
      const bare = await fetch(new URL('claims', server.url), { redirect: 'manual' });
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe(`${base}claims/`);
      const missing = await fetch(new URL('no-such-page/', server.url));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page not found');

      // Publishing metadata, all absolute and under the base.
      const sitemap = await (await fetch(new URL('sitemap-0.xml', server.url))).text();
      expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort()).toEqual(built);
      expect(await (await fetch(new URL('robots.txt', server.url))).text()).toContain(`Sitemap: ${site}${base}sitemap-index.xml`);
      expect((await fetch(new URL('.nojekyll', server.url))).status).toBe(200);
      for (const page of built) {
        const html = await readFile(path.join(outDir, page.slice(base.length), 'index.html'), 'utf8');
        expect(html, page).toContain(`<link rel="canonical" href="${site}${page}">`);
        expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}">/);
        expect(html, page).toContain(`<meta property="og:image" content="${site}${base}social-card.png">`);
        expect(html, page).toContain('<meta name="twitter:card" content="summary_large_image">');
      }
      expect((await fetch(new URL('social-card.png', server.url))).headers.get('content-type')).toBe('image/png');
      expect(await readFile(path.join(outDir, '404.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');

      // Every page is valid HTML.
      expect(await invalidHtml(outDir)).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('links claims and sources to GitHub for suggestions and edits, and credits contributors', async () => {
    const outside = await guideWith({
      'annotations/ann1.md': '---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\ncontributor: octocat\ncreated: "2026-11-20"\n---\n\nAn objection.\n'
    });
    // Inside the project, as a guide's files are in its repository: a folder outside it has no address there.
    await mkdir(path.join(projectRoot, 'node_modules/.cache'), { recursive: true });
    const content = await mkdtemp(path.join(projectRoot, 'node_modules/.cache/guide-in-repository-'));
    await cp(outside, content, { recursive: true });
    const { status, output, outDir } = build(content, undefined, undefined, { GITHUB_REPOSITORY: 'reader/guide', GITHUB_REF_NAME: 'main' });
    expect(status, output).toBe(0);
    const page = async (route: string) => fromHtml(await readFile(path.join(outDir, route, 'index.html'), 'utf8'));
    const links = (tree: Root) => new Map((selectAll('a[href]', tree) as Element[]).map((link) => [toText(link), String(link.properties.href)]));

    const claim = links(await page('claims/c1-tasks'));
    const suggest = new URL(claim.get('Suggest a counterargument')!);
    expect(`${suggest.origin}${suggest.pathname}`).toMatch(/^https:\/\/github\.com\/reader\/guide\/new\/main\/.*annotations$/);
    expect(suggest.searchParams.get('value')).toContain('on: c1-tasks\n');
    expect(claim.get('Edit on GitHub')).toMatch(/^https:\/\/github\.com\/reader\/guide\/edit\/main\/.*claims\/c1-tasks\.md$/);
    const source = links(await page('sources/src1'));
    expect(new URL(source.get('Suggest a counterargument')!).searchParams.get('value')).toContain('source: src1\n');
    expect(source.get('Edit on GitHub')).toMatch(/\/edit\/main\/.*sources\/src1\.md$/);

    const annotation = links(await page('annotations/ann1'));
    expect(annotation.get('@octocat')).toBe('https://github.com/octocat');
    expect(annotation.get('History')).toMatch(/^https:\/\/github\.com\/reader\/guide\/commits\/main\/.*annotations\/ann1\.md$/);
    expect(toText(await page('annotations/ann1'))).toContain('2026-11-20');
    const contributors = await page('contributors');
    expect(links(contributors).get('@octocat')).toBe('https://github.com/octocat');
    expect(toText(contributors)).toContain('counterargument on claim C2');
  });

  it('publishes exactly the pages and ids the link check accepts, for every kind of entry that gives one', async () => {
    const content = await guideWith({
      'annotations/ann1.md': '---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n---\n\n## The objection\n\nSee [the source](/sources/src1/#cited-by) and [the top of the page](#main).\n',
      'claims/c1-tasks.md': '---\nparaphrase: Models like tasks.\nquote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: src1\nstrongestCounterargument: ann1\n---\n\n### Why it matters\n',
      'cruxes/liking.md': '---\nquestion: Do models like tasks?\nclaims: [c1-tasks, c2-disagree]\nwouldMove:\n  A: [Models that stop once told to]\n  B: [Models that ask for more tasks]\n---\n\n## What would settle it\n\nAblations ([the claim](/claims/c2-disagree/)).\n',
      'pages/cruxes.md': '---\ntitle: Cruxes\ndescription: Where the commenters differ.\n---\n\n## How to read them\n\nEach crux names the claims on both sides.\n',
      'pages/reading-notes.md': '---\ntitle: Reading notes\ndescription: Notes on reading the thread.\nnav: Notes\n---\n\n## First\n\n## First\n\nSee [the annotation](/annotations/ann1/) and [C1](/#comment-c1).\n',
      'glossary/task.md': '---\nterm: task\naliases: [tasks]\n---\n\n#### In short\n\nSomething a model is asked to do, as [claim C1](/claims/c1-tasks/#strongest) says.\n'
    });
    const { status, output, outDir } = build(content);
    expect(status, output).toBe(0);
    await expectAddressesOf(content, outDir);
    const { pages } = await builtAddresses(outDir);
    // The ids the content adds, each where it must be.
    expect(pages.get('/reading-notes/')).toEqual(expect.arrayContaining(['first', 'first-1']));
    expect(pages.get('/claims/c1-tasks/')).toEqual(expect.arrayContaining(['why-it-matters', 'the-objection', 'strongest', 'annotation-ann1-card']));
    expect(pages.get('/claims/c2-disagree/')).toEqual(expect.arrayContaining(['linked-from--claims-c2-disagree-']));
    expect(pages.get('/cruxes/')).toEqual(expect.arrayContaining(['how-to-read-them', 'crux-liking', 'what-would-settle-it']));
    expect(pages.get('/glossary/')).toEqual(expect.arrayContaining(['term-task', 'in-short']));
  });

  it('builds the same commit to a byte-identical site, twice from clean', async () => {
    // Each build has a cache folder of its own, so both are clean.
    const [first, second] = [0, 1].map(() => build(sampleGuide, '/reading-guide', 'https://reader.github.io')) as [BuiltSite, BuiltSite];
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    const files = async (folder: string) =>
      (await readdir(folder, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
        .sort();
    const names = await files(first.outDir);
    expect(await files(second.outDir)).toEqual(names);
    expect(names.length).toBeGreaterThan(50);
    const different: string[] = [];
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(path.join(first.outDir, name)), readFile(path.join(second.outDir, name))]);
      if (!a.equals(b)) different.push(name);
    }
    expect(different).toEqual([]);
  });

  // Every invalid case fails the same compile in process (packages/reading-guide/test/unit/invalid-content.test.ts); here one a stage fails the build itself.
  it.each(buildCases)('fails on $name (a $stage error), naming the file, line and rule, and writes no page', async ({ name }) => {
    const expected = await expectedFor(name);
    const { status, output, outDir } = build(await guideCopy(name));
    expect(status, output).not.toBe(0);
    expect(output).toContain(`${expected.file}:${expected.line}:`);
    expect(output).toMatch(new RegExp(`:${expected.line}:\\d+  .* ${expected.rule}\\n\\s+hint: `));
    expect(output).not.toContain('Stack trace');
    expect(await htmlFiles(outDir)).toEqual([]);
  });
});
