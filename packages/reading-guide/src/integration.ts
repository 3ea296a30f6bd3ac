/**
 * `readingGuide()`: the Astro integration a guide's site adds to
 * astro.config.mjs. It validates its options, sets the Astro settings the
 * pages are written for (addresses ending in `/`, a folder per page, the
 * unified Markdown processor), injects every route of src/routes, lets the
 * site replace any component by name, and adds the sitemap and the search
 * index unless the site has added its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import { z } from 'zod';
import { closest } from './load/front-matter.ts';
import { clashingFields, extensibleSchemas, type ExtensibleSchema, type SchemaExtensions } from './model/schema.ts';
import { codeTheme } from './render/code-theme.ts';
import { routes } from './site/addresses.ts';
import { defaultSiteFiles, siteFiles } from './site/default-files.ts';
import { guideSite } from './site/guide-integration.ts';
import { outputFolder } from './site/output-folder.ts';
import { optionsKey } from './site/options-key.ts';
import { searchIndex } from './site/search-index.ts';

/** The components a site may replace, each given the same props as the one it replaces. */
export const componentNames = [
  'Annotation',
  'ArgumentMap',
  'Backlinks',
  'Base',
  'Citations',
  'ClaimRef',
  'ContributeLinks',
  'GuideVoice',
  'Message',
  'SourceFacts'
] as const;
export type ComponentName = (typeof componentNames)[number];

const componentOverrides = z.strictObject(Object.fromEntries(componentNames.map((name) => [name, z.string().min(1).optional()])) as Record<ComponentName, z.ZodOptional<z.ZodString>>);

/** A zod object from any copy of zod 4 (the site's own, or Astro's `astro/zod`): told by its definition, not by its class. */
const zodObject = z.custom<z.ZodObject>(
  (value) => typeof value === 'object' && value !== null && (value as { _zod?: { def?: { type?: unknown } } })._zod?.def?.type === 'object',
  'must be a zod object, such as z.object({ tags: z.array(z.string()).default([]) })'
);

const schemaExtensions = z
  .strictObject(Object.fromEntries(extensibleSchemas.map((name) => [name, zodObject.optional()])) as Record<ExtensibleSchema, z.ZodOptional<typeof zodObject>>)
  .superRefine((extensions, context) => {
    for (const [name, extension] of Object.entries(extensions) as [ExtensibleSchema, z.ZodObject | undefined][]) {
      for (const key of extension ? clashingFields(name, extension) : []) {
        context.addIssue({ code: 'custom', path: [name], message: `adds \`${key}\`, which the guide's own schema has: give the site's field a name of its own` });
      }
    }
  });

export const readingGuideOptions = z.strictObject({
  /** The guide's content folder, from the site's root. */
  content: z.string().min(1).default('./content'),
  /** The Markdown file `/contribute/` shows, from the site's root. */
  contributing: z.string().min(1).default('./CONTRIBUTING.md'),
  /** Components of the site's own in place of the guide's, by name: `{ ClaimRef: './src/components/ClaimRef.astro' }`. */
  components: componentOverrides.default({}),
  /** Fields the site adds to the content's schemas, by collection: `{ claims: z.object({ tags: z.array(z.string()) }) }`. */
  schemas: schemaExtensions.default({})
});

export type ReadingGuideOptions = z.input<typeof readingGuideOptions>;
type ResolvedOptions = z.output<typeof readingGuideOptions>;

/** The integration, holding its options for the guide's commands. */
export interface ReadingGuideIntegration extends AstroIntegration {
  [optionsKey]: ResolvedOptions;
}

/** The site's own integrations that stand in for the sitemap and the search index the guide would add. */
const sitemapIntegrations = new Set(['@astrojs/sitemap']);
const searchIntegrations = new Set(['reading-guide:search-index', 'astro-pagefind', 'pagefind']);

const routesFolder = fileURLToPath(new URL('./routes/', import.meta.url));
const componentsFolder = fileURLToPath(new URL('./components/', import.meta.url));

