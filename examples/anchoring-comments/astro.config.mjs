// @ts-check
// The demonstration guide's site: the integration with its defaults, as a
// guide made by `npm create reading-guide` has it. Its contributing guide is
// the repository's own, whose rules hold for any guide.
import { defineConfig } from 'astro/config';
import readingGuide from 'reading-guide';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  // Each test build gives the site a cache folder of its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  integrations: [readingGuide({ contributing: '../../CONTRIBUTING.md' })],
  devToolbar: { enabled: false }
});
