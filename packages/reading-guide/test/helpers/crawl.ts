/**
 * Serves a build as GitHub Pages would and crawls it from its home page, the
 * way a reader clicking every link would: which pages are reached, and which
 * links, assets or fragments lead nowhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { projectRoot } from './fixtures.ts';

export interface Served {
  /** The site's address, base path included, such as http://127.0.0.1:4000/repo/. */
  url: string;
  close: () => void;
}

export async function serve(outDir: string, base: string): Promise<Served> {
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, 'packages/reading-guide/test/helpers/github-pages-server.ts'), outDir, '0', base],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout!.once('data', (data: Buffer) => resolve(/at (\S+)/.exec(data.toString())![1]!));
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { url, close: () => server.kill() };
}

export interface Crawl {
  /** Every HTML page reached, by path. */
  pages: Set<string>;
  broken: string[];
}

export async function crawl(start: string): Promise<Crawl> {
  const origin = new URL(start).origin;
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; url: URL }[] = [];
  const broken: string[] = [];
  const seen = new Set<string>();
  const queue = [{ url: new URL(start), from: '(start)' }];
  while (queue.length > 0) {
    const { url, from: referrer } = queue.shift()!;
    const key = url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const response = await fetch(url);
    if (!response.ok) {
      broken.push(`${referrer}: ${key} answers ${response.status}`);
      continue;
    }
    if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
    const tree = fromHtml(await response.text());
    ids.set(response.url === url.href ? key : new URL(response.url).pathname, new Set(selectAll('[id]', tree).map((element) => String((element as Element).properties.id))));
    // A form's action is a place a reader reaches too, by submitting it.
    for (const element of selectAll('a[href], link[href], script[src], img[src], blockquote[cite], form[action]', tree) as Element[]) {
      const value = element.properties.href ?? element.properties.src ?? element.properties.cite ?? element.properties.action;
      if (typeof value !== 'string') continue;
      const target = new URL(value, url);
      if (target.origin !== origin) continue;
      if (target.hash) fragments.push({ from: key, url: target });
      if (!seen.has(target.pathname)) queue.push({ url: new URL(target.pathname, origin), from: key });
    }
  }
  for (const { from, url } of fragments) {
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (!ids.get(url.pathname)?.has(fragment)) broken.push(`${from}: ${url.pathname}${url.hash} names no element`);
  }
  return { pages: new Set(ids.keys()), broken };
}
