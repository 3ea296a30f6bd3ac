/**
 * An Astro integration that builds the Pagefind search index once the site is
 * built, from the records the site wrote (`/search-records.json`, generated
 * from the same graph as the pages), then removes that file. Indexing errors
 * fail the build.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../export/search-records.ts';

export const searchRecordsFile = 'search-records.json';

export function searchIndex(): AstroIntegration {
  return {
    name: 'reading-guide:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const folder = fileURLToPath(dir);
        const recordsPath = path.join(folder, searchRecordsFile);
        const records = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchRecord[];
        await rm(recordsPath);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const problems: string[] = [];
          for (const record of records) problems.push(...(await index.addCustomRecord(record)).errors);
          problems.push(...(await index.writeFiles({ outputPath: path.join(folder, 'pagefind') })).errors);
          if (problems.length > 0) throw new Error(`The search index could not be built: ${problems.join('; ')}`);
          logger.info(`Indexed ${records.length} records for search`);
        } finally {
          // Pagefind runs as a child process; without this Node would not exit.
          await pagefind.close();
        }
      }
    }
  };
}
