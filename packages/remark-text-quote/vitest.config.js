import { defineConfig } from 'vitest/config';

// The package's own tests, run from its folder; the repository's `npm run test:unit` runs them too.
export default defineConfig({ test: { include: ['test/**/*.test.js'] } });
