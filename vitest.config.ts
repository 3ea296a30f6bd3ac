import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.{ts,js}', 'tests/guide/**/*.test.ts', 'tests/repository/**/*.test.ts', 'tests/bench/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/*/test/fixtures/**'],
    globalSetup: ['packages/reading-guide/test/helpers/temporary-folder.ts'],
    // The build tests run `astro build`; each takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
