// @ts-check
import { defineConfig } from 'astro/config';
import readingGuide from 'reading-guide';

/**
 * Where the site is published. SITE_URL and BASE_PATH come from the Pages
 * configuration in the deploy workflow, so a fork publishes to its own
 * https://<user>.github.io/<repo>/ without edits; without them the site is
 * built for the root of a local server.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';

/** "/repo", "repo/" or "" become "/repo/" and "/": Astro wants both slashes. */
function basePath(path = '') {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  site,
  // Where Astro keeps its cache between builds; the determinism test gives each build its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  base: basePath(process.env.BASE_PATH),
  build: { concurrency: 4 },
  // GUIDE_CONTENT points the site at another content folder; the tests build fixture guides with it.
  integrations: [readingGuide({ content: process.env.GUIDE_CONTENT ?? './content' })],
  devToolbar: { enabled: false }
});
