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
import { searchRecords } from '../export/search-records.ts';
import { snapshotOf } from '../export/snapshot.ts';
import { indexForSearch } from './search-index.ts';
import type { LoadedEntry } from '../load/load-content.ts';
import { collections, type CollectionName, type GuideData } from '../load/schema.ts';
import type { GuideGraph } from '../graph/types.ts';

/** The data of the `graph` collection's one entry. */
export interface GraphData extends Record<string, unknown> {
  guide: GuideData;
  graph: GuideGraph;
  /** Rendered editor's notes on comments, by note id. */
  notes: Record<string, string>;
  /** Rendered editor's notes on the whole thread. */
  guideNotes: string[];
  /** Plain text of bodies, for previews and search. */
  texts: CompiledGuide['rendered']['texts'];
}

export const graphEntryId = 'guide';

/** What the loaders store: the compiled guide without the syntax trees, which are large and no longer needed. */
interface StoreInput {
  guide: GuideData;
  graph: GuideGraph;
  rendered: CompiledGuide['rendered'];
  warnings: CompiledGuide['warnings'];
  entries: { [C in CollectionName]: Pick<LoadedEntry<C>, 'id' | 'file' | 'data' | 'body'>[] };
}

let latest: { fingerprint: string; compiled: Promise<StoreInput> } | undefined;

/** Compiles once per state of the content folder, however many loaders ask. */
async function compileShared(root: string, base: string): Promise<StoreInput> {
  const fingerprint = `${base}\n${await fingerprintFolder(root)}`;
  if (latest?.fingerprint !== fingerprint) {
    latest = {
      fingerprint,
      compiled: compileGuide(root, { base }).then((compiled) => {
        // Search records name site paths only, so any site address will do.
        indexForSearch(searchRecords(snapshotOf(compiled, 'http://localhost/')));
        return forStore(compiled);
      })
    };
  }
  return latest.compiled;
}

function forStore({ content, graph, rendered, warnings }: CompiledGuide): StoreInput {
  const entries = {} as StoreInput['entries'];
  for (const collection of Object.keys(collections) as CollectionName[]) {
    entries[collection] = (content[collection] as LoadedEntry[]).map(({ id, file, data, body }) => ({ id, file, data, body })) as never;
  }
  return { guide: content.guide!.data, graph, rendered, warnings, entries };
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
        else storeEntries(context, compiled, collection);
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

function storeGraph({ store, generateDigest }: LoaderContext, compiled: StoreInput): void {
  const data: GraphData = { guide: compiled.guide, graph: compiled.graph, notes: compiled.rendered.notes, guideNotes: compiled.rendered.guideNotes, texts: compiled.rendered.texts };
  store.set({ id: graphEntryId, data, digest: generateDigest(data) });
}

function storeEntries({ store, generateDigest, config }: LoaderContext, compiled: StoreInput, collection: CollectionName): void {
  const rendered = compiled.rendered.html[collection];
  const projectRoot = fileURLToPath(config.root);
  const present = new Set<string>();
  for (const entry of compiled.entries[collection]) {
    const absolute = path.resolve(entry.file);
    // The data was validated by the collection's own schema when it was
    // loaded (src/load); Astro's parseData would only do it a second time.
    const data = entry.data as Record<string, unknown>;
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
