/**
 * What a piece of the guide's text states that a reader would want a source
 * for, and whether a record holds it: figures (“13%”, “0.4%”, “26”, “p = 1.0”,
 * “7–24%”, “30x”), figures written as words (“seven months”), years and
 * dates, and words in quotation marks.
 *
 * Figures are compared as whole values, never as substrings: “19” is not
 * recorded by the date 2025-09-19, nor “5” by “0.5%”. Number words are read
 * as the figures they name, so “seven” and “7” are the same figure. “one” is
 * not read as a figure: as a pronoun (“the one A2 cites”) it is everywhere.
 *
 * Names that carry digits are not figures: model and term names given in
 * `names` (o3, Claude 3.5 Sonnet), labels and parts of words (A2, Agent-4,
 * GPT-5), sections, appendices and figures of a work (Appendix B.6, §2.2.1),
 * arXiv ids and link addresses.
 */

export interface Figure {
  /** As written. */
  text: string;
  /** What it is compared by: digits for number words, ISO for dates, no spaces. */
  value: string;
}

export interface StatedFacts {
  /** Figures, years and dates outside quotation marks. */
  figures: Figure[];
  /** The words inside each pair of quotation marks, with spaces collapsed. */
  quotations: string[];
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const months = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const isoDate = String.raw`\b\d{4}-\d{2}(?:-\d{2})?\b`;
const dayMonthYear = String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (${months})\.? (\d{4})\b`;
const monthDayYear = String.raw`\b(${months})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`;
const monthYear = String.raw`\b(${months}) (\d{4})\b`;
const dates = new RegExp([isoDate, dayMonthYear, monthDayYear, monthYear].join('|'), 'g');

/** A number standing alone, or a range of two: not glued to letters, hyphens or a dotted label; a percent sign or a times sign may follow. */
const number =
  /(?<![\p{L}\d.\-–‑_/:#])\d+(?:[.,]\d+)*(?:\s?[-–]\s?\d+(?:[.,]\d+)*)?(?:\s?%|×|x(?![\p{L}\d])|(?![\p{L}\d\-–‑_/%×]|\.\d))/gu;
/** Places in a work, and identifiers, whose digits are not figures. */
const places =
  /\b(?:[Aa]ppendix|[Aa]ppendices|[Ss]ections?|[Ff]igures?|[Tt]ables?|[Pp]arts?|[Cc]hapters?|version|v)\s?[A-Z]?\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?|§\s?\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?|\barXiv:\s?\d{4}\.\d{4,5}|\b\d{4}\.\d{4,5}(?:v\d+)?\b/g;
const linkTargets = /\]\([^)]*\)|https?:\/\/\S+/g;
/** The numbers of an ordered Markdown list. */
const listMarkers = /^[ \t]*\d+[.)](?=[ \t])/gm;
const quoted = /“([^”]+)”|"([^"]+)"/g;

const units: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const large: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
const numberWords = new RegExp(
  String.raw`(?<![\p{L}\-])(?:(${Object.keys(tens).join('|')})(?:[-‑ ](one|${Object.keys(units).slice(0, 8).join('|')}))?|(${Object.keys(units).join('|')})|(${Object.keys(large).join('|')}))(?![\p{L}\-])`,
  'giu'
);

/** The figures, years and dates stated outside quotation marks, and the quotations. */
export function statedFacts(markdown: string, names: readonly string[] = []): StatedFacts {
  const quotations = [...markdown.matchAll(quoted)].map((match) => collapse(match[1] ?? match[2]!));
  // A figure inside quotation marks is checked with the quotation it belongs to.
  return { figures: figuresIn(markdown.replace(quoted, ' '), names), quotations };
}

/** Every figure, year and date in `text`, quotations included: what a record holds. */
export function figuresIn(text: string, names: readonly string[] = []): Figure[] {
  let rest = text.replace(linkTargets, ' ').replace(listMarkers, ' ');
  // Longest first, so that "Claude 3.5 Sonnet" goes before a shorter name inside it.
  for (const name of [...names].filter((candidate) => /\d/.test(candidate)).sort((a, b) => b.length - a.length)) {
    // A name may run across a line break.
    rest = rest.replace(new RegExp(String.raw`(?<![\p{L}\d])${escape(name).replace(/ /g, String.raw`\s+`)}(?![\p{L}\d])`, 'giu'), ' ');
  }
  rest = rest.replace(places, ' ');
  const found: Figure[] = [];
  rest = rest.replace(dates, (date, ...groups: (string | undefined)[]) => {
    found.push({ text: date, value: isoOf(date, groups) });
    return ' ';
  });
  for (const [figure] of rest.matchAll(number)) found.push({ text: figure, value: figure.replace(/\s+/g, '').replace(/,(?=\d{3}\b)/g, '').replace('–', '-').replace('×', 'x') });
  for (const match of rest.matchAll(numberWords)) {
    const [word, ten, unit, alone, big] = match;
    const value = ten !== undefined ? tens[ten.toLowerCase()]! + (unit === undefined ? 0 : unit.toLowerCase() === 'one' ? 1 : units[unit.toLowerCase()]!) : alone !== undefined ? units[alone.toLowerCase()]! : large[big!.toLowerCase()]!;
    found.push({ text: word, value: String(value) });
  }
  return found;
}

/**
 * Whether a citation's note says what the part cited shows, rather than only
 * pointing at it (“See.”): it quotes the work, states a figure, or makes a
 * statement of at least four words.
 */
export function saysWhatItShows(note: string): boolean {
  const { figures, quotations } = statedFacts(note);
  return quotations.length > 0 || figures.length > 0 || collapse(note).split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= 4;
}

/**
 * The sentence of `text` that holds `quotation` in quotation marks, with
 * spaces collapsed, or "" if none does. A sentence ends at “.”, “!” or “?”
 * before a capital, but not at “et al.”, so that “Schoen et al. describe
 * it as …” stays one sentence with the work it names.
 */
export function sentenceQuoting(text: string, quotation: string): string {
  return (
    collapse(text)
      .split(/(?<=[.!?])(?<!\bet al\.)\s+(?=[“"(]?[A-Z])/)
      .find((sentence) => sentence.includes(`“${quotation}”`) || sentence.includes(`"${quotation}"`)) ?? ''
  );
}

/**
 * Whether `record` holds the figure: the same value, or, for a year or a
 * month, a fuller date within it (a record of 2025-04-03 holds “2025”).
 */
export function holdsFigure(record: readonly Figure[], figure: Figure): boolean {
  return record.some((held) => held.value === figure.value || (/^\d{4}(?:-\d{2})?$/.test(figure.value) && held.value.startsWith(`${figure.value}-`)));
}

/** Whether `text` holds `words` as whole words (not inside longer ones), after `comparable`. */
export function holdsWords(text: string, words: string): boolean {
  const needle = comparable(words);
  if (needle === '') return false;
  return new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(needle)}(?![\p{L}\p{N}])`, 'u').test(comparable(text));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text compared for whether it records a quotation: spaces collapsed, quotes and dashes straightened, case folded. */
export function comparable(text: string): string {
  return collapse(text).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[‑–]/g, '-').toLowerCase();
}

function isoOf(date: string, groups: (string | undefined)[]): string {
  if (/^\d{4}-/.test(date)) return date;
  const month = (name: string) => String(monthNames.findIndex((full) => full.toLowerCase().startsWith(name.toLowerCase().slice(0, 3))) + 1).padStart(2, '0');
  const [day1, month1, year1, month2, day2, year2, month3, year3] = groups;
  if (year1 !== undefined) return `${year1}-${month(month1!)}-${day1!.padStart(2, '0')}`;
  if (year2 !== undefined) return `${year2}-${month(month2!)}-${day2!.padStart(2, '0')}`;
  return `${year3}-${month(month3!)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
