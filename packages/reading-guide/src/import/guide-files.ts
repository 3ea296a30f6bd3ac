/**
 * A captured thread as the files of a new guide: `guide.yaml`, one comment
 * file a comment under `thread/`, and the capture itself under `capture/`.
 * The files are made so that the check accepts them as they are: every
 * quotation either links to the one passage it quotes or is marked as
 * quoting something outside the thread, and every comment names the
 * comment of the capture its words must match.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { commentMarkdown } from '../capture/markdown.ts';
import type { CapturedComment, CapturedThread } from '../capture/model.ts';
import { EarlierPassages } from '../graph/quoted-passage.ts';
import { bodyFacts } from '../load/markdown.ts';
import type { z } from 'zod';
import type { CommentData, CommentStatus, guideSchema } from '../model/schema.ts';
import { readingOrder } from './reading-order.ts';

export interface ImportOptions {
  /** Neutral labels (Commenter A, B, …) or the names the commenters use on the platform. */
  names: 'neutral' | 'real';
  /** The thread's order (each reply after the comment it answers), or the order comments were posted in. */
  order: 'thread' | 'chronological';
  /** The day of the import, as YYYY-MM-DD. */
  today: string;
  /** The thread's address, for a format whose export does not say which site it is from: kept in guide.yaml, since the check reads the capture again. */
  base?: string;
  /** What the export does not say, or says otherwise. */
  title?: string;
  site?: string;
  url?: string;
  /** The guide.yaml being replaced (`--force`), whose editors' own fields are kept. */
  previous?: unknown;
  /** Told of each quotation found in no earlier comment, which the guide then marks as quoting a text outside the thread. */
  onOutsideQuotation?: (file: string, exact: string, words: string) => void;
}

/** A file of the capture as it will be kept: its name under `capture/`, its bytes, where it came from. */
export interface KeptCaptureFile {
  name: string;
  bytes: Uint8Array;
  url?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** The files of the guide, by path relative to the content folder. */
export function guideFiles(thread: CapturedThread, capture: readonly KeptCaptureFile[], options: ImportOptions): Map<string, string | Uint8Array> {
  const title = options.title ?? thread.title;
  const site = options.site ?? thread.site;
  const url = options.url ?? thread.url;
  const missing = [!title && '--title', !site && '--site', !url && '--url'].filter(Boolean);
  if (missing.length > 0) throw new ImportError(`The export does not say the thread's ${missing.map((flag) => String(flag).slice(2)).join(', ')}: give ${missing.join(' and ')}`);
  if (thread.comments.length === 0) throw new ImportError('The export holds no comments');

  const comments = readingOrder(thread.comments, options.order);
  const commenters = new Map<string, { key: string; name: string }>();
  const counts = new Map<string, number>();
  const ids = new Map<string, string>();
  const files = new Map<string, string | Uint8Array>();
  const earlier = new EarlierPassages<string>();
  for (const [position, comment] of comments.entries()) {
    let key: string | undefined;
    if (comment.author) {
      let commenter = commenters.get(comment.author.id);
      if (!commenter) {
        const next = commenterKey(commenters.size);
        const taken = [...commenters.values()].some((other) => other.name === comment.author!.name);
        // Two people may show the same name: the platform's id tells them apart.
        const own = taken ? `${comment.author.name} (${comment.author.id})` : comment.author.name;
        commenter = { key: next, name: options.names === 'real' ? own : `Commenter ${next}` };
        commenters.set(comment.author.id, commenter);
      }
      key = commenter.key;
    }
    // A comment whose author the platform no longer shows is labelled by what it shows instead.
    const series = key ?? (comment.status ? statusWords[comment.status] : 'Unknown');
    const number = (counts.get(series) ?? 0) + 1;
    counts.set(series, number);
    const label = key ? `${key}${number}` : `${series} ${number}`;
    const id = label.toLowerCase().replace(/\s+/g, '-');
    ids.set(comment.id, id);
    const { markdown, tree } = commentMarkdown(thread, comment);
    const facts = bodyFacts(tree);
    const front: Partial<CommentData> & Record<string, unknown> = { label };
    if (key) front.author = key;
    front.order = position + 1;
    const parent = comment.parent === undefined ? undefined : ids.get(comment.parent);
    if (parent) front.replyTo = parent;
    front.permalink = comment.permalink || url;
    if (comment.permalinkOpensSubthread || !comment.permalink) front.permalinkScope = 'subthread';
    if (comment.date) front.date = comment.date;
    if (comment.edited !== undefined) front.edited = comment.edited;
    if (comment.status) front.status = comment.status;
    if (comment.repliesNotCaptured) front.repliesNotCaptured = comment.repliesNotCaptured;
    front.capture = comment.id;
    const quoted = quotationFields(facts.text, facts.quotations, earlier, comment, ids);
    for (const { exact } of quoted.outsideQuotations ?? []) {
      const words = facts.quotations.map((quotation) => facts.text.slice(quotation.start, quotation.end)).find((quotation) => quotation.replace(/\s+/g, ' ').startsWith(exact))!;
      options.onOutsideQuotation?.(`thread/${id}.md`, exact, words);
    }
    Object.assign(front, quoted);
    if (comment.parentMissing) front.editorNotes = [{ note: 'This replies to a comment that is not in the capture.' }];
    files.set(`thread/${id}.md`, `---\n${stringify(front, { lineWidth: 0 })}---\n${markdown === '' ? '' : `\n${markdown}\n`}`);
    earlier.add(id, { text: facts.text, quotations: facts.quotations });
  }

  const kept = capture.map((file) => ({ path: file.name, sha256: createHash('sha256').update(file.bytes).digest('hex'), ...(file.url ? { url: file.url } : {}) }));
  // As a file holds it: fields with defaults are left out.
  const guide: z.input<typeof guideSchema> = {
    title: `${title} — a reading guide`,
    description: `An annotated reading of the discussion “${title}” on ${site}.`,
    thread: { title: title!, site: site!, url: url! },
    names: options.names,
    commenters: Object.fromEntries([...commenters.values()].map(({ key, name }) => [key, { name }])),
    capture: { format: thread.format, files: kept, ...(options.base ? { base: options.base } : {}), captured: options.today },
    editors: 'the guide’s editors',
    published: options.today,
    license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    editorNotes: [
      `The thread was imported from ${site} on ${options.today}: ${comments.length} ${comments.length === 1 ? 'comment' : 'comments'} by ${commenters.size} ${commenters.size === 1 ? 'commenter' : 'commenters'}, each checked word for word against the export kept in the guide’s \`capture/\` folder.`,
      ...(thread.repliesNotCaptured
        ? [`${site} listed ${thread.repliesNotCaptured} more ${thread.repliesNotCaptured === 1 ? 'reply' : 'replies'} to the thread without their text; the capture does not hold them.`]
        : []),
      options.names === 'real'
        ? `Each commenter is named as on ${site}.`
        : 'The commenters are named by neutral labels (Commenter A, B, …), in the order they first appear.'
    ]
  };
  files.set('guide.yaml', stringify(options.previous === undefined ? guide : keepEditorsFields(guide, options.previous), { lineWidth: 0 }));
  for (const file of capture) files.set(`capture/${file.name}`, file.bytes);
  return files;
}

/** What the import itself writes into guide.yaml, and so replaces; every other field is the editors'. */
const importedFields = new Set(['thread', 'names', 'commenters', 'capture']);
const importNote = /^(The thread was imported from |.* listed \d+ more repl(y|ies) to the thread without their text|Each commenter is named as on |The commenters are named by neutral labels)/;

/**
 * A new guide.yaml that keeps what the editors wrote in the one it replaces:
 * title, description, licence and every other field the import does not
 * decide, their own notes (the import's are written afresh), and each
 * commenter's description and colour.
 */
function keepEditorsFields(guide: z.input<typeof guideSchema>, previous: unknown): z.input<typeof guideSchema> {
  if (previous === null || typeof previous !== 'object' || Array.isArray(previous)) return guide;
  const old = previous as Record<string, unknown>;
  const kept: Record<string, unknown> = { ...guide };
  for (const [field, value] of Object.entries(old)) if (!importedFields.has(field) && field !== 'editorNotes') kept[field] = value;
  const oldNotes = Array.isArray(old.editorNotes) ? old.editorNotes.filter((note) => typeof note !== 'string' || !importNote.test(note)) : [];
  kept.editorNotes = [...(guide.editorNotes ?? []), ...oldNotes];
  const oldCommenters = (old.commenters ?? {}) as Record<string, Record<string, unknown> | undefined>;
  kept.commenters = Object.fromEntries(
    Object.entries(guide.commenters).map(([key, commenter]) => {
      const before = oldCommenters[key];
      return [key, { ...commenter, ...(before?.description ? { description: before.description } : {}), ...(before?.colour ? { colour: before.colour } : {}) }];
    })
  );
  return kept as z.input<typeof guideSchema>;
}

const statusWords: Record<CommentStatus, string> = { deleted: 'Deleted', removed: 'Removed', unavailable: 'Unavailable' };

/** A, B, … Z, AA, AB, …: keys in the order commenters first appear. */
export function commenterKey(index: number): string {
  let key = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) key = String.fromCharCode(65 + ((rest - 1) % 26)) + key;
  return key;
}

