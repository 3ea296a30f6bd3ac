/**
 * The Pagefind search index, built alongside the pages rather than after
 * them: as soon as the guide is compiled (src/site/guide-integration.ts),
 * its search records (from the same graph as the pages) go to Pagefind,
 * which indexes them and writes its files into Astro's cache folder in its
 * own process while Astro renders pages; once the site is written, this
 * integration moves the index into it. Indexing errors fail the build.
 */
import { cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../export/search-records.ts';

interface SearchIndexState {
  /** Where the index is written while the pages are built; set while `astro build` runs, as only a build writes an index. */
  staging?: string;
  pending?: Promise<number>;
}

const current: SearchIndexState = {};

/** Starts indexing `records`, when a build is running; the integration writes the result. */
export function indexForSearch(records: SearchRecord[]): void {
  const { staging } = current;
  if (!staging) return;
  current.pending = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent in order over one pipe; each answer is awaited only at the end.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const problems = added.flatMap((result) => result.errors);
    await rm(staging, { recursive: true, force: true });
    problems.push(...(await index.writeFiles({ outputPath: staging })).errors);
    if (problems.length > 0) throw new Error(`The search index could not be built: ${problems.join('; ')}`);
    return records.length;
  })();
  // Reported when the integration awaits it; not an unhandled rejection meanwhile.
  current.pending.catch(() => undefined);
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
          const count = await current.pending;
          await moveFolder(current.staging, path.join(fileURLToPath(dir), 'pagefind'));
          logger.info(`Indexed ${count} records for search`);
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
