/**
 * Problems found in the content, collected as unified `VFileMessage`s so that
 * every stage (loading, the graph, rendering) reports the same way: at a file,
 * a line and a column, with a rule id and a hint on how to fix it.
 *
 * Stages collect every problem instead of stopping at the first, so that a
 * contributor sees all of them in one run.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Every rule the pipeline can report, so that tests and docs can list them. */
export const rules = {
  'read-failed': 'a content file could not be read',
  'ignored-file': 'a file in a content folder is not Markdown and is skipped',
  'not-regular-file': 'an entry in the content folder is not a regular file, nor a link to one inside it',
  'not-utf8': 'a content file is not valid UTF-8',
  'front-matter-missing': 'a Markdown file has no front matter block',
  'yaml-syntax': 'the front matter is not valid YAML',
  'yaml-too-complex': 'the YAML nests too deeply, or its aliases expand too far',
  'missing-field': 'a required front-matter field is missing',
  'wrong-type': 'a front-matter field has the wrong type or format',
  'unknown-field': 'a front-matter field is not part of the schema',
  'invalid-id': 'a file name cannot serve as an id',
  'duplicate-id': 'two files define the same id',
  'duplicate-term': 'two glossary files define the same term or other spelling, ignoring case',
  'unknown-reference': 'an id is referenced but not defined',
  'selector-no-match': 'a text quote selector matches nothing',
  'selector-ambiguous': 'a text quote selector matches more than one place',
  'selector-in-quotation': 'a selector points at words a comment quotes from an earlier comment',
  'unmatched-quotation': 'a quotation matches no earlier comment and is not marked as an outside work',
  'ambiguous-quotation': 'a quotation matches more than one place in earlier comments, or is listed as quoting an outside work but quotes a comment',
  'nested-quotation': 'a quotation sits inside a list or another quotation, where it cannot be matched',
  'unattributed-claim': 'a claim is made in words the guide cannot attribute: a comment whose author is not shown, or a quotation of a text with no source',
  'capture-changed': 'a file of the capture differs from the one captured (its digest in guide.yaml)',
  'capture-invalid': 'the capture guide.yaml names is missing or cannot be read in its format',
  'comment-not-in-capture': 'a comment file names no comment of the capture, or one the capture does not hold',
  'comment-changed': 'a comment file’s words differ from the comment it names in the capture',
  'self-relation': 'a claim relates to itself',
  'invalid-counterargument': 'a claim’s strongest counterargument neither annotates it as a counterargument nor attacks it',
  'missing-counterargument': 'a main claim names no strongest counterargument',
  'unsupported-counterargument': 'a main claim’s strongest counterargument is an annotation that neither cites a part of a source (a locator, or a note that says what it shows) nor links to another claim of the thread',
  'incomplete-crux': 'a crux names claims of a commenter but not what evidence would move them',
  'unsupported-claim': 'a claim neither cites a source nor relates to another claim',
  'unsourced-annotation': 'an annotation cites no source',
  'duplicate-order': 'two comments share the same reading order',
  'reply-order': 'a comment replies to one that comes after it',
  'raw-html': 'raw HTML in Markdown (only Markdown is accepted)',
  'unsafe-url': 'a link or image URL uses a scheme that could run code',
  'broken-link': 'a link to a page of the site that does not exist, or to a fragment that the page does not have',
  'relative-link': 'a link to a page of the site that does not start at the site’s root',
  'unchecked-fact': 'a source states a bibliographic fact that no check covers',
  'empty-body': 'a file that needs a body has none',
  'file-too-large': 'a content file is larger than any guide needs',
  'markdown-too-complex': 'Markdown nests deeper, or holds more marks in one paragraph, than any guide needs',
  'relation-cycle': 'claims support one another in a circle',
  'render-failed': 'a Markdown file failed to render',
  'empty-render': 'a Markdown file rendered to nothing'
} as const;

export type RuleId = keyof typeof rules;

/** Name under which the pipeline's messages are reported (`VFileMessage#source`). */
export const messageSource = 'reading-guide';

export interface Point {
  line: number;
  column: number;
}

export interface Problem {
  /** Path of the file, relative to the project root, with `/` separators. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  rule: RuleId;
  hint?: string;
  severity: 'error' | 'warning';
}

/** The messages of one run, grouped by file as unified does. */
export class Diagnostics {
  readonly #files = new Map<string, VFile>();

  /** Reports an error at `place` in `path`; the run will fail. */
  error(path: string, place: Point | undefined, reason: string, rule: RuleId, hint?: string): void {
    this.#add(path, place, reason, rule, hint).fatal = true;
  }

  /** Reports a problem that does not fail the run. */
  warn(path: string, place: Point | undefined, reason: string, rule: RuleId, hint?: string): void {
    this.#add(path, place, reason, rule, hint).fatal = false;
  }

  /** Reports a problem found elsewhere (by another run, in another thread). */
  add({ file, line, column, message, rule, hint, severity }: Problem): void {
    const place = line === undefined ? undefined : { line, column: column ?? 1 };
    if (severity === 'error') this.error(file, place, message, rule, hint);
    else this.warn(file, place, message, rule, hint);
  }

  #add(path: string, place: Point | undefined, reason: string, rule: RuleId, hint?: string): VFileMessage {
    let file = this.#files.get(path);
    if (!file) {
      file = new VFile({ path });
      this.#files.set(path, file);
    }
    const message = file.message(reason, { place, ruleId: rule, source: messageSource });
    message.note = hint;
    return message;
  }

  /** Whether any problem has been reported in `path`. */
  reported(path: string): boolean {
    return (this.#files.get(path)?.messages.length ?? 0) > 0;
  }

  get problems(): Problem[] {
    const problems: Problem[] = [];
    for (const file of this.#files.values()) {
      for (const message of file.messages) {
        problems.push({
          file: file.path,
          line: message.line ?? undefined,
          column: message.column ?? undefined,
          message: message.reason,
          rule: message.ruleId as RuleId,
          hint: message.note,
          severity: message.fatal ? 'error' : 'warning'
        });
      }
    }
    return problems.sort(
      (a, b) =>
        a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
    );
  }

  get errors(): Problem[] {
    return this.problems.filter((problem) => problem.severity === 'error');
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}

/**
 * One line per problem, `path:line:column  message  rule-id` (a warning's
 * message starts with "warning:"), then its hint indented below: the shape
 * editors and CI annotate. Not vfile-reporter's shape, which names a file
 * once above its messages: here every line holds its own path, so a terminal
 * or an editor opens each problem from its line, and `grep` keeps the place.
 */
export function formatProblems(problems: readonly Problem[]): string {
  const lines: string[] = [];
  for (const problem of problems) {
    const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
    lines.push(`${where}  ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}  ${problem.rule}`);
    if (problem.hint) lines.push(`    hint: ${problem.hint}`);
  }
  lines.push(countProblems(problems));
  return lines.join('\n');
}

/** "2 errors, 1 warning": the last line of a report. */
export function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Thrown when content has errors; its message is the formatted report. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`The guide's content has errors:\n${formatProblems(problems)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
