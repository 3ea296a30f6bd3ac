/**
 * `npm run bench`: how the guide's build scales, against a plain Astro 7 +
 * unified build of the same Markdown (tests/bench/baseline).
 *
 * For each size N it writes a synthetic guide (synthetic-guide.ts), then, for
 * several runs, builds it cleanly through both pipelines, interleaved so that
 * a change in the machine's load falls on both, and rebuilds ours warm after
 * editing one annotation. It prints medians, checks the targets, writes
 * results.json and an SVG chart, and records the figures in the README.
 *
 *   npm run bench                          N = 1,000 … 5,000, three runs each
 *   npm run bench -- --sizes 1000,2000 --runs 5
 *   npm run bench -- --smoke               N = 50, one run, nothing recorded
 *
 * Exits 1 when a build fails or a target is missed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { userEnvironment } from '../../packages/reading-guide/test/helpers/build-site.ts';
import { lineChart } from './chart.ts';
import { measure, median, type Measurement } from './measure.ts';
import { writeSyntheticGuide, type SyntheticGuideSize } from './synthetic-guide.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const baselineRoot = path.join(projectRoot, 'tests/bench/baseline');
const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const readmePath = path.join(projectRoot, 'README.md');
const readmeStart = '<!-- bench:start -->';
const readmeEnd = '<!-- bench:end -->';

const targets = {
  ratio: 1.25,
  /** Build time may grow at most this much faster than the number of comments. */
  linearSlack: 1.1,
  peakBytes: 2 * 1024 ** 3,
  warmShare: 0.35
};

const { values: options } = parseArgs({
  allowNegative: true,
  options: {
    smoke: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
    readme: { type: 'boolean' },
    keep: { type: 'boolean', default: false }
  }
});
const sizes = (options.sizes ?? (options.smoke ? '50' : '1000,2000,3000,4000,5000')).split(',').map(Number);
const runs = Number(options.runs ?? (options.smoke ? 1 : 3));
const outFolder = path.resolve(options.out ?? (options.smoke ? path.join(os.tmpdir(), 'reading-guide-bench-smoke') : path.join(projectRoot, 'tests/bench/results')));
const updateReadme = options.readme ?? !options.smoke;
if (sizes.some((size) => !Number.isInteger(size) || size < 2) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- [--smoke] [--sizes 1000,5000] [--runs 3] [--out folder] [--readme] [--keep]');
  process.exit(2);
}

type Pipeline = 'baseline' | 'guide';

interface SizeResult {
  size: SyntheticGuideSize;
  clean: Record<Pipeline, Measurement[]>;
  warm: Measurement[];
}

const work = await mkdtemp(path.join(os.tmpdir(), 'reading-guide-bench-'));