export function readingGuide(options: ReadingGuideOptions = {}): ReadingGuideIntegration {
  const settings = parseOptions(options);
  return {
    name: 'reading-guide',
    [optionsKey]: settings,
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        const projectRoot = fileURLToPath(config.root);
        const contributing = path.resolve(projectRoot, settings.contributing);
        if (!existsSync(contributing)) {
          fail(`readingGuide(): the contributing guide ${settings.contributing} is not there (from ${projectRoot})`, 'The page /contribute/ shows it: write one, or point the option `contributing` at yours.');
        }
        const components = Object.fromEntries(
          componentNames.map((name) => {
            const override = settings.components[name];
            const file = override ? path.resolve(projectRoot, override) : path.join(componentsFolder, `${name}.astro`);
            if (!existsSync(file)) fail(`readingGuide(): the component given for ${name}, ${override}, is not there (from ${projectRoot})`);
            return [name, file];
          })
        ) as Record<ComponentName, string>;
        const present = new Set(config.integrations.map((integration) => integration.name));
        const added = [guideSite({ content: settings.content, schemas: settings.schemas as SchemaExtensions })];
        if (![...sitemapIntegrations].some((name) => present.has(name))) added.push(sitemap());
        if (![...searchIntegrations].some((name) => present.has(name))) added.push(searchIndex());
        added.push(outputFolder(), defaultSiteFiles());
        updateConfig({
          trailingSlash: 'always',
          build: { format: 'directory' },
          integrations: added,
          // The guide's Markdown is rendered by the pipeline (src/render); any other
          // Markdown goes through the same unified processor, with punctuation left as written.
          markdown: { processor: unified({ smartypants: false }), shikiConfig: { theme: codeTheme } },
          vite: {
            plugins: [virtualModules(components, contributing, siteFiles(fileURLToPath(config.publicDir)))],
            build: {
              // Scripts are files of their own, fetched once and cached for every page,
              // rather than copied into each of thousands of pages.
              assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
              // Pages that are not built again are left in place; src/site/output-folder.ts clears the rest.
              emptyOutDir: false
            }
          },
          // A page whose getStaticPaths() gives a cache key (the digest of everything it shows:
          // src/site/views.ts) is not rendered again while its key and code are unchanged.
          experimental: { incrementalBuild: true }
        });
        for (const route of routes()) injectRoute({ pattern: route.pattern, entrypoint: path.join(routesFolder, route.file), prerender: true });
      }
    }
  };
}

/** The options, or an error that names each wrong one and says what it should be. */
function parseOptions(options: unknown): ResolvedOptions {
  const parsed = readingGuideOptions.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => {
    const at = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the options';
    if (issue.code !== 'unrecognized_keys') return [`${at}: ${issue.message}`];
    const known = issue.path.length === 0 ? Object.keys(readingGuideOptions.shape) : issue.path[0] === 'schemas' ? extensibleSchemas : componentNames;
    return issue.keys.map((key) => {
      const near = closest(key, known);
      return `${at}: \`${key}\` is not known${near ? `; did you mean \`${near}\`?` : `; known are ${known.join(', ')}`}`;
    });
  });
  return fail(`readingGuide(): ${problems.length === 1 ? 'an option is' : 'options are'} wrong:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** Stops Astro with `message` and no stack trace: the message says where the mistake is. */
function fail(message: string, hint?: string): never {
  const error = new AstroError(message, hint);
  error.stack = '';
  throw error;
}

const componentModule = 'virtual:reading-guide/components/';
const contributingModule = 'virtual:reading-guide/contributing';
const siteFilesModule = 'virtual:reading-guide/site-files';

/**
 * `virtual:reading-guide/components/<Name>`: the site's component of that name, or the guide's;
 * `…/contributing`: the contributing guide; `…/site-files`: which of the files the pages name the site has.
 */
function virtualModules(components: Record<ComponentName, string>, contributing: string, files: ReturnType<typeof siteFiles>): Plugin {
  const resolved = '\0';
  return {
    name: 'reading-guide:virtual-modules',
    resolveId(id) {
      if (id === contributingModule || id === siteFilesModule || id.startsWith(componentModule)) return resolved + id;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(resolved)) return undefined;
      const name = id.slice(resolved.length);
      if (name === contributingModule) return `export * from ${JSON.stringify(contributing)};`;
      if (name === siteFilesModule) return `export const socialCard = ${JSON.stringify(files.socialCard ?? null)};`;
      if (!name.startsWith(componentModule)) return undefined;
      const file = components[name.slice(componentModule.length) as ComponentName];
      if (!file) throw new Error(`reading-guide has no component ${name.slice(componentModule.length)}`);
      return `export { default } from ${JSON.stringify(file)};`;
    }
  };
}
