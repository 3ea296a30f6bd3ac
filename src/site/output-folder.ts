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

export function outputFolder(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  /** Whether pages of the last build were left in place: only then can one be stale. */
  let kept = false;
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
        kept = false;
        for (const file of await files(outDir)) {
          if (finished && isPage(file)) kept = true;
          else await rm(file, { force: true });
        }
      },
      'astro:build:done': async ({ dir, pages }) => {
        const folder = path.resolve(fileURLToPath(dir));
        if (kept) await removeStalePages(folder, pages);
        await mkdir(path.dirname(path.join(cacheDir, finishedMarker)), { recursive: true });
        await writeFile(path.join(cacheDir, finishedMarker), folder);
      }
    }
  };
}

/** Removes the pages in `folder` that are not among `pages`, and the folders that leaves empty. */
async function removeStalePages(folder: string, pages: { pathname: string }[]): Promise<void> {
  const made = new Set(pages.map(({ pathname }) => path.join(folder, pathname, 'index.html')));
  const stale = (await files(folder)).filter((file) => isPage(file) && !made.has(file));
  for (const file of stale) await rm(file, { force: true });
  // Astro may have removed a page itself (its copy is the page): its folder goes too.
  await removeEmptyFolders(folder);
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

/** Removes the folders under `root` that hold nothing (or only folders that hold nothing). */
async function removeEmptyFolders(root: string): Promise<void> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const holding = new Set(entries.map((entry) => path.resolve(entry.parentPath)));
  const empty = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name)).filter((folder) => !holding.has(folder));
  // Deepest first; a folder whose last subfolder goes may then be empty too.
  const pending = empty.sort((a, b) => b.length - a.length);
  for (let folder = pending.shift(); folder !== undefined; folder = pending.shift()) {
    if ((await readdir(folder)).length > 0) continue;
    await rmdir(folder);
    const parent = path.dirname(folder);
    if (parent.startsWith(root + path.sep) && !pending.includes(parent)) pending.push(parent);
  }
}
