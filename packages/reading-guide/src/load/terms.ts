/**
 * Where glossary terms are used: the first use of each term (or one of its
 * other spellings) in a document, as whole words, ignoring case, outside
 * links, headings and code. The graph lists these uses; the glossary-links
 * plugin links them; both call `replaceFirstTermUses`, so they always agree.
 * It is mdast-util-find-and-replace, the walker remark-gfm links bare URLs
 * with, given one pattern for all the names.
 */
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { PhrasingContent, Root } from 'mdast';

export interface GlossaryTerm {
  id: string;
  /** The term and its other spellings. */
  names: readonly string[];
}

/** A term's first use: the term's id and the words that use it, as written. */
export interface TermUse {
  term: string;
  words: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the finder tells names apart by: it ignores case. */
const nameKey = (name: string) => name.toLowerCase();

export interface NameClash {
  /** The term that repeats a name, and where among its names (0 is the term itself, then its aliases). */
  term: GlossaryTerm;
  index: number;
  /** The earlier term that has the name. */
  first: GlossaryTerm;
}

/**
 * Each name (a term or an other spelling) that an earlier term already has,
 * as the finder reads them: a use of the name would link to only one of the
 * two, whichever came last.
 */
export function clashingNames(terms: readonly GlossaryTerm[]): NameClash[] {
  const owner = new Map<string, GlossaryTerm>();
  const clashes: NameClash[] = [];
  for (const term of terms) {
    for (const [index, name] of term.names.entries()) {
      const first = owner.get(nameKey(name));
      if (first === undefined) owner.set(nameKey(name), term);
      else if (first !== term) clashes.push({ term, index, first });
    }
  }
  return clashes;
}

/**
 * One pattern for all terms, longest name first, so "reward hacking" wins over
 * "reward". Names of one length cannot both match at one place, so their order
 * among themselves does not matter.
 */
function matcher(terms: readonly GlossaryTerm[]): { pattern: RegExp; termOf: Map<string, string> } {
  const termOf = new Map<string, string>();
  for (const term of terms) for (const name of term.names) termOf.set(nameKey(name), term.id);
  const names = [...termOf.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { pattern, termOf };
}

/** Where a use is not looked for: words that link elsewhere already, headings, code and link definitions. */
const excluded = ['link', 'linkReference', 'inlineCode', 'code', 'heading', 'definition'];

/**
 * Calls `replace` with the first use of each term in `tree`, in reading
 * order; what it returns takes the place of those words, and `false` leaves
 * them as they are.
 */
export function replaceFirstTermUses(tree: Root, terms: readonly GlossaryTerm[], replace: (use: TermUse) => PhrasingContent | false): void {
  // With no names the pattern would match the empty string everywhere.
  if (terms.length === 0) return;
  const { pattern, termOf } = matcher(terms);
  const seen = new Set<string>();
  // The end of the last name found, in the text node it is in: find-and-replace looks again one character after
  // a match it is told to leave, where a shorter name could start inside the longer one ("organism" in "model organism").
  let last: { node: unknown; end: number } | undefined;
  findAndReplace(
    tree,
    [
      pattern,
      (words: string, match: RegExpMatchObject) => {
        const node = match.stack.at(-1);
        if (last !== undefined && last.node === node && match.index < last.end) return false;
        last = { node, end: match.index + words.length };
        const term = termOf.get(nameKey(words))!;
        if (seen.has(term)) return false;
        seen.add(term);
        return replace({ term, words });
      }
    ],
    { ignore: excluded }
  );
}

/** The ids of the terms `tree` uses, in order of first use. */
export function firstTermUses(tree: Root, terms: readonly GlossaryTerm[]): string[] {
  const used: string[] = [];
  replaceFirstTermUses(tree, terms, ({ term }) => {
    used.push(term);
    return false;
  });
  return used;
}
