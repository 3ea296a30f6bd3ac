/**
 * Writes an imported guide into its content folder, only once the check
 * accepts it: the files are made in a folder beside the target, checked as
 * `npm run check` would, and only then moved into place, so that a failed
 * import leaves nothing behind.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkGuide } from '../compile.ts';
import { ContentError, formatProblems } from '../model/diagnostics.ts';
import { collections } from '../model/schema.ts';
import { displayPath } from '../load/load-content.ts';
import { ImportError } from './guide-files.ts';

/** What an import replaces in a content folder; the rest (claims, annotations, …) it leaves. */
const replaced = ['guide.yaml', 'thread', 'capture'];

export interface WrittenGuide {
  folder: string;
  comments: number;
  /** Warnings the check gave the new guide (a quotation nested in a list, say). */
  warnings: string;
}

export async function writeGuide(folder: string, files: ReadonlyMap<string, string | Uint8Array>, { force }: { force: boolean }): Promise<WrittenGuide> {
  const target = path.resolve(folder);
  const isGuide = existsSync(path.join(target, 'guide.yaml')) || existsSync(path.join(target, 'thread'));
  if (!force && isGuide) {
    throw new ImportError(`${folder} already holds a guide: give --force to replace its guide.yaml, thread/ and capture/ (its claims, annotations and sources stay), or --out another folder`);
  }
  // A folder that is not a guide is someone else's: an import never mixes its files into one.
  if (!isGuide && existsSync(target) && (await readdir(target)).some((name) => !name.startsWith('.'))) {
    throw new ImportError(`${folder} is not empty and holds no guide: --out a new or empty folder`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-import-`));
  try {
    // The guide's own files, which the import does not replace, are checked with the new thread, since they point into it.
    if (existsSync(target)) {
      for (const name of Object.keys(collections)) {
        if (!replaced.includes(name) && existsSync(path.join(target, name))) await cp(path.join(target, name), path.join(staging, name), { recursive: true });
      }
    }
    for (const [name, content] of files) {
      await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
      await writeFile(path.join(staging, name), content);
    }
    let warnings = '';
    try {
      const checked = await checkGuide(staging);
      if (checked.warnings.length > 0) warnings = formatProblems(checked.warnings);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      throw new ImportError(`The imported guide does not pass the check, so nothing was written:\n${formatProblems(error.problems).replaceAll(displayPath(staging), displayPath(target))}`);
    }
    // The staging folder is beside the target, on the same file system: the new files are moved, not copied.
    await mkdir(target, { recursive: true });
    for (const name of replaced) await rm(path.join(target, name), { recursive: true, force: true });
    for (const name of replaced) {
      if (existsSync(path.join(staging, name))) await rename(path.join(staging, name), path.join(target, name));
    }
    const comments = [...files.keys()].filter((name) => name.startsWith('thread/')).length;
    return { folder, comments, warnings: warnings.replaceAll(displayPath(staging), displayPath(target)) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
