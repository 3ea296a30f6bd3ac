/**
 * The compiled guide, as the pages, the exports and the search index read it:
 * the loaded data and Markdown of every entry, the graph, and the HTML the
 * render stage made (src/compile.ts makes it).
 */
import type { Problem } from '../model/diagnostics.ts';
import type { CollectionName, GuideData } from '../model/schema.ts';
import type { LoadedEntry } from '../load/load-content.ts';
import type { GuideGraph } from '../graph/types.ts';
import type { RenderedGuide } from './render-guide.ts';

/** An entry as it is published: its data and Markdown, without the syntax tree it was rendered from. */
export type CompiledEntry<C extends CollectionName = CollectionName> = Pick<LoadedEntry<C>, 'collection' | 'id' | 'file' | 'data' | 'body'>;

export type CompiledContent = { [C in CollectionName]: CompiledEntry<C>[] } & {
  root: string;
  guide: { file: string; data: GuideData } | undefined;
};

/**
 * The compiled guide: plain data and HTML. The syntax trees and the YAML
 * documents kept for locating problems are let go once rendering is done,
 * since the guide is held in memory while every page is built.
 */
export interface CompiledGuide {
  content: CompiledContent;
  graph: GuideGraph;
  rendered: RenderedGuide;
  /** Warnings: problems that do not stop the build. */
  warnings: Problem[];
}
