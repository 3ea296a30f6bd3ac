// @ts-check
/**
 * The benchmark's baseline: a plain Astro site that builds the same Markdown
 * as the guide through Astro's unified processor, with no plugins of ours.
 */
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  markdown: { processor: unified() },
  devToolbar: { enabled: false }
});
