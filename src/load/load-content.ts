/**
 * Stage 1 of the pipeline: read every file under `content/`, check it is
 * UTF-8, split and parse its front matter, validate it with its collection's
 * schema and parse its Markdown body. Nothing here knows about Astro.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { CompileCache } from '../compile-cache.ts';
import { Diagnostics, type Point } from './diagnostics.ts';
import { parseYaml, splitFrontMatter, validate, type Locate } from './front-matter.ts';
import { bodyFacts, checkMarkdownSafety, parseMarkdown, type BodyFacts } from './markdown.ts';
import { collections, guideSchema, idPattern, type CollectionName, type DataOf, type GuideData } from './schema.ts';
import type { GlossaryTerm } from './terms.ts';

export interface LoadedEntry<C extends CollectionName = CollectionName> {
  collection: C;
  /** The file name without `.md`: the entry's id in URLs, references and the DOM. */
  id: string;
  /** Path relative to the working directory, with `/`, as messages name it. */
  file: string;
  data: DataOf<C>;
  /** The Markdown body, padded with empty lines so its lines are the file's lines. */
  body: string;
  /** What the graph needs to know of the body. */
  facts: BodyFacts;
  /**
   * The body's syntax tree, kept for rendering; undefined for a file taken
   * from the compile cache, whose body is parsed again only if it must be
   * rendered again.
   */
  tree: Root | undefined;
  /** Where a front-matter value stands in the file. */
  locate: Locate;
}

export interface LoadedGuide {
  file: string;
  data: GuideData;
  locate: Locate;
}

export type LoadedContent = {
  [C in CollectionName]: LoadedEntry<C>[];
} & {
  /** Absolute path of the content folder. */
  root: string;
  guide: LoadedGuide | undefined;
};

/** Collections whose files must have a body, and what that body is. */
const bodyRequired: Partial<Record<CollectionName, string>> = {
  thread: 'the comment’s words',
  annotations: 'the annotation itself',
  glossary: 'the definition',
  pages: 'the page’s text'
};

export const guideFileName = 'guide.yaml';

/** Collections whose bodies use glossary terms: the graph lists where, and the renderer links them. */
export const termCollections: readonly CollectionName[] = ['thread', 'annotations'];

/** The glossary as the term finder reads it: each term with its other spellings. */
export function glossaryTerms(glossary: readonly LoadedEntry<'glossary'>[]): GlossaryTerm[] {
  return glossary.map((entry) => ({ id: entry.id, names: [entry.data.term, ...entry.data.aliases] }));
}

/**
 * Loads every file under `root`. With a `cache`, a file whose text (and, for
 * a body that uses glossary terms, whose glossary) is unchanged since a
 * build that kept it is taken from there, unparsed.
 */
export async function loadContent(root: string, diagnostics: Diagnostics, cache?: CompileCache): Promise<LoadedContent> {
  const absoluteRoot = path.resolve(root);
  // The glossary first: the other bodies are searched for its terms as they are loaded.
  const glossary = await loadCollection(absoluteRoot, 'glossary', diagnostics, { cache });
  const terms = glossaryTerms(glossary);
  const options: LoadOptions = { cache, terms, termsKey: JSON.stringify(terms) };
  const others = (Object.keys(collections) as CollectionName[]).filter((name) => name !== 'glossary');
  const loaded = await Promise.all(others.map((name) => loadCollection(absoluteRoot, name, diagnostics, options)));
  const content = Object.fromEntries([['glossary', glossary], ...others.map((name, index) => [name, loaded[index]])]) as {
    [C in CollectionName]: LoadedEntry<C>[];
  };
  return { ...content, root: absoluteRoot, guide: await loadGuide(absoluteRoot, diagnostics) };
}

interface LoadOptions {
  cache?: CompileCache;
  /** The glossary, for the collections whose bodies use its terms. */
  terms?: readonly GlossaryTerm[];
  /** The glossary as part of a cache key. */
  termsKey?: string;
}

