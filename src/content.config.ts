/**
 * Astro's content collections: one per folder of `content/`, each validated
 * by the schema the pipeline uses (src/load/schema.ts), plus `graph`, the
 * cross-link graph built from them all. Every collection is filled by the
 * same compile run (src/site/guide-loader.ts).
 *
 * `GUIDE_CONTENT` points the site at another content folder; the tests use it
 * to build fixture guides.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { annotationSchema, claimSchema, commentSchema, cruxSchema, pageSchema, sourceSchema, termSchema } from './load/schema.ts';
import { guideLoader } from './site/guide-loader.ts';

const root = process.env.GUIDE_CONTENT ?? 'content';

// Spelt out one by one so that Astro infers each collection's data type.
export const collections = {
  thread: defineCollection({ loader: guideLoader('thread', { root }), schema: commentSchema }),
  claims: defineCollection({ loader: guideLoader('claims', { root }), schema: claimSchema }),
  annotations: defineCollection({ loader: guideLoader('annotations', { root }), schema: annotationSchema }),
  sources: defineCollection({ loader: guideLoader('sources', { root }), schema: sourceSchema }),
  glossary: defineCollection({ loader: guideLoader('glossary', { root }), schema: termSchema }),
  cruxes: defineCollection({ loader: guideLoader('cruxes', { root }), schema: cruxSchema }),
  pages: defineCollection({ loader: guideLoader('pages', { root }), schema: pageSchema }),
  graph: defineCollection({ loader: guideLoader('graph', { root }), schema: z.custom<Record<string, unknown>>() })
};
