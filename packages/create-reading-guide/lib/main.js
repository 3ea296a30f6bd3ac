/**
 * Makes a new guide's repository: the template (site config, README,
 * CONTRIBUTING, workflows, pull request template), a package.json that
 * depends on this release of `reading-guide`, and a content folder, either
 * the starter guide or a thread imported by `reading-guide import`.
 * It asks in a terminal for what no flag says; with --yes it asks nothing.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prompts from '@clack/prompts';
import { parseDocument } from 'yaml';

const packageFolder = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
// The Node the guide pins for itself, as this repository does: Astro 7 needs 22.12 or later.
const nodeRange = '^24.21.0';

export const usage = `Usage: npm create reading-guide [folder] -- [flags]

Makes a new reading guide's repository in the folder (default: my-guide).

  --from <export-or-url>  start from this thread, through \`reading-guide import\`
                          (an export file saved from the platform, or the
                          discussion's address); without it, the starter guide
  --title <text>          the guide's title (default: the thread's)
  --site, --url, --thread-title, --names, --format <text>
                          passed to the importer (see \`reading-guide import --help\`):
                          the thread's site, address and title where the export
                          lacks them, how commenters are named, the export's format
  --yes                   ask nothing: take every default
  --help                  this text`;

/** A mistake in the command line: exit code 2, with the usage. */
export class UsageError extends Error {}
/** Something that stopped the guide being made: exit code 1. */
export class CreateError extends Error {
  /**
   * @param {string} message
   * @param {ImportFlag[]} [missing] what an import lacked that the export does not say, and a user could answer
   */
  constructor(message, missing = []) {
    super(message);
    this.missing = missing;
  }
}

/** @typedef {'url' | 'title' | 'site'} ImportFlag */

/** The questions for what an export may not say of its thread: the importer's flag, and how a terminal asks for it. */
const importQuestions = /** @type {const} */ ({
  url: { message: 'Address of the discussion (the export does not say it)', placeholder: 'https://…' },
  title: { message: 'Title of the discussion (the export does not say it)', placeholder: undefined },
  site: { message: 'Site the discussion is on (the export does not say it)', placeholder: undefined }
});

/** The flags handed on to `reading-guide import`, as this command's name for each and the importer's. */
const importerFlags = /** @type {const} */ (['site', 'url', 'thread-title', 'names', 'format']);

const options = /** @type {const} */ ({
  from: { type: 'string' },
  title: { type: 'string' },
  site: { type: 'string' },
  url: { type: 'string' },
  'thread-title': { type: 'string' },
  names: { type: 'string' },
  format: { type: 'string' },
  yes: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false }
});

/** @typedef {{ folder: string, from: string | undefined, title: string | undefined, importer: string[], quiet: boolean }} Request */

/**
 * What to make, from the flags and, where they are silent, the answers in the
 * terminal.
 * @param {string[]} argv
 * @param {{ interactive: boolean, ask?: typeof askInTerminal }} how
 * @returns {Promise<Request | 'help' | 'cancelled'>}
 */
export async function readRequest(argv, { interactive, ask = askInTerminal }) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message);
  }
  const { positionals } = parsed;
  // What parseArgs gives for these options; its own inferred type does not narrow them through JSDoc.
  const values = /** @type {{ [flag in (typeof importerFlags)[number] | 'from' | 'title']?: string } & { yes: boolean, help: boolean }} */ (parsed.values);
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`Give one folder, not ${positionals.length}.`);
  if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title must not be empty.');
  let folder = positionals[0];
  let from = values.from;
  if (!values.yes && (folder === undefined || from === undefined)) {
    if (!interactive) throw new UsageError('There is no terminal to ask in: give --yes to take every default, or the folder and --from.');
    const answers = await ask({ folder, from });
    if (answers === undefined) return 'cancelled';
    ({ folder, from } = answers);
  }
  const importer = importerFlags.flatMap((flag) => {
    const value = values[flag];
    return value === undefined ? [] : [`--${flag === 'thread-title' ? 'title' : flag}`, value];
  });
  if (importer.length > 0 && !from) throw new UsageError(`${importer[0]} is for an import: give --from as well.`);
  return { folder: folder ?? 'my-guide', from: from || undefined, title: values.title, importer, quiet: values.yes };
}

/**
 * @param {{ folder: string | undefined, from: string | undefined }} known
 * @returns {Promise<{ folder: string, from: string | undefined } | undefined>}
 */
