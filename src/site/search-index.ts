/**
 * The Pagefind search index, built alongside the pages rather than after
 * them: as soon as the guide is compiled (src/site/guide-integration.ts),
 * its search records (from the same graph as the pages) go to Pagefind,
 * which indexes them and writes its files into Astro's cache folder in its
 * own process while Astro renders pages; once the site is written, this
 * integration moves the index into it. Indexing errors fail the build.
 *
 * Pagefind holds an index in memory while it writes it, some 50 KB a record,
 * so a large guide's records are split among several indexes, written one
 * after another, which the search page merges in the browser (Pagefind's
 * `mergeIndex`). Records are dealt out in turn, so that every index holds
 * every kind of record and ranks its matches alike. Fragments (a record's
 * text, fetched for each result shown) are bundled a few to a file: for a
 * guide of thousands of records, thousands of tiny files take far longer to
 * write, upload and serve than a few hundred small ones.
 */
import { cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../export/search-records.ts';

/** Records per index, unless `SEARCH_RECORDS_PER_INDEX` says otherwise (the tests split a small guide). */
export const recordsPerIndex = () => Number(process.env.SEARCH_RECORDS_PER_INDEX) || 12_000;

/** At most this many fragment files per index. */
const maxFragments = 1000;

/**
 * Where the indexes of `count` records are published, as site paths: the
 * first holds Pagefind's scripts, and the search page merges the others in.
 */
export function searchIndexPaths(count: number, perIndex = recordsPerIndex()): string[] {
  const indexes = Math.max(1, Math.ceil(count / perIndex));
  return Array.from({ length: indexes }, (_, part) => (part === 0 ? '/pagefind/' : `/pagefind/part-${part + 1}/`));
}

interface SearchIndexState {
  /** Where the index is written while the pages are built; set while `astro build` runs, as only a build writes an index. */
  staging?: string;
  /** Indexing under way: how many records, in how many indexes. */
  pending?: Promise<{ records: number; indexes: number }>;
}

const current: SearchIndexState = {};

/**
 * Starts indexing `records`, when a build is running (the integration writes
 * the result), and says where the indexes will be published.
 */
export function indexForSearch(records: SearchRecord[]): string[] {
  const paths = searchIndexPaths(records.length);
  const { staging } = current;
  if (!staging) return paths;
  current.pending = (async () => {
    await rm(staging, { recursive: true, force: true });
    const problems: string[] = [];
    for (const [part, sitePath] of paths.entries()) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // Sent over one pipe a batch at a time, so that the pipe never holds them all.
      const share = records.filter((_, position) => position % paths.length === part);
      for (let start = 0; start < share.length; start += 1000) {
        const added = await Promise.all(share.slice(start, start + 1000).map((record) => index.addCustomRecord(record)));
        problems.push(...added.flatMap((result) => result.errors));
      }
      problems.push(...(await index.writeFiles({ outputPath: path.join(staging, sitePath.replace(/^\/pagefind\/?/, '')) })).errors);
      // Frees the index's memory before the next one is made.
      await index.deleteIndex();
    }
    if (problems.length > 0) throw new Error(`The search index could not be built: ${problems.join('; ')}`);
    return { records: records.length, indexes: paths.length };
  })();
  // Reported when the integration awaits it; not an unhandled rejection meanwhile.
  current.pending.catch(() => undefined);
  return paths;
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'reading-guide:search-index',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        // One folder per build process: two builds sharing a cache folder must not publish each other's index.
        current.staging = command === 'build' ? path.join(fileURLToPath(config.cacheDir), `pagefind-${process.pid}`) : undefined;
        current.pending = undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          if (!current.pending || !current.staging) throw new Error('The search index was never started: the guide was never compiled');
          const { records, indexes } = await current.pending;
          await moveFolder(current.staging, path.join(fileURLToPath(dir), 'pagefind'));
          logger.info(`Indexed ${records} records for search${indexes > 1 ? `, in ${indexes} indexes` : ''}`);
        } finally {
          current.pending = undefined;
          // Moved into the site, or left half-written by a failure: either way not needed again.
          if (current.staging) await rm(current.staging, { recursive: true, force: true });
          // Pagefind runs as a child process; without this Node would not exit.
          await pagefind.close();
        }
      }
    }
  };
}

/** A rename where the two folders share a file system, a copy where they do not. */
async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
