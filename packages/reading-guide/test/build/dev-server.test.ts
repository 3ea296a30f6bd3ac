/**
 * `npm run dev` as a contributor uses it: the guide is served, an edit to a
 * content file shows on the next request, and a mistake is reported in the
 * terminal with its file, line and rule while the last good guide stays up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEnvironment } from '../helpers/build-site.ts';
import { guideCopy, projectRoot } from '../helpers/fixtures.ts';

let server: ChildProcess;
let origin = '';
let log = '';
let guide = '';

/** Polls `check` until it holds or `ms` have passed, and says whether it held. */
async function eventually(check: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const page = async (pathname: string) => (await fetch(new URL(pathname, origin))).text();

beforeAll(async () => {
  guide = await guideCopy();
  server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: userEnvironment({ GUIDE_CONTENT: guide, ASTRO_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'guide-dev-cache-')) })
  });
  server.stdout!.on('data', (data: Buffer) => (log += data.toString()));
  server.stderr!.on('data', (data: Buffer) => (log += data.toString()));
  expect(await eventually(async () => /Local\s+(http:\/\/\S+)/.test(log), 60_000), log).toBe(true);
  origin = /Local\s+(http:\/\/\S+)/.exec(log)![1]!;
});

afterAll(() => {
  server?.kill();
});

describe('npm run dev', () => {
  it('serves the guide’s icon where the site has none, and the site’s own preview image', async () => {
    const icon = await fetch(new URL('/favicon.svg', origin));
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toBe(await readFile(path.join(projectRoot, 'packages/reading-guide/public/favicon.svg'), 'utf8'));
    expect((await fetch(new URL('/social-card.png', origin))).headers.get('content-type')).toBe('image/png');
  });

  it('serves the guide and shows an edit to a claim on the next request', async () => {
    expect(await page('/claims/c1-tasks/')).toContain('Models like tasks.');
    const file = path.join(guide, 'claims/c1-tasks.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('paraphrase: Models like tasks.', 'paraphrase: Models are fond of tasks.'));
    expect(await eventually(async () => (await page('/claims/c1-tasks/')).includes('Models are fond of tasks.')), log).toBe(true);
    // The thread's sidenotes and marks are compiled from the claim too.
    expect(await page('/')).toMatch(/aria-label="Claim C\d+: Models are fond of tasks."/);
  });

  it('reports a broken selector with its file, line and rule, and keeps the last good guide up', async () => {
    const file = path.join(guide, 'claims/c1-tasks.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('exact: models like tasks', 'exact: models adore tasks'));
    expect(await eventually(async () => log.includes('selector-no-match')), log).toBe(true);
    expect(log).toMatch(/claims\/c1-tasks\.md:5:10 +These words do not occur in C1/);
    expect(await page('/claims/c1-tasks/')).toContain('Models are fond of tasks.');
  });
});
