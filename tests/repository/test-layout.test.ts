/**
 * The generator's tests run on fixture guides written for them, never on a
 * guide's own content (this repository's `content/` or a guide in
 * `examples/`): a contributor's annotation to a guide must not break a test
 * of the generator. The tests of each guide's content live beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

const generatorTests = ['tests/bench', ...readdirSync(path.join(projectRoot, 'packages')).map((name) => `packages/${name}/test`)];

/** The ways a test names a guide's own files: a path joined to the project's root, or written out from it. */
const guideContent = [/projectRoot\s*,\s*['"`]content\b/, /\$\{projectRoot\}\/?content\b/, /['"`](?:\.\.\/)+content\//, /['"`]examples\//, /\bexamples\/anchoring-comments\b/];

function sourcesIn(folder: string): string[] {
  const root = path.join(projectRoot, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:ts|js|mjs)$/.test(file) && !file.split(path.sep).includes('fixtures') && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(folder, file));
}

it('no test of the generator reads a guide’s own content', () => {
  const files = generatorTests.flatMap(sourcesIn);
  expect(files.length).toBeGreaterThan(50);
  const naming = files.filter((file) => guideContent.some((pattern) => pattern.test(readFileSync(path.join(projectRoot, file), 'utf8'))));
  expect(naming).toEqual([]);
});

it('finds each way of naming a guide’s content that it looks for', () => {
  for (const spelling of ["path.join(projectRoot, 'content')", '`${projectRoot}content/claims`', "new URL('../../content/claims/', import.meta.url)", "path.join(projectRoot, 'examples/anchoring-comments')"]) {
    expect(guideContent.some((pattern) => pattern.test(spelling)), spelling).toBe(true);
  }
  // A guide the test writes, or a fixture's, is no guide's own.
  for (const spelling of ["path.join(cwd, 'my-guide/content/guide.yaml')", "path.join(folder, 'content')", "path.join(fixturesRoot, 'minimal')"]) {
    expect(guideContent.some((pattern) => pattern.test(spelling)), spelling).toBe(false);
  }
});
