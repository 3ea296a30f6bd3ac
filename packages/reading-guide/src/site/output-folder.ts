/**
 * The output folder between builds. Astro's incremental build leaves a page
 * whose cache key and code are unchanged as it is; by default Astro would
 * first empty the output folder and then copy every such page back from its
 * cache, which for a large guide costs more than the rest of a warm build.
 * So Astro is told not to empty the folder (`vite.build.emptyOutDir: false`),
 * and this integration does what emptying did, without the copying:
 *
 * - before a build, it removes everything but the pages (`…/index.html`)
 *   and the search index, since every other file (scripts, styles, exports,
 *   the sitemap) is written anew by every build, and the search index keeps
 *   its own record of what it left (src/site/search-index.ts);
 * - after it, it removes each page it kept that this build did not make or
 *   keep (a claim whose file was deleted, say) and the folders left empty.
 *
 * The site in the folder is then exactly what a build from nothing makes. If
 * the last build did not finish, or built into another folder, its pages
 * cannot be trusted to match Astro's record of them: the folder is emptied
 * and Astro's record removed, so that every page is made again.
 *
 * Astro also keeps a copy of every page it may reuse, in its cache folder
 * (`dist/` there), to put back into an emptied output folder. The output
 * folder is never emptied of its pages here, so those copies would only be
 * every page written a second time, in as many folders again: `dist/` in the
 * cache folder is made a link to the output folder, where each copy is the
 * page itself.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Written when a build has finished, removed when one starts. */
const finishedMarker = 'reading-guide/last-build-finished';
/** Astro's record of the pages of the last incremental build (`experimental.incrementalBuild`). */
const astroRecord = 'incremental-build.json';
/** Where Astro keeps its copies of those pages. */
const astroCopies = 'dist';

const isPage = (file: string) => path.basename(file) === 'index.html';

/** The folder the search index replaces by itself, once the new one is written. */
const searchIndexFolder = 'pagefind';

export function outputFolder(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  /** The pages of the last build left in place: only one of them can be stale. */
  let kept: string[] = [];
  return {
    name: 'reading-guide:output-folder',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = path.resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const marker = path.join(cacheDir, finishedMarker);
        const finished = existsSync(marker) && (await readFile(marker, 'utf8')) === outDir;
        await rm(marker, { force: true });
        await linkCopiesToOutput(path.join(cacheDir, astroCopies), outDir);
        if (!finished) {
          await rm(path.join(cacheDir, astroRecord), { force: true });
          if (existsSync(outDir) && (await files(outDir)).length > 0) logger.info('The last build did not finish: building every page again');
        }
        kept = [];
        const searchIndex = path.join(outDir, searchIndexFolder) + path.sep;
        for (const file of await files(outDir)) {
          if (finished && isPage(file)) kept.push(file);
          else if (!file.startsWith(searchIndex)) await rm(file, { force: true });
        }
      },
      'astro:build:done': async ({ dir, pages }) => {
        const folder = path.resolve(fileURLToPath(dir));
        const made = new Set(pages.map(({ pathname }) => path.join(folder, pathname, 'index.html')));
        await removePages(
          folder,
          kept.filter((file) => !made.has(file))
        );
        await mkdir(path.dirname(path.join(cacheDir, finishedMarker)), { recursive: true });
        await writeFile(path.join(cacheDir, finishedMarker), folder);
      }
    }
  };
}

/** Removes `stale` pages (Astro may have removed some itself: its copy of a page is the page) and the folders that leaves empty. */
async function removePages(root: string, stale: readonly string[]): Promise<void> {
  for (const file of stale) await rm(file, { force: true });
  const folders = new Set<string>();
  for (const file of stale) {
    for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder)) folders.add(folder);
  }
  // Deepest first, so that a folder emptied by removing its last subfolder goes too.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if ((await readdir(folder).catch(() => ['gone'])).length === 0) await rmdir(folder);
  }
}

/** Makes `copies` a link to `outDir`, in place of the folder of copies an earlier build may have left. */
async function linkCopiesToOutput(copies: string, outDir: string): Promise<void> {
  const existing = await lstat(copies).catch(() => undefined);
  if (existing?.isSymbolicLink() && path.resolve(path.dirname(copies), await readlink(copies)) === outDir) return;
  if (existing) await rm(copies, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await mkdir(path.dirname(copies), { recursive: true });
  await symlink(outDir, copies, 'dir');
}

async function files(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
}

