/**
 * Where glossary terms are used: the first use of each term (or one of its
 * other spellings) in a document, as whole words, ignoring case, outside
 * links and code. The graph lists these uses; the glossary-links plugin links
 * them; both call this one function, so they always agree.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';

export interface GlossaryTerm {
  id: string;
  /** The term and its other spellings. */
  names: readonly string[];
}

export interface TermUse {
  term: string;
  node: Text;
  parent: Parent;
  /** Offsets of the words in the text node's value. */
  start: number;
  end: number;
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

const excluded = new Set(['link', 'linkReference', 'inlineCode', 'code', 'heading', 'definition']);

export function firstTermUses(tree: Root, terms: readonly GlossaryTerm[]): TermUse[] {
  if (terms.length === 0) return [];
  const { pattern, termOf } = matcher(terms);
  const seen = new Set<string>();
  const uses: TermUse[] = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (ancestors.some((ancestor) => excluded.has((ancestor as Nodes).type))) return;
    for (const match of node.value.matchAll(pattern)) {
      const term = termOf.get(nameKey(match[0]))!;
      if (seen.has(term)) continue;
      seen.add(term);
      uses.push({ term, node, parent: ancestors.at(-1) as Parent, start: match.index, end: match.index + match[0].length });
    }
  });
  return uses;
}
