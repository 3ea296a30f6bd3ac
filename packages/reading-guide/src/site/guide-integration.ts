/**
 * The bridge from the pipeline to Astro: an integration that compiles the
 * guide (src/compile.ts) once per build, and again after every change to the
 * content while `astro dev` runs, and hands the result to the pages in
 * memory (src/site/guide.ts reads it).
 *
 * Why not Astro's content collections: a comment's HTML depends on the
 * claims, sources and annotations that point into it, which a collection's
 * loader cannot express (Astro's `glob()` would cache a comment until the
 * comment itself changes, and logs a render error and carries on with an
 * empty entry); and Astro serialises its content store to disk and bundles
 * the whole store into the code that renders the pages, which for a large
 * guide costs more time and memory than anything else in the build. Here the
 * compiled guide is plain data in the one process that builds the site, and
 * a content error stops the build before anything is bundled, with every
 * problem listed.
 *
 * The integration and the pages are loaded by Astro as separate module
 * graphs (the pages are bundled first), so they meet through one well-known
 * global slot (src/site/published-guide.ts), which holds only plain data.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { compileGuide, type CompiledGuide } from '../compile.ts';
import { CompileCache } from '../compile-cache.ts';
import { ContentError, formatProblems } from '../model/diagnostics.ts';
import { searchRecords } from '../export/search-records.ts';
import { snapshotOf } from '../export/snapshot.ts';
import { indexForSearch } from './search-index.ts';
import { collectGarbage } from '../util/collect-garbage.ts';
import { hasPublished, publish, publishedGuide, type PublishedGuide } from './published-guide.ts';
import { Guide } from './guide.ts';
import { argumentMapView, mapClaims, type LayoutMemo } from './map.ts';
import type { MapLayout } from '../map/layout.ts';
import type { SchemaExtensions } from '../model/schema.ts';

export interface GuideSiteOptions {
  /** The content folder, relative to the project root. */
  content: string;
  /** The fields the site adds to the content's schemas. */
  schemas?: SchemaExtensions;
}

export function guideSite({ content, schemas }: GuideSiteOptions): AstroIntegration {
  let command: 'dev' | 'build' | 'preview' | 'sync' = 'build';
  let projectRoot = '';
  let contentRoot = '';
  let compileRun: () => Promise<PublishedGuide> = () => Promise.reject(new Error('The guide is compiled once Astro has its configuration'));
  /** The compile cache of the last run, being written while the build goes on. */
  let saving: Promise<void> | undefined;
  return {
    name: 'reading-guide:guide',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config, logger }) => {
        projectRoot = fileURLToPath(config.root);
        contentRoot = path.resolve(projectRoot, content);
        let cache = CompileCache.open(path.join(fileURLToPath(config.cacheDir), 'reading-guide'));
        compileRun = async () => {
          const used = await cache;
          const compiled = await compileGuide(contentRoot, { base: config.base, cache: used, projectRoot, schemas });
          // The build renders every page next, holding only the compiled guide.
          if (command === 'build') collectGarbage();
          // Search records name site paths only, so any site address will do. Only a build writes an index.
          const { paths: searchIndexes, written: searchIndexWritten } = indexForSearch(
            () => searchRecords(snapshotOf(compiled, 'http://localhost/')),
            compiled.content.guide!.data.language
          );
          // Laid out here, once, where the cache can keep the layout: ELK is slow.
          const guide = new Guide({ compiled, projectRoot, searchIndexes });
          const wholeMap = await argumentMapView(guide, mapClaims(guide.graph).ids, layoutMemo(used));
          // Kept for the next build, and for the next recompile under `astro dev`; a failed compile keeps the last good cache.
          if (command === 'build') logger.info(cacheReport(used));
          saving = used.save();
          if (command === 'dev') cache = Promise.resolve(used.successor());
          return { compiled, projectRoot, searchIndexes, searchIndexWritten, wholeMap };
        };
        // Started as early as possible; Astro gets on with its own setup meanwhile.
        if (command === 'build') publish(compileRun());
      },
      'astro:build:start': async ({ logger }) => {
        try {
          report((await publishedGuide()).compiled, logger);
        } catch (error) {
          throw readable(error);
        }
      },
      'astro:build:done': async () => {
        await saving;
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Astro may start a Vite server within a build too (to sync its types): only `astro dev` recompiles.
        if (command !== 'dev') return;
        let latest = 0;
        const recompile = async () => {
          const run = ++latest;
          const next = compileRun();
          try {
            const { compiled } = await next;
            // Edits in quick succession: only the newest compile is shown.
            if (run !== latest) return;
            report(compiled, logger);
            publish(next);
            // Astro keeps each page's getStaticPaths() (and so its view) until content changes: say it has.
            for (const environment of Object.values(server.environments)) if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
            server.environments.client.hot.send({ type: 'full-reload' });
          } catch (error) {
            if (run !== latest) return;
            // While editing, an error is reported and the last good guide stays up.
            logger.error(readable(error).message);
            if (!hasPublished()) publish(next);
          }
        };
        await recompile();
        // Watched by Node itself rather than through Vite's watcher, which drops
        // a second change to a file within 50 ms of the first; events in one
        // burst (an editor's save is often several) make one recompile.
        let pending: ReturnType<typeof setTimeout> | undefined;
        const watcher = watch(contentRoot, { recursive: true }, () => {
          clearTimeout(pending);
          pending = setTimeout(() => void recompile(), 20);
        });
        server.httpServer?.once('close', () => watcher.close());
      }
    }
  };
}

/** Map layouts, kept in the compile cache. */
function layoutMemo(cache: CompileCache): LayoutMemo {
  return {
    get: (input) => cache.value(cache.key('map-layout', input)) as MapLayout | undefined,
    set: (input, layout) => cache.keepValue(cache.key('map-layout', input), layout)
  };
}

/** What the build took from the compile cache, in one line. */
function cacheReport({ stats }: CompileCache): string {
  const count = (n: number) => n.toLocaleString('en-GB');
  return `Compiled the guide: ${count(stats.loads.taken)} of ${count(stats.loads.asked)} files and ${count(stats.html.taken)} of ${count(stats.html.asked)} bodies unchanged since the last build`;
}

function report(compiled: CompiledGuide, logger: AstroIntegrationLogger): void {
  if (compiled.warnings.length > 0) logger.warn(formatProblems(compiled.warnings));
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