/** The shortest start of a quotation's words, by whole words, that no other quotation of the comment starts with. */
function firstWords(words: string, others: readonly string[]): string {
  const parts = words.split(/\s+/);
  for (let count = Math.min(6, parts.length); count <= parts.length; count++) {
    const start = parts.slice(0, count).join(' ');
    if (!others.some((other) => other.replace(/\s+/g, ' ').startsWith(start))) return start;
  }
  return words.replace(/\s+/g, ' ');
}

/**
 * What a comment's front matter must say of its quotations for the check to
 * accept them: for one whose words stand in several earlier comments, the
 * one it quotes (the comment it replies to, or the nearest before it); for
 * one whose words stand in none, that it quotes a text outside the thread.
 */
function quotationFields(
  text: string,
  quotations: readonly { start: number; end: number }[],
  earlier: EarlierPassages<string>,
  comment: CapturedComment,
  ids: ReadonlyMap<string, string>
): Pick<CommentData, 'quotations' | 'outsideQuotations'> {
  const chosen: CommentData['quotations'] = [];
  const outside: CommentData['outsideQuotations'] = [];
  const all = quotations.map((quotation) => text.slice(quotation.start, quotation.end));
  for (const [index, words] of all.entries()) {
    const exact = firstWords(words, all.filter((_, other) => other !== index));
    const places = earlier.find(words).map((place) => place.document);
    if (places.length === 0) outside.push({ exact });
    else if (places.length > 1) {
      const parent = comment.parent === undefined ? undefined : ids.get(comment.parent);
      chosen.push({ exact, in: places.find((place) => place === parent) ?? places.at(-1)! });
    }
  }
  return { ...(chosen.length > 0 ? { quotations: chosen } : {}), ...(outside.length > 0 ? { outsideQuotations: outside } : {}) } as Pick<CommentData, 'quotations' | 'outsideQuotations'>;
}
