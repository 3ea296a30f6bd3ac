/**
 * What a piece of the guide's text states that a reader would want a source
 * for: figures ("13%", "0.4%", "26", "p = 1.0"), years and dates, and words
 * in quotation marks. Figures are looked for outside quotation marks only,
 * as a quotation is checked whole. Names that carry digits are not figures: model and
 * term names given in `names` (o3, Claude 3.5 Sonnet), labels and parts of
 * words (A2, Agent-4, GPT-5), sections, appendices and figures of a work
 * (Appendix B.6, §2.2.1), arXiv ids and link addresses.
 */

export interface StatedFacts {
  /** Figures, years and dates, as written. */
  figures: string[];
  /** The words inside each pair of quotation marks, with spaces collapsed. */
  quotations: string[];
}

const months = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const dates = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}(?:-\d{2})?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)? (?:${months})\.? \d{4}\b`,
    String.raw`\b(?:${months})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b`,
    String.raw`\b(?:${months}) \d{4}\b`
  ].join('|'),
  'g'
);
/** A number standing alone: not glued to letters, hyphens or a dotted label. */
const number = /(?<![\p{L}\d.\-–‑_/:#])\d+(?:[.,]\d+)*(?:\s?%)?(?![\p{L}\d\-–‑_/]|\.\d)/gu;
/** Places in a work, and identifiers, whose digits are not figures. */
const places = /\b(?:Appendix|Appendices|Section|Sections|Figure|Table|Part|Chapter|version|v)\s?[A-Z]?\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?|§\s?\d+(?:\.\d+)*(?:[–-]\d+(?:\.\d+)*)?|\barXiv:\s?\d{4}\.\d{4,5}|\b\d{4}\.\d{4,5}\b/g;
const linkTargets = /\]\([^)]*\)/g;
const quoted = /“([^”]+)”|"([^"]+)"/g;

export function statedFacts(markdown: string, names: readonly string[] = []): StatedFacts {
  const quotations = [...markdown.matchAll(quoted)].map((match) => collapse(match[1] ?? match[2]!));
  // A figure inside quotation marks is checked with the quotation it belongs to.
  let text = markdown.replace(quoted, ' ').replace(linkTargets, '](link)');
  // Longest first, so that "Claude 3.5 Sonnet" goes before a shorter name inside it.
  for (const name of [...names].filter((candidate) => /\d/.test(candidate)).sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(escape(name), 'gi'), ' ');
  }
  text = text.replace(places, ' ');
  const found: string[] = [];
  text = text.replace(dates, (date) => {
    found.push(date);
    return ' ';
  });
  for (const [figure] of text.matchAll(number)) found.push(figure);
  return { figures: found, quotations };
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text compared for whether it records a figure or a quotation: spaces collapsed, quotes straightened, case folded. */
export function comparable(text: string): string {
  return collapse(text).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
