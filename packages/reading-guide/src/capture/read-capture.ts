/**
 * Reads a capture in any format `npm run import` knows: told which, or
 * finding it from the files' content.
 */
import type { CaptureFormat } from '../model/schema.ts';
import { parseJson } from './json.ts';
import { CaptureError, type CaptureFile, type CapturedComment, type CapturedThread, type JsonFormat, type ReadOptions } from './model.ts';
import { looksPlain, parsePlain } from './formats/plain.ts';
import { forumMagnum, forumMagnumMarkdown } from './formats/forummagnum.ts';
import { hackerNewsAlgolia, hackerNewsFirebase } from './formats/hackernews.ts';
import { reddit } from './formats/reddit.ts';
import { github } from './formats/github.ts';
import { discourse } from './formats/discourse.ts';
import { mastodon } from './formats/mastodon.ts';
import { bluesky } from './formats/bluesky.ts';

export const jsonFormats: JsonFormat[] = [forumMagnum, hackerNewsAlgolia, hackerNewsFirebase, reddit, discourse, github, mastodon, bluesky];

/** Which format `files` are in: JSON a known platform's shape, a platform's Markdown page, or plain text. */
export function detectFormat(files: readonly CaptureFile[]): CaptureFormat {
  const documents = parseAll(files);
  if (!documents) return files.every(forumMagnumMarkdown.detect) ? 'forummagnum' : 'plain';
  const found = jsonFormats.find((format) => format.detect(documents));
  if (!found) {
    for (const format of jsonFormats) {
      const missing = format.missing?.(documents);
      if (missing) throw new CaptureError(files[0]!.name, '$', missing);
    }
    throw new CaptureError(files[0]!.name, '$', `JSON of no format the importer knows (${jsonFormats.map((format) => format.format).join(', ')}); name it with --format if it is one of them`);
  }
  return found.format;
}

/** The comments of a capture in the order the platform lists them (for a tree, depth first). */
export function readCapture(files: readonly CaptureFile[], format: CaptureFormat = detectFormat(files), options: ReadOptions = {}): CapturedThread {
  const reader = jsonFormats.find((candidate) => candidate.format === format);
  const thread =
    format === 'plain'
      ? parsePlain(files)
      : format === 'forummagnum' && files.every(forumMagnumMarkdown.detect)
        ? forumMagnumMarkdown.read(files, options)
        : reader!.read(files.map(parseJson), files, options);
  markMissingParents(thread.comments);
  return thread;
}

/** A reply to a comment the capture does not hold (deleted, hidden, or left out) says so, and is read as replying to none. */
function markMissingParents(comments: CapturedComment[]): void {
  const known = new Set(comments.map((comment) => comment.id));
  for (const comment of comments) {
    if (comment.parent === undefined || known.has(comment.parent)) continue;
    delete comment.parent;
    comment.parentMissing = true;
  }
}

/** Every file parsed as JSON, or undefined when one is not JSON at all. */
function parseAll(files: readonly CaptureFile[]): unknown[] | undefined {
  if (files.some((file) => !/^\s*[[{]/.test(file.text) || looksPlain(file.text))) return undefined;
  return files.map(parseJson);
}
