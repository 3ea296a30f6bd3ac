/**
 * The integration a site adds to astro.config.mjs: its options, the routes it
 * injects, the components a site may replace, and what it adds to Astro's
 * configuration (the sitemap and search only where the site has none).
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as astroZ } from 'astro/zod';
import readingGuide, { componentNames, readingGuideOptions } from '../../index.ts';
import { routes } from '../../src/site/addresses.ts';
import { optionsKey } from '../../src/site/options-key.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const packageRoot = path.join(projectRoot, 'packages/reading-guide');

/** The message `readingGuide(options)` stops with. */
function optionError(options: unknown): string {
  try {
    readingGuide(options as Parameters<typeof readingGuide>[0]);
  } catch (error) {
    expect((error as Error).stack, 'no stack trace: the message says where the mistake is').toBe('');
    return (error as Error).message;
  }
  throw new Error(`readingGuide(${JSON.stringify(options)}) accepted the options`);
}

interface Setup {
  updates: Record<string, unknown>[];
  injected: { pattern: string; entrypoint: string | URL }[];
}

/** Runs the integration's `astro:config:setup` hook for a site in `root` that already has `integrations`. */
async function setUp(integration: AstroIntegration, { root = projectRoot, integrations = [] as { name: string }[] } = {}): Promise<Setup> {
  const setup: Setup = { updates: [], injected: [] };
  const hook = integration.hooks['astro:config:setup'] as (options: unknown) => Promise<void> | void;
  await hook({
    config: { root: pathToFileURL(`${root}/`), publicDir: pathToFileURL(`${root}/public/`), integrations },
    command: 'build',
    updateConfig: (update: Record<string, unknown>) => setup.updates.push(update),
    injectRoute: (route: Setup['injected'][number]) => setup.injected.push(route)
  });
  return setup;
}

const addedIntegrations = (setup: Setup) => setup.updates.flatMap((update) => (update.integrations as { name: string }[] | undefined) ?? []).map((integration) => integration.name);

describe('readingGuide() options', () => {
  it('takes no options at all, and the content folder, contributing guide and components a site names', () => {
    expect(() => readingGuide()).not.toThrow();
    expect(() => readingGuide({ content: './guide', contributing: './docs/CONTRIBUTING.md', components: { ClaimRef: './src/ClaimRef.astro' } })).not.toThrow();
  });

  it('names a misspelt option and the one it is near, and lists the known ones for a word near none', () => {
    expect(optionError({ contnet: './content' })).toBe('readingGuide(): an option is wrong:\n  - the options: `contnet` is not known; did you mean `content`?');
    expect(optionError({ components: { Claimref: './x.astro' } })).toContain('`components`: `Claimref` is not known; did you mean `ClaimRef`?');
    expect(optionError({ theme: 'dark' })).toContain('`theme` is not known; known are content, contributing, components, schemas');
  });

  it('names an option of the wrong type, every one of them', () => {
    const message = optionError({ content: 3, components: { Message: '' } });
    expect(message).toMatch(/^readingGuide\(\): options are wrong:/);
    expect(message).toContain('`content`: ');
    expect(message).toContain('`components.Message`: ');
  });
});

describe('readingGuide({ schemas })', () => {
  it('takes fields of the site’s own for any collection and guide.yaml, from zod or from astro/zod', () => {
    const integration = readingGuide({ schemas: { claims: z.object({ tags: z.array(z.string()).default([]) }), guide: astroZ.object({ series: astroZ.string().optional() }) } });
    expect(Object.keys(integration[optionsKey].schemas)).toEqual(['claims', 'guide']);
  });

  it('names a collection it does not know, and the one it is near', () => {
    expect(optionError({ schemas: { claim: z.object({}) } })).toContain('`schemas`: `claim` is not known; did you mean `claims`?');
  });

  it('refuses what is not a zod object', () => {
    for (const wrong of [{ tags: 'string' }, z.string(), 'z.object()']) {
      expect(optionError({ schemas: { claims: wrong } })).toBe(
        'readingGuide(): an option is wrong:\n  - `schemas.claims`: must be a zod object, such as z.object({ tags: z.array(z.string()).default([]) })'
      );
    }
  });

  it('refuses a field that would stand in for one of the guide’s own', () => {
    expect(optionError({ schemas: { claims: z.object({ paraphrase: z.number(), tags: z.array(z.string()) }), sources: z.object({ title: z.string() }) } })).toBe(
      [
        'readingGuide(): options are wrong:',
        "  - `schemas.claims`: adds `paraphrase`, which the guide's own schema has: give the site's field a name of its own",
        "  - `schemas.sources`: adds `title`, which the guide's own schema has: give the site's field a name of its own"
      ].join('\n')
    );
  });
});

