/**
 * The commenters' words are the capture's: a guide that names a capture in
 * `guide.yaml` has each comment file checked, word for word, against the
 * comment it names there, and the capture's files against their digests.
 * So a pull request can add to the guide but cannot change what a
 * commenter wrote.
 *
 * Words are compared, not bytes: each word of the text, of inline and block
 * code, every link and image address, and where each piece of formatting a
 * reader sees (emphasis, a quotation, a heading, a list) starts and ends, in
 * order. That ignores how the Markdown is laid out (a hard wrap, `*` for `_`)
 * and nothing a reader sees. Lines of a plain capture, which has no
 * formatting, are compared by their words and paragraphs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { commentMarkdown } from '../capture/markdown.ts';
import { plainLines } from '../capture/formats/plain.ts';
import { CaptureError, type CaptureFile, type CapturedComment, type CapturedThread } from '../capture/model.ts';
import { readCapture } from '../capture/read-capture.ts';
import type { Diagnostics, Point } from '../model/diagnostics.ts';
import type { Locate } from './front-matter.ts';
import type { GuideData } from '../model/schema.ts';

export const captureFolder = 'capture';

/** The largest capture file read: an export of a few thousand comments is a few megabytes. */
export const maxCaptureBytes = 64 * 1024 * 1024;

/** A guide's capture, read once: the Markdown of each comment it holds, by the name a comment file gives it. */
export interface Capture {
  /** What a cache key must hold so that a changed capture checks every comment again. */
  digest: string;
  /**
   * The syntax tree of the comment `reference` names, as its file's
   * Markdown, and whether it is a comment the capture marks or lines of a
   * plain capture (which hold no formatting); undefined if the capture has
   * none such.
   */
  treeOf(reference: string): { tree: Root; lines: boolean } | undefined;
  /** A few of the names the capture knows, for a hint. */
  examples: string[];
}

/**
 * Reads the capture `guide.yaml` names, checking each file's digest;
 * reports at `guide.yaml` what is wrong and returns undefined then.
 */
