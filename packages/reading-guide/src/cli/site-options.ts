/**
 * The options a site gives `readingGuide()` in its astro.config, so that the
 * guide's commands check the content folder the build uses, with the fields
 * the site adds to the schemas. Loaded as Astro loads a configuration: by
 * Node where it can, and otherwise through Vite, which compiles what Node
 * will not run (a configuration in TypeScript, or this package's sources
 * under node_modules, which Node does not strip of types).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { optionsKey, type HeldOptions } from '../site/options-key.ts';
import type { SchemaExtensions } from '../model/schema.ts';

/** The names Astro looks for, in its order. */
const configNames = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

/** What Node gives when a module needs compiling first; anything else is the configuration's own error. */
const needsCompiling = new Set(['ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING', 'ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_INVALID_TYPESCRIPT_SYNTAX']);

export interface SiteOptions {
  /** The content folder, absolute. */
  content: string;
  schemas: SchemaExtensions;
}

/** A configuration that cannot be read, or that uses no reading guide: said in one sentence, for the command to print. */
export class SiteConfigError extends Error {}

/**
 * The reading guide's options in the configuration of the site in `root`;
 * undefined when there is no configuration (a content folder on its own).
 */
export async function siteOptions(root = process.cwd()): Promise<SiteOptions | undefined> {
  const config = configNames.map((name) => path.join(root, name)).find((file) => existsSync(file));
  if (!config) return undefined;
  const exported = (await load(config)) as { default?: { root?: string | URL; integrations?: unknown[] } } | undefined;
  const settings = exported?.default ?? {};
  const integration = (settings.integrations ?? [])
    .flat(Infinity)
    .find((candidate): candidate is { [optionsKey]: HeldOptions } => typeof candidate === 'object' && candidate !== null && optionsKey in candidate);
  if (!integration) throw new SiteConfigError(`${shown(config)} adds no readingGuide() to its integrations`);
  const projectRoot = settings.root ? path.resolve(root, settings.root instanceof URL ? fileURLToPath(settings.root) : settings.root) : root;
  const options = integration[optionsKey];
  return { content: path.resolve(projectRoot, options.content), schemas: options.schemas };
}

/** The configuration file as messages name it: from the working folder. */
function shown(config: string): string {
  return path.relative(process.cwd(), config) || config;
}

async function load(config: string): Promise<unknown> {
  try {
    return await import(pathToFileURL(config).href);
  } catch (error) {
    if (!needsCompiling.has((error as { code?: string }).code ?? '')) throw readable(config, error);
  }
  const { runnerImport } = await import('vite');
  try {
    return (await runnerImport(config, { configFile: false, logLevel: 'silent' })).module;
  } catch (error) {
    throw readable(config, error);
  }
}

/** The configuration's own error, which names what is wrong (a wrong option of readingGuide() among them), without a stack. */
function readable(config: string, error: unknown): SiteConfigError {
  const message = error instanceof Error ? error.message : String(error);
  const hint = (error as { hint?: unknown }).hint;
  return new SiteConfigError(`${shown(config)} could not be loaded: ${message}${typeof hint === 'string' ? `\n${hint}` : ''}`);
}

/** The guide a command works on, and the fields the site adds to its schemas. */
export interface CommandGuide {
  /** The content folder, as messages name it: from the working folder. */
  folder: string;
  schemas: SchemaExtensions;
}

/**
 * The folder a command is given, or else $GUIDE_CONTENT, or the site's
 * content folder, or content/; in every case with the site's schemas, which
 * any folder of the site's guide is checked by.
 */
export async function commandGuide(given: string | undefined): Promise<CommandGuide> {
  const site = await siteOptions();
  const folder = given ?? process.env.GUIDE_CONTENT ?? (site ? path.relative(process.cwd(), site.content) || '.' : 'content');
  return { folder, schemas: site?.schemas ?? {} };
}
