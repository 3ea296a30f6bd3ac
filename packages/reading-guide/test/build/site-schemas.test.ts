/**
 * A site that adds fields of its own to the content's schemas and keeps its
 * guide in guide/ (packages/reading-guide/test/fixtures/sites/extended): its build shows those
 * fields through its own component, and `reading-guide check`, run in the
 * site's folder as a contributor runs it, finds the folder and checks the
 * site's fields from the site's astro.config, as the build does.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, userEnvironment, type BuiltSite } from '../helpers/build-site.ts';
import { fixturesRoot, projectRoot } from '../helpers/fixtures.ts';

const site = path.join(fixturesRoot, 'sites/extended');
const checkCommand = path.join(projectRoot, 'packages/reading-guide/src/cli/check.ts');

/** `reading-guide check` in `cwd`, with `args`. */
function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [checkCommand, ...args], { cwd, encoding: 'utf8', env: userEnvironment({ GUIDE_CONTENT: undefined }) });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let built: BuiltSite;
beforeAll(() => {
  built = buildSite({ GUIDE_CONTENT: undefined }, { root: site });
});

const page = async (file: string) => fromHtml(await readFile(path.join(built.outDir, file), 'utf8'));

describe('a site with fields of its own in the schemas', () => {
  it('builds its guide from guide/', () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toMatch(/error/i);
  });

  it('shows a claim’s own field through its own component, and nothing for a claim without it', async () => {
    const list = await page('claims/index.html');
    const tasks = select('a.claim-ref[href$="/claims/c1-tasks/"]', list);
    expect(tasks).toBeDefined();
    const topics = selectAll('.claim-topics', list).map((node) => toString(node).trim());
    expect(topics.length).toBeGreaterThan(0);
    expect(new Set(topics)).toEqual(new Set(['(motivation, training)']));
    expect(selectAll('a.claim-ref', list).length).toBeGreaterThan(topics.length);
  });

  it('opens a suggested annotation in the site’s content folder', async () => {
    const suggest = selectAll('a[href*="/new/"]', await page('claims/c1-tasks/index.html')).map((link) => new URL(String(link.properties.href)));
    expect(suggest.length).toBeGreaterThan(0);
    for (const url of suggest) expect(url.pathname).toBe('/example/guide/new/main/guide/annotations');
  });
});

describe('reading-guide check in the site’s folder', () => {
  let broken: string;
  beforeAll(async () => {
    broken = await mkdtemp(path.join(tmpdir(), 'extended-guide-'));
    await cp(path.join(site, 'guide'), broken, { recursive: true });
    const claim = path.join(broken, 'claims/c1-tasks.md');
    await writeFile(claim, (await readFile(claim, 'utf8')).replace('topics:', 'topic:'));
    const guide = path.join(broken, 'guide.yaml');
    await writeFile(guide, (await readFile(guide, 'utf8')).replace(/^series: .*\n/m, ''));
  });
  afterAll(() => rm(broken, { recursive: true, force: true }));

  it('checks the folder the site’s configuration names, with the site’s fields', () => {
    const { status, output } = check(site);
    expect(status, output).toBe(0);
    expect(output).toBe('guide: 2 comments, 3 claims, 1 annotation, 1 source, 1 term: no errors.\n');
  });

  it('holds another folder to the site’s schemas too, naming the file, line and rule of each problem', () => {
    const { status, output } = check(site, broken);
    expect(status, output).toBe(1);
    const shown = path.relative(site, broken);
    expect(output).toContain(`${shown}/claims/c1-tasks.md:3:1  Unknown field \`topic\`  unknown-field\n    hint: Did you mean \`topics\`?`);
    expect(output).toContain(`${shown}/guide.yaml:1:1  Missing required field \`series\`  missing-field\n    hint: Add \`series\`: the series of guides this one belongs to.`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('refuses the site’s fields where no site adds them', () => {
    const { status, output } = check(tmpdir(), path.join(site, 'guide'));
    expect(status, output).toBe(1);
    expect(output).toContain('Unknown field `topics`');
    expect(output).toContain('Unknown field `series`');
  });
});

describe('reading-guide check with a site configuration it cannot use', () => {
  let folder: string;
  beforeAll(async () => {
    // Inside the repository, so that the configuration finds astro and reading-guide as a site's does.
    folder = await mkdtemp(path.join(fixturesRoot, 'sites/.configuration-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  // Each command that reads the site's guide says so the same way: check, new and the pull-request summary.
  it.each(['check.ts', 'new-annotation.ts', 'pull-request-summary.ts'])('%s says which option of readingGuide() is wrong, with no stack trace', async (command) => {
    await writeFile(
      path.join(folder, 'astro.config.mjs'),
      "import readingGuide from 'reading-guide';\nexport default { integrations: [readingGuide({ content: './guide', schemas: { claim: {} } })] };\n"
    );
    const result = spawnSync(process.execPath, [path.join(path.dirname(checkCommand), command)], { cwd: folder, encoding: 'utf8', env: userEnvironment({ GUIDE_CONTENT: undefined }) });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('astro.config.mjs could not be loaded: readingGuide(): an option is wrong:\n  - `schemas`: `claim` is not known; did you mean `claims`?\n');
  });

  it('says when the site adds no reading guide', async () => {
    await writeFile(path.join(folder, 'astro.config.mjs'), 'export default { integrations: [] };\n');
    const { status, output } = check(folder);
    expect(status, output).toBe(1);
    expect(output).toBe('astro.config.mjs adds no readingGuide() to its integrations\n');
  });
});