describe('what the integration adds to a site', () => {
  it('injects one route for each file of src/routes, at the address the link check knows', async () => {
    const files = (await readdir(path.join(packageRoot, 'src/routes'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(packageRoot, 'src/routes'), path.join(entry.parentPath, entry.name)))
      .sort();
    expect(routes().map((route) => route.file).sort()).toEqual(files);
    const { injected } = await setUp(readingGuide());
    expect(injected).toHaveLength(files.length);
    const byPattern = new Map(injected.map((route) => [route.pattern, String(route.entrypoint)]));
    expect(byPattern.get('/')).toBe(path.join(packageRoot, 'src/routes/index.astro'));
    expect(byPattern.get('/claims/[id]')).toBe(path.join(packageRoot, 'src/routes/claims/[id].astro'));
    expect(byPattern.get('/annotations/page-[n].jsonld')).toBe(path.join(packageRoot, 'src/routes/annotations/page-[n].jsonld.ts'));
    expect(byPattern.get('/404')).toBe(path.join(packageRoot, 'src/routes/404.astro'));
    expect(routes().find((route) => route.file === 'claims/[id].astro')!.path('c1')).toBe('/claims/c1/');
    expect(routes().find((route) => route.file === '404.astro')!.path()).toBe('/404.html');
  });

  it('sets the addresses the pages are written for, and adds the sitemap and search only where the site has none', async () => {
    const alone = await setUp(readingGuide());
    expect(alone.updates[0]).toMatchObject({ trailingSlash: 'always', build: { format: 'directory' } });
    expect(addedIntegrations(alone)).toEqual(['reading-guide:guide', '@astrojs/sitemap', 'reading-guide:search-index', 'reading-guide:output-folder', 'reading-guide:default-files']);
    const withOwn = await setUp(readingGuide(), { integrations: [{ name: '@astrojs/sitemap' }, { name: 'astro-pagefind' }] });
    expect(addedIntegrations(withOwn)).toEqual(['reading-guide:guide', 'reading-guide:output-folder', 'reading-guide:default-files']);
  });

  it('stops, naming the file, when the contributing guide or a component it is given is not there', async () => {
    await expect(setUp(readingGuide({ contributing: './NOT-HERE.md' }))).rejects.toThrow('readingGuide(): the contributing guide ./NOT-HERE.md is not there');
    await expect(setUp(readingGuide({ components: { Message: './src/Nowhere.astro' } }))).rejects.toThrow('the component given for Message, ./src/Nowhere.astro, is not there');
  });
});

describe('components a site may replace', () => {
  it('are the components of the package, each declared as a module the routes import by name', async () => {
    const files = (await readdir(path.join(packageRoot, 'src/components'))).filter((file) => file.endsWith('.astro')).map((file) => file.replace(/\.astro$/, ''));
    expect([...componentNames].sort()).toEqual(files.sort());
    const declarations = await readFile(path.join(packageRoot, 'virtual.d.ts'), 'utf8');
    for (const name of componentNames) {
      expect(declarations).toContain(`declare module 'virtual:reading-guide/components/${name}' {\n  const Component: typeof import('./src/components/${name}.astro').default;`);
    }
  });

  it('are imported by name everywhere, never by file, so that a replacement is used on every page', async () => {
    const sources = (await readdir(path.join(packageRoot, 'src'), { recursive: true })).filter((file) => file.endsWith('.astro'));
    expect(sources.length).toBeGreaterThan(componentNames.length);
    for (const file of sources) {
      const text = await readFile(path.join(packageRoot, 'src', file), 'utf8');
      expect(text, file).not.toMatch(/from '[^']*\.astro'/);
    }
  });
});

// The options and components are told twice, in the repository's README and in the package's: both must say what the code does.
describe.each(['README.md', 'packages/reading-guide/README.md'])('%s', (readme) => {
  const text = readFileSync(path.join(projectRoot, readme), 'utf8');

  it('names every option of readingGuide() with its default, and no other', () => {
    const start = text.indexOf('| option | default | what it is |');
    expect(start, 'the table of options').toBeGreaterThan(-1);
    // The table runs to the first blank line.
    const table = text.slice(start, text.indexOf('\n\n', start));
    const rows = [...table.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map(([, name, shown]) => [name, shown]);
    const defaults = readingGuideOptions.parse({}) as Record<string, unknown>;
    const written = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));
    expect(rows).toEqual(Object.keys(readingGuideOptions.shape).map((name) => [name, written(defaults[name])]));
  });

  it('names every component a site may replace', () => {
    for (const name of componentNames) expect(text, name).toContain(`\`${name}\``);
  });
});
