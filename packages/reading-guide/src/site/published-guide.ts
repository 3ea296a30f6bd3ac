/**
 * Where the integration (src/site/guide-integration.ts) leaves the compiled
 * guide for the pages. Astro loads the two as separate module graphs (the
 * pages are bundled first), so they meet through one well-known global slot,
 * which holds plain data and one function.
 */
import type { CompiledGuide } from '../render/compiled-guide.ts';
import type { ArgumentMapView } from '../map/map-view.ts';

/** What the pages read: the compiled guide, and what is made from it once per build. */
export interface PublishedGuide {
  compiled: CompiledGuide;
  /** Absolute path of the project, for naming each entry's file as the repository does. */
  projectRoot: string;
  /** The site paths of the search indexes, the first holding Pagefind's scripts (src/site/search-index.ts). */
  searchIndexes: string[];
  /** Starts the build's search index if it is not under way, and settles once it is written (at once outside a build). */
  searchIndexWritten: () => Promise<void>;
  /** The whole-guide argument map, laid out (src/site/map.ts). */
  wholeMap: ArgumentMapView;
}

const slot = Symbol.for('reading-guide:published-guide');
type Slot = { [slot]?: Promise<PublishedGuide> };

/** The guide the integration last compiled; pages call this through `loadGuide()`. */
export function publishedGuide(): Promise<PublishedGuide> {
  const published = (globalThis as Slot)[slot];
  if (!published) throw new Error('The guide was not compiled: add readingGuide() to the integrations in astro.config.mjs');
  return published;
}

export function hasPublished(): boolean {
  return (globalThis as Slot)[slot] !== undefined;
}

export function publish(published: Promise<PublishedGuide>): void {
  // A failure is reported by whoever awaits it (the build, or the dev server's log).
  published.catch(() => undefined);
  (globalThis as Slot)[slot] = published;
}