async function loadGuide(root: string, diagnostics: Diagnostics): Promise<LoadedGuide | undefined> {
  const absolute = path.join(root, guideFileName);
  const file = displayPath(absolute);
  const raw = readText(absolute, file, diagnostics, true);
  if (raw === undefined) return undefined;
  const yaml = parseYaml(raw, raw, 0, file, diagnostics);
  if (!yaml.ok) return undefined;
  const data = validate(guideSchema, yaml.data, file, yaml.locate, diagnostics);
  if (data) checkNotes(data.editorNotes, ['editorNotes'], undefined, file, yaml.locate, diagnostics);
  return data ? { file, data, locate: yaml.locate } : undefined;
}

async function loadCollection<C extends CollectionName>(
  root: string,
  collection: C,
  diagnostics: Diagnostics,
  options: LoadOptions
): Promise<LoadedEntry<C>[]> {
  const folder = path.join(root, collection);
  const files = await listFiles(folder);
  const loaded: LoadedEntry<C>[] = [];
  const seen = new Map<string, string>();
  for (const absolute of files) {
    const file = displayPath(absolute);
    if (!absolute.endsWith('.md')) {
      diagnostics.warn(file, undefined, 'Ignored: only Markdown (.md) files are read here', 'ignored-file', 'Rename it to .md if it is content, or move it out of content/.');
      continue;
    }
    const id = path.basename(absolute, '.md');
    if (!idPattern.test(id)) {
      diagnostics.error(
        file,
        { line: 1, column: 1 },
        `The file name \`${id}\` cannot be an id`,
        'invalid-id',
        'Rename the file with lower-case letters, digits and single hyphens, such as `b1-instruction-following.md`.'
      );
      continue;
    }
    const first = seen.get(id);
    if (first) {
      diagnostics.error(
        file,
        { line: 1, column: 1 },
        `The id \`${id}\` is already defined by ${first}`,
        'duplicate-id',
        'Ids are file names and must be unique within a folder and its subfolders: rename one of the files.'
      );
      continue;
    }
    seen.set(id, file);
    const entry = loadEntry(absolute, file, id, collection, diagnostics, options);
    if (entry) loaded.push(entry);
  }
  return loaded;
}

function loadEntry<C extends CollectionName>(
  absolute: string,
  file: string,
  id: string,
  collection: C,
  diagnostics: Diagnostics,
  { cache, terms, termsKey = '' }: LoadOptions
): LoadedEntry<C> | undefined {
  const raw = readText(absolute, file, diagnostics);
  if (raw === undefined) return undefined;
  const split = splitFrontMatter(raw);
  const usesTerms = termCollections.includes(collection);
  const key = cache?.key('load', collection, raw, usesTerms ? termsKey : '');
  const locate = lazyLocate(raw, split.yaml ?? '', split.yamlOffset, file);
  const kept = key === undefined ? undefined : cache!.load(key);
  if (kept) return { collection, id, file, data: kept.data as DataOf<C>, body: split.body, facts: kept.facts, tree: undefined, locate };
  if (split.yaml === undefined) {
    diagnostics.error(
      file,
      { line: 1, column: 1 },
      'No front matter: the file must start with a `---` line and a YAML block closed by another `---` line',
      'front-matter-missing',
      `See the other files in content/${collection}/ for the fields it needs.`
    );
    return undefined;
  }
  const yaml = parseYaml(raw, split.yaml, split.yamlOffset, file, diagnostics);
  const schema = collections[collection] as unknown as z.ZodType<DataOf<C>>;
  const data = yaml.ok ? validate(schema, yaml.data, file, yaml.locate, diagnostics) : undefined;
  let tree: Root;
  let facts: BodyFacts;
  try {
    tree = parseMarkdown(split.body);
    checkMarkdownSafety(tree, file, diagnostics);
    facts = bodyFacts(tree, usesTerms ? terms : undefined);
  } catch (error) {
    // Pathological input (nesting thousands of levels deep) exhausts the parser's stack.
    diagnostics.error(
      file,
      firstLine(split.body),
      `The Markdown could not be parsed: ${(error as Error).message}`,
      'render-failed',
      'Simplify the Markdown: quotations and lists nested more than a few levels deep are not supported.'
    );
    return undefined;
  }
  const needsBody = bodyRequired[collection];
  if (needsBody && split.body.trim() === '') {
    diagnostics.error(
      file,
      { line: split.body.split('\n').length, column: 1 },
      'The file has no body',
      'empty-body',
      `Write ${needsBody} below the front matter.`
    );
    return undefined;
  }
  if (data === undefined) return undefined;
  if (collection === 'thread') checkNotes((data as DataOf<'thread'>).editorNotes.map((note) => note.note), ['editorNotes'], 'note', file, yaml.locate, diagnostics);
  // Only a file that loaded without a problem is kept, so a build from the cache reports what a clean one would.
  if (key !== undefined && !diagnostics.reported(file)) cache!.keepLoad(key, { data, facts });
  return { collection, id, file, data, body: split.body, facts, tree, locate };
}

