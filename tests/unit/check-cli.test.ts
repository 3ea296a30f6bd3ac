/**
 * `npm run check` as a contributor runs it: on the shipped guide it passes
 * quickly; on each case of the bad-input corpus it fails, naming the file,
 * line, rule and a hint, with no stack trace, and says nothing about the
 * valid files beside the broken one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/load/diagnostics.ts';
import { expectedFor, guideCopy, guideWith, invalidCases, projectRoot } from '../helpers/fixtures.ts';

const check = (folder: string) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/check.ts'), folder], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, seconds: (performance.now() - started) / 1000 };
};

const cases = await invalidCases();

describe('npm run check', () => {
  it('passes the shipped guide in under 2 seconds', () => {
    const { status, output, seconds } = check(path.join(projectRoot, 'content'));
    expect(status, output).toBe(0);
    expect(output).toMatch(/no errors\.$/m);
    expect(seconds).toBeLessThan(2);
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
    const elsewhere = new Set(['ignored-file', 'missing-counterargument', 'unsupported-claim', 'unsourced-annotation', 'read-failed', 'missing-field', 'render-failed']);
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