async function askInTerminal(known) {
  prompts.intro('A new reading guide');
  const folder =
    known.folder ??
    (await prompts.text({ message: 'Folder to make it in', placeholder: 'my-guide', defaultValue: 'my-guide' }));
  if (prompts.isCancel(folder)) return undefined;
  let from = known.from;
  if (from === undefined) {
    const start = await prompts.select({
      message: 'Start from',
      options: [
        { value: 'starter', label: 'the starter guide', hint: 'an invented three-comment thread, to replace later' },
        { value: 'import', label: 'a thread', hint: 'an export file or the discussion’s address' }
      ]
    });
    if (prompts.isCancel(start)) return undefined;
    if (start === 'import') {
      const answer = await prompts.text({
        message: 'Export file or address of the discussion',
        validate: (value) => (value?.trim() ? undefined : 'Give a file or an address.')
      });
      if (prompts.isCancel(answer)) return undefined;
      from = answer.trim();
    }
  }
  return { folder, from };
}

/**
 * Writes the guide's repository into `target`, which must be missing or empty;
 * on a failure it removes what it wrote.
 * @param {Request} request
 * @param {{ cwd: string, log: (line: string) => void }} context
 */
export async function createGuide(request, { cwd, log }) {
  const target = path.resolve(cwd, request.folder);
  const existed = await ensureEmpty(target, request.folder);
  try {
    await cp(path.join(packageFolder, 'template'), target, { recursive: true });
    // npm leaves dotfiles such as .gitignore out of a package, so the template names them without the dot.
    await rename(path.join(target, 'gitignore'), path.join(target, '.gitignore'));
    await rename(path.join(target, 'nvmrc'), path.join(target, '.nvmrc'));
    await writeFile(path.join(target, 'package.json'), `${JSON.stringify(guidePackage(path.basename(target)), null, 2)}\n`);
    const content = path.join(target, 'content');
    if (request.from === undefined) await cp(path.join(packageFolder, 'starter', 'content'), content, { recursive: true });
    else await importThread(request.from, request.importer, content, cwd, log);
    const title = await retitle(path.join(content, 'guide.yaml'), request.title);
    const readme = path.join(target, 'README.md');
    await writeFile(readme, (await readFile(readme, 'utf8')).replaceAll('{{title}}', () => title));
    return { target, title };
  } catch (error) {
    await (existed ? emptyFolder(target) : rm(target, { recursive: true, force: true }));
    throw error;
  }
}

/** @returns {Promise<boolean>} whether the folder was there already */
async function ensureEmpty(target, shown) {
  let entries;
  try {
    if (!(await stat(target)).isDirectory()) throw new CreateError(`${shown} is a file: choose a folder that does not exist yet, or an empty one.`);
    entries = await readdir(target);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') {
      await mkdir(target, { recursive: true });
      return false;
    }
    throw error;
  }
  if (entries.length > 0) throw new CreateError(`${shown} is not empty (it holds ${entries.length === 1 ? entries[0] : `${entries.length} entries`}): choose another folder, or empty it.`);
  return true;
}

async function emptyFolder(target) {
  for (const entry of await readdir(target)) await rm(path.join(target, entry), { recursive: true, force: true });
}

/** The guide's package.json: this release of the integration, the Astro it needs, and Node 24 pinned for machines with an older one. */
function guidePackage(folderName) {
  const integration = /** @type {{ version: string, peerDependencies: Record<string, string> }} */ (require('reading-guide/package.json'));
  return {
    name: folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'reading-guide-site',
    version: '0.0.0',
    private: true,
    type: 'module',
    engines: { node: '>=22.18.0' },
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      check: 'reading-guide check',
      new: 'reading-guide new',
      import: 'reading-guide import',
      test: 'reading-guide check && astro build'
    },
    dependencies: {
      astro: integration.peerDependencies.astro,
      'reading-guide': `^${integration.version}`
    },
    devDependencies: { node: nodeRange },
    allowScripts: { node: true, esbuild: true }
  };
}

