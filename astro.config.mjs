// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { codeTheme } from './src/render/code-theme.ts';
import { guideSite } from './src/site/guide-integration.ts';
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
  integrations: [guideSite({ content: process.env.GUIDE_CONTENT ?? 'content' }), sitemap(), searchIndex()],
  // The guide's Markdown is rendered by the pipeline (src/render); any other
  // Markdown goes through the same unified processor, with the commenters'
  // punctuation left as written.
  markdown: { processor: unified({ smartypants: false }), shikiConfig: { theme: codeTheme } },
  devToolbar: { enabled: false }
});
