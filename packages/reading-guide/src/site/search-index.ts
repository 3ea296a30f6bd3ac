/**
 * The Pagefind search index, built alongside the pages rather than after
 * them: once the guide is compiled (src/site/guide-integration.ts) and Astro
 * has bundled the code that renders the pages, the guide's search records
 * (from the same graph as the pages) go to Pagefind, which indexes them and
 * writes its files into Astro's cache folder in its own process while Astro
 * renders pages; once the site is written, this integration moves the index
 * into it. Indexing errors fail the build.
 *
 * Why wait for the bundle: Pagefind takes some 400 MB while it indexes a
 * part, and the build's own process is at its largest at the end of the
 * compile, while the whole-guide map is laid out and Vite bundles; the two
 * together would take a large guide's build near 2 GB. Indexing takes far
 * less time than rendering the pages, so starting it a few seconds later
 * seldom makes the build longer. For the same reason the open-data exports,
 * the largest files the pages make, wait for the index to be written
 * (src/site/exports.ts); as a page is being rendered, the bundle is there,
 * so their waiting starts the index if nothing else has.
 *
 * A large guide's index is in parts, which the search page searches as one
 * (Pagefind's `mergeIndex`):
 *
 * - Pagefind holds an index in memory while it writes it, some 50 KB a
 *   record, so no part holds more than `recordsPerIndex` records, and the
 *   parts are written one after another;
 * - each record belongs to a part by a digest of its address, so a part
 *   whose records are unchanged since the last build is left as it was, and
 *   a build after an edit indexes only the part that holds what changed. For
 *   that, an index of more than a third of `recordsPerIndex` records is in
 *   two parts at least.
 *
 * Fragments (a record's text, fetched for each result shown) are bundled a
 * few to a file: for a guide of thousands of records, thousands of tiny
 * files take far longer to write, upload and serve than a few hundred small
 * ones.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../export/search-records.ts';
import type { Language } from '../model/ui-strings.ts';
import { digest } from '../util/digest.ts';

/** Records per part at most, unless `SEARCH_RECORDS_PER_INDEX` says otherwise (the tests split a small guide). */
export const recordsPerIndex = () => Number(process.env.SEARCH_RECORDS_PER_INDEX) || 8_000;

/** At most this many fragment files per part. */
const maxFragments = 1000;

/**
 * Pagefind's settings: a part made with others (or by another version of
 * Pagefind) is not reused. Every record is in the guide's language, which
 * is the search page's `lang`, the index Pagefind's script loads.
 */
const indexSettings = (language: Language) => ({ forceLanguage: language, maxFragments });

function partCount(records: number): number {
  const perIndex = recordsPerIndex();
  if (records <= perIndex / 3) return 1;
  return Math.max(2, Math.ceil(records / perIndex));
}

/** Where the index of `records` records is published, as site paths: one part, or several. */
function searchIndexPaths(records: number): string[] {
  const parts = partCount(records);
  return parts === 1 ? ['/pagefind/'] : Array.from({ length: parts }, (_, part) => `/pagefind/${part + 1}/`);
}

/** The part a record belongs to, by its address (an FNV-1a hash of it): the same from one build to the next. */
function partOf(record: SearchRecord, parts: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < record.url.length; index++) hash = Math.imul(hash ^ record.url.charCodeAt(index), 0x01000193) >>> 0;
  return hash % parts;
}

/** What the last build published, and into which site: each part's folder under the site's `pagefind/`, with a digest of what it indexed. */
interface Published {
  site: string;
  parts: Record<string, string>;
}

interface SearchIndexState {
  /** Set while `astro build` runs, as only a build writes an index. */
  build?: {
    folders: {
      /** Where the new parts are written while the pages are built. */
      staging: string;
      /** The site's search index, as the last build left it. */
      site: string;
      /** What the last build published. */
      record: string;
      /** The installed packages, Pagefind among them. */
      lockfile: string;
    };
    /** Settled once Vite has written the bundle that renders the pages: indexing starts then. */
    bundled: PromiseWithResolvers<void>;
  };
  /** Indexing under way. */
  pending?: Promise<{ records: number; parts: Record<string, string>; indexed: string[] }>;
}

/** What `indexForSearch` gives the pages. */
export interface SearchIndexing {
  /** Where the index will be published. */
  paths: string[];
  /**
   * Starts indexing, if the end of the bundle has not already, and settles
   * once the index is written or has failed (the build reports that itself).
   */
  written: () => Promise<void>;
}

const current: SearchIndexState = {};

/**
 * Indexes the records that `recordsOf` gives once the pages' code is
 * bundled, when a build is running (the integration writes the result), and
 * says where the index will be published. Outside a build nothing is
 * indexed, and the records are not made.
 */
