/**
 * reading-guide: an Astro integration that builds an annotated reading guide
 * of an online discussion from a content folder. In astro.config.mjs:
 *
 *   integrations: [readingGuide({ content: './content' })]
 */
/// <reference path="./virtual.d.ts" />
export { readingGuide as default, readingGuide, componentNames, readingGuideOptions } from './src/integration.ts';
export type { ComponentName, ReadingGuideOptions } from './src/integration.ts';