/**
 * Problems found later (by the graph) are placed by parsing the front matter
 * again, then: holding every file's YAML document until then would hold far
 * more memory than the data itself, for the few files that have problems.
 */
function lazyLocate(raw: string, yaml: string, offset: number, file: string): Locate {
  let locate: Locate | undefined;
  return (path, at) => (locate ??= parseYaml(raw, yaml, offset, file, new Diagnostics()).locate)(path, at);
}

/** Editor's notes are Markdown too, kept in front matter: the same rules hold for them. */
function checkNotes(
  notes: readonly string[],
  at: readonly (string | number)[],
  field: string | undefined,
  file: string,
  locate: Locate,
  diagnostics: Diagnostics
): void {
  for (const [offset, note] of notes.entries()) {
    checkMarkdownSafety(parseMarkdown(note), file, diagnostics, locate(field ? [...at, offset, field] : [...at, offset]));
  }
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder, { recursive: true, withFileTypes: true });
    return names
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** No comment, claim or note needs more: a larger file is a pasted log or a mistake. */
export const maxFileBytes = 1024 * 1024;

/**
 * Files are read one after another, synchronously: content files are small,
 * and for small files the four round trips to the thread pool that an
 * asynchronous read makes (open, stat, read, close) cost several times the
 * reading itself.
 */
function readText(absolute: string, file: string, diagnostics: Diagnostics, required = false): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !required) return undefined;
    diagnostics.error(
      file,
      undefined,
      missing ? 'The file is missing' : `The file cannot be read: ${(error as Error).message}`,
      'read-failed',
      missing ? `Create ${file}; see the README for its fields.` : undefined
    );
    return undefined;
  }
  if (bytes.length > maxFileBytes) {
    diagnostics.error(
      file,
      { line: 1, column: 1 },
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a content file may be at most ${maxFileBytes / 1024 / 1024} MB`,
      'file-too-large',
      'Check that nothing was pasted into it by mistake; split a long text into several files.'
    );
    return undefined;
  }
  try {
    // A byte-order mark is not part of the text.
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    diagnostics.error(
      file,
      firstInvalidUtf8(bytes),
      'The file is not valid UTF-8',
      'not-utf8',
      'Save the file as UTF-8 in your editor.'
    );
    return undefined;
  }
}

/**
 * Where the first byte that is not UTF-8 stands, as a line and a column in
 * characters. A lenient decode replaces it with U+FFFD; a U+FFFD that the
 * file really contains is told apart by its own bytes (EF BF BD).
 */
function firstInvalidUtf8(bytes: Buffer): Point | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  let byteOffset = 0;
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    if (code === 0xfffd && !(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) {
      return { line, column: index - lineStart + 1 };
    }
    if (code === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
    if (code > 0xffff) index += 1;
    byteOffset += Buffer.byteLength(String.fromCodePoint(code));
  }
  return undefined;
}

/** The first line of a body that has text, for problems with the body as a whole. */
export function firstLine(body: string): Point {
  const lines = body.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  return { line: (index === -1 ? lines.length - 1 : index) + 1, column: 1 };
}

/** Paths in messages are relative to where the command runs, with `/`. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/');
}
