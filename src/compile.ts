/**
 * The whole pipeline, from the files under `content/` to a checked graph and
 * rendered HTML:
 *
 *   content/ → load and validate (src/load) → cross-link graph (src/graph)
 *            → render (src/render) → pages and exports (src/pages)
 *
 * Each stage reports every problem it finds; a stage runs only when the ones
 * before it found no error, so one mistake is reported once, where it is.
 */
import { ContentError, Diagnostics, type Problem } from './load/diagnostics.ts';
import { loadContent, type LoadedContent } from './load/load-content.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { GuideGraph } from './graph/types.ts';
import { renderGuide, type RenderedGuide, type RenderOptions } from './render/render-guide.ts';

export interface CheckedGuide {
  content: LoadedContent;
  graph: GuideGraph;
  /** Warnings: problems that do not stop the build. */
  warnings: Problem[];
}

export interface CompiledGuide extends CheckedGuide {
  rendered: RenderedGuide;
}

/** Loads, validates and links the content; throws a `ContentError` listing every error. */
export async function checkGuide(root: string, diagnostics = new Diagnostics()): Promise<CheckedGuide> {
  const content = await loadContent(root, diagnostics);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  const graph = buildGraph(content, diagnostics);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  return { content, graph, warnings: diagnostics.problems };
}

/** Checks the content, then renders it; throws a `ContentError` listing every error. */
export async function compileGuide(root: string, options: RenderOptions): Promise<CompiledGuide> {
  const diagnostics = new Diagnostics();
  const checked = await checkGuide(root, diagnostics);
  const rendered = await renderGuide(checked.content, checked.graph, options, diagnostics);
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.problems);
  return { ...checked, rendered, warnings: diagnostics.problems };
}
