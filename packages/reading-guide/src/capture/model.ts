/**
 * A thread as a platform exported it, read into one shape for every
 * platform: what `npm run import` writes a guide from, and what the check
 * holds each comment file against. Nothing here reads files or the network.
 */
import type { CaptureFormat, CommentStatus } from '../model/schema.ts';

/** One file of a capture, as received. */
export interface CaptureFile {
  /** The file's name in `content/capture/`, or where it was read from. */
  name: string;
  text: string;
}

/** A comment's words as the platform holds them, before they become Markdown. */
export type CapturedBody = { markdown: string } | { html: string } | { text: string };

export interface CapturedComment {
  /** The comment's id on the platform: how a comment file names it (`capture:`). */
  id: string;
  /** The id of the comment it replies to, when that comment is in the capture. */
  parent?: string;
  /** It replies to a comment the capture does not hold (deleted, hidden from the public, or left out). */
  parentMissing?: boolean;
  /** Who wrote it: a stable id on the platform and the name it shows; none when the platform no longer shows it. */
  author?: { id: string; name: string };
  /** When it was posted, as an ISO 8601 timestamp. */
  date?: string;
  edited?: string | true;
  status?: CommentStatus;
  /** The address of the comment on the platform, in the platform's own form. */
  permalink: string;
  /** True when `permalink` opens the subthread holding the comment rather than the comment itself. */
  permalinkOpensSubthread?: boolean;
  body: CapturedBody;
  /** Replies the platform lists under this comment without their text ("load more"). */
  repliesNotCaptured?: number;
}

export interface CapturedThread {
  format: CaptureFormat;
  /** The title of the page that holds the discussion, when the export gives it. */
  title?: string;
  /** The platform's name as readers know it: "Hacker News", "LessWrong"; a plain-text capture may not say. */
  site?: string;
  /** The address of the discussion; a plain-text capture may not say. */
  url?: string;
  /** Where relative links in the comments point. */
  base: string;
  /** Every comment, in thread order: each reply after the comment it answers, siblings in the platform's order. */
  comments: CapturedComment[];
  /** Comments the platform lists under the thread itself without their text. */
  repliesNotCaptured?: number;
  /** Platform conventions the Markdown conversion follows (see `MarkdownOptions`). */
  conventions?: { quoteLines?: boolean; rawHtml?: 'html' | 'text' };
}

/**
 * A problem with a capture: a file that is not what its format says, or a
 * value where the format has none. `where` is the JSON path or line.
 */
/** A JSON format: how to tell its documents apart, and how to read them. */
export interface JsonFormat {
  format: CaptureFormat;
  /** Whether these parsed documents are in this format (each file one document). */
  detect(documents: readonly unknown[]): boolean;
  read(documents: readonly unknown[], files: readonly CaptureFile[], options: ReadOptions): CapturedThread;
  /** What is missing, when the documents are nearly this format's (a part of an export without the rest). */
  missing?(documents: readonly unknown[]): string | undefined;
}

export interface ReadOptions {
  /** The thread's address, for a format whose export does not say which site it is from. */
  base?: string;
}

export class CaptureError extends Error {
  readonly file: string;
  readonly where: string;

  constructor(file: string, where: string, message: string) {
    super(`${file}: ${where}: ${message}`);
    this.name = 'CaptureError';
    this.file = file;
    this.where = where;
  }
}
