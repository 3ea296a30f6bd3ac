/**
 * `astro build` itself, on fixture guides: a guide with a content error must
 * fail the build (non-zero exit, the error named with file, line and rule),
 * never produce a silently broken site; a valid guide must build, under the
 * root and under a sub-path, with every internal link, asset and fragment
 * resolving.
 *
 * The builds share Astro's cache folder, so they run one after another.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { expectedFor, guideCopy, invalidCases, projectRoot } from '../helpers/fixtures.ts';

const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

// Vitest exports Vite's own variables (BASE_URL, MODE, …) to the environment,
// where they would override the child build's configuration.
const viteVariables = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
const childEnvironment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !viteVariables.has(name)));

async function build(content: string, base?: string) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'guide-dist-'));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...childEnvironment, GUIDE_CONTENT: content, BASE_PATH: base, FORCE_COLOR: '0', NO_COLOR: '1' }
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Every root-relative URL in every page must start with the base and point at
 * a file of the build; every fragment must name an id on its page.
 */
async function brokenLinks(outDir: string, base: string): Promise<string[]> {
  const pages = new Map<string, Set<string>>();
  const links: { from: string; url: string }[] = [];
  for (const file of await htmlFiles(outDir)) {
    const tree = fromHtml(await readFile(file, 'utf8'));
    const route = `/${path.relative(outDir, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
    pages.set(route, new Set(selectAll('[id]', tree).map((element) => String((element as Element).properties.id))));
    for (const element of selectAll('[href], [src], blockquote[cite]', tree) as Element[]) {
      for (const attribute of ['href', 'src', 'cite']) {
        const value = element.properties[attribute];
        if (typeof value === 'string') links.push({ from: route, url: value });
      }
    }
  }
  const broken: string[] = [];
  for (const { from, url } of links) {
    if (/^[a-z]+:|^\/\//i.test(url)) continue;
    const [pathPart, fragment] = url.split('#') as [string, string | undefined];
    let target = from;
    if (pathPart !== '') {
      if (!pathPart.startsWith(base)) {
        broken.push(`${from}: ${url} is outside the base ${base}`);
        continue;
      }
      target = `/${pathPart.slice(base.length)}`;
    }
    const ids = pages.get(target);
    if (!ids && !existsSync(path.join(outDir, target))) broken.push(`${from}: ${url} leads nowhere`);
    else if (fragment && ids && !ids.has(decodeURIComponent(fragment))) broken.push(`${from}: ${url} names no id on its page`);
  }
  return broken;
}

const cases = await invalidCases();

describe('astro build', () => {
  it.each([['/'], ['/reading-guide/']])('builds the guide under %s with no broken internal link', async (base) => {
    const { status, output, outDir } = await build(path.join(projectRoot, 'content'), base);
    expect(status, output).toBe(0);
    const pages = await htmlFiles(outDir);
    expect(pages.length).toBeGreaterThan(20);
    expect(await brokenLinks(outDir, base)).toEqual([]);
    const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toContain(`href="${base}claims/`);
    expect(existsSync(path.join(outDir, '404.html'))).toBe(true);
  });

  it.each(cases)('fails on %s, naming the file, line and rule', async (name) => {
    const expected = await expectedFor(name);
    const { status, output, outDir } = await build(await guideCopy(name));
    expect(status, output).not.toBe(0);
    expect(output).toContain(`${expected.file}:${expected.line}:`);
    expect(output).toMatch(new RegExp(`error .* ${expected.rule}\\n\\s+hint: `));
    expect(output).not.toContain('Stack trace');
    expect(await htmlFiles(outDir)).toEqual([]);
  });
});
