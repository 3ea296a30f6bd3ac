/**
 * The bridge from the pipeline to Astro: a content loader per collection that
 * runs `compileGuide` (once per change, shared by all collections) and puts
 * each entry's validated data and rendered HTML into Astro's content store,
 * plus the graph as the single entry of the `graph` collection.
 *
 * Why not Astro's `glob()` loader: a comment's HTML depends on the claims,
 * sources and annotations that point into it, which `glob()` cannot know
 * (it would cache a comment's HTML until the comment itself changes), and
 * `glob()` logs a render error and carries on with an empty entry. Here a
 * content error fails the sync, and so the build, with every problem listed.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { compileGuide, type CompiledGuide } from '../compile.ts';
import { ContentError, formatProblems } from '../load/diagnostics.ts';
import type { LoadedEntry } from '../load/load-content.ts';
import type { CollectionName, GuideData } from '../load/schema.ts';
import type { GuideGraph } from '../graph/types.ts';

/** The data of the `graph` collection's one entry. */
export interface GraphData extends Record<string, unknown> {
  guide: GuideData;
  graph: GuideGraph;
  /** Rendered editor's notes on comments, by note id. */
  notes: Record<string, string>;
  /** Rendered editor's notes on the whole thread. */
  guideNotes: string[];
}

export const graphEntryId = 'guide';

let latest: { fingerprint: string; compiled: Promise<CompiledGuide> } | undefined;

/** Compiles once per state of the content folder, however many loaders ask. */
async function compileShared(root: string, base: string): Promise<CompiledGuide> {
  const fingerprint = `${base}\n${await fingerprintFolder(root)}`;
  if (latest?.fingerprint !== fingerprint) latest = { fingerprint, compiled: compileGuide(root, { base }) };
  return latest.compiled;
}

async function fingerprintFolder(root: string): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const stamps = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const info = await stat(file);
        return `${file}:${info.size}:${info.mtimeMs}`;
      })
  );
  return stamps.sort().join('\n');
}

export interface GuideLoaderOptions {
  /** The content folder. */
  root: string;
}

export function guideLoader(collection: CollectionName | 'graph', { root }: GuideLoaderOptions): Loader {
  return {
    name: `reading-guide:${collection}`,
    load: async (context) => {
      const contentRoot = path.resolve(fileURLToPath(context.config.root), root);
      // Every collection's loader shares one compile; only the graph's reports
      // its problems, so each is logged once.
      const reports = collection === 'graph';
      const sync = async () => {
        const compiled = await compileShared(contentRoot, context.config.base);
        if (reports && compiled.warnings.length > 0) context.logger.warn(formatProblems(compiled.warnings));
        if (collection === 'graph') storeGraph(context, compiled);
        else await storeEntries(context, compiled, collection);
      };
      try {
        await sync();
      } catch (error) {
        throw readable(error);
      }
      context.watcher?.add(contentRoot);
      context.watcher?.on('all', (_event, changed) => {
        if (!path.resolve(changed).startsWith(contentRoot + path.sep)) return;
        // While editing, an error is reported and the last good content stays up.
        sync().catch((error: unknown) => {
          if (reports) context.logger.error(readable(error).message);
        });
      });
    }
  };
}

/** A content error's message is the full report; anything else keeps its own. */
function readable(error: unknown): Error {
  if (error instanceof ContentError) {
    const report = new Error(error.message);
    // The report says where each problem is; a stack trace into the pipeline would only hide it.
    report.stack = '';
    return report;
  }
  return error instanceof Error ? error : new Error(String(error));
}

function storeGraph({ store, generateDigest }: LoaderContext, compiled: CompiledGuide): void {
  const data: GraphData = { guide: compiled.content.guide!.data, graph: compiled.graph, notes: compiled.rendered.notes, guideNotes: compiled.rendered.guideNotes };
  store.set({ id: graphEntryId, data, digest: generateDigest(data) });
}

async function storeEntries(
  { store, parseData, generateDigest, config }: LoaderContext,
  compiled: CompiledGuide,
  collection: CollectionName
): Promise<void> {
  const entries = compiled.content[collection] as LoadedEntry[];
  const rendered = compiled.rendered.html[collection];
  const projectRoot = fileURLToPath(config.root);
  const present = new Set<string>();
  for (const entry of entries) {
    const absolute = path.resolve(entry.file);
    const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: absolute });
    const html = rendered[entry.id] ?? '';
    present.add(entry.id);
    store.set({
      id: entry.id,
      data,
      body: entry.body.trimStart(),
      filePath: path.relative(projectRoot, absolute).split(path.sep).join('/'),
      rendered: { html },
      digest: generateDigest({ data, html })
    });
  }
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
}
