// What `npm create reading-guide` does with its flags, its questions and the
// folder it is given; scaffold.test.ts beside it installs what it makes.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRequest, run, usage, UsageError } from '../lib/main.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
// The first page of a Discourse topic written for the tests (packages/reading-guide/test/fixtures/import/README.md).
const discourseExport = path.join(repository, 'packages/reading-guide/test/fixtures/import/discourse/topic.json');
const integrationVersion = JSON.parse(await readFile(path.join(repository, 'packages/reading-guide/package.json'), 'utf8')).version;

/** Runs the command in a fresh folder; `terminal` says whether it may ask. */
async function create(argv, { terminal = false, ask, askMissing } = {}) {
  const cwd = await mkdtemp(path.join(tmpdir(), 'create-reading-guide-'));
  const out = [];
  const err = [];
  const io = {
    stdin: { isTTY: terminal },
    stdout: { isTTY: terminal, write: (text) => out.push(text) },
    stderr: { write: (text) => err.push(text) }
  };
  const code = await run(argv, io, { cwd, ask, askMissing });
  return { code, cwd, stdout: out.join(''), stderr: err.join('') };
}

describe('the command line', () => {
  it('takes every default with --yes and asks nothing', async () => {
    const asked = [];
    const request = await readRequest(['--yes'], { interactive: true, ask: async (known) => (asked.push(known), known) });
    expect(request).toEqual({ folder: 'my-guide', from: undefined, title: undefined, importer: [], quiet: true });
    expect(asked).toEqual([]);
  });

  it('asks in a terminal only for what no flag says', async () => {
    const asked = [];
    const request = await readRequest(['notes-guide'], {
      interactive: true,
      ask: async (known) => (asked.push(known), { ...known, from: 'export.json' })
    });
    expect(asked).toEqual([{ folder: 'notes-guide', from: undefined }]);
    expect(request).toMatchObject({ folder: 'notes-guide', from: 'export.json' });
  });

  it('refuses, with exit code 2 and the usage, to wait for answers where there is no terminal', async () => {
    const result = await create(['my-guide']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no terminal to ask in: give --yes/);
    expect(result.stderr).toContain('Usage: npm create reading-guide');
    expect(await readdir(result.cwd)).toEqual([]);
  });

  it.each([
    [['a', 'b', '--yes'], /one folder, not 2/],
    [['--yes', '--colour', 'red'], /Unknown option '--colour'/],
    [['--yes', '--title', ' '], /--title must not be empty/],
    [['--yes', '--site', 'chat.example'], /--site is for an import: give --from/]
  ])('refuses %j', async (argv, message) => {
    await expect(readRequest(argv, { interactive: false })).rejects.toThrow(UsageError);
    await expect(readRequest(argv, { interactive: false })).rejects.toThrow(message);
  });

  it('hands the importer its flags under the importer’s names', async () => {
    const request = await readRequest(['g', '--from', 't.txt', '--thread-title', 'Notes', '--site', 'chat.example', '--names', 'real'], { interactive: false });
    expect(request.importer).toEqual(['--site', 'chat.example', '--title', 'Notes', '--names', 'real']);
  });

  it('has a readme that names the flags its usage names, and no other', async () => {
    const flags = (text) => [...new Set(text.match(/--[a-z][a-z-]+/g))].sort();
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Flags'), readme.indexOf('\n## ', readme.indexOf('## Flags') + 1));
    expect(flags(table)).toEqual(flags(usage));
  });

  it('prints its usage for --help and writes nothing', async () => {
    const result = await create(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--from <export-or-url>');
    expect(await readdir(result.cwd)).toEqual([]);
  });

  it('stops, writing nothing, when the questions are cancelled', async () => {
    const result = await create([], { terminal: true, ask: async () => undefined });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cancelled: nothing was written/);
    expect(await readdir(result.cwd)).toEqual([]);
  });
});

