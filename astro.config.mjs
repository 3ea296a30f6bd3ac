// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { codeTheme } from './src/render/code-theme.ts';
import { guideSite } from './src/site/guide-integration.ts';
import { outputFolder } from './src/site/output-folder.ts';
import { searchIndex } from './src/site/search-index.ts';

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
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // GUIDE_CONTENT points the site at another content folder; the tests build fixture guides with it.
  integrations: [guideSite({ content: process.env.GUIDE_CONTENT ?? 'content' }), sitemap(), searchIndex(), outputFolder()],
  // The guide's Markdown is rendered by the pipeline (src/render); any other
  // Markdown goes through the same unified processor, with the commenters'
  // punctuation left as written.
  markdown: { processor: unified({ smartypants: false }), shikiConfig: { theme: codeTheme } },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Scripts are files of their own, fetched once and cached for every page,
      // rather than copied into each of thousands of pages.
      assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined),
      // Pages that are not built again are left in place; src/site/output-folder.ts
      // clears the rest of the output folder instead.
      emptyOutDir: false
    }
  },
  // A page whose getStaticPaths() gives a cache key (the digest of everything
  // it shows: src/site/views.ts) is not rendered again while its key and code
  // are unchanged; Astro copies the last build's page instead.
  experimental: { incrementalBuild: true }
});
