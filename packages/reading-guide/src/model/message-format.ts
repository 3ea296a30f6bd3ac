/**
 * How a UI message is written and filled in: text with `{name}` placeholders,
 * or plural forms keyed by the categories of `Intl.PluralRules`, chosen by
 * the value `count`. Numbers are written as the language writes them.
 *
 * Kept apart from the table of messages (./ui-strings.ts) so that the
 * scripts the browser runs can fill in the messages a page hands them
 * without loading the table.
 *
 * Hand-written rather than taken from an ICU MessageFormat library: the
 * messages need placeholders and plurals only, which `Intl` covers, and the
 * browser's share of this code must stay a few hundred bytes.
 */

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A message's plural forms: `other` always, and each category the language uses. */
export type PluralForms = { readonly other: string } & { readonly [C in Exclude<PluralCategory, 'other'>]?: string };

export type Message = string | PluralForms;

export type MessageValues = Readonly<Record<string, string | number>>;

/** A piece of a message: its own text, or a placeholder left for the caller to fill (with a link, a time …). */
export type MessagePart = string | { slot: string };

const placeholder = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (!value) cache.set(locale, (value = make()));
  return value;
}

/** A number as `locale` writes it: 1,000 in English, 1.000 in German. */
export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

/** The text of `message` for `values`: a plural message's form for `values.count`. */
function formOf(message: Message, values: MessageValues, locale: string): string {
  if (typeof message === 'string') return message;
  const count = values.count;
  if (typeof count !== 'number') return message.other;
  return message[cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count)] ?? message.other;
}

/**
 * The message in pieces: its text with `values` filled in, and a slot for
 * each placeholder that `values` leaves out.
 */
export function messageParts(message: Message, values: MessageValues, locale: string): MessagePart[] {
  const text = formOf(message, values, locale);
  const parts: MessagePart[] = [];
  let pending = '';
  let at = 0;
  for (const match of text.matchAll(placeholder)) {
    pending += text.slice(at, match.index);
    at = match.index + match[0].length;
    const name = match[1]!;
    const value = values[name];
    if (value === undefined) {
      if (pending) parts.push(pending);
      parts.push({ slot: name });
      pending = '';
    } else {
      pending += typeof value === 'number' ? formatNumber(value, locale) : value;
    }
  }
  pending += text.slice(at);
  if (pending) parts.push(pending);
  return parts;
}

/** The message with every placeholder filled in from `values`; one without a value is left as written. */
export function formatMessage(message: Message, values: MessageValues, locale: string): string {
  return messageParts(message, values, locale)
    .map((part) => (typeof part === 'string' ? part : `{${part.slot}}`))
    .join('');
}

/** The placeholders a message uses, in any of its forms, each once. */
export function placeholdersOf(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((form) => [...form.matchAll(placeholder)].map((match) => match[1]!)))];
}