export function loadCapture(root: string, guide: GuideData, guideFile: string, locate: Locate, diagnostics: Diagnostics): Capture | undefined {
  const spec = guide.capture;
  if (!spec) return undefined;
  const files: CaptureFile[] = [];
  for (const [offset, entry] of spec.files.entries()) {
    const absolute = path.join(root, captureFolder, entry.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      diagnostics.error(guideFile, locate(['capture', 'files', offset, 'path']), `The capture file ${captureFolder}/${entry.path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'capture-invalid', `Put the export back in content/${captureFolder}/, exactly as it was received.`);
      return undefined;
    }
    if (bytes.length > maxCaptureBytes) {
      diagnostics.error(guideFile, locate(['capture', 'files', offset, 'path']), `The capture file ${captureFolder}/${entry.path} is larger than ${maxCaptureBytes / 1024 / 1024} MB`, 'capture-invalid', 'Capture a smaller part of the thread.');
      return undefined;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256) {
      diagnostics.error(
        guideFile,
        locate(['capture', 'files', offset, 'sha256']),
        `The capture file ${captureFolder}/${entry.path} is not the one captured: its SHA-256 is ${sha256}`,
        'capture-changed',
        'The capture is kept exactly as it was received: restore the file from the repository’s history.'
      );
      return undefined;
    }
    files.push({ name: `${captureFolder}/${entry.path}`, text: bytes.toString('utf8') });
  }
  let comments: Map<string, CapturedComment>;
  let thread: CapturedThread;
  try {
    thread = readCapture(files, spec.format, { base: spec.base });
    comments = new Map(thread.comments.map((comment) => [comment.id, comment]));
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    diagnostics.error(guideFile, locate(['capture', 'format']), `The capture cannot be read as ${spec.format}: ${error.message}`, 'capture-invalid', 'Check `capture.format`, and that the files are the export as received.');
    return undefined;
  }
  return {
    digest: spec.files.map((entry) => entry.sha256).join(' '),
    examples: [...comments.keys()].slice(0, 3),
    // Each comment is checked once, so nothing is kept.
    treeOf(reference) {
      const comment = comments.get(reference);
      if (comment) return { tree: commentMarkdown(thread, comment).tree, lines: false };
      const lines = spec.format === 'plain' ? plainLines(files[0]!, reference) : undefined;
      return lines === undefined ? undefined : { tree: commentMarkdown(thread, { body: { text: lines }, permalink: '' }).tree, lines: true };
    }
  };
}

interface Word {
  word: string;
  at: Point | undefined;
  /** Where formatting starts or ends, rather than a word. */
  formatting?: true;
}

/** How each piece of formatting reads in a message, where it starts and where it ends. */
const formatting: Partial<Record<Nodes['type'], [string, string?]>> = {
  paragraph: ['[paragraph]'],
  heading: ['[heading]', '[end of heading]'],
  blockquote: ['[quotation]', '[end of quotation]'],
  list: ['[list]', '[end of list]'],
  listItem: ['[item]'],
  code: ['[code block]', '[end of code block]'],
  emphasis: ['[emphasis]', '[end of emphasis]'],
  strong: ['[strong]', '[end of strong]'],
  delete: ['[struck through]', '[end of struck through]'],
  inlineCode: ['[code]', '[end of code]'],
  link: ['[link]', '[end of link]'],
  table: ['[table]', '[end of table]'],
  tableRow: ['[row]'],
  tableCell: ['[cell]'],
  thematicBreak: ['[rule]'],
  break: ['[line break]']
};

/**
 * The words of a Markdown tree in order, each where it starts in the file
 * (as near as the tree tells), with the formatting around them, or only the
 * paragraphs (`paragraphsOnly`).
 */
function wordsOf(tree: Root, paragraphsOnly: boolean): Word[] {
  const words: Word[] = [];
  const marker = (node: Nodes, which: 0 | 1) => {
    const [start, end] = formatting[node.type] ?? [];
    const word = which === 0 ? start : end;
    if (word === undefined || (paragraphsOnly && node.type !== 'paragraph')) return;
    const point = which === 0 ? node.position?.start : node.position?.end;
    const shown = node.type === 'heading' && which === 0 ? `[heading ${node.depth}]` : node.type === 'list' && which === 0 && node.ordered ? '[numbered list]' : word;
    words.push({ word: shown, at: point && { line: point.line, column: point.column }, formatting: true });
  };
  // Depth first by hand, for the end of each piece of formatting: the check's limits keep trees shallow.
  const walk = (node: Nodes) => {
    marker(node, 0);
    const start = node.position?.start;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const lines = node.value.split('\n');
      for (const [offset, line] of lines.entries()) {
        for (const match of line.matchAll(/\S+/g)) {
          const at = start && (offset === 0 && node.type !== 'code' ? { line: start.line, column: start.column + match.index } : { line: start.line + offset + (node.type === 'code' ? 1 : 0), column: match.index + 1 });
          words.push({ word: match[0], at });
        }
      }
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      words.push({ word: `<${node.url}>`, at: start && { line: start.line, column: start.column } });
      if (node.type === 'image' && node.alt) for (const word of node.alt.split(/\s+/).filter(Boolean)) words.push({ word, at: start && { line: start.line, column: start.column } });
    }
    if ('children' in node) for (const child of node.children) walk(child);
    marker(node, 1);
  };
  walk(tree);
  return words;
}

/**
 * Reports, at the first word that differs, a comment file whose words are
 * not those of the comment its `capture` names.
 */
export function checkAgainstCapture(
  tree: Root,
  reference: string | undefined,
  label: string,
  capture: Capture,
  file: string,
  locate: Locate,
  diagnostics: Diagnostics
): void {
  if (reference === undefined) {
    diagnostics.error(file, locate(['label'], 'key'), `${label} names no comment of the capture`, 'comment-not-in-capture', `Add \`capture:\` with the comment’s id in the capture${capture.examples.length > 0 ? `, such as \`${capture.examples[0]}\`` : ''}.`);
    return;
  }
  const capturedTree = capture.treeOf(reference);
  if (capturedTree === undefined) {
    diagnostics.error(file, locate(['capture']), `The capture has no comment \`${reference}\``, 'comment-not-in-capture', capture.examples.length > 0 ? `Its comments have ids such as ${capture.examples.map((id) => `\`${id}\``).join(', ')}.` : 'Name lines of the capture, such as `lines 4-6`.');
    return;
  }
  const own = wordsOf(tree, capturedTree.lines);
  const captured = wordsOf(capturedTree.tree, capturedTree.lines);
  const differs = own.findIndex((word, index) => word.word !== captured[index]?.word);
  const at = differs === -1 ? (own.length === captured.length ? undefined : own.length) : differs;
  if (at === undefined) return;
  const quote = (words: Word[], from: number) => `“${words.slice(from, from + 6).map((word) => word.word).join(' ')}${words.length > from + 6 ? ' …' : ''}”`;
  const message =
    at >= own.length
      ? `${label} ends before the captured comment does, which goes on ${quote(captured, at)}`
      : at >= captured.length
        ? `${label} goes on past the captured comment, with ${quote(own, at)}`
        : `${label}’s ${own[at]!.formatting || captured[at]!.formatting ? 'formatting differs' : 'words differ'} from the capture: ${quote(own, at)} where the capture has ${quote(captured, at)}`;
  diagnostics.error(
    file,
    own[Math.min(at, own.length - 1)]?.at ?? locate(['capture']),
    message,
    'comment-changed',
    'A commenter’s words stay exactly as captured: undo the change. To say something about them, add an editor’s note or an annotation.'
  );
}
