/**
 * The benchmark in its smoke mode (N = 50), as `npm test` runs it: both
 * pipelines build the synthetic guide, our warm rebuild shows the edit, and
 * the report, results and chart are written. The timing targets are for
 * N ≥ 1,000 and are checked by the full `npm run bench`, not here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../packages/reading-guide/src/compile.ts';
import { syntheticGuideSize, writeSyntheticGuide } from './synthetic-guide.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

describe('the synthetic guide', () => {
  it('is valid content of the promised size: 4N claims, 4N annotations, quotations that each match once', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'synthetic-guide-'));
    const size = await writeSyntheticGuide(folder, 120);
    expect(size).toEqual(syntheticGuideSize(120));
    const { graph, warnings } = await checkGuide(folder);
    expect(warnings).toEqual([]);
    expect(graph.comments).toHaveLength(120);
    expect(graph.claimOrder).toHaveLength(480);
    expect(Object.keys(graph.annotations)).toHaveLength(480);
    expect(graph.comments.slice(1).every((comment) => comment.quotations.length === 1 && comment.quotations[0]!.quotes.kind === 'comment')).toBe(true);
  });

  it('is the same, byte for byte, for the same N', async () => {
    const [a, b] = [await mkdtemp(path.join(tmpdir(), 'synthetic-a-')), await mkdtemp(path.join(tmpdir(), 'synthetic-b-'))];
    await writeSyntheticGuide(a, 30);
    await writeSyntheticGuide(b, 30);
    for (const file of ['thread/c17.md', 'claims/c17-claim-2.md', 'annotations/c30-claim-4-note-1.md']) {
      expect(await readFile(path.join(a, file), 'utf8')).toBe(await readFile(path.join(b, file), 'utf8'));
    }
  });
});

describe('npm run bench -- --smoke', () => {
  it('builds both pipelines, rebuilds warm, and writes the report and chart', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'bench-smoke-'));
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'tests/bench/run.ts'), '--smoke', '--out', out], {
      cwd: projectRoot,
      encoding: 'utf8'
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/\| 50 \| 479 \| [\d.]+ s \| [\d.]+ s \| [\d.]+ \|/);

    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as {
      rows: { comments: number; baselineMs: number; guideMs: number; warmMs: number; guidePeakBytes: number }[];
    };
    expect(results.rows).toHaveLength(1);
    const [row] = results.rows;
    expect(row!.comments).toBe(50);
    for (const value of [row!.baselineMs, row!.guideMs, row!.warmMs, row!.guidePeakBytes]) expect(value).toBeGreaterThan(0);

    const chart = await readFile(path.join(out, 'build-time.svg'), 'utf8');
    expect(SyntaxValidator.validate(chart)).toBe(true);
    expect(chart.match(/<polyline /g)).toHaveLength(3);
  }, 300_000);
});

describe('npm run bench:import -- --smoke', () => {
  it('imports a synthetic thread in both formats, builds the result, and records nothing', async () => {
    const recorded = await readFile(path.join(projectRoot, 'tests/bench/results/import.json'), 'utf8');
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'tests/bench/import-bench.ts'), '--size', '40', '--runs', '1', '--smoke'], { cwd: projectRoot, encoding: 'utf8' });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/\| Reddit \(Markdown\) \| 40 \| [\d.]+ s \| under 10 s \|/);
    expect(output).toMatch(/\| Hacker News, Algolia \(HTML\) \| 40 \| [\d.]+ s \| under 10 s \|/);
    expect(output).toMatch(/The imported 40-comment guide builds, in [\d.]+ s\./);
    expect(await readFile(path.join(projectRoot, 'tests/bench/results/import.json'), 'utf8')).toBe(recorded);
  }, 300_000);
});
