/**
 * Stage 1 of the pipeline: read every file under `content/`, check it is
 * UTF-8, split and parse its front matter, validate it with its collection's
 * schema and parse its Markdown body. Nothing here knows about Astro.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { CompileCache } from '../compile-cache.ts';
import { contentFiles, readRegularFile, type ContentFiles } from './content-files.ts';
import { Diagnostics, type Point, type Problem } from '../model/diagnostics.ts';
import { parseYaml, splitFrontMatter, validate, type Locate } from './front-matter.ts';
import { bodyFacts, checkMarkdownSafety, limitHint, parseWithinLimits, type BodyFacts } from './markdown.ts';
import { collections, idPattern, schemaOf, type CollectionName, type DataOf, type GuideData, type SchemaExtensions } from '../model/schema.ts';
import { clashingNames, type GlossaryTerm } from './terms.ts';
import { checkAgainstCapture, loadCapture, type Capture } from './capture-check.ts';

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

/** A content file as read from disk, before it is parsed. */
export interface SourceFile<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  file: string;
  raw: string;
}

/** What parsing a file gives: its entry and syntax tree, unless it has errors, and its problems. */
export interface ParsedFile<C extends CollectionName = CollectionName> {
  entry?: Pick<LoadedEntry<C>, 'data' | 'body' | 'facts'>;
  tree?: Root;
  problems: Problem[];
}

/**
 * Loads every file under `root`. With a `cache`, a file whose text (and, for
 * a body that uses glossary terms, whose glossary) is unchanged since a
 * build that kept it is taken from there, unparsed. With `schemas`, each
 * file of a collection the site extends is validated with the site's fields
 * added.
 */
export async function loadContent(root: string, diagnostics: Diagnostics, cache?: CompileCache, schemas?: SchemaExtensions): Promise<LoadedContent> {
  const absoluteRoot = path.resolve(root);
  const files = await contentFiles(absoluteRoot, diagnostics, displayPath);
  const names = Object.keys(collections) as CollectionName[];
  const sources = Object.fromEntries(names.map((name) => [name, readCollection(absoluteRoot, files, name, diagnostics)])) as {
    [C in CollectionName]: SourceFile<C>[];
  };
  const guide = loadGuide(absoluteRoot, files, diagnostics, schemas);
  const extended = extendedSchemas(schemas);
  const capture = guide && loadCapture(absoluteRoot, guide.data, guide.file, guide.locate, diagnostics);
  // The glossary first: the other bodies are searched for its terms as they are parsed.
  const glossary = loadSources(sources.glossary, { terms: [], schemas: extended }, diagnostics, cache) as LoadedEntry<'glossary'>[];
  const terms = glossaryTerms(glossary);
  refuseClashingTerms(glossary, terms, diagnostics);
  const others = names.filter((name) => name !== 'glossary');
  const loaded = loadSources(others.flatMap((name) => sources[name] as SourceFile[]), { terms, capture, schemas: extended }, diagnostics, cache);
  const content = Object.fromEntries(names.map((name) => [name, name === 'glossary' ? glossary : loaded.filter((entry) => entry.collection === name)])) as {
    [C in CollectionName]: LoadedEntry<C>[];
  };
  return { ...content, root: absoluteRoot, guide };
}

/** What parsing a file may check it against: the glossary, the capture that holds the thread's words, and the site's schemas. */
export interface ParseContext {
  terms: readonly GlossaryTerm[];
  capture?: Capture;
  /** The schemas of the collections the site extends, in place of the guide's. */
  schemas?: Partial<Record<CollectionName, z.ZodType>>;
}

/** The site's schema of each collection it extends, built once for all its files. */
function extendedSchemas(schemas: SchemaExtensions | undefined): Partial<Record<CollectionName, z.ZodType>> {
  const names = (Object.keys(collections) as CollectionName[]).filter((name) => schemas?.[name]);
  return Object.fromEntries(names.map((name) => [name, schemaOf(name, schemas)]));
}

