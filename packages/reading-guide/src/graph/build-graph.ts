/**
 * Stage 2 of the pipeline: resolve every selector against the thread, match
 * quotations to what they quote, check every reference, and build the typed,
 * two-way links that the pages and exports read. Pure over the loaded
 * content; nothing here knows about Astro.
 */
import type { Diagnostics } from '../model/diagnostics.ts';
import type { DataPath } from '../load/front-matter.ts';
import type { LoadedContent, LoadedEntry } from '../load/load-content.ts';
import type { BodyFacts } from '../load/markdown.ts';
import { factFields, type Citation, type TextQuoteSelector } from '../model/schema.ts';
import { excerpt, findTextQuote, type TextRange } from 'remark-text-quote';
import { contains, nearMiss, overlaps } from '../model/text-quote.ts';
import { EarlierPassages } from './quoted-passage.ts';
import { byId } from '../util/by-id.ts';
import { commenterName } from '../model/commenters.ts';
import { markIds } from '../model/routes.ts';
import type {
  AnnotationNode,
  CitingKind,
  ClaimNode,
  CommentNode,
  CruxNode,
  GuideGraph,
  LinkSource,
  SourceNode,
  Speaker,
  TermNode
} from './types.ts';

export function buildGraph(content: LoadedContent, diagnostics: Diagnostics): GuideGraph {
  return new GraphBuilder(content, diagnostics).build();
}

interface Resolved {
  comment: CommentNode;
  range: TextRange;
  /** Who wrote the words; unknown in a comment whose author the platform no longer shows. */
  speaker: Speaker | undefined;
}

class GraphBuilder {
  readonly #content: LoadedContent;
  readonly #diagnostics: Diagnostics;
  readonly #comments = new Map<string, CommentNode>();
  readonly #texts = new Map<string, BodyFacts>();
  /** Each source's citations, gathered as the stages meet them; its locators are read from them once all are in. */
  readonly #sources = new Map<string, Omit<SourceNode, 'locators'>>();
  readonly #claimIds: Set<string>;

  constructor(content: LoadedContent, diagnostics: Diagnostics) {
    this.#content = content;
    this.#diagnostics = diagnostics;
    this.#claimIds = new Set(content.claims.map((claim) => claim.id));
    for (const source of content.sources) this.#sources.set(source.id, { id: source.id, citedBy: [] });
  }

