/**
 * The entries of the content folder, as the file system has them. Only
 * regular files are read. A symbolic link is followed only to a regular file
 * inside the content folder: one leading out of it would put whatever the
 * build can read (a key in a home folder, a system file) into a public page.
 * A named pipe, a socket or a device is never opened: reading a pipe waits
 * for a writer forever.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../model/diagnostics.ts';

/** Each file that may be read, by the path it is listed at, to the path of the regular file it is. */
export type ContentFiles = Map<string, string>;

/** What an entry is, for messages; undefined for a regular file or a folder. */
export function entryKind(entry: Dirent | Stats): string | undefined {
  if (entry.isFile() || entry.isDirectory()) return undefined;
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a file';
}

const linkHint = 'Replace the link with a copy of the file, or point it at a file inside the content folder.';

/**
 * Lists every entry under `root` (hidden ones apart, as editors and systems
 * leave them), and reports each that is not a regular file or a folder,
 * unless it is a link to a regular file inside `root`. `display` gives the
 * path a message names.
 */
export async function contentFiles(root: string, diagnostics: Diagnostics, display: (absolute: string) => string): Promise<ContentFiles> {
  let entries: Dirent[];
  try {
    // Not following links: a linked folder is reported below, never walked.
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const inside = await realpath(root);
  const files: ContentFiles = new Map();
  const refuse = (absolute: string, reason: string, hint: string) => diagnostics.error(display(absolute), { line: 1, column: 1 }, reason, 'not-regular-file', hint);
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name);
    if (path.relative(root, absolute).split(path.sep).some((segment) => segment.startsWith('.'))) continue;
    if (entry.isFile()) {
      files.set(absolute, absolute);
      continue;
    }
    if (entry.isDirectory()) continue;
    if (!entry.isSymbolicLink()) {
      refuse(absolute, `This is ${entryKind(entry)}, not a file`, 'Only regular files are read from the content folder: remove it, or put the file it stands for in its place.');
      continue;
    }
    const target = readlinkSync(absolute);
    let resolved: string;
    try {
      resolved = await realpath(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      refuse(absolute, code === 'ELOOP' ? `This symbolic link leads round in a loop (to \`${target}\`)` : `This symbolic link leads nowhere: \`${target}\` does not exist`, linkHint);
      continue;
    }
    const relative = path.relative(inside, resolved);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      refuse(absolute, `This symbolic link leads out of the content folder, to \`${target}\``, linkHint);
      continue;
    }
    const stats = await stat(resolved);
    if (stats.isFile()) files.set(absolute, resolved);
    else refuse(absolute, `This symbolic link leads to ${stats.isDirectory() ? 'a folder, which is not followed' : entryKind(stats)}`, linkHint);
  }
  return files;
}

/**
 * Reads a file only if it is still a regular file when opened: not through a
 * link put in its place since it was listed, and never waiting on a pipe.
 */
export function readRegularFile(absolute: string): Buffer {
  const descriptor = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw Object.assign(new Error(`${absolute} is ${entryKind(stats)}`), { code: 'ENOTREGULAR' });
    return readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