/** Two definitions of one name would leave it to chance which a use of it links to. */
function refuseClashingTerms(glossary: readonly LoadedEntry<'glossary'>[], terms: readonly GlossaryTerm[], diagnostics: Diagnostics): void {
  for (const { term, index, first } of clashingNames(terms)) {
    const entry = glossary[terms.indexOf(term)]!;
    const other = glossary[terms.indexOf(first)]!;
    diagnostics.error(
      entry.file,
      entry.locate(index === 0 ? ['term'] : ['aliases', index - 1]),
      `“${term.names[index]}” is already defined by ${other.file}`,
      'duplicate-term',
      'A term or other spelling links to one definition, ignoring case: leave it out here, or merge the two definitions into one file.'
    );
  }
}

/** Loads `sources`, in their order: from the cache where it has them, parsing them otherwise. */
function loadSources(sources: readonly SourceFile[], context: ParseContext, diagnostics: Diagnostics, cache: CompileCache | undefined): LoadedEntry[] {
  const termsKey = JSON.stringify(context.terms);
  const captureKey = context.capture?.digest ?? '';
  const loaded: LoadedEntry[] = [];
  for (const source of sources) {
    const { collection, id, file, raw } = source;
    const split = splitFrontMatter(raw);
    const locate = lazyLocate(raw, split.yaml ?? '', split.yamlOffset, file);
    // A file of an extended collection is always validated afresh: the site's schema is code, which no key can hold.
    const cached = context.schemas?.[collection] ? undefined : cache;
    const key = cached?.key('load', collection, raw, termCollections.includes(collection) ? termsKey : '', collection === 'thread' ? captureKey : '');
    const kept = key === undefined ? undefined : cache!.load(key);
    if (kept) {
      loaded.push({ collection, id, file, data: kept.data as never, body: split.body, facts: kept.facts, tree: undefined, locate });
      continue;
    }
    const { entry, tree, problems } = parseSource(source, context);
    for (const problem of problems) diagnostics.add(problem);
    if (!entry) continue;
    // Only a file that loaded without a problem is kept, so a build from the cache reports what a clean one would.
    if (key !== undefined && problems.length === 0) cache!.keepLoad(key, { data: entry.data, facts: entry.facts });
    loaded.push({ collection, id, file, ...entry, tree, locate } as LoadedEntry);
  }
  return loaded;
}

function loadGuide(root: string, files: ContentFiles, diagnostics: Diagnostics, schemas: SchemaExtensions | undefined): LoadedGuide | undefined {
  const absolute = path.join(root, guideFileName);
  const file = displayPath(absolute);
  // Reported already if it is there but not a file that may be read.
  if (diagnostics.reported(file)) return undefined;
  const raw = readText(files.get(absolute) ?? absolute, file, diagnostics, true);
  if (raw === undefined) return undefined;
  const yaml = parseYaml(raw, raw, 0, file, diagnostics);
  if (!yaml.ok) return undefined;
  const data = validate(schemaOf('guide', schemas), yaml.data, file, yaml.locate, diagnostics) as GuideData | undefined;
  if (data) checkNotes(data.editorNotes, ['editorNotes'], undefined, file, yaml.locate, diagnostics);
  return data ? { file, data, locate: yaml.locate } : undefined;
}

/** Reads a collection's files, in file order, refusing any whose name cannot be an id. */
function readCollection<C extends CollectionName>(root: string, files: ContentFiles, collection: C, diagnostics: Diagnostics): SourceFile<C>[] {
  const folder = path.join(root, collection) + path.sep;
  const sources: SourceFile<C>[] = [];
  const seen = new Map<string, string>();
  for (const absolute of [...files.keys()].filter((listed) => listed.startsWith(folder)).sort()) {
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
    const raw = readText(files.get(absolute)!, file, diagnostics);
    if (raw !== undefined) sources.push({ collection, id, file, raw });
  }
  return sources;
}

