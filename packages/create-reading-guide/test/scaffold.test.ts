/**
 * `npm create reading-guide` as a user meets it: the packages packed as they
 * would be published, the command installed from its tarball, a guide made
 * with --yes, installed offline from the tarballs, checked, built and
 * crawled; then upgraded to a next release by a version bump alone.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl, serve } from '../../reading-guide/test/helpers/crawl.ts';
import { projectRoot } from '../../reading-guide/test/helpers/fixtures.ts';
import { htmlFiles } from '../../reading-guide/test/helpers/html-validation.ts';
import { filesOf, installOffline, npm, pack } from '../../reading-guide/test/helpers/offline-install.ts';

const workspace = await mkdtemp(path.join(tmpdir(), 'scaffold-'));
const packs = path.join(workspace, 'packs');
await mkdir(packs);

/** Runs the guide's own `npm test` (check and build), which must pass, and returns its HTML files. */
async function buildAndList(guide: string): Promise<string[]> {
  const built = npm(guide, ['test']);
  expect(built.status, built.output).toBe(0);
  return (await htmlFiles(path.join(guide, 'dist'))).map((file) => path.relative(guide, file)).sort();
}

describe('npm create reading-guide, from the packed packages', { timeout: 300_000 }, () => {
  const tarballs = ['packages/remark-text-quote', 'packages/reading-guide', 'packages/create-reading-guide'].map((folder) => pack(folder, packs));
  const guide = path.join(workspace, 'my-guide');
  let pages: string[] = [];

  it('packs each package with only what it publishes', async () => {
    const integration = filesOf(tarballs[1]!);
    // The commands run from their build where the package is installed.
    expect(integration).toContain('package/dist/cli/reading-guide.js');
    expect(integration).toContain('package/bin/reading-guide.js');
    expect(integration.some((file) => file.startsWith('package/test/'))).toBe(false);
    const create = filesOf(tarballs[2]!);
    expect(create).toContain('package/template/gitignore');
    expect(create).toContain('package/starter/content/guide.yaml');
    expect(create.some((file) => file.startsWith('package/test/'))).toBe(false);
    // Each with the readme the registry shows, and a licence.
    for (const files of tarballs.map(filesOf)) {
      expect(files.some((file) => /^package\/readme\.md$/i.test(file))).toBe(true);
      expect(files.some((file) => /^package\/licen[cs]e/i.test(file))).toBe(true);
    }
  });

  it('makes a guide with --yes, which installs offline, passes its own test (check and build), and is crawled with no broken link', async () => {
    const tool = path.join(workspace, 'tool');
    await mkdir(tool);
    await writeFile(path.join(tool, 'package.json'), JSON.stringify({ name: 'tool', version: '0.0.0', private: true, dependencies: { 'create-reading-guide': `file:${tarballs[2]}` } }));
    const installed = installOffline(tool, tarballs);
    expect(installed.status, installed.output).toBe(0);
    const made = npm(workspace, ['exec', '--prefix', tool, '--', 'create-reading-guide', 'my-guide', '--yes']);
    expect(made.status, made.output).toBe(0);
    expect(made.output).toContain('Made “Where should our meeting notes live? — a starter guide” in my-guide/');

    const ready = installOffline(guide, tarballs);
    expect(ready.status, ready.output).toBe(0);
    // Installed, not linked: the guide uses the package as published.
    expect(JSON.parse(await readFile(path.join(guide, 'node_modules/reading-guide/package.json'), 'utf8')).version).toBe('0.1.0');
    expect(await readdir(path.join(guide, 'node_modules/reading-guide'))).not.toContain('test');

    pages = await buildAndList(guide);
    expect(pages).toContain(path.join('dist', 'index.html'));
    expect(pages).toContain(path.join('dist', 'contribute', 'index.html'));
    const served = await serve(path.join(guide, 'dist'), '/');
    try {
      const { pages: reached, broken } = await crawl(served.url);
      expect(broken).toEqual([]);
      // Every page but the 404 page, which no link names, is reached by following links from the home page.
      const built = pages.filter((page) => page !== path.join('dist', '404.html')).map((page) => `/${path.dirname(path.relative('dist', page)).replace(/^\.$/, '')}/`.replace('//', '/'));
      expect([...reached].filter((page) => !/\.\w+$/.test(page)).sort()).toEqual(built.sort());
      const home = await (await fetch(served.url)).text();
      expect(home).toContain('This discussion is invented');
    } finally {
      served.close();
    }
  });

  it('refuses, in the guide, a changed word in a comment', async () => {
    const thread = path.join(guide, 'content/thread');
    const file = path.join(thread, (await readdir(thread)).sort()[0]!);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('meeting notes', 'meeting minutes'));
    try {
      const checked = npm(guide, ['run', 'check']);
      expect(checked.status).toBe(1);
      expect(checked.output).toMatch(/content\/thread\/a1\.md:\d+:\d+/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('upgrades by a version bump: the next release builds the same guide, unchanged, to the same pages', async () => {
    const next = path.join(workspace, 'next');
    // The same code under the next version number, its commands' build (made by the first pack) included.
    await cp(path.join(projectRoot, 'packages/reading-guide'), next, { recursive: true, filter: (source) => !/[\\/]node_modules$/.test(source) });
    const manifest = JSON.parse(await readFile(path.join(next, 'package.json'), 'utf8')) as { version: string };
    manifest.version = '0.1.1';
    await writeFile(path.join(next, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const nextPacks = path.join(workspace, 'next-packs');
    await mkdir(nextPacks);
    const bumped = pack(next, nextPacks, { ignoreScripts: true });
    await rm(path.join(guide, 'node_modules'), { recursive: true, force: true });
    await rm(path.join(guide, 'dist'), { recursive: true, force: true });
    const installed = installOffline(guide, [tarballs[0]!, bumped]);
    expect(installed.status, installed.output).toBe(0);
    expect(JSON.parse(await readFile(path.join(guide, 'node_modules/reading-guide/package.json'), 'utf8')).version).toBe('0.1.1');
    expect(await buildAndList(guide)).toEqual(pages);
  });
});
