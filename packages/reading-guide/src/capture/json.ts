/**
 * Reading a platform's JSON: parsed with its line and column on a syntax
 * error, and validated by a zod schema of the shape the platform documents,
 * so that a wrong value is reported at its JSON path
 * (`$.data.comments.results[3].contents: expected an object`).
 *
 * The position of a syntax error is found by hand where V8's message gives
 * none (`Unexpected token ']', …is not valid JSON`): parse-json and its kin
 * read the position from that same message, so they have none to give then.
 */
import { z } from 'zod';
import { CaptureError, type CaptureFile } from './model.ts';

export function parseJson(file: CaptureFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? firstInvalid(file.text));
    const reason = message.replace(/ in JSON at position.*$/, '').replace(/,? ".*" is not valid JSON$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new CaptureError(file.name, lineAndColumn(file.text, position), `not valid JSON (${reason})`);
  }
}

/**
 * Where JSON first stops being JSON, for an error that does not say: the
 * shortest start of the text that fails other than by ending too soon.
 */
function firstInvalid(text: string): number {
  const endsTooSoon = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      // V8 says an incomplete text ends too soon, or fails at its very end.
      return /end of JSON input|Unterminated string/.test(message) || Number(/position (\d+)/.exec(message)?.[1]) === length;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (endsTooSoon(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** `$.data.comments.results[3].contents` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`)).join('')}`;
}

const kinds: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', null: 'null' };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return kinds[typeof value] ?? typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A moment as a platform writes it: a date string that parses, or seconds since 1970. */
export const dateString = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
export const unixSeconds = z.number().min(0).max(1e11, 'not a time in seconds');

/** `value` as `schema` describes it, or a `CaptureError` at the first value that does not fit. */
export function readAs<S extends z.ZodType>(schema: S, value: unknown, file: string, at: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...at, ...issue.path];
  const found = valueAt(value, issue.path);
  let message: string;
  if (issue.code === 'invalid_type') {
    message = found === undefined ? `missing: expected ${kinds[issue.expected] ?? issue.expected}` : `expected ${kinds[issue.expected] ?? issue.expected}, found ${describe(found)}`;
  } else if (issue.code === 'invalid_value') {
    const wanted = issue.values.map((value) => JSON.stringify(value)).join(' or ');
    message = found === undefined ? `missing: expected ${wanted}` : `expected ${wanted}, found ${typeof found === 'string' || typeof found === 'number' ? JSON.stringify(found) : describe(found)}`;
  } else if (issue.code === 'custom' || issue.code === 'too_big' || issue.code === 'too_small') {
    message = `${issue.message}${found === undefined ? '' : ` (found ${typeof found === 'string' || typeof found === 'number' ? JSON.stringify(found) : describe(found)})`}`;
  } else if (issue.code === 'invalid_union') {
    message = `not a shape this format has (found ${describe(found)})`;
  } else {
    message = issue.message;
  }
  throw new CaptureError(file, jsonPath(path), message);
}
