// @ts-check
import { defineConfig } from 'astro/config';
import readingGuide from 'reading-guide';

/** "/repo", "repo/" or "" become "/repo/" and "/": Astro wants both slashes. */
function basePath(path = '') {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  // SITE_URL and BASE_PATH come from the repository's Pages settings in the deploy workflow.
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: basePath(process.env.BASE_PATH),
  integrations: [readingGuide({ content: './content' })]
});
