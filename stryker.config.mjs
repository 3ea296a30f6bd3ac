// @ts-check
/**
 * `npm run mutation`: Stryker changes the code of the load and graph stages and
 * the packages one small mutation at a time and runs the tests that cover
 * each change; a mutant the tests do not notice shows a gap in them. Not
 * part of `npm test`: it takes the better part of an hour on two cores. The
 * last run's results are kept in reports/mutation/ (ignored by git), so that
 * a run after an edit tests only the mutants the edit touched.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'packages/reading-guide/src/load/**/*.ts',
    'packages/reading-guide/src/graph/**/*.ts',
    // What the load and graph stages share, in the model.
    'packages/reading-guide/src/model/{schema,diagnostics,commenters,text-quote}.ts',
    'packages/*/lib/**/*.js'],
  coverageAnalysis: 'perTest',
  // A mutant of what runs as a module loads (the rule list, the schemas' descriptions) would need every test run
  // afresh, for each of some hundreds of them; they are left out, and the score is of the code that runs per test.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: 'reports/mutation/.stryker-tmp',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  cleanTempDir: 'always'
};
