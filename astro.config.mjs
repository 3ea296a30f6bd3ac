// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

/**
 * SITE_URL and BASE_PATH let the same build serve from a domain root or from a
 * sub-path such as https://<user>.github.io/<repo>/.
 */
export default defineConfig({
  site: process.env.SITE_URL,
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The guide's Markdown is rendered by the pipeline (src/render); any other
  // Markdown goes through the same unified processor, with the commenters'
  // punctuation left as written.
  markdown: { processor: unified({ smartypants: false }) },
  devToolbar: { enabled: false }
});
