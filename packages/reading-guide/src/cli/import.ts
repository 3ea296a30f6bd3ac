/**
 * `npm run import -- <export-file-or-url>`: makes a guide of a thread. It
 * reads the export (or fetches it), writes guide.yaml, one file a comment
 * and the export itself into the content folder, checks the result as
 * `npm run check` does, and says what it wrote and what to run next.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CaptureError, type CaptureFile } from '../capture/model.ts';
import { detectFormat, readCapture } from '../capture/read-capture.ts';
import { fetchExport, FetchError } from '../import/fetch-export.ts';
import { guideFiles, ImportError, type KeptCaptureFile } from '../import/guide-files.ts';
import { writeGuide } from '../import/write-guide.ts';
import { captureFormats, type CaptureFormat } from '../model/schema.ts';
import { parse as parseYaml } from 'yaml';

const usage = `Usage: npm run import -- <export-file-or-url> [more files] [flags]

Makes a guide of a discussion: its content folder, with guide.yaml, one file a
comment in thread/, and the export itself, kept as received, in capture/.

The export is a file (or files) saved from the platform, or the address of the
discussion, which is fetched. The format is found from the content:
  forummagnum          LessWrong, Alignment Forum, EA Forum: GraphQL comments of a post
  hackernews-algolia   Hacker News: the Algolia API's items/<id>
  hackernews-firebase  Hacker News: a list of items from the official API
  reddit               Reddit: a thread's .json
  discourse            Discourse: a topic's JSON (with include_raw=true)
  github               GitHub: an issue's or pull request's comments (REST API)
  mastodon             Mastodon: a status and its context
  bluesky              Bluesky: app.bsky.feed.getPostThread
  plain                plain text: one paragraph a line, each comment after a
                       line such as "[1] Alice · 2024-05-01", "[2] Bob, replying to [1]"

  --out <folder>        the content folder to write (default: content)
  --force               replace the guide already there (its guide.yaml, thread/
                        and capture/; claims, annotations and sources stay)
  --format <format>     the export's format, when it cannot be told from the content
  --names neutral|real  name commenters Commenter A, B, … (default) or as on the platform
  --order thread|chronological
                        reading order: the thread's (default) or the order of posting
  --title, --site, --url <text>
                        the thread's title, site name and address, where the export lacks them
  --pause <ms>          the pause between two requests when fetching (default: 1000)
  --api-origin <url>    fetch from this origin instead of the platform's API (a mirror)
  --help                this text`;

const options = {
  out: { type: 'string', default: 'content' },
  force: { type: 'boolean', default: false },
  format: { type: 'string' },
  names: { type: 'string', default: 'neutral' },
  order: { type: 'string', default: 'thread' },
  title: { type: 'string' },
  site: { type: 'string' },
  url: { type: 'string' },
  pause: { type: 'string', default: '1000' },
  'api-origin': { type: 'string' },
  help: { type: 'boolean', default: false }
} as const;

class UsageError extends Error {}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length === 0) throw new UsageError('Give the export file, or the address of the discussion.');
  if (values.format !== undefined && !captureFormats.includes(values.format as CaptureFormat)) throw new UsageError(`--format must be one of: ${captureFormats.join(', ')}`);
  if (values.names !== 'neutral' && values.names !== 'real') throw new UsageError('--names must be neutral or real');
  if (values.order !== 'thread' && values.order !== 'chronological') throw new UsageError('--order must be thread or chronological');
  const pause = Number(values.pause);
  if (!Number.isFinite(pause) || pause < 0) throw new UsageError('--pause must be a number of milliseconds');

  for (const [flag, value] of [['--url', values.url], ['--api-origin', values['api-origin']]] as const) {
    if (value !== undefined && !isWebAddress(value)) throw new UsageError(`${flag} must be an http or https address, such as https://example.org/`);
  }

  const fromUrl = /^https?:\/\//i.test(positionals[0]!);
  if (fromUrl && positionals.length > 1) throw new UsageError('Give one address, or files.');
  const kept: KeptCaptureFile[] = fromUrl
    ? await fetchExport(positionals[0]!, { pause, apiOrigin: values['api-origin'], log: (line) => console.log(line) })
    : await Promise.all(captureNames(positionals).map(async (name, index) => ({ name, bytes: await readExport(positionals[index]!) })));
  const files: CaptureFile[] = kept.map((file) => ({ name: file.name, text: new TextDecoder().decode(file.bytes) }));
  const format = (values.format as CaptureFormat | undefined) ?? detectFormat(files);
  // Where the export does not say which site it is from (Discourse), the address given does.
  const base = values.url ?? (fromUrl ? positionals[0] : undefined);
  const thread = readCapture(files, format, { base });
  if (thread.comments.length === 0 && format === 'plain') {
    throw new ImportError(`${files[0]!.name}: no comment starts in it: start each with a line such as \`[1] Alice\` (see --help)`);
  }
  const outside: string[] = [];
  const previousGuide = path.join(values.out, 'guide.yaml');
  const guide = guideFiles(thread, kept, {
    previous: values.force && existsSync(previousGuide) ? readPreviousGuide(previousGuide) : undefined,
    onOutsideQuotation: (file, exact, words) => outside.push(`  ${values.out.replace(/\/$/, '')}/${file}: “${exact}${exact.length < words.replace(/\s+/g, ' ').length ? ' …' : ''}”`),
    names: values.names,
    order: values.order,
    today: new Date().toISOString().slice(0, 10),
    base: format === 'discourse' || format === 'forummagnum' ? base : undefined,
    title: values.title,
    site: values.site,
    url: values.url ?? (fromUrl ? thread.url ?? positionals[0] : undefined)
  });
  const written = await writeGuide(values.out, guide, { force: values.force });
  if (written.warnings) console.log(written.warnings);
  if (outside.length > 0) {
    console.log(`${outside.length === 1 ? 'A quotation' : `${outside.length} quotations`} found in no earlier comment, so marked as quoting a text outside the thread (outsideQuotations); if one quotes the thread after all, name the comment in its file's quotations:`);
    for (const line of outside) console.log(line);
  }
  const out = values.out.replace(/\/$/, '');
  console.log(`Imported ${written.comments} comments (${format}) into ${out}/:`);
  console.log(`  ${out}/guide.yaml             the thread, its commenters and the capture's digests`);
  for (const file of kept) console.log(`  ${out}/capture/${file.name}${' '.repeat(Math.max(1, 22 - file.name.length))}the export, kept as received`);
  console.log(`  ${out}/thread/                ${written.comments} comment files`);
  const env = out === 'content' ? '' : `GUIDE_CONTENT=${out} `;
  console.log(`Next: ${env}npm run check, then ${env}npm run dev to read it, and add claims and annotations (see CONTRIBUTING.md).`);
}

/** Each file's name as it is kept in `capture/`: its own, with nothing that could leave the folder, and a number where two would share a name. */
function captureNames(files: readonly string[]): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const name = path.basename(file).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'export';
    const extension = path.extname(name);
    let kept = name;
    for (let number = 2; used.has(kept); number++) kept = `${name.slice(0, name.length - extension.length)}-${number}${extension}`;
    used.add(kept);
    return kept;
  });
}

async function readExport(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new ImportError(`${file} is a folder: give the export's file (or files) in it`);
    throw error;
  }
}

function readPreviousGuide(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch {
    // A guide.yaml that does not parse has nothing to keep; the import writes a new one.
    return undefined;
  }
}

function isWebAddress(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof CaptureError || error instanceof ImportError || error instanceof FetchError) {
    console.error(`import: ${error.message}`);
    process.exitCode = 1;
  } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`import: no such file: ${(error as NodeJS.ErrnoException).path}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
