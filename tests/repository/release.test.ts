/**
 * Releases: a changeset raises the versions it names and writes their
 * changelogs, and the release workflow publishes with provenance, from this
 * repository only, one release at a time. The workflow itself runs only on
 * GitHub; here it is read for its shape, and the commands it runs are run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  'runs-on': string;
  permissions: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync(path.join(projectRoot, '.github/workflows/release.yml'), 'utf8')) as {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
};
const rootManifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };
const packageFolders = readdirSync(path.join(projectRoot, 'packages')).sort();
const readManifest = (root: string, folder: string) => JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8'));

/** The manifests, lock file and Changesets configuration of the workspace, copied into a temporary folder: what Changesets reads. */
function workspaceCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'release-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(projectRoot, file), path.join(root, file));
  // Its configuration only: the changesets waiting for the next release would change what each test raises.
  mkdirSync(path.join(root, '.changeset'));
  for (const file of ['config.json', 'README.md']) cpSync(path.join(projectRoot, '.changeset', file), path.join(root, '.changeset', file));
  for (const folder of packageFolders) {
    mkdirSync(path.join(root, 'packages', folder), { recursive: true });
    cpSync(path.join(projectRoot, 'packages', folder, 'package.json'), path.join(root, 'packages', folder, 'package.json'));
  }
  return root;
}

const run = (root: string, script: string, args: string[], env: Record<string, string | undefined> = {}) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

describe('a changeset', () => {
  it('raises the version of the package it names, writes its changelog, and is used up; the private root is not released', () => {
    const root = workspaceCopy();
    writeFileSync(path.join(root, '.changeset/quiet-maps-glow.md'), '---\n"reading-guide": minor\n---\n\nThe map shows each commenter in the colour guide.yaml gives.\n');
    const before = Object.fromEntries(packageFolders.map((folder) => [folder, readManifest(root, folder).version]));

    const result = run(root, path.join(projectRoot, 'node_modules/@changesets/cli/bin.js'), ['version']);
    expect(result.status, result.stderr).toBe(0);

    const [major, minor] = (before['reading-guide'] as string).split('.').map(Number);
    const raised = `${major}.${minor! + 1}.0`;
    expect(readManifest(root, 'reading-guide').version).toBe(raised);
    expect(readFileSync(path.join(root, 'packages/reading-guide/CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`## ${raised.replaceAll('.', '\\.')}\\n\\n### Minor Changes\\n\\n- The map shows each commenter in the colour guide\\.yaml gives\\.`)
    );
    // The command that makes a guide is released with the integration it installs, at the same version.
    expect(readManifest(root, 'create-reading-guide').version).toBe(raised);
    expect(readManifest(root, 'create-reading-guide').dependencies['reading-guide']).toBe(`^${raised}`);
    for (const folder of packageFolders.filter((folder) => !['reading-guide', 'create-reading-guide'].includes(folder))) expect(readManifest(root, folder).version).toBe(before[folder]);
    const workspace = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(workspace.version).toBe(rootManifest.version);
    // The shipped guide follows the new version, as a guide made by `npm create` is bumped.
    expect(workspace.dependencies['reading-guide']).toBe(`^${raised}`);
    expect(readdirSync(path.join(root, '.changeset')).sort()).toEqual(['README.md', 'config.json']);
  });
});

describe('the changesets waiting for the next release', () => {
  // One test over them all: right after a release there are none, and a suite of no tests fails.
  it('each name published packages, a kind of change, and what a user will notice', () => {
    const waiting = readdirSync(path.join(projectRoot, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
    const published = packageFolders.filter((folder) => !readManifest(projectRoot, folder).private).map((folder) => readManifest(projectRoot, folder).name);
    const kind = new RegExp(`^['"](?:${published.join('|')})['"]: (?:patch|minor|major)$`);
    for (const file of waiting) {
      const [, head, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(projectRoot, '.changeset', file), 'utf8')) ?? [];
      expect(head, file).toBeDefined();
      for (const line of head!.split('\n')) expect(line, file).toMatch(kind);
      expect(body!.trim().length, file).toBeGreaterThan(20);
    }
  });
});

describe('the release workflow', () => {
  const [job, ...others] = Object.values(workflow.jobs);
  const steps = job!.steps;
  const changesets = steps.find((step) => step.uses?.startsWith('changesets/action@'))!;

  it('runs on pushes to main, one release at a time, never cancelled halfway', () => {
    expect(others).toEqual([]);
    expect(workflow.on).toEqual({ push: { branches: ['main'] } });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.concurrency.group).toContain('release');
  });

  it('is skipped in forks, and asks only for what publishing needs', () => {
    expect(job!.if).toBe('${{ !github.event.repository.fork }}');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('installs with the project’s Node from the whole history, then versions or publishes through Changesets', () => {
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(steps.findIndex((step) => step.run === 'npm ci')).toBeLessThan(steps.indexOf(changesets));
    expect(changesets.with).toMatchObject({ version: 'npm run release:version', publish: 'npm run release:publish' });
  });

  it('publishes with provenance, with the tokens from the repository’s secrets', () => {
    expect(changesets.env).toEqual({
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
      NPM_CONFIG_PROVENANCE: 'true'
    });
  });

  it('runs scripts that the workspace has: versions, then the lock file; the repository field, then publishing', () => {
    expect(rootManifest.scripts['release:version']).toBe('changeset version && npm install --package-lock-only --ignore-scripts');
    expect(rootManifest.scripts['release:publish']).toBe('node .github/scripts/stamp-repository.ts && changeset publish');
  });
});

describe('the repository field that provenance needs', () => {
  const stamp = path.join(projectRoot, '.github/scripts/stamp-repository.ts');

  it('is written from GitHub’s variables into each published package, with its folder', () => {
    const root = workspaceCopy();
    const result = run(root, stamp, [root], { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'someone/some-guide' });
    expect(result.status, result.stderr).toBe(0);
    const published = packageFolders.filter((folder) => !readManifest(projectRoot, folder).private);
    expect(published).toContain('reading-guide');
    for (const folder of published) {
      expect(readManifest(root, folder).repository).toEqual({ type: 'git', url: 'git+https://github.example/someone/some-guide.git', directory: `packages/${folder}` });
    }
  });

  it('is kept where a package names its own', () => {
    const root = workspaceCopy();
    const own = { type: 'git', url: 'git+https://github.example/elsewhere/remark-text-quote.git' };
    const manifest = readManifest(root, 'remark-text-quote');
    writeFileSync(path.join(root, 'packages/remark-text-quote/package.json'), JSON.stringify({ ...manifest, repository: own }));
    expect(run(root, stamp, [root], { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'someone/some-guide' }).status).toBe(0);
    expect(readManifest(root, 'remark-text-quote').repository).toEqual(own);
  });

  it('stops the release on a manifest that does not parse, rather than publishing it without', () => {
    const root = workspaceCopy();
    writeFileSync(path.join(root, 'packages/reading-guide/package.json'), '{ "name": "reading-guide",');
    const result = run(root, stamp, [root], { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'someone/some-guide' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SyntaxError');
  });

  it('stops the release, naming the package, when it cannot be known', () => {
    const root = workspaceCopy();
    const result = run(root, stamp, [root], { GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('packages/reading-guide/package.json has no "repository"');
    expect(readManifest(root, 'reading-guide').repository).toBeUndefined();
  });
});
