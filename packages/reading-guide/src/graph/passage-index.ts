/**
 * Finds which earlier comments may hold a quoted passage, without searching
 * every one of them: a quotation is matched against each earlier comment, so
 * a plain search costs the square of the thread's length.
 *
 * A quotation matches with any run of whitespace between its words (see
 * `findTextQuote`), so every word but the first and the last must stand in
 * the quoted text as a whole word, next to the same neighbours. The index
 * maps each pair of neighbouring whole words to the comments that use it
 * outside their own quotations; the candidates for a passage are the
 * comments holding its rarest inner pair (or, with one inner word, that
 * word), and only those are searched. A passage of one or two words has no
 * inner word: every comment is a candidate.
 */
import type { TextRange } from 'remark-text-quote';

export class PassageIndex<Document> {
  readonly #documents: Document[] = [];
  readonly #byKey = new Map<string, Set<number>>();

  /** Adds a document's text, leaving out `excluded` ranges (its quotations of others). */
  add(document: Document, text: string, excluded: readonly TextRange[] = []): void {
    const position = this.#documents.push(document) - 1;
    let own = text;
    for (const range of excluded) own = own.slice(0, range.start) + ' '.repeat(range.end - range.start) + own.slice(range.end);
    const words = own.match(/\S+/g) ?? [];
    for (const word of words) this.#note(word, position);
    for (const [index, word] of words.slice(1).entries()) this.#note(`${words[index]} ${word}`, position);
  }

  #note(key: string, position: number): void {
    let holders = this.#byKey.get(key);
    if (!holders) this.#byKey.set(key, (holders = new Set()));
    holders.add(position);
  }

  /** `documents` in the order they were added. */
  ordered(documents: ReadonlySet<Document>): Document[] {
    return this.#documents.filter((document) => documents.has(document));
  }

  /** The documents that may hold `passage`, in the order they were added. */
  candidates(passage: string): Document[] {
    const inner = passage.trim().split(/\s+/).slice(1, -1);
    if (inner.length === 0) return [...this.#documents];
    const keys = inner.length === 1 ? inner : inner.slice(1).map((word, index) => `${inner[index]} ${word}`);
    const holders: Set<number>[] = [];
    for (const key of keys) {
      const found = this.#byKey.get(key);
      if (!found) return [];
      holders.push(found);
    }
    // Only the documents that hold every inner pair; starting from the rarest keeps this short.
    holders.sort((a, b) => a.size - b.size);
    const [rarest, ...others] = holders as [Set<number>, ...Set<number>[]];
    // Each set was filled as the documents were added, so its positions are in that order already.
    return [...rarest].filter((position) => others.every((set) => set.has(position))).map((position) => this.#documents[position]!);
  }
}