describe('the repository it makes', () => {
  it('from the starter: template, content, and a package.json on this release', async () => {
    const result = await create(['my-guide', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    const made = path.join(result.cwd, 'my-guide');
    const files = await readdir(made, { recursive: true });
    for (const file of ['.gitignore', '.nvmrc', 'README.md', 'CONTRIBUTING.md', 'astro.config.mjs', 'package.json', '.github/workflows/check.yml', '.github/workflows/deploy.yml', '.github/pull_request_template.md', 'content/guide.yaml', 'content/capture/thread.txt']) {
      expect(files).toContain(file);
    }
    expect(files).not.toContain('gitignore');
    const manifest = JSON.parse(await readFile(path.join(made, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-guide');
    expect(manifest.dependencies['reading-guide']).toBe(`^${integrationVersion}`);
    expect(manifest.scripts.test).toBe('reading-guide check && astro build');
    const guide = parse(await readFile(path.join(made, 'content/guide.yaml'), 'utf8'));
    // The starter is invented, and its pages say so.
    expect(guide.demonstration).toBe(true);
    expect(await readFile(path.join(made, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${guide.title.replace(/[?]/g, '\\?')}\n`));
    expect(result.stdout).toMatch(/cd my-guide\n\s+npm install\n/);
  });

  it('gives the guide the title asked for, in guide.yaml and the README', async () => {
    const result = await create(['titled', '--yes', '--title', 'Notes on notes']);
    expect(result.code, result.stderr).toBe(0);
    const yaml = await readFile(path.join(result.cwd, 'titled/content/guide.yaml'), 'utf8');
    expect(parse(yaml).title).toBe('Notes on notes');
    // Only the title changes: the starter's editor notes and digests stay as they are.
    expect(parse(yaml).capture.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(path.join(result.cwd, 'titled/README.md'), 'utf8')).toMatch(/^# Notes on notes\n/);
  });

  it('from an export, through the importer: the thread’s comments and the export kept as received', async () => {
    const result = await create(['from-export', '--yes', '--from', discourseExport, '--names', 'real', '--url', 'https://forum.example/t/should-our-style-guide-require-trailing-commas/4242']);
    expect(result.code, result.stderr).toBe(0);
    const content = path.join(result.cwd, 'from-export/content');
    expect(await readFile(path.join(content, 'capture/topic.json'))).toEqual(await readFile(discourseExport));
    expect((await readdir(path.join(content, 'thread'))).length).toBe(4);
    const guide = parse(await readFile(path.join(content, 'guide.yaml'), 'utf8'));
    expect(guide.capture.format).toBe('discourse');
    expect(Object.values(guide.commenters).map((commenter) => commenter.name)).toEqual(['Quill Owl', 'Märta Fern', 'River Stone']);
    expect(guide.demonstration).toBeUndefined();
    expect(result.stdout).toMatch(/Imported 4 comments \(discourse\)/);
  });

  describe('from an export that does not say where the thread is', () => {
    const discourseUrl = 'https://forum.example/t/should-our-style-guide-require-trailing-commas/4242';

    it('asks in a terminal for the address, then imports', async () => {
      const asked = [];
      const result = await create(['asked', '--from', discourseExport], { terminal: true, askMissing: async (missing) => (asked.push(missing), ['--url', discourseUrl]) });
      expect(result.code, result.stderr).toBe(0);
      expect(asked).toEqual([['url']]);
      const guide = parse(await readFile(path.join(result.cwd, 'asked/content/guide.yaml'), 'utf8'));
      expect(guide.thread.url).toBe(discourseUrl);
      expect(guide.thread.site).toBe('forum.example');
    });

    it('writes nothing when that question is cancelled', async () => {
      const result = await create(['asked', '--from', discourseExport], { terminal: true, askMissing: async () => undefined });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Cancelled: nothing was written/);
      expect(await readdir(result.cwd)).toEqual([]);
    });

    it('with --yes, asks nothing even in a terminal: it stops and names the flag', async () => {
      let asked = false;
      const result = await create(['asked', '--yes', '--from', discourseExport], { terminal: true, askMissing: async () => ((asked = true), undefined) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\(--url\)/);
      expect(asked).toBe(false);
      expect(await readdir(result.cwd)).toEqual([]);
    });

    it('asks only for what no flag gave, and asks once: an answer the import still lacks stops it', async () => {
      const asked = [];
      // The recorded plain-text thread without its header, which says the thread's title, site and address.
      const plain = path.join(await mkdtemp(path.join(tmpdir(), 'headless-')), 'thread.txt');
      await writeFile(plain, (await readFile(path.join(repository, 'packages/reading-guide/test/fixtures/import/plain/thread.txt'), 'utf8')).replace(/^(?:(?:Title|Site|URL): .*\n)+\n/, ''));
      const result = await create(['asked', '--from', plain, '--site', 'chat.example'], { terminal: true, askMissing: async (missing) => (asked.push(missing), ['--url', 'not an address']) });
      expect(result.code).toBe(1);
      expect(asked).toEqual([['title', 'url']]);
      // The thread's title is --thread-title here, where --title is the guide's.
      expect(result.stderr).toMatch(/--thread-title/);
      expect(result.stderr).not.toMatch(/--title\b/);
      expect(await readdir(result.cwd)).toEqual([]);
    });

    it('without a terminal, stops and names the flag, writing nothing', async () => {
      let asked = false;
      const result = await create(['asked', '--yes', '--from', discourseExport], { askMissing: async () => ((asked = true), undefined) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/does not say which site it is from: give the address of the topic \(--url\)/);
      expect(asked).toBe(false);
      expect(await readdir(result.cwd)).toEqual([]);
    });
  });

  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'create-reading-guide-'));
    await mkdir(path.join(cwd, 'taken'));
    await writeFile(path.join(cwd, 'taken/notes.txt'), 'mine');
    const err = [];
    const code = await run(['taken', '--yes'], { stdin: {}, stdout: { write() {} }, stderr: { write: (text) => err.push(text) } }, { cwd });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/taken is not empty \(it holds notes\.txt\)/);
    expect(await readdir(path.join(cwd, 'taken'))).toEqual(['notes.txt']);
  });

  it('removes what it wrote when the import fails, and says why', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'create-reading-guide-'));
    await writeFile(path.join(cwd, 'broken.json'), '{"not": "an export"');
    const err = [];
    const code = await run(['broken-guide', '--yes', '--from', 'broken.json'], { stdin: {}, stdout: { write() {} }, stderr: { write: (text) => err.push(text) } }, { cwd });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/The thread could not be imported:\nimport: /);
    expect(existsSync(path.join(cwd, 'broken-guide'))).toBe(false);
  });

  // Copies of this repository's own files, which hold for any guide: kept the same by this test.
  it.each([
    ['CONTRIBUTING.md', 'CONTRIBUTING.md'],
    ['nvmrc', '.nvmrc'],
    ['.github/workflows/deploy.yml', '.github/workflows/deploy.yml'],
    ['.github/pull_request_template.md', '.github/pull_request_template.md']
  ])('ships %s as this repository has it, word for word', async (shipped, own) => {
    expect(await readFile(new URL(`../template/${shipped}`, import.meta.url), 'utf8')).toBe(await readFile(path.join(repository, own), 'utf8'));
  });

  it('pins the Node this repository pins', async () => {
    const result = await create(['pinned', '--yes']);
    const manifest = JSON.parse(await readFile(path.join(result.cwd, 'pinned/package.json'), 'utf8'));
    const own = JSON.parse(await readFile(path.join(repository, 'package.json'), 'utf8'));
    expect(manifest.devDependencies.node).toBe(own.devDependencies.node);
    expect(manifest.engines.node).toBe(own.engines.node);
  });

  it('writes a title with a replacement pattern in it as given', async () => {
    const result = await create(['dollar', '--yes', '--title', 'Costs in $& and $1']);
    expect(await readFile(path.join(result.cwd, 'dollar/README.md'), 'utf8')).toMatch(/^# Costs in \$& and \$1\n/);
  });
});
