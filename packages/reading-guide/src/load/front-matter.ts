/**
 * Reads YAML (a Markdown file's front matter, or a whole `.yaml` file) and
 * validates it with a zod schema, keeping where each value stands in the file.
 *
 * We parse with `yaml` rather than through Astro's front-matter helper because
 * only a parser that keeps node positions lets an error name the line of the
 * field that is wrong. Those positions are turned into lines and columns by
 * vfile-location over the whole file rather than by `yaml`'s LineCounter,
 * which counts the lines of the front matter alone: one conversion serves the
 * YAML's nodes and errors and the Markdown after it, with no offset to add.
 */
import leven from 'leven';
import { location } from 'vfile-location';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics, Point } from '../model/diagnostics.ts';

export type DataPath = readonly PropertyKey[];

/** Finds the file position of a value (or, failing that, its nearest parent). */
export type Locate = (path: DataPath, at?: 'key' | 'value') => Point | undefined;

export interface SplitMarkdown {
  /** The YAML between the `---` fences, or undefined when there is none. */
  yaml: string | undefined;
  /** Offset of the YAML text in the file. */
  yamlOffset: number;
  /**
   * The Markdown body, preceded by as many empty lines as the front matter
   * took, so that positions in the body are positions in the file.
   */
  body: string;
}

const fence = /^---[ \t]*\r?\n/;

export function splitFrontMatter(raw: string): SplitMarkdown {
  const open = fence.exec(raw);
  if (!open) return { yaml: undefined, yamlOffset: 0, body: raw };
  const closing = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = raw.slice(open[0].length);
  const close = closing.exec(rest);
  if (!close) return { yaml: undefined, yamlOffset: 0, body: raw };
  const yaml = rest.slice(0, close.index);
  const headerEnd = open[0].length + close.index + close[0].length;
  const header = raw.slice(0, headerEnd);
  const newlines = header.split('\n').length - 1;
  return { yaml, yamlOffset: open[0].length, body: '\n'.repeat(newlines) + raw.slice(headerEnd) };
}

export interface ParsedYaml {
  data: unknown;
  locate: Locate;
  ok: boolean;
}

/**
 * Limits on what YAML may make, well above what any guide's front matter
 * needs (its deepest field, `editorNotes[0].about.exact`, is four levels
 * down): YAML built to expand (aliases of aliases) or nested thousands of
 * levels deep would otherwise take the checker's memory or stack.
 */
export const yamlLimits = {
  /** How many times aliases may be expanded, counting an alias inside an expanded one again (see `yaml`'s `maxAliasCount`). */
  aliases: 50,
  /** How deep collections may nest. */
  depth: 16
};

/**
 * Parses YAML that starts at `offset` in `raw` (the whole file's text) and
 * reports syntax errors at their place in the file.
 */
export function parseYaml(raw: string, yaml: string, offset: number, path: string, diagnostics: Diagnostics): ParsedYaml {
  const place = location(raw);
  const toPoint = (yamlOffset: number): Point | undefined => {
    const point = place.toPoint(offset + yamlOffset);
    return point ? { line: point.line, column: point.column } : undefined;
  };
  const document = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false });
  const tooDeepHint = 'Front matter needs no more than a few levels of nesting: check the brackets and the indentation.';
  const tooComplex = (at: number, reason: string, hint = tooDeepHint) => diagnostics.error(path, toPoint(at), reason, 'yaml-too-complex', hint);
  const exhausted = document.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION' || error.message.includes('call stack'));
  // The parser gives up on nesting deep enough to exhaust its stack; that is one problem, not a syntax error per level.
  if (exhausted) {
    // Where the stack gave out depends on the machine: the problem is reported at the top-level field that holds it.
    tooComplex(topLevelField(yaml, exhausted.pos[0]), `The YAML is nested too deeply to be read (at most ${yamlLimits.depth} levels)`);
    return { data: undefined, ok: false, locate: locator(document, toPoint) };
  }
  for (const error of document.errors) {
    diagnostics.error(
      path,
      toPoint(error.pos[0]),
      `Invalid YAML: ${error.message.split('\n')[0]}`,
      'yaml-syntax',
      'Check indentation, and put text containing ":" or "#" or starting with a quote in quotes.'
    );
  }
  let ok = document.errors.length === 0;
  const deep = ok ? tooDeep(document) : undefined;
  if (deep) {
    tooComplex(deep.range?.[0] ?? 0, `The YAML is nested more than ${yamlLimits.depth} levels deep`);
    ok = false;
  }
  let data: unknown;
  if (ok) {
    try {
      data = document.toJS({ maxAliasCount: yamlLimits.aliases });
    } catch (error) {
      // `yaml` refuses to expand aliases past the count, with a ReferenceError naming no place: the first alias is the place.
      if (!(error instanceof ReferenceError)) throw error;
      tooComplex(
        firstAlias(document)?.range?.[0] ?? 0,
        `The YAML’s aliases expand to more than ${yamlLimits.aliases} copies`,
        'Write each value out in full: front matter needs no anchors (&) and aliases (*).'
      );
      ok = false;
    }
  }
  return { data, ok, locate: locator(document, toPoint) };
}

