/**
 * What pages read: the content collections (validated data and rendered HTML)
 * joined with the cross-link graph, behind lookups that fail loudly on an id
 * that is not there, so that a broken link can never render as an empty page.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { CollectionName, GuideData } from '../load/schema.ts';
import type { ClaimNode, GuideGraph, RelationEdge, Speaker } from '../graph/types.ts';
import type { GuideSnapshot } from '../export/snapshot.ts';
import { graphEntryId, type GraphData } from './guide-loader.ts';
import { byId } from '../util/by-id.ts';


type Entries = { [C in CollectionName]: Map<string, CollectionEntry<C>> };

export class Guide {
  readonly meta: GuideData;
  readonly graph: GuideGraph;
  readonly #data: GraphData;
  readonly #entries: Entries;

  constructor(data: GraphData, entries: Entries) {
    this.meta = data.guide;
    this.graph = data.graph;
    this.#data = data;
    this.#entries = entries;
  }

  entry<C extends CollectionName>(collection: C, id: string): CollectionEntry<C> {
    const entry = this.#entries[collection].get(id);
    if (!entry) throw new Error(`No ${collection} entry \`${id}\``);
    return entry;
  }

  entries<C extends CollectionName>(collection: C): CollectionEntry<C>[] {
    return [...this.#entries[collection].values()];
  }

  has(collection: CollectionName, id: string): boolean {
    return this.#entries[collection].has(id);
  }

  /** Comments in reading order, each with its graph node. */
  get comments() {
    return this.graph.comments.map((node) => ({ node, entry: this.entry('thread', node.id) }));
  }

  comment(id: string) {
    const node = byId(this.graph.comments, id);
    if (!node) throw new Error(`No comment \`${id}\``);
    return { node, entry: this.entry('thread', id) };
  }

  /** Claims in reading order. */
  get claims() {
    return this.graph.claimOrder.map((id) => this.claim(id));
  }

  claim(id: string) {
    const node = this.graph.claims[id];
    if (!node) throw new Error(`No claim \`${id}\``);
    return { node, entry: this.entry('claims', id) };
  }

  annotation(id: string) {
    const node = this.graph.annotations[id];
    if (!node) throw new Error(`No annotation \`${id}\``);
    return { node, entry: this.entry('annotations', id) };
  }

  source(id: string) {
    const node = this.graph.sources[id];
    if (!node) throw new Error(`No source \`${id}\``);
    return { node, entry: this.entry('sources', id) };
  }

  /** Rendered editor's note on a comment. */
  note(id: string): string {
    const html = this.#data.notes[id];
    if (html === undefined) throw new Error(`No editor's note \`${id}\``);
    return html;
  }

  get guideNotes(): string[] {
    return this.#data.guideNotes;
  }

  commenterName(key: string): string {
    return this.meta.commenters[key]?.name ?? `Commenter ${key}`;
  }

  /** "Commenter A", or the outside work's short name. */
  speakerName(speaker: Speaker): string {
    return speaker.kind === 'commenter' ? this.commenterName(speaker.key) : this.entry('sources', speaker.source).data.short;
  }

  /** The graph and every entry's data, for the exports. */
  snapshot(siteUrl: string): GuideSnapshot {
    const data = <C extends CollectionName>(collection: C) =>
      Object.fromEntries(this.entries(collection).map((entry) => [entry.id, entry.data])) as Record<string, CollectionEntry<C>['data']>;
    return {
      meta: this.meta,
      graph: this.graph,
      comments: data('thread'),
      claims: data('claims'),
      annotations: Object.fromEntries(
        this.entries('annotations').map((entry) => [entry.id, { data: entry.data, body: (entry.body ?? '').trim(), text: this.#data.texts.annotations[entry.id] ?? '', html: entry.rendered?.html ?? '' }])
      ),
      sources: data('sources'),
      terms: data('glossary'),
      cruxes: data('cruxes'),
      texts: { sources: this.#data.texts.sources, glossary: this.#data.texts.glossary, cruxes: this.#data.texts.cruxes },
      siteUrl
    };
  }

  /** Relations grouped under headings that read in the claim's direction. */
  relationGroups(claim: ClaimNode): { heading: string; edges: RelationEdge[] }[] {
    const groups = new Map<string, RelationEdge[]>();
    for (const edge of claim.relations) {
      const heading = relationHeading(edge);
      groups.set(heading, [...(groups.get(heading) ?? []), edge]);
    }
    return relationHeadings.filter((heading) => groups.has(heading)).map((heading) => ({ heading, edges: groups.get(heading)! }));
  }
}

const relationWords: Record<RelationEdge['type'], [outgoing: string, incoming: string]> = {
  supports: ['Supports', 'Supported by'],
  attacks: ['Attacks', 'Attacked by'],
  qualifies: ['Qualifies', 'Qualified by'],
  concedes: ['Concedes to', 'Conceded by'],
  'asks-about': ['Asks about', 'Asked about by']
};

const relationHeadings = Object.values(relationWords).flat();

export function relationHeading(edge: RelationEdge): string {
  const [outgoing, incoming] = relationWords[edge.type];
  return edge.direction === 'out' ? outgoing : incoming;
}

let cached: Promise<Guide> | undefined;

export function loadGuide(): Promise<Guide> {
  // In development the content changes under a running server: read it afresh.
  if (import.meta.env.DEV) return readGuide();
  return (cached ??= readGuide());
}

async function readGuide(): Promise<Guide> {
  const graphEntry = await getEntry('graph', graphEntryId);
  if (!graphEntry) throw new Error('The content graph is missing: the content loader did not run');
  const [thread, claims, annotations, sources, glossary, cruxes, pages] = await Promise.all([
    getCollection('thread'),
    getCollection('claims'),
    getCollection('annotations'),
    getCollection('sources'),
    getCollection('glossary'),
    getCollection('cruxes'),
    getCollection('pages')
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((entry) => [entry.id, entry]));
  return new Guide(graphEntry.data as GraphData, {
    thread: byId(thread),
    claims: byId(claims),
    annotations: byId(annotations),
    sources: byId(sources),
    glossary: byId(glossary),
    cruxes: byId(cruxes),
    pages: byId(pages)
  });
}