export function indexForSearch(recordsOf: () => SearchRecord[], language: Language): SearchIndexing {
  if (!current.build) return { paths: searchIndexPaths(0), written: () => Promise.resolve() };
  const { folders, bundled } = current.build;
  const records = recordsOf();
  const paths = searchIndexPaths(records.length);
  current.pending = (async () => {
    await bundled.promise;
    const settings = indexSettings(language);
    const version = digest(JSON.stringify(settings), await readFile(folders.lockfile, 'utf8').catch(() => ''));
    const shares = paths.map((): SearchRecord[] => []);
    for (const record of records) shares[partOf(record, paths.length)]!.push(record);
    const parts = Object.fromEntries(paths.map((sitePath, part) => [folderOf(sitePath), digest(version, JSON.stringify(shares[part]))]));
    const last = await lastPublished(folders.record);
    const sameLayout = last?.site === folders.site && Object.keys(last.parts).join() === Object.keys(parts).join();
    await rm(folders.staging, { recursive: true, force: true });
    const indexed: string[] = [];
    const problems: string[] = [];
    for (const [part, folder] of Object.keys(parts).entries()) {
      // Left as the last build wrote it, when it indexed the same records the same way.
      if (sameLayout && last!.parts[folder] === parts[folder] && existsSync(path.join(folders.site, folder, 'pagefind-entry.json'))) continue;
      const { index, errors } = await pagefind.createIndex(settings);
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // Sent over one pipe a batch at a time, so that the pipe never holds them all.
      const share = shares[part]!;
      for (let start = 0; start < share.length; start += 1000) {
        const added = await Promise.all(share.slice(start, start + 1000).map((record) => index.addCustomRecord(record)));
        problems.push(...added.flatMap((result) => result.errors));
      }
      problems.push(...(await index.writeFiles({ outputPath: path.join(folders.staging, folder) })).errors);
      // Pagefind's process keeps the memory an index took even once the index
      // is deleted: ending it returns that memory before the next part starts
      // one afresh, and before the last pages are rendered.
      await pagefind.close();
      indexed.push(folder);
    }
    if (problems.length > 0) throw new Error(`The search index could not be built: ${problems.join('; ')}`);
    // The parts that changed, or the index whole when its parts did.
    return { records: records.length, parts, indexed: sameLayout ? indexed : [''] };
  })();
  // Reported when the integration awaits it; not an unhandled rejection meanwhile.
  const written = current.pending.then(
    () => undefined,
    () => undefined
  );
  return {
    paths,
    written: () => {
      bundled.resolve();
      return written;
    }
  };
}

/** A part's folder under the site's `pagefind/`: '' for an index in one part. */
const folderOf = (sitePath: string) => sitePath.replace(/^\/pagefind\/?/, '').replace(/\/$/, '');

async function lastPublished(file: string): Promise<Published | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Published;
  } catch {
    return undefined;
  }
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'reading-guide:search-index',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        current.pending = undefined;
        current.build = undefined;
        if (command !== 'build') return;
        const bundled = Promise.withResolvers<void>();
        updateConfig({ vite: { plugins: [startAfterBundle(bundled)] } });
        current.build = {
          folders: {
            // One folder per build process: two builds sharing a cache folder must not publish each other's index.
            staging: path.join(cacheDir, `pagefind-${process.pid}`),
            site: path.resolve(fileURLToPath(config.outDir), 'pagefind'),
            record: path.join(cacheDir, 'reading-guide', 'search-index.json'),
            lockfile: path.join(fileURLToPath(config.root), 'package-lock.json')
          },
          bundled
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const folders = current.build?.folders;
        // Started already (by the bundle's end, or by the exports), unless no page asked for the index.
        current.build?.bundled.resolve();
        try {
          if (!current.pending || !folders) throw new Error('The search index was never started: the guide was never compiled');
          const { records, parts, indexed } = await current.pending;
          const site = path.resolve(fileURLToPath(dir), 'pagefind');
          await rm(folders.record, { force: true });
          for (const folder of indexed) await moveFolder(path.join(folders.staging, folder), path.join(site, folder));
          await mkdir(path.dirname(folders.record), { recursive: true });
          await writeFile(folders.record, JSON.stringify({ site, parts } satisfies Published));
          const count = Object.keys(parts).length;
          const reused = indexed.includes('') ? 0 : count - indexed.length;
          logger.info(`Indexed ${records} records for search${count > 1 ? `, in ${count} indexes` : ''}${reused > 0 ? ` (${reused} unchanged since the last build)` : ''}`);
        } finally {
          current.pending = undefined;
          // Moved into the site, or left half-written by a failure: either way not needed again.
          if (folders) await rm(folders.staging, { recursive: true, force: true });
          // Pagefind runs as a child process; without this Node would not exit.
          await pagefind.close();
        }
      }
    }
  };
}

/**
 * A Vite plugin that says when the bundle of the code that renders the pages
 * (Astro's `prerender` environment, built first) is written.
 */
function startAfterBundle(bundled: PromiseWithResolvers<void>) {
  return {
    name: 'reading-guide:search-index-after-bundle',
    apply: 'build' as const,
    applyToEnvironment: (environment: { name: string }) => environment.name === 'prerender',
    writeBundle: () => bundled.resolve()
  };
}

/** A rename where the two folders share a file system, a copy where they do not. */
async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
