/**
 * `npm run bench:import`: how long `npm run import` takes on a large thread,
 * and whether what it writes builds. For each format measured (Reddit's
 * Markdown and Hacker News's HTML, which goes through rehype), it writes a
 * synthetic export of N comments (a reply tree in which each reply quotes
 * its parent, some in pieces, with code samples and deleted comments),
 * imports it as a user would (the import checks its result as npm run check
 * does), takes the median of several runs, then builds one result. It prints
 * a table, writes results/import.json and records the figures in the README.
 *
 *   npm run bench:import                       N = 2,000, three runs
 *   npm run bench:import -- --size 500 --runs 1 --smoke   nothing recorded
 *
 * Exits 1 when an import or the build fails, or an import takes longer than
 * the target.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { userEnvironment } from '../../packages/reading-guide/test/helpers/build-site.ts';
import { measure, median } from './measure.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const readmePath = path.join(projectRoot, 'README.md');
const readmeStart = '<!-- import-bench:start -->';
const readmeEnd = '<!-- import-bench:end -->';
/** The issue's target: 2,000 comments imported in under 10 s. */
const targetSeconds = 10;

const { values: options } = parseArgs({
  options: { size: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' }, smoke: { type: 'boolean', default: false } }
});
const size = Number(options.size);
const runs = Number(options.runs);
if (!Number.isInteger(size) || size < 10 || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench:import -- [--size 2000] [--runs 3] [--smoke]');
  process.exit(2);
}

/** A reply tree: comment i answers comment floor((i - 1) / 3), so the tree is broad and deep. */
const parentOf = (index: number) => (index === 0 ? undefined : Math.floor((index - 1) / 3));
const sentence = (index: number) => `Comment number ${index} makes point ${index * 7} about the trade-offs of approach ${index % 13}, with café-style care.`;
const quoted = (index: number) => {
  const parent = parentOf(index)!;
  // Every fifth reply quotes its parent in pieces, with the words between left out.
  return index % 5 === 0 ? `Comment number ${parent} makes point ${parent * 7} … approach ${parent % 13}, with café-style care.` : sentence(parent);
};
const deleted = (index: number) => index > 0 && index % 97 === 0;
const code = (index: number) => index % 11 === 0;

function redditExport(count: number): string {
  const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const things = Array.from({ length: count }, (_, index) => {
    const body = deleted(index)
      ? '[deleted]'
      : [index === 0 ? '' : `> ${quoted(index)}\n\n`, sentence(index), code(index) ? `\n\n    const value${index} = [1, 2, 3];` : ''].join('');
    return {
      kind: 't1',
      data: {
        id: `c${index}`,
        name: `t1_c${index}`,
        parent_id: index === 0 ? 't3_bench' : `t1_c${parentOf(index)}`,
        author: deleted(index) ? '[deleted]' : `user_${index % 40}`,
        body: escape(body),
        created_utc: 1_780_000_000 + index * 60,
        edited: false,
        permalink: `/r/bench/comments/bench/synthetic/c${index}/`,
        replies: '' as unknown
      }
    };
  });
  for (let index = count - 1; index > 0; index--) {
    const parent = things[parentOf(index)!]!.data;
    if (parent.replies === '') parent.replies = { kind: 'Listing', data: { children: [] } };
    (parent.replies as { data: { children: unknown[] } }).data.children.unshift(things[index]);
  }
  const post = { kind: 't3', data: { id: 'bench', name: 't3_bench', title: 'A synthetic thread', selftext: '', author: 'user_0', created_utc: 1_780_000_000, permalink: '/r/bench/comments/bench/synthetic/' } };
  return JSON.stringify([{ kind: 'Listing', data: { children: [post] } }, { kind: 'Listing', data: { children: [things[0]] } }]);
}

function hackerNewsExport(count: number): string {
  const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const items = Array.from({ length: count }, (_, index) => {
    const text = deleted(index)
      ? null
      : `${index === 0 ? '' : `<p>&gt; ${html(quoted(index))}</p>`}<p>${html(sentence(index))}</p>${code(index) ? `<pre><code>  const value${index} = [1, 2, 3];\n</code></pre>` : ''}`;
    return {
      id: 999_100_000 + index,
      created_at_i: 1_780_000_000 + index * 60,
      type: index === 0 ? 'story' : 'comment',
      author: deleted(index) ? null : `user_${index % 40}`,
      title: index === 0 ? 'Ask HN: a synthetic thread' : null,
      text,
      children: [] as unknown[]
    };
  });
  for (let index = count - 1; index > 0; index--) items[parentOf(index)!]!.children.unshift(items[index]);
  return JSON.stringify(items[0]);
}

const formats = [
  { name: 'Reddit (Markdown)', file: 'thread.json', write: redditExport },
  { name: 'Hacker News, Algolia (HTML)', file: 'item.json', write: hackerNewsExport }
];

const work = await mkdtemp(path.join(os.tmpdir(), 'reading-guide-import-bench-'));
const rows: { format: string; comments: number; seconds: number[]; median: number }[] = [];
let failed = false;
let built: { seconds: number; ok: boolean } | undefined;
try {
  for (const format of formats) {
    const exportFile = path.join(work, format.file);
    await writeFile(exportFile, format.write(size));
    const seconds: number[] = [];
    let out = '';
    for (let run = 0; run < runs; run++) {
      out = path.join(work, `${format.file}-${run}`, 'content');
      const result = await measure(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/import.ts'), exportFile, '--out', out], { cwd: projectRoot, env: userEnvironment() });
      if (result.status !== 0) {
        console.error(`${format.name}: the import failed\n${result.output}`);
        failed = true;
        break;
      }
      seconds.push(result.ms / 1000);
    }
    if (seconds.length === 0) continue;
    rows.push({ format: format.name, comments: size, seconds, median: median(seconds) });
    // The result must build: once, for the HTML export, whose conversion is the harder one.
    if (format === formats.at(-1)) {
      const env = userEnvironment({ GUIDE_CONTENT: out, ASTRO_CACHE_DIR: path.join(work, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' });
      const build = await measure(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(work, 'site')], { cwd: projectRoot, env });
      built = { seconds: build.ms / 1000, ok: build.status === 0 };
      if (!built.ok) {
        console.error(`The imported guide did not build:\n${build.output.slice(-4000)}`);
        failed = true;
      }
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`;
const table = [
  `Measured on ${new Date().toISOString().slice(0, 10)} on ${machine}; median of ${runs} run(s), each a fresh \`npm run import\` (reading, converting, writing and checking).`,
  '',
  '| Export | Comments | Import | Target |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((row) => `| ${row.format} | ${row.comments.toLocaleString('en')} | ${row.median.toFixed(1)} s | under ${targetSeconds} s${row.median < targetSeconds ? '' : ' (missed)'} |`),
  '',
  built ? `The imported ${size.toLocaleString('en')}-comment guide ${built.ok ? `builds, in ${built.seconds.toFixed(1)} s` : 'did not build'}.` : ''
].join('\n');
console.log(table);
for (const row of rows) if (row.comments >= 2000 && row.median >= targetSeconds) failed = true;

if (!options.smoke && rows.length === formats.length) {
  await writeFile(path.join(projectRoot, 'tests/bench/results/import.json'), `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine, size, runs, rows, build: built }, null, 2)}\n`);
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf(readmeStart);
  const end = readme.indexOf(readmeEnd);
  if (start !== -1 && end > start) await writeFile(readmePath, `${readme.slice(0, start + readmeStart.length)}\n${table}\n${readme.slice(end)}`);
}
process.exitCode = failed ? 1 : 0;
