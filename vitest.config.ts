import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/guide/**/*.test.ts', 'tests/build/**/*.test.ts', 'packages/*/test/**/*.test.js', 'packages/reading-guide/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    // The build tests run `astro build`; each takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
