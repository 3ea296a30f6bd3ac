/**
 * The tests `npm run mutation` runs against each mutant of src/load,
 * src/graph and the packages: the unit tests that exercise them on small
 * guides, and the packages' own tests, in this process. Tests that run the
 * checker or a build in a child process are left out, as a mutant lives only
 * in the process Stryker instruments, and so are those that compile the
 * whole shipped guide, which would take hours over two thousand mutants.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: {
    ...base.test,
    include: [
      'tests/unit/load-content.test.ts',
      'tests/unit/front-matter.test.ts',
      'tests/unit/build-graph.test.ts',
      'tests/unit/passage-index.test.ts',
      'tests/unit/invalid-content.test.ts',
      'tests/unit/check-links.test.ts',
      'tests/unit/diagnostics.test.ts',
      'tests/unit/text-quote.test.ts',
      'packages/*/test/**/*.test.js',
      'packages/reading-guide/test/**/*.test.ts',
      'tests/unit/capture-check.test.ts',
      'tests/unit/commenters.test.ts',
      'tests/unit/compile-cache.test.ts',
      'tests/unit/quoted-passage.test.ts'
    ]
  }
});