/** A build of `guide` through one pipeline, into `out`, with Astro's cache in `cache`. */
async function build(pipeline: Pipeline, guide: string, out: string, cache: string): Promise<Measurement> {
  // Built as in a user's shell (not as under Vitest, when the smoke run is a test),
  // and as on a reader's machine: for the root of a local server, with no repository links.
  const env = userEnvironment({ GUIDE_CONTENT: guide, ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' });
  for (const name of ['SITE_URL', 'BASE_PATH', 'GITHUB_REPOSITORY', 'GITHUB_SERVER_URL', 'GITHUB_REF_NAME']) delete env[name];
  const root = pipeline === 'guide' ? projectRoot : baselineRoot;
  const result = await measure(process.execPath, [astro, 'build', '--root', root, '--outDir', out], { cwd: projectRoot, env });
  if (result.status !== 0) throw new Error(`The ${pipeline} build of ${guide} failed:\n${result.output.slice(-4000)}`);
  return result;
}

/** Both pipelines must have built a page per claim: a fast build that dropped pages proves nothing. */
async function checkPages(pipeline: Pipeline, out: string, size: SyntheticGuideSize): Promise<void> {
  const claimPages = (await readdir(path.join(out, 'claims'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;
  if (claimPages !== size.claims) throw new Error(`The ${pipeline} build wrote ${claimPages} claim pages for ${size.claims} claims`);
}

async function measureSize(comments: number): Promise<SizeResult> {
  const guide = path.join(work, `guide-${comments}`);
  const size = await writeSyntheticGuide(guide, comments);
  const edited = path.join(guide, 'annotations/c1-claim-1-note-1.md');
  const original = await readFile(edited, 'utf8');
  const result: SizeResult = { size, clean: { baseline: [], guide: [] }, warm: [] };
  for (let run = 1; run <= runs; run += 1) {
    const order: Pipeline[] = run % 2 === 1 ? ['baseline', 'guide'] : ['guide', 'baseline'];
    for (const pipeline of order) {
      const out = path.join(work, `out-${pipeline}`);
      const cache = path.join(work, `cache-${pipeline}`);
      await rm(out, { recursive: true, force: true });
      await rm(cache, { recursive: true, force: true });
      const measurement = await build(pipeline, guide, out, cache);
      await checkPages(pipeline, out, size);
      result.clean[pipeline].push(measurement);
      progress(`N=${comments} run ${run}: ${pipeline} clean ${seconds(measurement.ms)}`);
    }
    // A contributor's edit: one more sentence in one annotation, then a rebuild with the cache kept.
    const marker = `Edited before warm rebuild ${run}.`;
    await writeFile(edited, `${original.trimEnd()}\n\n${marker}\n`);
    const out = path.join(work, 'out-guide');
    const warm = await build('guide', guide, out, path.join(work, 'cache-guide'));
    const page = await readFile(path.join(out, 'annotations/c1-claim-1-note-1/index.html'), 'utf8');
    if (!page.includes(marker)) throw new Error('The warm rebuild did not show the edited annotation');
    await writeFile(edited, original);
    result.warm.push(warm);
    progress(`N=${comments} run ${run}: guide warm ${seconds(warm.ms)}`);
  }
  return result;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 ** 2).toLocaleString('en-GB')} MB`);
const progress = (line: string) => console.log(`  ${line}`);

interface Summary {
  comments: number;
  files: number;
  baselineMs: number;
  guideMs: number;
  ratio: number;
  baselinePeakBytes: number | undefined;
  guidePeakBytes: number | undefined;
  warmMs: number;
  warmShare: number;
}

function summarise({ size, clean, warm }: SizeResult): Summary {
  const baselineMs = median(clean.baseline.map((run) => run.ms));
  const guideMs = median(clean.guide.map((run) => run.ms));
  const peak = (runs: Measurement[]) => (runs.some((run) => run.peakBytes === undefined) ? undefined : Math.max(...runs.map((run) => run.peakBytes!)));
  const warmMs = median(warm.map((run) => run.ms));
  return {
    comments: size.comments,
    files: size.comments + size.claims + size.annotations + size.sources + size.terms + size.cruxes,
    baselineMs,
    guideMs,
    ratio: guideMs / baselineMs,
    baselinePeakBytes: peak(clean.baseline),
    guidePeakBytes: peak(clean.guide),
    warmMs,
    warmShare: warmMs / guideMs
  };
}

interface Check {
  target: string;
  measured: string;
  met: boolean;
}

/** The targets, checked on the sizes they are about; a smoke run at N = 50 measures only fixed costs. */
function checkTargets(rows: Summary[]): Check[] {
  const measured = rows.filter((row) => row.comments >= 1000);
  const checks: Check[] = measured.flatMap((row) => [
    { target: `ratio ≤ ${targets.ratio} at N = ${row.comments}`, measured: row.ratio.toFixed(2), met: row.ratio <= targets.ratio },
    {
      target: `warm rebuild ≤ ${targets.warmShare * 100}% of a clean build at N = ${row.comments}`,
      measured: `${(row.warmShare * 100).toFixed(0)}%`,
      met: row.warmShare <= targets.warmShare
    }
  ]);
  if (measured.length >= 2) {
    const [first, last] = [measured[0]!, measured.at(-1)!];
    const growth = last.guideMs / first.guideMs;
    const allowed = (last.comments / first.comments) * targets.linearSlack;
    checks.push({
      target: `linear: ${last.comments / first.comments}× the comments in ≤ ${allowed.toFixed(1)}× the time`,
      measured: `${growth.toFixed(2)}×`,
      met: growth <= allowed
    });
  }
  const largest = measured.at(-1);
  if (largest && largest.guidePeakBytes !== undefined) {
    checks.push({
      target: `peak memory ≤ ${megabytes(targets.peakBytes)} at N = ${largest.comments}`,
      measured: megabytes(largest.guidePeakBytes),
      met: largest.guidePeakBytes <= targets.peakBytes
    });
  }
  return checks;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function table(rows: Summary[]): string {
  const lines = [
    '| Comments | Files | Plain Astro | Reading guide | Ratio | Guide ms per comment | Peak memory (plain / guide) | Warm rebuild |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.comments.toLocaleString('en-GB')} | ${row.files.toLocaleString('en-GB')} | ${seconds(row.baselineMs)} | ${seconds(row.guideMs)} | ${row.ratio.toFixed(2)} | ${(row.guideMs / row.comments).toFixed(1)} | ${megabytes(row.baselinePeakBytes)} / ${megabytes(row.guidePeakBytes)} | ${seconds(row.warmMs)} (${(row.warmShare * 100).toFixed(0)}%) |`
    )
  ];
  return lines.join('\n');
}

function checksTable(checks: Check[]): string {
  if (checks.length === 0) return 'No target applies at these sizes (they are about N ≥ 1,000).';
  return ['| Target | Measured | Met |', '| --- | ---: | :---: |', ...checks.map((check) => `| ${check.target} | ${check.measured} | ${check.met ? 'yes' : '**no**'} |`)].join('\n');
}

console.log(`Benchmark: N = ${sizes.join(', ')}; ${runs} run(s) each; ${machine()}`);
const results: SizeResult[] = [];
try {
  for (const comments of sizes) results.push(await measureSize(comments));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
if (!options.keep) await rm(work, { recursive: true, force: true });
else console.log(`Kept the guides and builds in ${work}`);

if (results.length === sizes.length) {
  const rows = results.map(summarise);
  const checks = checkTargets(rows);
  const date = new Date().toISOString().slice(0, 10);
  const report = [
    `Measured on ${date} on ${machine()}; medians of ${runs} run(s), clean builds interleaved.`,
    '',
    table(rows),
    '',
    checksTable(checks)
  ].join('\n');
  console.log(`\n${report}\n`);

  await mkdir(outFolder, { recursive: true });
  await writeFile(path.join(outFolder, 'results.json'), `${JSON.stringify({ date, machine: machine(), runs, rows, checks }, null, 2)}\n`);
  const chart = lineChart({
    title: 'Clean build time against thread length',
    xLabel: 'Comments in the thread (N)',
    yLabel: 'Build time (s)',
    series: [
      { name: 'Plain Astro + unified', colour: '#6b6b6b', points: rows.map((row) => ({ x: row.comments, y: row.baselineMs / 1000 })) },
      { name: 'Reading guide', colour: '#1f5fa8', points: rows.map((row) => ({ x: row.comments, y: row.guideMs / 1000 })) },
      { name: 'Guide, warm rebuild', colour: '#1f5fa8', dashed: true, points: rows.map((row) => ({ x: row.comments, y: row.warmMs / 1000 })) }
    ]
  });
  await writeFile(path.join(outFolder, 'build-time.svg'), chart);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(outFolder, 'results.json'))} and build-time.svg`);

  if (updateReadme && existsSync(readmePath)) {
    const readme = await readFile(readmePath, 'utf8');
    const start = readme.indexOf(readmeStart);
    const end = readme.indexOf(readmeEnd);
    if (start === -1 || end < start) throw new Error(`README.md has no ${readmeStart} … ${readmeEnd} section for the figures`);
    await writeFile(readmePath, `${readme.slice(0, start + readmeStart.length)}\n${report}\n${readme.slice(end)}`);
    console.log('Recorded the figures in README.md');
  }
  if (checks.some((check) => !check.met)) process.exitCode = 1;
}
