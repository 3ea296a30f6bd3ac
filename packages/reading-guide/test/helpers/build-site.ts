/**
 * `astro build` of this project in a child process, as a user runs it, into a
 * fresh output folder, from clean: each build gets its own Astro cache
 * folder. Builds that shared one would share its content store and search
 * index, so two of them running side by side (Playwright runs files in
 * parallel) could each publish the other's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../../../..');
const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

// Vitest exports Vite's own variables (BASE_URL, MODE, …) to the environment,
// where they would override the child build's configuration, and its own
// (VITEST, NODE_ENV=test, …), which turn Astro's dev server off.
const testRunnerVariables = /^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST(_.*)?)$/;

/** This process's environment as a user's shell would have it, with `environment` added. */
export function userEnvironment(environment: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !testRunnerVariables.test(name)));
  return { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1', ...environment };
}

export interface BuiltSite {
  status: number | null;
  /** Standard output and standard error, as a user would see them. */
  output: string;
  outDir: string;
}

/**
 * Builds the site with `environment` (GUIDE_CONTENT, BASE_PATH, SITE_URL, …)
 * added to this process's; from clean, unless `folders` names the cache and
 * output folders of an earlier build, as a warm build in the same checkout has.
 * `folders.root` builds another site (a fixture site with an astro.config.mjs of its own).
 */
export function buildSite(environment: Record<string, string | undefined> = {}, folders: { cacheDir?: string; outDir?: string; root?: string } = {}): BuiltSite {
  const cacheDir = folders.cacheDir ?? mkdtempSync(path.join(tmpdir(), 'guide-cache-'));
  const outDir = folders.outDir ?? mkdtempSync(path.join(tmpdir(), 'guide-dist-'));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: folders.root ?? projectRoot,
    encoding: 'utf8',
    env: userEnvironment({ ASTRO_CACHE_DIR: cacheDir, ...environment })
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
