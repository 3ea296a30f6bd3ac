/**
 * The output folder between builds. Astro's incremental build leaves a page
 * whose cache key and code are unchanged as it is; by default Astro would
 * first empty the output folder and then copy every such page back from its
 * cache, which for a large guide costs more than the rest of a warm build.
 * So Astro is told not to empty the folder (`vite.build.emptyOutDir: false`),
 * and this integration does what emptying did, without the copying:
 *
 * - before a build, it removes everything but the pages (`…/index.html`),
 *   since every other file (scripts, styles, exports, the search index, the
 *   sitemap) is written anew by every build;
 * - after it, it removes each page this build did not make or keep (a claim
 *   whose file was deleted, say) and the folders left empty.
 *
 * The site in the folder is then exactly what a build from nothing makes. If
 * the last build did not finish, its pages cannot be trusted to match Astro's
 * record of them: the folder is emptied and Astro's record removed, so that
 * every page is made again.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Written when a build has finished, removed when one starts. */
const finishedMarker = 'reading-guide/last-build-finished';
/** Astro's record of the pages of the last incremental build (`experimental.incrementalBuild`). */
const astroRecord = 'incremental-build.json';

const isPage = (file: string) => path.basename(file) === 'index.html';

export function outputFolder(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'reading-guide:output-folder',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = path.resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const marker = path.join(cacheDir, finishedMarker);
        const finished = existsSync(marker);
        await rm(marker, { force: true });
        if (!finished) {
          await rm(path.join(cacheDir, astroRecord), { force: true });
          if (existsSync(outDir) && (await files(outDir)).length > 0) logger.info('The last build did not finish: building every page again');
        }
        for (const file of await files(outDir)) if (!finished || !isPage(file)) await rm(file, { force: true });
      },
      'astro:build:done': async ({ dir, pages }) => {
        const folder = path.resolve(fileURLToPath(dir));
        const made = new Set(pages.map(({ pathname }) => path.join(folder, pathname, 'index.html')));
        const stale = (await files(folder)).filter((file) => isPage(file) && !made.has(file));
        for (const file of stale) await rm(file, { force: true });
        await removeEmptyFolders(folder, stale);
        await mkdir(path.dirname(path.join(cacheDir, finishedMarker)), { recursive: true });
        await writeFile(path.join(cacheDir, finishedMarker), '');
      }
    }
  };
}

async function files(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Removes the folders that removing `removed` left empty, up to `root`. */
async function removeEmptyFolders(root: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder)) folders.add(folder);
  }
  // Deepest first, so that a folder emptied by removing its last subfolder goes too.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  }
}
