/**
 * What pages read: the compiled guide (validated data, rendered HTML and the
 * cross-link graph), behind lookups that fail loudly on an id that is not
 * there, so that a broken link can never render as an empty page.
 */
import path from 'node:path';
import type { CompiledEntry, CompiledGuide } from '../render/compiled-guide.ts';
import type { CollectionName, GuideData } from '../model/schema.ts';
import type { ClaimNode, GuideGraph, RelationEdge, Speaker } from '../graph/types.ts';
import { snapshotOf, type GuideSnapshot } from '../export/snapshot.ts';
import { publishedGuide, type PublishedGuide } from './published-guide.ts';
import { byId } from '../util/by-id.ts';
import { commenterName } from '../model/commenters.ts';
import type { ArgumentMapView } from '../map/map-view.ts';
import type { RouteData } from './addresses.ts';
import { relationTypes } from '../model/schema.ts';
import { uiText, type UiText } from '../model/ui-strings.ts';

/** An entry as pages show it. */
export interface GuideEntry<C extends CollectionName = CollectionName> extends CompiledEntry<C> {
  /** The rendered body; empty when the file has none. */
  html: string;
  /** The file as the repository names it, from the project root, with `/`; none for a file outside the project. */
  filePath: string | undefined;
}

/** `file` from the project's root, with `/`, as the repository names it; undefined outside the project. */
function inProject(projectRoot: string, file: string): string | undefined {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

type Entries = { [C in CollectionName]: Map<string, GuideEntry<C>> };

export class Guide {
  readonly meta: GuideData;
  /** The site's own words, in the guide's language. */
  readonly ui: UiText;
  readonly graph: GuideGraph;
  /** The site paths of the search indexes; the search page merges them. */
  readonly searchIndexes: readonly string[];
  /** The content folder, as the repository names it: from the site's root, with `/`; none for a folder outside the site, which no repository address can name. */
  readonly contentFolder: string | undefined;
  readonly #wholeMap: ArgumentMapView | undefined;
  readonly #compiled: CompiledGuide;
  readonly #entries: Entries;

  /** Made from a published guide; or, to lay out its whole map, from one without it. */
  constructor({ compiled, projectRoot, searchIndexes, wholeMap }: Pick<PublishedGuide, 'compiled' | 'projectRoot' | 'searchIndexes'> & Partial<Pick<PublishedGuide, 'wholeMap'>>) {
    if (!compiled.content.guide) throw new Error('The compiled guide has no guide.yaml');
    this.meta = compiled.content.guide.data;
    this.ui = uiText(this.meta);
    this.graph = compiled.graph;
    this.searchIndexes = searchIndexes;
    this.contentFolder = inProject(projectRoot, compiled.content.root);
    this.#wholeMap = wholeMap;
    this.#compiled = compiled;
    const entries = {} as Record<CollectionName, Map<string, GuideEntry>>;
    for (const collection of Object.keys(compiled.rendered.html) as CollectionName[]) {
      const html = compiled.rendered.html[collection];
      entries[collection] = new Map(
        (compiled.content[collection] as CompiledEntry[]).map((entry) => [
          entry.id,
          { ...entry, html: html[entry.id] ?? '', filePath: inProject(projectRoot, path.resolve(entry.file)) }
        ])
      );
    }
    this.#entries = entries as Entries;
  }

  /** The argument map of the whole guide, laid out once per build (src/site/guide-integration.ts). */
  get wholeMap(): ArgumentMapView {
    if (!this.#wholeMap) throw new Error('The whole-guide map was not laid out');
    return this.#wholeMap;
  }

  entry<C extends CollectionName>(collection: C, id: string): GuideEntry<C> {
    const entry = this.#entries[collection].get(id);
    if (!entry) throw new Error(`No ${collection} entry \`${id}\``);
    return entry;
  }

  entries<C extends CollectionName>(collection: C): GuideEntry<C>[] {
    return [...this.#entries[collection].values()];
  }

  /** What the dynamic routes' values are made from (src/site/addresses.ts). */
  get routeData(): RouteData {
    return { graph: this.graph, pageIds: this.entries('pages').map((page) => page.id) };
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
    const html = this.#compiled.rendered.notes[id];
    if (html === undefined) throw new Error(`No editor's note \`${id}\``);
    return html;
  }

  get guideNotes(): string[] {
    return this.#compiled.rendered.guideNotes;
  }

  commenterName(key: string | undefined): string {
    return commenterName(this.meta, key);
  }

  /** "Commenter A", or the outside work's short name. */
  speakerName(speaker: Speaker): string {
    return speaker.kind === 'commenter' ? this.commenterName(speaker.key) : this.entry('sources', speaker.source).data.short;
  }

  /** The graph and every entry's data, for the exports. */
  snapshot(siteUrl: string): GuideSnapshot {
    return snapshotOf(this.#compiled, siteUrl);
  }

  /** Relations grouped under headings that read in the claim's direction, in the order of `relationTypes`, outgoing first. */
  relationGroups(claim: ClaimNode): { heading: string; edges: RelationEdge[] }[] {
    return relationTypes.flatMap((type) =>
      (['out', 'in'] as const).flatMap((direction) => {
        const edges = claim.relations.filter((edge) => edge.type === type && edge.direction === direction);
        return edges.length > 0 ? [{ heading: relationHeading(this.ui, edges[0]!), edges }] : [];
      })
    );
  }
}

/** A relation as the heading over it reads: "Supports", or "Supported by" for a relation made by the other claim. */
function relationHeading(ui: UiText, edge: Pick<RelationEdge, 'type' | 'direction'>): string {
  return ui.t(edge.direction === 'out' ? `relation.${edge.type}.heading` : `relation.${edge.type}.incoming`);
}

const guides = new WeakMap<PublishedGuide, Guide>();

/** The guide as last compiled: in development, the content changes under a running server. */
export async function loadGuide(): Promise<Guide> {
  const published = await publishedGuide();
  let guide = guides.get(published);
  if (!guide) guides.set(published, (guide = new Guide(published)));
  return guide;
}
