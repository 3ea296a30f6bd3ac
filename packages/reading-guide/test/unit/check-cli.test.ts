/**
 * `npm run check` as a contributor runs it: on a valid guide it passes
 * and counts what it holds; on each case of the bad-input corpus it fails, naming the file,
 * line, rule and a hint, with no stack trace, and says nothing about the
 * valid files beside the broken one.
 */
import { spawnSync } from 'node:child_process';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/model/diagnostics.ts';
import { escapeData, escapeProperty } from '../../src/cli/report.ts';
import { expectedFor, guideCopy, guideWith, invalidCases, minimalGuide, projectRoot } from '../helpers/fixtures.ts';

const check = (folder: string, ...flags: string[]) => {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/check.ts'), folder, ...flags], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
};

const cases = await invalidCases();

describe('npm run check', () => {
  it('counts what the guide holds, in the singular where there is one', () => {
    const { status, output } = check(minimalGuide);
    expect(status, output).toBe(0);
    expect(output).toMatch(/: 2 comments, 3 claims, 1 annotation, 1 source, 1 term: no errors\.$/m);
  });

  it('prints warnings but does not fail on them', async () => {
    const folder = await guideWith({ 'annotations/ann1.md': '---\nkind: context\non: c1-tasks\n---\n\nA note without a source.\n' });
    const { status, output } = check(folder);
    expect(status, output).toBe(0);
    expect(output).toMatch(/annotations\/ann1\.md:2:\d+  warning: This annotation cites no source  unsourced-annotation\n    hint: /);
  });

  it('has a bad-input case for every error rule, and at least 30 cases', async () => {
    const covered = new Set(await Promise.all(cases.map(async (name) => (await expectedFor(name)).rule)));
    // Warnings, and failures the pipeline itself must cause, are tested in the unit tests.
    // (No content can make the renderer fail once the checker has passed it: render.test.ts breaks a tree by hand.)
    const elsewhere = new Set(['ignored-file', 'nested-quotation', 'missing-counterargument', 'unsupported-counterargument', 'unsupported-claim', 'unsourced-annotation', 'read-failed', 'missing-field', 'render-failed']);
    const uncovered = Object.keys(rules).filter((rule) => !covered.has(rule) && !elsewhere.has(rule));
    expect(uncovered).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('fails on %s, naming the file, line, rule and a hint, and nothing else', async (name) => {
    const expected = await expectedFor(name);
    const { status, output } = check(await guideCopy(name));
    expect(status, output).toBe(1);
    expect(output).toMatch(new RegExp(`${expected.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${expected.line}:\\d+  .+  ${expected.rule}\\n    hint: .+`));
    expect(output).not.toMatch(/^\s+at /m);
    // Every problem is in the broken file: the valid content beside it is unaffected.
    const files = [...output.matchAll(/^(\S+?):\d+(?::\d+)?  /gm)].map((match) => match[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.endsWith(expected.file), `${file} in:\n${output}`).toBe(true);
  });
});

describe('npm run check --format', () => {
  const warned = () => guideWith({ 'annotations/ann1.md': '---\nkind: context\non: c1-tasks\n---\n\nA note without a source.\n' });

  it.each(cases)('github: %s as a workflow command at its file, line and column, titled with the rule, with the hint', async (name) => {
    const expected = await expectedFor(name);
    const { status, stdout } = check(await guideCopy(name), '--format', 'github');
    expect(status, stdout).toBe(1);
    const commands = stdout.split('\n').filter((line) => line.startsWith('::'));
    const command = commands.find((line) => line.includes(`title=${expected.rule}::`) && line.includes(`${expected.file.replace(/,/g, '%2C')},line=${expected.line},`));
    expect(command, stdout).toMatch(new RegExp(`^::error file=[^,]+,line=${expected.line},col=${expected.column ?? '\\d+'},title=${expected.rule}::[^\\n]+%0Ahint: \\S`));
    // Every line is a command but the count at the end: nothing for GitHub to misread.
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors?, \d+ warnings?$/);
    expect(stdout.trimEnd().split('\n').slice(0, -1).every((line) => line.startsWith('::error ') || line.startsWith('::warning '))).toBe(true);
  });

  it('github: a warning as ::warning, and a pass still passes', async () => {
    const { status, stdout } = check(await warned(), '--format', 'github');
    expect(status, stdout).toBe(0);
    expect(stdout).toMatch(/^::warning file=[^,]*annotations\/ann1\.md,line=2,col=\d+,title=unsourced-annotation::This annotation cites no source%0Ahint: Add `cites`/m);
    expect(stdout).toMatch(/no errors\.$/m);
  });

  it('github: escapes what would end a property or the command, as GitHub documents', async () => {
    // A folder whose name holds a comma, a colon, a percent sign and a line break.
    const copy = await guideCopy('broken-link-page');
    const folder = `${copy} a,b: 100%\nc`;
    await rename(copy, folder);
    const { stdout } = check(folder, '--format', 'github');
    const command = stdout.split('\n').find((line) => line.startsWith('::error '))!;
    expect(command).toMatch(/ file=[^,]*a%2Cb%3A 100%25%0Ac\/annotations\/ann1\.md,line=10,col=1,title=broken-link::/);
    expect(command).toMatch(/::The site publishes nothing at `\/claims\/no-such-claim\/`%0Ahint: /);
  });

  it('github: escapes a carriage return too, and leaves the message’s colons and commas', () => {
    expect(escapeData('50%, then: \r\nmore')).toBe('50%25, then: %0D%0Amore');
    expect(escapeProperty('a,b: 50%\r')).toBe('a%2Cb%3A 50%25%0D');
  });

  it('json: every problem with its place, rule and hint, and the guide’s size when it compiles', async () => {
    const failed = check(await guideCopy('broken-link-page'), '--format', 'json');
    expect(failed.status).toBe(1);
    const report = JSON.parse(failed.stdout) as { errors: number; warnings: number; problems: object[]; guide?: object };
    expect(report).toMatchObject({ errors: 1, warnings: 0 });
    expect(report.problems).toEqual([
      { file: expect.stringMatching(/annotations\/ann1\.md$/), line: 10, column: 1, rule: 'broken-link', severity: 'error', message: expect.stringContaining('/claims/no-such-claim/'), hint: expect.any(String) }
    ]);
    expect(report.guide).toBeUndefined();
    const passed = check(await warned(), '--format', 'json');
    expect(passed.status).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({
      errors: 0,
      warnings: 1,
      problems: [{ rule: 'unsourced-annotation', severity: 'warning', line: 2 }],
      guide: { comments: 2, claims: 3, annotations: 1, sources: 1, terms: 1 }
    });
  });

  it('plain stays the default', async () => {
    const folder = await guideCopy('broken-link-page');
    expect(check(folder, '--format', 'plain').output).toBe(check(folder).output);
    expect(check(folder).stderr).toMatch(/annotations\/ann1\.md:10:1  The site publishes nothing at `\/claims\/no-such-claim\/`  broken-link\n    hint: /);
  });

  it.each(['--format xml', '--formt github', '--format'])('refuses `%s` with a usage message, and checks nothing', async (flags) => {
    const { status, stdout, stderr } = check(minimalGuide, ...flags.split(' '));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: npm run check -- \[content-folder\] \[--format plain\|github\|json\]$/m);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

