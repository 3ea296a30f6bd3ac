/**
 * The whole pipeline, from the files under `content/` to a checked graph and
 * rendered HTML:
 *
 *   content/ → load and validate (src/load) → cross-link graph (src/graph)
 *            → render (src/render) → check links (src/site/check-links.ts)
 *            → pages and exports (src/routes, injected by src/site/guide-integration.ts)
 *
 * Each stage reports every problem it finds; a stage runs only when the ones
 * before it found no error, so one mistake is reported once, where it is.
 */
import { ContentError, Diagnostics, type Problem } from './model/diagnostics.ts';
import type { CompileCache } from './compile-cache.ts';
import { loadContent, type LoadedContent, type LoadedEntry } from './load/load-content.ts';
import { collections, type CollectionName, type SchemaExtensions } from './model/schema.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { GuideGraph } from './graph/types.ts';
import type { CompiledContent, CompiledEntry, CompiledGuide } from './render/compiled-guide.ts';
import { renderGuide, type RenderOptions } from './render/render-guide.ts';
import { checkLinks } from './site/check-links.ts';

export interface CheckedGuide {
  content: LoadedContent;
  graph: GuideGraph;
  /** Warnings: problems that do not stop the build. */
  warnings: Problem[];
}

export type { CompiledContent, CompiledEntry, CompiledGuide } from './render/compiled-guide.ts';

export interface CheckOptions {
  /** Where the problems go; a fresh collection by default. */
  diagnostics?: Diagnostics;
  /** Files unchanged since it was made are taken from it. */
  cache?: CompileCache;
  /** The fields the site adds to the guide's schemas. */
  schemas?: SchemaExtensions;
}

/** Loads, validates (with the site's `schemas`) and links the content; throws a `ContentError` listing every error. */
export async function checkGuide(root: string, { diagnostics = new Diagnostics(), cache, schemas }: CheckOptions = {}): Promise<CheckedGuide> {
  const content = await loadContent(root, diagnostics, cache, schemas);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  const graph = buildGraph(content, diagnostics);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  return { content, graph, warnings: diagnostics.problems };
}

export interface CompileOptions extends RenderOptions {
  /** The site's folder, which holds its CONTRIBUTING.md and public/ (links may point to both); by default the working folder. */
  projectRoot?: string;
  /** The fields the site adds to the guide's schemas. */
  schemas?: SchemaExtensions;
}

/**
 * Checks the content, then renders it and checks its links to the site;
 * throws a `ContentError` listing every error. With `options.cache`, unchanged files and bodies are taken from it,
 * and what this run loads and renders is added to it (the caller saves it).
 */
export async function compileGuide(root: string, options: CompileOptions): Promise<CompiledGuide> {
  const diagnostics = new Diagnostics();
  const checked = await checkGuide(root, { diagnostics, cache: options.cache, schemas: options.schemas });
  const rendered = await renderGuide(checked.content, checked.graph, options, diagnostics);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  checkLinks(checked.content, checked.graph, rendered, diagnostics, options.projectRoot ?? process.cwd());
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  return { content: published(checked.content), graph: checked.graph, rendered, warnings: diagnostics.problems };
}

function published(content: LoadedContent): CompiledContent {
  const entries = Object.fromEntries(
    (Object.keys(collections) as CollectionName[]).map((collection) => [
      collection,
      (content[collection] as LoadedEntry[]).map(({ collection, id, file, data, body }) => ({ collection, id, file, data, body }))
    ])
  ) as { [C in CollectionName]: CompiledEntry<C>[] };
  const guide = content.guide && { file: content.guide.file, data: content.guide.data };
  return { ...entries, root: content.root, guide };
}
