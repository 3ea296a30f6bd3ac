/**
 * The tests `npm run mutation` runs against each mutant of src/load,
 * src/graph and the packages: the unit tests that exercise them on small
 * guides, and the packages' own tests, in this process. Tests that run the
 * checker or a build in a child process are left out, as a mutant lives only
 * in the process Stryker instruments, and so are those that compile a whole
 * guide, which would take hours over two thousand mutants.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  test: {
    ...base.test,
    include: [
      'packages/reading-guide/test/unit/load-content.test.ts',
      'packages/reading-guide/test/unit/front-matter.test.ts',
      'packages/reading-guide/test/unit/build-graph.test.ts',
      'packages/reading-guide/test/unit/passage-index.test.ts',
      'packages/reading-guide/test/unit/invalid-content.test.ts',
      'packages/reading-guide/test/unit/check-links.test.ts',
      'packages/reading-guide/test/unit/diagnostics.test.ts',
      'packages/reading-guide/test/unit/text-quote.test.ts',
      'packages/*/test/**/*.test.js',
      'packages/reading-guide/test/model/**/*.test.ts',
      'packages/reading-guide/test/plugins/**/*.test.ts',
      'packages/reading-guide/test/unit/capture-check.test.ts',
      'packages/reading-guide/test/unit/commenters.test.ts',
      'packages/reading-guide/test/unit/compile-cache.test.ts',
      'packages/reading-guide/test/unit/quoted-passage.test.ts'
    ]
  }
});