  build(): GuideGraph {
    const comments = this.#addComments();
    this.#matchQuotations(comments);
    this.#addEditorNotes(comments);
    const claims = this.#addClaims();
    const annotations = this.#addAnnotations(claims);
    this.#checkCounterarguments(claims, annotations);
    const cruxes = this.#addCruxes(claims);
    this.#addSources();
    const terms = this.#addTerms();
    const linkedFrom = this.#linksBetweenEntries();
    for (const comment of this.#comments.values()) comment.marks.sort((a, b) => a.start - b.start || b.end - a.end);
    const claimOrder = Object.values(claims)
      .sort((a, b) => a.number - b.number)
      .map((claim) => claim.id);
    return {
      comments: comments.map((entry) => this.#comments.get(entry.id)!),
      claims,
      claimOrder,
      annotations,
      sources: Object.fromEntries(
        [...this.#sources].map(([id, { citedBy }]): [string, SourceNode] => [id, { id, locators: [...new Set(citedBy.flatMap((citation) => citation.locator ?? []))], citedBy }])
      ),
      terms,
      cruxes,
      linkedFrom
    };
  }

  /** Backlinks: which entries' text links to which site path (`/claims/x/`, `/glossary/#term-y`). */
  #linksBetweenEntries(): Record<string, LinkSource[]> {
    const linkedFrom: Record<string, LinkSource[]> = {};
    const kinds: [LinkSource['kind'], LoadedEntry[]][] = [
      ['claim', this.#content.claims],
      ['annotation', this.#content.annotations],
      ['source', this.#content.sources],
      ['term', this.#content.glossary],
      ['crux', this.#content.cruxes],
      ['page', this.#content.pages]
    ];
    for (const [kind, entries] of kinds) {
      for (const entry of entries) {
        for (const target of [...entry.facts.links].sort()) (linkedFrom[target] ??= []).push({ kind, id: entry.id });
      }
    }
    return linkedFrom;
  }

  #error(entry: { file: string; locate: LoadedEntry['locate'] }, at: DataPath, message: string, rule: Parameters<Diagnostics['error']>[3], hint?: string) {
    this.#diagnostics.error(entry.file, entry.locate(at), message, rule, hint);
  }

  #warn(entry: { file: string; locate: LoadedEntry['locate'] }, at: DataPath, message: string, rule: Parameters<Diagnostics['warn']>[3], hint?: string) {
    this.#diagnostics.warn(entry.file, entry.locate(at), message, rule, hint);
  }

  #addComments(): LoadedEntry<'thread'>[] {
    const comments = [...this.#content.thread].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
    const commenters = this.#content.guide ? Object.keys(this.#content.guide.data.commenters) : undefined;
    const byOrder = new Map<number, LoadedEntry<'thread'>>();
    for (const entry of comments) {
      const { data } = entry;
      const other = byOrder.get(data.order);
      if (other) {
        this.#error(entry, ['order'], `Comment order ${data.order} is already used by ${other.file}`, 'duplicate-order', 'Give each comment its own position in reading order.');
      }
      byOrder.set(data.order, entry);
      if (commenters && data.author !== undefined && !commenters.includes(data.author)) {
        this.#error(entry, ['author'], `Unknown commenter \`${data.author}\``, 'unknown-reference', `Use one of the commenters in content/guide.yaml: ${commenters.join(', ')}.`);
      }
      const index = entry.facts;
      this.#texts.set(entry.id, index);
      this.#comments.set(entry.id, {
        id: entry.id,
        label: data.label,
        author: data.author,
        order: data.order,
        replyTo: data.replyTo,
        permalink: data.permalink,
        permalinkScope: data.permalinkScope,
        date: data.date,
        edited: data.edited,
        status: data.status,
        repliesNotCaptured: data.repliesNotCaptured,
        text: index.text,
        marks: [],
        quotations: [],
        quotedBy: [],
        notes: [],
        claims: [],
        replies: []
      });
    }
    for (const entry of comments) {
      const parentId = entry.data.replyTo;
      if (parentId === undefined) continue;
      const parent = this.#comments.get(parentId);
      if (!parent) {
        this.#error(entry, ['replyTo'], `No comment \`${parentId}\``, 'unknown-reference', this.#knownComments());
      } else if (parent.order >= entry.data.order) {
        this.#error(entry, ['replyTo'], `${entry.data.label} replies to ${parent.label}, which comes after it in reading order`, 'reply-order', 'A reply must come after the comment it answers: check `order` in both files.');
      } else {
        parent.replies.push(entry.id);
      }
    }
    return comments;
  }

  #knownComments(): string {
    return `Known comments: ${[...this.#comments.keys()].join(', ')}.`;
  }

  /** Links every blockquote to the passage it quotes, in an earlier comment or an outside work. */
  #matchQuotations(comments: LoadedEntry<'thread'>[]): void {
    const earlier = new EarlierPassages<CommentNode>();
    for (const entry of comments) {
      const node = this.#comments.get(entry.id)!;
      const index = this.#texts.get(entry.id)!;
      this.#warnNestedQuotations(entry);
      const { outsideQuotations: outside, quotations: chosen } = entry.data;
      const outsideUses = outside.map(() => 0);
      const chosenUses = chosen.map(() => 0);
      for (const [offset, quotation] of index.quotations.entries()) {
        const id = `quote-${entry.id}-${offset + 1}`;
        const words = index.text.slice(quotation.start, quotation.end);
        const { place } = quotation;
        let found = earlier.find(words).map(({ document, ranges }) => ({ comment: document, ranges }));
        const chosenIndex = chosen.findIndex((candidate) => words.startsWith(candidate.exact));
        if (chosenIndex !== -1) {
          chosenUses[chosenIndex]! += 1;
          const named = chosen[chosenIndex]!.in;
          if (!this.#comments.has(named)) {
            this.#error(entry, ['quotations', chosenIndex, 'in'], `No comment \`${named}\``, 'unknown-reference', this.#knownComments());
            continue;
          }
          // Named, the comment is the one quoted: where it has the words more than once, the first place is.
          found = found.filter((match) => match.comment.id === named).slice(0, 1);
          if (found.length === 0) {
            this.#error(entry, ['quotations', chosenIndex, 'in'], `This quotation’s words do not stand in ${this.#comments.get(named)!.label}`, 'unmatched-quotation', 'Name an earlier comment that has these words, outside its own quotations.');
            continue;
          }
        }
        const outsideIndex = outside.findIndex((candidate) => words.startsWith(candidate.exact));
        if (outsideIndex !== -1) {
          outsideUses[outsideIndex]! += 1;
          if (found.length > 0) {
            this.#diagnostics.error(
              entry.file,
              place,
              `This quotation is listed under \`outsideQuotations\` but quotes ${found[0]!.comment.label}`,
              'ambiguous-quotation',
              'A quotation of an earlier comment is linked to it automatically: remove its entry from `outsideQuotations`.'
            );
            continue;
          }
          const { source, locator } = outside[outsideIndex]!;
          if (source !== undefined) this.#cite(entry, ['outsideQuotations', outsideIndex], { source, locator }, { kind: 'comment', id: entry.id }, id);
          node.quotations.push({ id, comment: entry.id, start: quotation.start, end: quotation.end, quotes: { kind: 'outside', source, locator } });
        } else if (found.length === 1) {
          const [{ comment: quoted, ranges }] = found as [(typeof found)[0]];
          const markId = markIds.quoted(entry.id, offset + 1);
          for (const [piece, range] of ranges.entries()) {
            quoted.marks.push({
              // A quotation's own ids end in a number, so these cannot be another quotation's.
              id: piece === 0 ? markId : `${markId}-part${piece + 1}`,
              kind: 'quoted',
              target: id,
              start: range.start,
              end: range.end
            });
          }
          quoted.quotedBy.push({ quotation: id, comment: entry.id, markId });
          node.quotations.push({ id, comment: entry.id, start: quotation.start, end: quotation.end, quotes: { kind: 'comment', comment: quoted.id, markId } });
        } else if (found.length === 0) {
          // Differences of case, quotes and dashes are matched already: these words stand in no earlier comment.
          this.#diagnostics.error(
            entry.file,
            place,
            `This quotation matches no earlier comment: “${shorten(words)}”`,
            'unmatched-quotation',
            'Quote an earlier comment’s words as they stand (an ellipsis marks words left out); if this quotes a text outside the thread, list it under `outsideQuotations` with the words it starts with (and its source, if the guide has one).'
          );
        } else {
          this.#diagnostics.error(
            entry.file,
            place,
            `This quotation matches ${found.length} places in earlier comments (${found.map((match) => match.comment.label).join(', ')})`,
            'ambiguous-quotation',
            'A quotation links to the one passage it quotes: name the comment it quotes under `quotations` (`exact`: its first words, `in`: the comment).'
          );
        }
      }
      this.#refuseUnused(entry, 'outsideQuotations', outside, outsideUses);
      this.#refuseUnused(entry, 'quotations', chosen, chosenUses);
      earlier.add(node, { text: index.text, quotations: index.quotations });
    }
  }

  /** Each entry of `outsideQuotations` or `quotations` must name the first words of exactly one blockquote. */
  #refuseUnused(entry: LoadedEntry<'thread'>, field: 'outsideQuotations' | 'quotations', listed: readonly { exact: string }[], uses: readonly number[]): void {
    for (const [offset, count] of uses.entries()) {
      if (count === 1) continue;
      this.#error(
        entry,
        [field, offset, 'exact'],
        count === 0
          ? `No blockquote in ${entry.data.label} starts with “${shorten(listed[offset]!.exact)}”`
          : `${count} blockquotes in ${entry.data.label} start with “${shorten(listed[offset]!.exact)}”`,
        count === 0 ? 'selector-no-match' : 'selector-ambiguous',
        field === 'outsideQuotations' ? 'Copy the first words of the one blockquote that quotes the outside work.' : 'Copy the first words of the one blockquote that quotes the comment named.'
      );
    }
  }

  /** Only a blockquote at the top of a comment can be matched to what it quotes; one deeper is shown as it is. */
  #warnNestedQuotations(entry: LoadedEntry<'thread'>): void {
    for (const place of entry.facts.nestedQuotations) {
      this.#diagnostics.warn(
        entry.file,
        place,
        'A quotation inside a list or another quotation is not linked to what it quotes',
        'nested-quotation',
        'Only a blockquote at the top level of a comment is matched; this one is shown as it is.'
      );
    }
  }

  /**
   * Resolves a text quote selector in one comment. Reports, at the selector's
   * field, when it matches nothing, more than one place, or words the
   * comment quotes from an earlier one.
   */
  #resolve(entry: LoadedEntry, at: DataPath, selector: TextQuoteSelector, commentId: string): Resolved | undefined {
    const comment = this.#comments.get(commentId);
    if (!comment) {
      this.#error(entry, [...at, 'in'], `No comment \`${commentId}\``, 'unknown-reference', this.#knownComments());
      return undefined;
    }
    const { text } = this.#texts.get(commentId)!;
    const matches = findTextQuote(text, selector);
    if (matches.length === 0) {
      const near = nearMiss(text, selector.exact);
      const differs = near !== undefined && near !== selector.exact;
      const qualified = selector.prefix !== undefined || selector.suffix !== undefined;
      this.#error(
        entry,
        [...at, 'exact'],
        `These words do not occur in ${comment.label}${qualified ? ' with the given prefix and suffix' : ''}: “${shorten(selector.exact)}”`,
        'selector-no-match',
        differs
          ? `${comment.label} has “${shorten(near)}”: copy the words exactly, with the comment’s quotes and dashes.`
          : qualified
            ? 'Check that `prefix` ends right before `exact` and `suffix` starts right after it.'
            : `Copy the words exactly from the comment \`${commentId}\`.`
      );
      return undefined;
    }
    if (matches.length > 1) {
      this.#error(
        entry,
        [...at, 'exact'],
        `These words occur ${matches.length} times in ${comment.label}: “${shorten(selector.exact)}”`,
        'selector-ambiguous',
        `Add a \`prefix\` or \`suffix\` (the words right before or after) to pick one of: ${matches.map((match) => excerpt(text, match)).join('  ')}`
      );
      return undefined;
    }
    const range = matches[0]!;
    let speaker: Speaker | undefined = comment.author === undefined ? undefined : { kind: 'commenter', key: comment.author };
    for (const quotation of comment.quotations) {
      if (!overlaps(quotation, range)) continue;
      if (quotation.quotes.kind === 'comment') {
        const original = this.#comments.get(quotation.quotes.comment)!;
        this.#error(entry, [...at, 'exact'], `These words are ${comment.label}’s quotation of ${original.label}`, 'selector-in-quotation', `Select them where they were first written: \`in: ${original.id}\`.`);
        return undefined;
      }
      if (!contains(quotation, range)) {
        this.#error(entry, [...at, 'exact'], `These words run across a quotation of an outside work and ${comment.label}’s own words`, 'selector-in-quotation', 'Select words from one or the other.');
        return undefined;
      }
      speaker = quotation.quotes.source === undefined ? undefined : { kind: 'outside', source: quotation.quotes.source };
    }
    return { comment, range, speaker };
  }

  #cite(entry: LoadedEntry, at: DataPath, citation: Citation, from: { kind: CitingKind; id: string }, markId?: string): void {
    const source = this.#sources.get(citation.source);
    if (!source) {
      this.#error(entry, [...at, 'source'], `No source \`${citation.source}\``, 'unknown-reference', `Add content/sources/${citation.source}.md with its checked facts, or use one of: ${[...this.#sources.keys()].join(', ')}.`);
      return;
    }
    source.citedBy.push({ from, locator: citation.locator, note: citation.note, markId });
  }

  /** An entry's citations, each recorded at its source: an unknown source is an error, so a graph that is used cites known ones only. */
  #citeAll(entry: LoadedEntry, citations: readonly Citation[], kind: CitingKind): Citation[] {
    for (const [index, citation] of citations.entries()) this.#cite(entry, ['cites', index], citation, { kind, id: entry.id });
    return [...citations];
  }

  #addEditorNotes(comments: LoadedEntry<'thread'>[]): void {
    for (const entry of comments) {
      const comment = this.#comments.get(entry.id)!;
      for (const [offset, note] of entry.data.editorNotes.entries()) {
        const id = `note-${entry.id}-${offset + 1}`;
        const resolved = note.about ? this.#resolve(entry, ['editorNotes', offset, 'about'], note.about, entry.id) : undefined;
        if (resolved) {
          const markId = `${id}-text`;
          comment.marks.push({ id: markId, kind: 'note', target: id, ...resolved.range });
          comment.notes.push({ id, markId });
        } else {
          comment.notes.push({ id });
        }
      }
    }
  }

  #addClaims(): Record<string, ClaimNode> {
    const resolved: { entry: LoadedEntry<'claims'>; at: Resolved & { speaker: Speaker } }[] = [];
    for (const entry of this.#content.claims) {
      const at = this.#resolve(entry, ['quote'], entry.data.quote, entry.data.quote.in);
      if (at && !at.speaker) {
        const why = at.comment.author === undefined ? `${at.comment.label} has no author the platform still shows` : 'they quote a text the guide has no source for';
        this.#error(entry, ['quote', 'exact'], `These words cannot be a claim: ${why}`, 'unattributed-claim', 'Annotate them with an annotation’s `quote` instead, or add the quoted work as a source.');
      } else if (at) resolved.push({ entry, at: { ...at, speaker: at.speaker! } });
    }
    resolved.sort((a, b) => a.at.comment.order - b.at.comment.order || a.at.range.start - b.at.range.start);
    const claims: Record<string, ClaimNode> = {};
    for (const [offset, { entry, at }] of resolved.entries()) {
      const { comment, range, speaker } = at;
      const { text } = this.#texts.get(comment.id)!;
      // The words start with a character that is not a space: the line break before them is before `range.start`.
      const blockStart = text.lastIndexOf('\n', range.start) + 1;
      const blockEnd = text.indexOf('\n', range.end);
      const label = `C${offset + 1}`;
      const markId = markIds.claim(entry.id);
      claims[entry.id] = {
        id: entry.id,
        number: offset + 1,
        label,
        comment: comment.id,
        speaker,
        markId,
        exact: text.slice(range.start, range.end),
        before: text.slice(blockStart, range.start),
        after: text.slice(range.end, blockEnd === -1 ? text.length : blockEnd),
        citations: this.#citeAll(entry, entry.data.cites, 'claim'),
        relations: [],
        annotations: [],
        main: entry.data.main,
        cruxes: []
      };
      comment.claims.push(entry.id);
      comment.marks.push({ id: markId, kind: 'claim', target: entry.id, ...range });
    }
    for (const entry of this.#content.claims) {
      const claim = claims[entry.id];
      for (const [offset, relation] of entry.data.relations.entries()) {
        const target = claims[relation.claim];
        if (relation.claim === entry.id) {
          this.#error(entry, ['relations', offset, 'claim'], `A claim cannot relate to itself (\`${relation.type}\`)`, 'self-relation', 'Point `claim` at another claim, or remove this relation.');
        } else if (!this.#claimIds.has(relation.claim)) {
          this.#error(entry, ['relations', offset, 'claim'], `No claim \`${relation.claim}\``, 'unknown-reference', 'Use the file name (without .md) of a claim in content/claims/.');
        } else if (claim && target) {
          claim.relations.push({ type: relation.type, direction: 'out', claim: target.id, note: relation.note });
          target.relations.push({ type: relation.type, direction: 'in', claim: claim.id, note: relation.note });
        }
      }
    }
    this.#refuseCircularSupport(claims);
    return claims;
  }

  /**
   * Claims may attack and qualify each other back and forth, but support may
   * not go round in a circle: a claim cannot be a ground of its own support.
   * Each circle is reported once, at the relation that closes it.
   */
  #refuseCircularSupport(claims: Record<string, ClaimNode>): void {
    const supports = (id: string) =>
      claims[id]!.relations.filter((edge) => edge.direction === 'out' && edge.type === 'supports').map((edge) => edge.claim);
    const done = new Set<string>();
    const path: string[] = [];
    const visit = (id: string): void => {
      if (done.has(id)) return;
      const at = path.indexOf(id);
      if (at !== -1) {
        const circle = [...path.slice(at), id];
        const from = circle.at(-2)!;
        const entry = byId(this.#content.claims, from)!;
        const offset = entry.data.relations.findIndex((relation) => relation.type === 'supports' && relation.claim === id);
        this.#error(
          entry,
          ['relations', offset, 'claim'],
          `These claims support one another in a circle: ${circle.map((claim) => claims[claim]!.label).join(' → ')}`,
          'relation-cycle',
          'A claim cannot be a ground of its own support: remove one of these relations, or give it another type.'
        );
        return;
      }
      path.push(id);
      for (const next of supports(id)) visit(next);
      path.pop();
      done.add(id);
    };
    for (const id of Object.keys(claims).sort()) visit(id);
  }

  /**
   * A claim's strongest counterargument must really be one: a counterargument
   * annotation on it, or a claim attacking it. A main claim must name one, and
   * one that rests on more than the editors' reasoning; a claim must cite a
   * source or relate to another claim.
   */
  #checkCounterarguments(claims: Record<string, ClaimNode>, annotations: Record<string, AnnotationNode>): void {
    for (const entry of this.#content.claims) {
      const claim = claims[entry.id];
      if (!claim) continue;
      const counter = entry.data.strongestCounterargument;
      if (counter !== undefined) {
        const annotation = annotations[counter];
        const attacker = claim.relations.find((edge) => edge.claim === counter && edge.type === 'attacks' && edge.direction === 'in');
        if (annotation?.kind === 'counterargument' && annotation.on === claim.id) {
          claim.strongestCounterargument = { kind: 'annotation', id: counter };
          if (entry.data.main && !this.#restsOnEvidence(byId(this.#content.annotations, counter)!, claim.id)) {
            this.#warn(
              entry,
              ['strongestCounterargument'],
              `The strongest counterargument \`${counter}\` cites no part of a source and links to no other claim of the thread`,
              'unsupported-counterargument',
              'Cite the source it rests on with the part that bears on it (`locator`, or a `note` saying in a few words, or the work’s own, what that part shows), or link in its text to the claim of the thread it rests on (`/claims/<id>/`); or name a claim that attacks this one.'
            );
          }
        } else if (attacker) {
          claim.strongestCounterargument = { kind: 'claim', id: counter };
        } else {
          this.#error(
            entry,
            ['strongestCounterargument'],
            annotation || claims[counter] ? `\`${counter}\` is not a counterargument to this claim` : `No annotation or claim \`${counter}\``,
            annotation || claims[counter] ? 'invalid-counterargument' : 'unknown-reference',
            'Name a counterargument annotation whose `on` is this claim, or a claim with an `attacks` relation to it.'
          );
        }
      } else if (entry.data.main) {
        this.#warn(entry, ['main'], 'A main claim names no strongest counterargument', 'missing-counterargument', 'Add `strongestCounterargument`: a counterargument annotation on this claim, or a claim that attacks it.');
      }
      // Judged on what the file says, so that a broken claim elsewhere does not make this one look bare.
      if (entry.data.cites.length === 0 && entry.data.relations.length === 0) {
        this.#warn(entry, ['quote'], 'This claim neither cites a source nor relates to another claim', 'unsupported-claim', 'Add `cites` or `relations`, so that a reader can follow the claim further.');
      }
    }
    for (const entry of this.#content.annotations) {
      if (entry.data.cites.length === 0) {
        this.#warn(entry, ['kind'], 'This annotation cites no source', 'unsourced-annotation', 'Add `cites` with the source and locator that back the annotation.');
      }
    }
  }

  /**
   * Whether an annotation rests on more than the editors' own reasoning: it
   * cites the part of a source that bears on it (a locator, or a note saying
   * what that part shows), or its text links to a claim of the thread other
   * than the one it answers. A bare citation is not enough: any annotation
   * without one is already warned of, and a work named without a part says
   * nothing of what in it bears on the objection. Nor is a note that says
   * nothing, such as “See.”. Judged on the file, like the other warnings. A
   * claim that attacks another needs no such test: it is itself a claim of
   * the thread.
   */
  #restsOnEvidence(annotation: LoadedEntry<'annotations'>, answered: string): boolean {
    if (annotation.data.cites.some((citation) => citation.locator !== undefined || (citation.note !== undefined && saysWhatItShows(citation.note)))) return true;
    return annotation.facts.links.some((link) => {
      const id = /^\/claims\/([^/#?]+)\/?(?:[#?]|$)/.exec(link)?.[1];
      return id !== undefined && id !== answered && this.#claimIds.has(id);
    });
  }

  #addCruxes(claims: Record<string, ClaimNode>): Record<string, CruxNode> {
    const cruxes: Record<string, CruxNode> = {};
    for (const entry of this.#content.cruxes) {
      const node: CruxNode = { id: entry.id, claims: [] };
      for (const [offset, id] of entry.data.claims.entries()) {
        const claim = claims[id];
        if (!claim) {
          if (!this.#claimIds.has(id)) this.#error(entry, ['claims', offset], `No claim \`${id}\``, 'unknown-reference', 'Use the file name (without .md) of a claim in content/claims/.');
          continue;
        }
        node.claims.push(id);
        claim.cruxes.push(entry.id);
      }
      this.#checkWhatWouldMove(entry, node.claims.map((id) => claims[id]!));
      cruxes[entry.id] = node;
    }
    return cruxes;
  }

  /**
   * A crux says, for each commenter whose claims it names, what evidence would
   * move them, and names no one who is not a commenter. Outside works quoted
   * in the thread are not sides: nothing in the thread can move them.
   */
  #checkWhatWouldMove(entry: LoadedEntry<'cruxes'>, claims: ClaimNode[]): void {
    const { wouldMove } = entry.data;
    const commenters = this.#content.guide ? Object.keys(this.#content.guide.data.commenters) : undefined;
    for (const key of Object.keys(wouldMove)) {
      if (commenters && !commenters.includes(key)) {
        this.#diagnostics.error(entry.file, entry.locate(['wouldMove', key], 'key'), `Unknown commenter \`${key}\``, 'unknown-reference', `Use one of the commenters in content/guide.yaml: ${commenters.join(', ')}.`);
      }
    }
    const sides = new Set(claims.flatMap((claim) => (claim.speaker.kind === 'commenter' ? [claim.speaker.key] : [])));
    for (const key of [...sides].sort()) {
      if (wouldMove[key] !== undefined) continue;
      this.#diagnostics.error(
        entry.file,
        entry.locate(Object.keys(wouldMove).length > 0 ? ['wouldMove'] : ['claims'], 'key'),
        `This crux names claims of ${commenterName(this.#content.guide?.data, key)} but not what evidence would move them`,
        'incomplete-crux',
        `Add \`${key}:\` under \`wouldMove\`, with a list of what would change ${commenterName(this.#content.guide?.data, key)}’s mind.`
      );
    }
  }

  #addAnnotations(claims: Record<string, ClaimNode>): Record<string, AnnotationNode> {
    const annotations: Record<string, AnnotationNode> = {};
    for (const entry of this.#content.annotations) {
      const { data } = entry;
      const node: AnnotationNode = { id: entry.id, kind: data.kind, citations: this.#citeAll(entry, data.cites, 'annotation') };
      if (data.on !== undefined) {
        const claim = claims[data.on];
        if (claim) {
          node.on = data.on;
          claim.annotations.push(entry.id);
        } else if (!this.#claimIds.has(data.on)) {
          this.#error(entry, ['on'], `No claim \`${data.on}\``, 'unknown-reference', 'Use the file name (without .md) of a claim in content/claims/.');
        }
      }
      if (data.quote) {
        const at = this.#resolve(entry, ['quote'], data.quote, data.quote.in);
        if (at) {
          node.comment = at.comment.id;
          node.markId = markIds.annotation(entry.id);
          node.exact = at.comment.text.slice(at.range.start, at.range.end);
          at.comment.marks.push({ id: node.markId, kind: 'annotation', target: entry.id, ...at.range });
        }
      }
      annotations[entry.id] = node;
    }
    return annotations;
  }

  #addSources(): void {
    for (const entry of this.#content.sources) {
      const { data } = entry;
      const checked = new Set(data.checked.flatMap((check) => check.fields));
      for (const field of factFields) {
        if (data[field] !== undefined && !checked.has(field)) {
          this.#error(entry, [field], `\`${field}\` is stated but no check covers it`, 'unchecked-fact', `Add \`${field}\` to the \`fields\` of the entry in \`checked\` that confirmed it, or remove it until it is checked.`);
        }
      }
      for (const [offset, place] of data.citedAt.entries()) {
        const at = this.#resolve(entry, ['citedAt', offset], place, place.in);
        if (!at) continue;
        const markId = markIds.citation(entry.id, offset + 1);
        this.#sources.get(entry.id)!.citedBy.push({ from: { kind: 'comment', id: at.comment.id }, locator: place.locator, markId });
        at.comment.marks.push({ id: markId, kind: 'citation', target: entry.id, ...at.range });
      }
    }
  }

  #addTerms(): Record<string, TermNode> {
    const terms: Record<string, TermNode> = {};
    for (const entry of this.#content.glossary) {
      this.#citeAll(entry, entry.data.cites, 'term');
      terms[entry.id] = { id: entry.id, uses: [] };
    }
    const documents = [
      ...this.#content.thread.map((entry) => ({ kind: 'comment' as const, entry })),
      ...this.#content.annotations.map((entry) => ({ kind: 'annotation' as const, entry }))
    ];
    for (const { kind, entry } of documents) {
      // Worked out when the body was loaded, with the same finder that links the terms.
      for (const term of entry.facts.terms) terms[term]!.uses.push({ kind, id: entry.id });
    }
    return terms;
  }

}

/**
 * Whether a citation's note says what the part cited shows: it quotes the
 * work, or states something in at least four words (a figure counts as a
 * word), rather than only pointing at it.
 */
function saysWhatItShows(note: string): boolean {
  if (/“[^”]*[\p{L}\p{N}][^”]*”|"[^"]*[\p{L}\p{N}][^"]*"/u.test(note)) return true;
  return [...note.matchAll(/[\p{L}\p{N}]+(?:[.,'’‑-][\p{L}\p{N}]+)*/gu)].length >= 4;
}

function shorten(text: string, length = 80): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

