/**
 * What a pull request adds to the guide, for a reviewer: the claims,
 * annotations and sources it adds, changes or removes (from `git diff`
 * against its base), the problems the check finds, and where to read the
 * built site. The check workflow appends it to the job's summary
 * ($GITHUB_STEP_SUMMARY), as Markdown:
 *
 *   node src/cli/pull-request-summary.ts --base HEAD^1 [--content content] [--site <url>]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileGuide } from '../compile.ts';
import { ContentError, Diagnostics, type Problem } from '../model/diagnostics.ts';
import { loadContent, type LoadedContent } from '../load/load-content.ts';
import { sitePath } from '../model/routes.ts';
import type { SchemaExtensions } from '../model/schema.ts';
import { commandGuide, SiteConfigError } from './site-options.ts';

/** The kinds of entry a summary lists, by their folder in content/. */
const listed = {
  claims: 'Claims',
  annotations: 'Annotations',
  sources: 'Sources'
} as const;
type Listed = keyof typeof listed;

export type Change = 'added' | 'changed' | 'removed';

export interface EntryChange {
  collection: Listed;
  id: string;
  change: Change;
}

/**
 * The entries that `git diff --name-status` (run in the content folder, with
 * `--relative`) reports as added, changed or removed. A renamed file is a
 * removal and an addition, since its id is its name; a file in a subfolder
 * keeps its id.
 */
export function entryChanges(nameStatus: string): EntryChange[] {
  const changes: EntryChange[] = [];
  const note = (file: string, change: Change) => {
    const [folder] = file.split('/');
    if (!(folder! in listed) || !file.endsWith('.md')) return;
    changes.push({ collection: folder as Listed, id: path.posix.basename(file, '.md'), change });
  };
  for (const line of nameStatus.split('\n')) {
    const [status, ...files] = line.split('\t');
    if (!status || files.length === 0) continue;
    if (status.startsWith('R')) {
      note(files[0]!, 'removed');
      note(files[1]!, 'added');
    } else if (status.startsWith('C')) note(files[1]!, 'added');
    else note(files[0]!, status === 'A' ? 'added' : status === 'D' ? 'removed' : 'changed');
  }
  return changes;
}

/** One line about an entry as the pull request leaves it: what it is, in its own words. */
function describe(content: LoadedContent | undefined, { collection, id }: EntryChange): string {
  const entry = content?.[collection].find((candidate) => candidate.id === id);
  if (!entry) return `\`${id}\``;
  const page = collection === 'claims' ? sitePath.claim(id) : collection === 'annotations' ? sitePath.annotation(id) : sitePath.source(id);
  switch (entry.collection) {
    case 'claims':
      return `\`${id}\` (${page}): ${entry.data.paraphrase}`;
    case 'annotations':
      return `\`${id}\` (${page}): a ${entry.data.kind}${entry.data.on ? ` on claim \`${entry.data.on}\`` : ''}${entry.data.contributor ? `, by @${entry.data.contributor}` : ''}`;
    case 'sources':
      return `\`${id}\` (${page}): ${entry.data.short}, “${entry.data.title}”`;
    default:
      return `\`${id}\``;
  }
}

/** Text from content, safe in a Markdown table cell or list item of the summary. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export interface SummaryInput {
  changes: readonly EntryChange[];
  /** The content as the pull request leaves it, when it loads. */
  content: LoadedContent | undefined;
  problems: readonly Problem[];
  /** Where the built site can be downloaded, when it was built. */
  siteUrl?: string;
}

export function summaryMarkdown({ changes, content, problems, siteUrl }: SummaryInput): string {
  const lines = ['## What this pull request adds to the guide', ''];
  const count = (collection: Listed, change: Change) => changes.filter((entry) => entry.collection === collection && entry.change === change).length;
  if (changes.length === 0) {
    lines.push('No claim, annotation or source is added, changed or removed.');
  } else {
    lines.push('| | added | changed | removed |', '| --- | ---: | ---: | ---: |');
    for (const [collection, heading] of Object.entries(listed) as [Listed, string][]) {
      lines.push(`| ${heading} | ${count(collection, 'added')} | ${count(collection, 'changed')} | ${count(collection, 'removed')} |`);
    }
    for (const [collection, heading] of Object.entries(listed) as [Listed, string][]) {
      const these = changes.filter((entry) => entry.collection === collection);
      if (these.length === 0) continue;
      lines.push('', `### ${heading}`, '');
      for (const entry of these) lines.push(`- ${entry.change}: ${cell(entry.change === 'removed' ? `\`${entry.id}\`` : describe(content, entry))}`);
    }
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  for (const [heading, these] of [
    ['Errors', errors],
    ['Warnings', warnings]
  ] as const) {
    if (these.length === 0) continue;
    lines.push('', `### ${heading}`, '');
    for (const problem of these) {
      const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
      lines.push(`- \`${where}\` ${cell(problem.message)} (\`${problem.rule}\`)${problem.hint ? `: ${cell(problem.hint)}` : ''}`);
    }
  }
  if (errors.length === 0 && warnings.length === 0) lines.push('', '`npm run check` finds no problem.');
  lines.push('', '### The built site', '');
  lines.push(
    siteUrl
      ? `[Download the site as this pull request builds it](${siteUrl}), unzip it and serve the folder at the root of a local server (for example with \`npx serve\`) to read the change as readers will.`
      : 'The site was not built, so there is nothing to download.'
  );
  return `${lines.join('\n')}\n`;
}

/** The problems a check of `root` finds, errors and warnings, as `npm run check` reports them. */
async function problemsOf(root: string, schemas: SchemaExtensions): Promise<Problem[]> {
  try {
    return (await compileGuide(root, { base: '/', schemas })).warnings;
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

export async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string', default: 'HEAD^1' }, content: { type: 'string' }, site: { type: 'string' } } });
  let guide;
  try {
    guide = await commandGuide(values.content);
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  const { folder: root, schemas } = guide;
  const diff = spawnSync('git', ['diff', '--name-status', '--relative', '-M', values.base, 'HEAD', '--', '.'], { cwd: root, encoding: 'utf8' });
  if (diff.status !== 0) {
    console.error(`git diff against ${values.base} failed: ${diff.stderr.trim()}`);
    process.exitCode = 1;
    return;
  }
  const diagnostics = new Diagnostics();
  const content = await loadContent(root, diagnostics, undefined, schemas).catch(() => undefined);
  process.stdout.write(summaryMarkdown({ changes: entryChanges(diff.stdout), content, problems: await problemsOf(root, schemas), siteUrl: values.site || undefined }));
}

if (import.meta.main) await main();