/**
 * Parses one file: its front matter, validated by its collection's schema,
 * and its Markdown body, checked for what content may not hold.
 */
export function parseSource<C extends CollectionName>({ collection, file, raw }: SourceFile<C>, { terms, capture, schemas }: ParseContext): ParsedFile<C> {
  const diagnostics = new Diagnostics();
  const split = splitFrontMatter(raw);
  const done = (entry?: ParsedFile<C>['entry'], tree?: Root): ParsedFile<C> => ({ entry, tree, problems: diagnostics.problems });
  if (split.yaml === undefined) {
    diagnostics.error(
      file,
      { line: 1, column: 1 },
      'No front matter: the file must start with a `---` line and a YAML block closed by another `---` line',
      'front-matter-missing',
      `See the other files in content/${collection}/ for the fields it needs.`
    );
    return done();
  }
  const yaml = parseYaml(raw, split.yaml, split.yamlOffset, file, diagnostics);
  const schema = (schemas?.[collection] ?? collections[collection]) as unknown as z.ZodType<DataOf<C>>;
  const data = yaml.ok ? validate(schema, yaml.data, file, yaml.locate, diagnostics) : undefined;
  let tree: Root;
  let facts: BodyFacts;
  try {
    const parsed = parseWithinLimits(split.body);
    if (!('type' in parsed)) {
      diagnostics.error(file, parsed.place, parsed.reason, 'markdown-too-complex', limitHint);
      return done();
    }
    tree = parsed;
    checkMarkdownSafety(tree, file, diagnostics);
    facts = bodyFacts(tree, termCollections.includes(collection) ? terms : undefined);
  } catch (error) {
    // Pathological input (nesting thousands of levels deep) exhausts the parser's stack.
    diagnostics.error(
      file,
      firstLine(split.body),
      `The Markdown could not be parsed: ${(error as Error).message}`,
      'render-failed',
      'Simplify the Markdown: quotations and lists nested more than a few levels deep are not supported.'
    );
    return done();
  }
  const needsBody = bodyRequired[collection];
  // A comment the platform no longer shows has no words: the page shows a placeholder.
  const placeholder = collection === 'thread' && (data as DataOf<'thread'> | undefined)?.status !== undefined;
  if (needsBody && !placeholder && split.body.trim() === '') {
    diagnostics.error(
      file,
      { line: split.body.split('\n').length, column: 1 },
      'The file has no body',
      'empty-body',
      `Write ${needsBody} below the front matter.`
    );
    return done();
  }
  if (data === undefined) return done();
  if (collection === 'thread') {
    const comment = data as DataOf<'thread'>;
    checkNotes(comment.editorNotes.map((note) => note.note), ['editorNotes'], 'note', file, yaml.locate, diagnostics);
    if (capture) checkAgainstCapture(tree, comment.capture, comment.label, capture, file, yaml.locate, diagnostics);
  }
  return done({ data, body: split.body, facts }, tree);
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
    const place = locate(field ? [...at, offset, field] : [...at, offset]);
    const parsed = parseWithinLimits(note);
    if ('type' in parsed) checkMarkdownSafety(parsed, file, diagnostics, place);
    else diagnostics.error(file, place, parsed.reason, 'markdown-too-complex', limitHint);
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
    bytes = readRegularFile(absolute);
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
    // The decoder leaves out a byte-order mark: it is not part of the text.
    return utf8.decode(bytes);
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
  const place = { line: 1, column: 1 };
  for (const character of text) {
    if (character === '\uFFFD' && !(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) return place;
    if (character === '\n') {
      place.line += 1;
      place.column = 1;
    } else {
      // Columns count UTF-16 code units, as editors do: a character outside the Basic Multilingual Plane is two.
      place.column += character.length;
    }
    byteOffset += Buffer.byteLength(character);
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
