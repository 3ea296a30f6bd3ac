/**
 * What one build keeps for the next, in Astro's cache folder: each file's
 * validated data and body facts, keyed by the file's text, and each body's
 * HTML, keyed by everything it is rendered from (its Markdown, the marks and
 * notes planned for it, the glossary, the base path). A file that has not
 * changed is not parsed or validated again, and a body whose inputs have not
 * changed is not rendered again, so a build after one edit does about the
 * work of that edit, while the graph, which links everything to everything,
 * is always built afresh.
 *
 * It also keeps what the site makes from the compiled guide that is slow to
 * make and depends on little (the whole-guide map's layout), keyed by its
 * inputs.
 *
 * Every key also holds a digest of the pipeline's own code and of the
 * installed packages (package-lock.json), so nothing kept can outlive what
 * made it. Only what loaded and rendered without a problem is kept: a build
 * from the cache reports exactly the problems a clean one would.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { BodyFacts } from './load/markdown.ts';
import { digest } from './util/digest.ts';

/** A loaded file, as kept: its data after validation, and what its body tells the graph. */
export interface CachedLoad {
  data: unknown;
  facts: BodyFacts;
}

interface Stored {
  version: string;
  loads: Map<string, CachedLoad>;
  html: Map<string, string>;
  values: Map<string, unknown>;
}

const emptyStore = (version: string): Stored => ({ version, loads: new Map(), html: new Map(), values: new Map() });

const fileName = 'compile-cache.v8';

/** Saves made by this process: each writes a file of its own before putting it in place. */
let saves = 0;

export class CompileCache {
  readonly #file: string;
  readonly #version: string;
  readonly #previous: Stored;
  /** What this build used or made: all that is written back, so the cache holds no more than one guide's worth. */
  readonly #next: Stored;
  /** How many files and bodies this build took from the cache, and how many it asked for. */
  readonly stats = { loads: { taken: 0, asked: 0 }, html: { taken: 0, asked: 0 } };

  private constructor(file: string, version: string, previous: Stored | undefined) {
    this.#file = file;
    this.#version = version;
    this.#previous = previous ?? emptyStore(version);
    this.#next = emptyStore(version);
  }

  /** The cache in `folder`; empty when there is none, or when it was made by other code. */
  static async open(folder: string): Promise<CompileCache> {
    const file = path.join(folder, fileName);
    const version = await codeVersion();
    let previous: Stored | undefined;
    try {
      previous = readStored(await readFile(file), version);
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
    return new CompileCache(file, version, previous);
  }

  /** A key for a loaded file or a rendered body, made of everything it depends on. */
  key(...parts: string[]): string {
    return digest(this.#version, ...parts);
  }

  load(key: string): CachedLoad | undefined {
    return this.#take(this.#previous.loads, this.#next.loads, key, this.stats.loads);
  }

  keepLoad(key: string, load: CachedLoad): void {
    this.#next.loads.set(key, load);
  }

  html(key: string): string | undefined {
    return this.#take(this.#previous.html, this.#next.html, key, this.stats.html);
  }

  keepHtml(key: string, html: string): void {
    this.#next.html.set(key, html);
  }

  /** Something else made from the guide, kept by its key. */
  value(key: string): unknown {
    return this.#take(this.#previous.values, this.#next.values, key, { taken: 0, asked: 0 });
  }

  keepValue(key: string, value: unknown): void {
    this.#next.values.set(key, value);
  }

  #take<T>(previous: Map<string, T>, next: Map<string, T>, key: string, count: { taken: number; asked: number }): T | undefined {
    const value = previous.get(key);
    count.asked += 1;
    if (value !== undefined) {
      next.set(key, value);
      count.taken += 1;
    }
    return value;
  }

  /** A cache for the next run in this process (a recompile under `astro dev`): what this run used and made, in memory. */
  successor(): CompileCache {
    return new CompileCache(this.#file, this.#version, this.#next);
  }

  /**
   * Writes what this build used and made, a batch at a time (serialising a
   * large guide's cache at once would need as much memory again), replacing
   * the cache in one step so that a concurrent build never reads half of it.
   */
  async save(): Promise<void> {
    await mkdir(path.dirname(this.#file), { recursive: true });
    const partial = `${this.#file}.${process.pid}.${(saves += 1)}.tmp`;
    const out = await open(partial, 'w');
    try {
      for (const chunk of chunksOf(this.#next)) {
        const bytes = v8.serialize(chunk);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(bytes.length);
        await out.write(length);
        await out.write(bytes);
      }
    } finally {
      await out.close();
    }
    await rename(partial, this.#file);
  }
}

/** The maps of a stored cache, each written in batches. */
const storedMaps = ['loads', 'html', 'values'] as const;

/** What the cache file holds, in order: its version, then each map a batch of entries at a time. */
type Chunk = { version: string } | { map: (typeof storedMaps)[number]; entries: [string, unknown][] };

const batch = 2000;

function* chunksOf(stored: Stored): Generator<Chunk> {
  yield { version: stored.version };
  for (const map of storedMaps) {
    const entries = [...stored[map]];
    for (let start = 0; start < entries.length; start += batch) yield { map, entries: entries.slice(start, start + batch) };
  }
}

/** The stored cache, if the file was written by this version of the code. */
function readStored(bytes: Buffer, version: string): Stored | undefined {
  const stored = emptyStore(version);
  for (let at = 0; at < bytes.length; ) {
    const length = bytes.readUInt32LE(at);
    const chunk = v8.deserialize(bytes.subarray(at + 4, at + 4 + length)) as Chunk;
    at += 4 + length;
    if ('version' in chunk) {
      if (chunk.version !== version) return undefined;
    } else {
      const map = stored[chunk.map] as Map<string, unknown>;
      for (const [key, value] of chunk.entries) map.set(key, value);
    }
  }
  return stored;
}

/** The code whose output is kept: the loader, the renderer, the map's layout and what they share, and the packages they use. */
const pipelineFolders = ['model', 'capture', 'load', 'render', 'map', 'util'];

/** The lock file of the installation this package is part of: the workspace's, or the site's that installed it. */
const lockFiles = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

function installationLock(from: string): string | undefined {
  for (let folder = from; ; folder = path.dirname(folder)) {
    for (const name of lockFiles) if (existsSync(path.join(folder, name))) return path.join(folder, name);
    if (path.dirname(folder) === folder) return undefined;
  }
}

let version: Promise<string> | undefined;

async function codeVersion(): Promise<string> {
  version ??= (async () => {
    const source = path.dirname(fileURLToPath(import.meta.url));
    // Without a lock file, the package's own manifest at least: its version and the ranges of what it uses.
    const lock = installationLock(source) ?? path.join(source, '../package.json');
    const files = [path.join(source, 'compile.ts'), path.join(source, 'compile-cache.ts'), lock];
    // remark-text-quote is this project's own: in the workspace it changes without a new version in the lock.
    const textQuote = path.join(path.dirname(fileURLToPath(import.meta.resolve('remark-text-quote'))), 'lib');
    for (const folder of [...pipelineFolders.map((name) => path.join(source, name)), textQuote]) {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      files.push(...entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)));
    }
    const texts = await Promise.all(files.sort().map(async (file) => `${path.relative(source, file)}\n${await readFile(file, 'utf8')}`));
    return digest(process.version, ...texts);
  })();
  return version;
}