/** Where the line of the top-level field holding `offset` starts. */
function topLevelField(yaml: string, offset: number): number {
  let start = yaml.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && /[ \t-]/.test(yaml.charAt(start))) start = yaml.lastIndexOf('\n', start - 2) + 1;
  return start;
}

/** The first collection nested deeper than the limit, found without recursion. */
function tooDeep(document: Document): YamlNode | undefined {
  const stack: [unknown, number][] = [[document.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > yamlLimits.depth) return node;
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

function firstAlias(document: Document): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(document, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    }
  });
  return found;
}

function locator(document: Document, toPoint: (offset: number) => Point | undefined): Locate {
  return (path, at) => {
    let node: unknown = document.contents;
    let found: YamlNode | undefined = isNode(node) ? node : undefined;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        const key = pair.key as YamlNode;
        const value = pair.value;
        const last = index === path.length - 1;
        found = last && at === 'key' ? key : isNode(value) ? value : key;
        node = value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!isNode(item)) break;
        found = item;
        node = item;
      } else {
        break;
      }
    }
    return found?.range ? toPoint(found.range[0]) : toPoint(0);
  };
}

function isNode(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** Formats a data path the way a contributor writes it: `cites[0].source`. */
export function formatPath(path: DataPath): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/** The most known keys an unknown field's hint lists. */
const listedKeys = 25;

/**
 * Validates `data` against `schema`; reports each issue at the field's line
 * with the field's description as the hint. Returns the parsed data, or
 * undefined when invalid.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  path: string,
  locate: Locate,
  diagnostics: Diagnostics
): z.output<S> | undefined {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const fieldPath = [...issue.path, key];
        const known = knownKeys(schema, issue.path);
        const suggestion = closest(key, known);
        // A long list (the UI messages a guide may reword) is cut: the nearest key is what helps.
        const allowed = known.length > listedKeys ? `${known.slice(0, listedKeys).join(', ')} and ${known.length - listedKeys} more` : known.join(', ');
        diagnostics.error(
          path,
          locate(fieldPath, 'key'),
          `Unknown field \`${formatPath(fieldPath)}\``,
          'unknown-field',
          suggestion ? `Did you mean \`${suggestion}\`? Allowed here: ${allowed}.` : `Allowed here: ${allowed}.`
        );
      }
      continue;
    }
    // A refinement that names a field the file leaves out (`author`, or `on` or `quote`) is a missing field too.
    const missing = (issue.code === 'invalid_type' || issue.code === 'custom') && (valueAt(data, issue.path) ?? undefined) === undefined;
    const field = formatPath(issue.path);
    const hint = descriptionAt(schema, issue.path);
    if (missing) {
      diagnostics.error(
        path,
        locate(issue.path.slice(0, -1), 'key'),
        issue.code === 'custom' ? `Missing required field \`${field}\`: ${issue.message}` : `Missing required field \`${field}\``,
        'missing-field',
        hint ? `Add \`${field}\`: ${hint}.` : `Add \`${field}\`.`
      );
    } else {
      // A record's key that fails its pattern comes wrapped, with the pattern's own message inside.
      const keyIssue = issue.code === 'invalid_key' ? issue.issues[0] : undefined;
      const message = keyIssue?.message ?? issue.message;
      diagnostics.error(
        path,
        locate(issue.path, keyIssue ? 'key' : 'value'),
        field ? `\`${field}\`: ${lowerFirst(message.replace(/^Invalid input: /, ''))}` : message,
        'wrong-type',
        hint ? `\`${field}\` is ${hint}.` : undefined
      );
    }
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

type SchemaDef = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
};

/** The schemas met along `path`, outermost first, unwrapping optional and default. */
function schemasAlong(schema: z.ZodType, path: DataPath): z.ZodType[] {
  const seen: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (current) {
      seen.push(current);
      const def = (current as unknown as { def: SchemaDef }).def;
      if (def.innerType) current = def.innerType;
      else if (def.type === 'pipe' && def.in) current = def.in;
      else break;
    }
  };
  unwrap();
  for (const segment of path) {
    const def: SchemaDef | undefined = (current as unknown as { def: SchemaDef } | undefined)?.def;
    // A path from a validation issue follows the schema: an object's key, an array's index or a record's key.
    current = def?.type === 'object' ? def.shape?.[segment as string] : def?.type === 'array' ? def.element : def?.type === 'record' ? def.valueType : undefined;
    seen.length = 0;
    unwrap();
  }
  return seen;
}

function descriptionAt(schema: z.ZodType, path: DataPath): string | undefined {
  return schemasAlong(schema, path).find((candidate) => candidate.description)?.description;
}

function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  const last = schemasAlong(schema, path).at(-1);
  const shape = (last as unknown as { def: SchemaDef } | undefined)?.def.shape;
  return shape ? Object.keys(shape) : [];
}

/** The known key nearest to a misspelt one, if it is near enough to be a typo. */
export function closest(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = leven(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