/** Runs the installed `reading-guide import`, so that a guide starts from a thread exactly as a later import would make it. */
async function importThread(from, flags, content, cwd, log) {
  const source = /^https?:\/\//i.test(from) ? from : path.resolve(cwd, from);
  const command = path.join(path.dirname(require.resolve('reading-guide/package.json')), 'bin', 'reading-guide.js');
  const output = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, 'import', source, '--out', content, ...flags], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(String(chunk)));
    child.stderr.on('data', (chunk) => output.push(String(chunk)));
    child.on('error', reject);
    child.on('close', resolve);
  });
  // The importer's --title is the thread's, which this command calls --thread-title.
  const text = output.join('').trim().replace(/--title\b/g, '--thread-title');
  if (code !== 0) throw new CreateError(`The thread could not be imported:\n${text}`, missingFlags(text));
  // The importer's own "Next:" line speaks of this repository's scripts, which the summary below repeats.
  for (const line of text.split('\n')) if (!line.startsWith('Next:')) log(line);
}

/**
 * The flags an import failed for want of, where it says the export does not
 * tell them (a Discourse topic names no site, for one).
 * @param {string} text what the importer printed
 * @returns {ImportFlag[]}
 */
function missingFlags(text) {
  if (!/does not say/.test(text)) return [];
  return [...new Set([...text.matchAll(/--(url|thread-title|site)\b/g)].map((match) => /** @type {ImportFlag} */ (match[1] === 'thread-title' ? 'title' : match[1])))];
}

/**
 * Asks in the terminal for each of `missing`, as the importer's flags.
 * @param {ImportFlag[]} missing
 * @returns {Promise<string[] | undefined>} undefined when the user cancels
 */
async function askForMissing(missing) {
  const flags = [];
  for (const flag of missing) {
    const { message, placeholder } = importQuestions[flag];
    const validate = (/** @type {string | undefined} */ value) => {
      if (!value?.trim()) return 'The import needs it.';
      if (flag === 'url' && !/^https?:\/\/\S+$/i.test(value.trim())) return 'Give the address, starting with https://.';
      return undefined;
    };
    const answer = await prompts.text({ message, placeholder, validate });
    if (prompts.isCancel(answer)) return undefined;
    flags.push(`--${flag}`, answer.trim());
  }
  return flags;
}

/** Gives guide.yaml the title asked for, keeping its comments and layout; returns the guide's title. */
async function retitle(file, title) {
  const document = parseDocument(await readFile(file, 'utf8'));
  if (title !== undefined) {
    document.set('title', title);
    await writeFile(file, document.toString());
  }
  return String(document.get('title'));
}

/**
 * The command: exit code 0 when the guide is made (or help was asked for),
 * 1 when something stopped it, 2 for a mistake in the command line.
 * @param {string[]} argv
 * @param {{ stdin: { isTTY?: boolean }, stdout: NodeJS.WritableStream & { isTTY?: boolean }, stderr: NodeJS.WritableStream }} io
 * @param {{ cwd?: string, ask?: typeof askInTerminal, askMissing?: typeof askForMissing }} [overrides]
 */
export async function run(argv, io, overrides = {}) {
  const cwd = overrides.cwd ?? process.cwd();
  const say = (line) => io.stdout.write(`${line}\n`);
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const cancelled = () => (io.stderr.write('Cancelled: nothing was written.\n'), 1);
  try {
    const request = await readRequest(argv, { interactive, ask: overrides.ask });
    if (request === 'help') {
      say(usage);
      return 0;
    }
    if (request === 'cancelled') return cancelled();
    let made;
    // In a terminal, what the export does not say is asked for, once, and the import tried again; with --yes or no terminal the flags must say it.
    const given = new Set(request.importer.filter((word) => word.startsWith('--')));
    while (!made) {
      try {
        made = await createGuide(request, { cwd, log: say });
      } catch (error) {
        const unasked = error instanceof CreateError ? error.missing.filter((flag) => !given.has(`--${flag}`)) : [];
        if (unasked.length === 0 || !interactive || request.quiet) throw error;
        for (const flag of unasked) given.add(`--${flag}`);
        const flags = await (overrides.askMissing ?? askForMissing)(unasked);
        if (flags === undefined) return cancelled();
        request.importer.push(...flags);
      }
    }
    const { target, title } = made;
    const shown = path.relative(cwd, target) || '.';
    say(`Made “${title}” in ${shown}/. Next:`);
    say(`  cd ${shown}`);
    say('  npm install');
    say('  npm run dev        read it at http://localhost:4321');
    say('Then add claims and annotations (npm run new; CONTRIBUTING.md says how).');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${usage}\n`);
      return 2;
    }
    if (error instanceof CreateError) {
      io.stderr.write(`create-reading-guide: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
