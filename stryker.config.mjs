// @ts-check
/**
 * Mutation testing of the pure domain (issue 10): StrykerJS changes one operator, literal or
 * condition at a time in `shared/{scoring,lifecycle,journey,routing,lead}` and runs the `shared`
 * vitest project against each change; a change no test notices is a bug the tests would let
 * through. `npm run test:mutation`; CI runs it too (`.ci/run`) and fails under 90%.
 *
 * Incremental: results are kept in `tests/mutation/stryker-incremental.json` (committed), so a run
 * re-tests only mutants whose code or covering tests changed since the file was written. Run it
 * and commit the updated file with every change to these folders; `-- --force` re-tests everything.
 *
 * Equivalent mutants (no test can tell them apart from the code) are marked where they occur with
 * `// Stryker disable next-line <mutator>: <reason>`, never by leaving files out.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // Each mutant runs only the tests that executed its code in the first, instrumented run.
  coverageAnalysis: 'perTest',
  mutate: [
    'shared/{scoring,lifecycle,journey,routing,lead}/**/*.ts',
    '!shared/**/*.test.ts',
    // Builders of sample signals for tests and benches: test code, not domain rules.
    '!shared/**/*-test-kit.ts',
  ],
  // The sandbox needs the domain, the vitest configs and the test setup; not the apps around it.
  ignorePatterns: ['miniprogram', 'server', 'api', 'scripts', 'docs', '.data', 'test-results', 'coverage'],
  incremental: true,
  incrementalFile: 'tests/mutation/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress-append-only', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // Property tests run 100 cases each: a busy shared machine must not turn slow runs into timeouts.
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
