/**
 * Every case in packages/reading-guide/test/fixtures/invalid, run through the same compile the build
 * runs: it must fail with an error naming the case's file, line and rule, and
 * the hint on how to fix it that the case pins.
 */
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { ContentError, Diagnostics } from '../../src/model/diagnostics.ts';
import { displayPath, loadContent } from '../../src/load/load-content.ts';
import { renderGuide } from '../../src/render/render-guide.ts';
import { checkLinks } from '../../src/site/check-links.ts';
import { buildCases, expectedFor, guideCopy, invalidCases, projectRoot } from '../helpers/fixtures.ts';

/** The first stage of the pipeline that reports an error for the guide in `folder`. */
async function failingStage(folder: string): Promise<string | undefined> {
  const diagnostics = new Diagnostics();
  const content = await loadContent(folder, diagnostics);
  if (diagnostics.hasErrors) return 'load';
  const graph = buildGraph(content, diagnostics);
  if (diagnostics.hasErrors) return 'graph';
  const rendered = await renderGuide(content, graph, { base: '/' }, diagnostics);
  if (diagnostics.hasErrors) return 'render';
  checkLinks(content, graph, rendered, diagnostics, projectRoot);
  return diagnostics.hasErrors ? 'links' : undefined;
}

const cases = await invalidCases();

describe('invalid content', () => {
  it('has a case for every error the build must catch', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'selector-no-match',
        'selector-ambiguous',
        'unknown-reference',
        'duplicate-id',
        'missing-field',
        'wrong-type',
        'self-relation',
        'render-empty',
        'markdown-too-deep',
        'yaml-aliases'
      ])
    );
  });

  it('the minimal guide the cases start from compiles', async () => {
    const compiled = await compileGuide(await guideCopy(), { base: '/' });
    expect(compiled.warnings).toEqual([]);
    expect(Object.keys(compiled.rendered.html.thread)).toEqual(['c1', 'c2']);
  });

  it.each(buildCases)('$name, which the build test runs, fails at the $stage stage', async ({ name, stage }) => {
    expect(await failingStage(await guideCopy(name))).toBe(stage);
  });

  it('pins the column, the message and the hint of every case', async () => {
    const unpinned: string[] = [];
    for (const name of cases) {
      const { column, message, hint } = await expectedFor(name);
      if (column === undefined || message === undefined || hint === undefined) unpinned.push(name);
    }
    expect(unpinned).toEqual([]);
  });

  it.each(cases)('%s fails with the file, line, column, rule, message and hint', async (name) => {
    const expected = await expectedFor(name);
    const folder = await guideCopy(name);
    const error = await compileGuide(folder, { base: '/' }).then(
      () => undefined,
      (thrown: unknown) => thrown
    );
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    const match = problems.find((problem) => problem.rule === expected.rule && problem.file.endsWith(expected.file));
    expect(match, `no ${expected.rule} error on ${expected.file} in:\n${(error as Error).message}`).toBeDefined();
    expect(match!.line).toBe(expected.line);
    if (expected.column !== undefined) expect(match!.column).toBe(expected.column);
    if (expected.message !== undefined) expect(match!.message.split(`${displayPath(folder)}/`).join('<guide>/')).toBe(expected.message);
    expect(match!.severity).toBe('error');
    expect(match!.hint).toBe(expected.hint);
    expect((error as Error).message).toContain(`${match!.file}${match!.line ? `:${match!.line}` : ''}`);
  });
});
