/**
 * Plain text, one paragraph a line, with a line of its own where each
 * comment starts:
 *
 *     Title: What the thread is called
 *     Site: Example Forum
 *     URL: https://forum.example/t/1
 *
 *     [1] Alice · 2024-05-01 · https://forum.example/t/1#c1
 *     The first paragraph.
 *     > A line it quotes.
 *     [2] Bob, replying to [1]
 *     The reply.
 *     [3] [deleted], replying to [1]
 *
 * After the comment's id come its author (`[deleted]` or `[removed]` for a
 * comment the platform no longer shows), optionally `replying to [id]`, and
 * optionally, after ` · `, its date and its address. The header is
 * optional. Any line of a plain capture can also be named by its number
 * (`lines 4-6`), for a capture that marks no comments at all.
 */
import { CaptureError, type CaptureFile, type CapturedComment, type CapturedThread } from '../model.ts';

const prompt = /^\[([^\]\s]+)\]\s+(\[deleted\]|\[removed\]|[^,·]*?[^\s,·])(?:,\s*replying to\s+\[([^\]\s]+)\])?((?:\s+·\s+\S+)*)\s*$/i;
const header = /^(title|site|url):\s*(.+?)\s*$/i;
const timestamp = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Text that starts as a plain capture does: with its header or its first comment's line. */
export function looksPlain(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split('\n').find((line) => line.trim() !== '') ?? '';
  return header.test(first) || prompt.test(first);
}

export function parsePlain(files: readonly CaptureFile[]): CapturedThread {
  const [file, ...others] = files;
  if (!file || others.length > 0) throw new CaptureError(files[1]?.name ?? 'capture', 'file', 'a plain-text capture is one file');
  const lines = file.text.replace(/\r\n?/g, '\n').split('\n');
  const fields: Record<string, string> = {};
  const comments: CapturedComment[] = [];
  const seen = new Set<string>();
  let body: string[] | undefined;
  /** The first line of words before any comment starts: wrong once a comment does start, since no comment holds it. */
  let stray: number | undefined;
  const close = () => {
    const comment = comments.at(-1);
    if (comment && body) comment.body = { text: body.join('\n') };
  };
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1}`;
    const start = prompt.exec(line);
    if (start) {
      close();
      const [, id, author, parent, details] = start as unknown as [string, string, string, string | undefined, string];
      if (seen.has(id)) throw new CaptureError(file.name, where, `a comment \`[${id}]\` started earlier`);
      if (parent !== undefined && !seen.has(parent)) throw new CaptureError(file.name, where, `\`[${parent}]\` is not a comment above this one`);
      seen.add(id);
      const comment: CapturedComment = { id, permalink: '', body: { text: '' } };
      if (parent !== undefined) comment.parent = parent;
      const placeholder = /^\[(deleted|removed)\]$/i.exec(author);
      if (placeholder) comment.status = placeholder[1]!.toLowerCase() as 'deleted' | 'removed';
      else comment.author = { id: author, name: author };
      for (const detail of details.split(/\s+·\s+/).filter(Boolean)) {
        if (timestamp.test(detail)) {
          if (!isMoment(detail)) throw new CaptureError(file.name, where, `\`${detail}\` is not a day of the calendar`);
          comment.date = detail;
        }
        else if (/^https?:\/\//.test(detail)) comment.permalink = detail;
        else throw new CaptureError(file.name, where, `\`${detail}\` is neither a date (YYYY-MM-DD) nor an address`);
      }
      comments.push(comment);
      body = [];
    } else if (body) {
      body.push(line);
    } else if (header.test(line)) {
      const [, key, value] = header.exec(line)!;
      fields[key!.toLowerCase()] = value!;
    } else if (line.trim() !== '') {
      stray ??= index;
    }
  }
  if (stray !== undefined && (comments.length > 0 || Object.keys(fields).length > 0)) {
    throw new CaptureError(file.name, `line ${stray + 1}`, 'text before the first comment: start each comment with a line such as `[1] Alice`');
  }
  close();
  const url = fields.url;
  // A comment with no address of its own links to the thread, which holds it.
  for (const comment of comments) {
    if (comment.permalink !== '') continue;
    if (url === undefined) continue;
    comment.permalink = url;
    comment.permalinkOpensSubthread = true;
  }
  return { format: 'plain', title: fields.title, site: fields.site, url, base: url ?? '', comments, conventions: { quoteLines: true } };
}

/** A day that the calendar has (not 2024-02-30), at a time the clock has. */
function isMoment(value: string): boolean {
  const day = value.slice(0, 10);
  return !Number.isNaN(Date.parse(value)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/** The words of `lines 4-6` (or `line 4`) of a plain capture. */
export function plainLines(file: CaptureFile, reference: string): string | undefined {
  const range = /^lines?\s+(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(reference.trim());
  if (!range) return undefined;
  const lines = file.text.replace(/\r\n?/g, '\n').split('\n');
  const first = Number(range[1]);
  const last = Number(range[2] ?? range[1]);
  if (first < 1 || last < first || last > lines.length) return undefined;
  return lines.slice(first - 1, last).join('\n');
}
