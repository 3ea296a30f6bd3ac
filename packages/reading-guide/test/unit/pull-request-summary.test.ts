/**
 * The summary a pull request's check run shows its reviewer: run as the
 * workflow runs it, in a git repository whose last commit adds, changes,
 * renames and removes content, it lists each with its words and page, the
 * problems the check finds, and the link to the built site.
 */
import { spawnSync } from 'node:child_process';
import { rm, writeFile, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryChanges } from '../../src/cli/pull-request-summary.ts';
import { guideCopy, projectRoot } from '../helpers/fixtures.ts';

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.name=Reviewer', '-c', 'user.email=reviewer@example.org', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};

/** A repository holding the minimal guide in content/, then a commit that changes it as `change` does. */
async function pullRequest(change: (content: string) => Promise<void>): Promise<string> {
  const repository = path.dirname(await guideCopy()).concat(`/repository-${Math.random().toString(36).slice(2)}`);
  await mkdir(repository);
  await rename(await guideCopy(), path.join(repository, 'content'));
  git(repository, 'init', '--quiet');
  git(repository, 'add', '.');
  git(repository, 'commit', '--quiet', '-m', 'The guide as it was');
  await change(path.join(repository, 'content'));
  git(repository, 'add', '--all');
  git(repository, 'commit', '--quiet', '-m', 'The pull request');
  return repository;
}

const summary = (repository: string, ...flags: string[]) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/pull-request-summary.ts'), '--base', 'HEAD^1', '--content', 'content', ...flags], { cwd: repository, encoding: 'utf8' });

describe('the pull request summary', () => {
  it('lists what the pull request adds, changes and removes, each with its words and page, and its warnings', async () => {
    const repository = await pullRequest(async (content) => {
      await writeFile(path.join(content, 'annotations/contributed.md'), '---\nkind: context\non: c2-disagree\ncontributor: octocat\n---\n\nContext, without a source.\n');
      await writeFile(path.join(content, 'sources/src2.md'), '---\ntype: report\nshort: Roe 2021\ntitle: A Second Report\nchecked:\n  - fields: [title]\n    where: the report itself\n---\n\nWhat it reports.\n');
      await writeFile(path.join(content, 'claims/c1-tasks.md'), '---\nparaphrase: Models like their tasks.\nquote:\n  in: c1\n  exact: models like tasks\ncites:\n  - source: src1\n---\n');
      await rm(path.join(content, 'claims/c1-emphasis.md'));
      await rename(path.join(content, 'annotations/ann1.md'), path.join(content, 'annotations/strongest.md'));
    });
    const { status, stdout, stderr } = summary(repository, '--site', 'https://github.com/owner/guide/actions/runs/1/artifacts/2');
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('| Claims | 0 | 1 | 1 |\n| Annotations | 2 | 0 | 1 |\n| Sources | 1 | 0 | 0 |');
    expect(stdout).toContain('- changed: `c1-tasks` (/claims/c1-tasks/): Models like their tasks.');
    expect(stdout).toContain('- removed: `c1-emphasis`');
    expect(stdout).toContain('- added: `contributed` (/annotations/contributed/): a context on claim `c2-disagree`, by @octocat');
    expect(stdout).toContain('- added: `strongest` (/annotations/strongest/): a counterargument on claim `c1-tasks`');
    expect(stdout).toContain('- removed: `ann1`');
    expect(stdout).toContain('- added: `src2` (/sources/src2/): Roe 2021, “A Second Report”');
    expect(stdout).toMatch(/### Warnings\n\n- `content\/annotations\/contributed\.md:2:7` This annotation cites no source \(`unsourced-annotation`\): Add `cites`/);
    expect(stdout).not.toContain('### Errors');
    expect(stdout).toContain('[Download the site as this pull request builds it](https://github.com/owner/guide/actions/runs/1/artifacts/2)');
  });

  it('lists the errors that fail the check, and says when there is no site to download', async () => {
    const repository = await pullRequest((content) => writeFile(path.join(content, 'annotations/broken.md'), '---\nkind: context\non: c1-tasks\ncites:\n  - source: src1\n---\n\nSee [the claim](/claims/c9/).\n'));
    const { status, stdout } = summary(repository);
    expect(status).toBe(0);
    expect(stdout).toContain('| Annotations | 1 | 0 | 0 |');
    expect(stdout).toMatch(/### Errors\n\n- `content\/annotations\/broken\.md:8:5` The site publishes nothing at `\/claims\/c9\/` \(`broken-link`\)/);
    expect(stdout).toContain('The site was not built, so there is nothing to download.');
  });

  it('says so when the pull request leaves the content alone', async () => {
    const repository = await pullRequest(async (content) => writeFile(path.join(content, '../README.md'), 'Notes.\n'));
    const { stdout } = summary(repository);
    expect(stdout).toContain('No claim, annotation or source is added, changed or removed.');
    expect(stdout).toContain('`npm run check` finds no problem.');
  });

  it('reads renames, copies and subfolders as git reports them', () => {
    expect(entryChanges('M\tclaims/more/c1.md\nR090\tsources/a.md\tsources/b.md\nC100\tclaims/x.md\tclaims/y.md\nA\tglossary/t.md\nA\tclaims/notes.txt\n')).toEqual([
      { collection: 'claims', id: 'c1', change: 'changed' },
      { collection: 'sources', id: 'a', change: 'removed' },
      { collection: 'sources', id: 'b', change: 'added' },
      { collection: 'claims', id: 'y', change: 'added' }
    ]);
  });
});
