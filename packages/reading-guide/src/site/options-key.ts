/**
 * Where the integration object keeps its resolved options, so that the
 * guide's commands, which load the site's astro.config, read the content
 * folder and schemas its build uses. A registered symbol: the commands and
 * the configuration may each load their own copy of this module.
 */
import type { SchemaExtensions } from '../model/schema.ts';

export const optionsKey = Symbol.for('reading-guide:options');

/** What the commands read of the options kept there. */
export interface HeldOptions {
  /** The content folder, from the site's root. */
  content: string;
  schemas: SchemaExtensions;
}
