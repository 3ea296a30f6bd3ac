/**
 * Fixture guides for the tests: `fixtures/minimal` is a small valid
 * guide, `fixtures/sample` one with every kind of content; each folder in `fixtures/invalid` holds the files that, laid
 * over the minimal guide, break it in one way, and `expected.json` saying
 * which file, line and rule the error must name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where the site of this guide is. */
export const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixturesRoot = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const minimalGuide = path.join(fixturesRoot, 'minimal');
export const sampleGuide = path.join(fixturesRoot, 'sample');
export const invalidRoot = path.join(fixturesRoot, 'invalid');

export interface Expected {
  file: string;
  line: number;
  /** The column, where the case pins it down. */
  column?: number;
  rule: string;
  /** The guide the case starts from, laid over the minimal one: `captured` keeps its comments in a capture. */
  on?: 'captured';
  /** The message, as a contributor reads it; `<guide>/` stands for the folder of the guide. */
  message?: string;
  /** The hint below the message, telling the contributor how to fix it. */
  hint?: string;
  /** A file too large to keep in the repository, written when the case is set up: `head`, `repeat` up to `bytes`, then `tail`. */
  generate?: { file: string; head: string; repeat: string; bytes: number; tail?: string };
  /** Entries git cannot hold, made when the case is set up: symbolic links (`link` is what they hold), named pipes and sockets. */
  entries?: ({ path: string; link: string } | { path: string; kind: 'fifo' | 'socket' })[];
}

/** Makes a symbolic link, a named pipe or a socket at `at`. */
export function makeEntry(at: string, entry: NonNullable<Expected['entries']>[number]): void {
  rmSync(at, { force: true });
  if ('link' in entry) return symlinkSync(entry.link, at);
  // Node has no call that makes a pipe; and a socket's file stays only if its server ends without closing it.
  const made =
    entry.kind === 'fifo'
      ? spawnSync('mkfifo', [at])
      : spawnSync(process.execPath, ['-e', 'require("node:net").createServer().listen(process.argv[1], () => process.exit(0))', at]);
  if (made.status !== 0) throw new Error(`Could not make a ${entry.kind} at ${at}: ${made.stderr}`);
}

/**
 * One invalid case for each stage of the pipeline that can stop a build (and
 * each way the first stage meets bad input): the build test runs these
 * through \`astro build\`, every case runs through the same compile in
 * process, and a unit test holds each to failing at its stage.
 */
export const buildCases = [
  { stage: 'load', name: 'missing-field' },
  { stage: 'load', name: 'named-pipe' },
  { stage: 'load', name: 'comment-changed' },
  { stage: 'graph', name: 'selector-no-match' },
  { stage: 'render', name: 'render-empty' },
  { stage: 'links', name: 'broken-link-page' }
] as const;

export async function invalidCases(): Promise<string[]> {
  return (await readdir(invalidRoot)).sort();
}

export async function expectedFor(name: string): Promise<Expected> {
  return JSON.parse(await readFile(path.join(invalidRoot, name, 'expected.json'), 'utf8')) as Expected;
}

/** A fresh copy of the minimal guide, with a case's files laid over it. */
export async function guideCopy(invalidCase?: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `guide-${invalidCase ?? 'minimal'}-`));
  await cp(minimalGuide, folder, { recursive: true });
  if (!invalidCase) return folder;
  const { generate, on, entries = [] } = await expectedFor(invalidCase);
  if (on) await cp(path.join(fixturesRoot, on), folder, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  const overlay = path.join(invalidRoot, invalidCase, 'content');
  if (existsSync(overlay)) await cp(overlay, folder, { recursive: true });
  for (const entry of entries) makeEntry(path.join(folder, entry.path), entry);
  if (generate) {
    const { writeFile } = await import('node:fs/promises');
    const body = generate.repeat.repeat(Math.ceil(generate.bytes / generate.repeat.length));
    await writeFile(path.join(folder, generate.file), generate.head + body + (generate.tail ?? ''));
  }
  return folder;
}

/** A fresh copy of the minimal guide with some files replaced or added. */
export async function guideWith(files: Record<string, string>): Promise<string> {
  const folder = await guideCopy();
  const { mkdir, writeFile } = await import('node:fs/promises');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  return folder;
}

/** Every problem a check of `folder` reports, errors and warnings. */
export async function allProblemsOf(folder: string) {
  const { checkGuide } = await import('../../src/compile.ts');
  const { ContentError } = await import('../../src/model/diagnostics.ts');
  try {
    const { warnings } = await checkGuide(folder);
    return warnings;
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

/** The errors a check of `folder` reports; empty when it passes. */
export async function problemsOf(folder: string) {
  return (await allProblemsOf(folder)).filter((problem) => problem.severity === 'error');
}

/** The warnings a check of `folder` reports. */
export async function warningsOf(folder: string) {
  return (await allProblemsOf(folder)).filter((problem) => problem.severity === 'warning');
}
