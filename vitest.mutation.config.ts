import { statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { sharedProject } from './vitest.config.js';

/**
 * Smallest test files first, in a fixed order. A mutant of a module-level table (the default
 * model, a schema, a label) is "static": no per-test coverage can place it, so Stryker runs every
 * file until one fails. Vitest's own order puts the slowest files first, so each such run would
 * wait for the big property suites before the small table tests that kill most of these mutants.
 */
class SmallestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = (file: TestSpecification) => statSync(file.moduleId).size;
    return [...files].sort((a, b) => size(a) - size(b) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}

/**
 * The `shared` project alone, for StrykerJS (`npm run test:mutation`, `stryker.config.mjs`): its
 * vitest runner takes a config file but no project filter, and mutants of the pure domain are
 * killed by the domain's own tests, never by the server or browser suites. Instrumented code on a
 * busy 2-core machine runs the property tests several times slower, hence the longer timeout.
 */
export default defineConfig({
  test: {
    sequence: { sequencer: SmallestFirstSequencer },
    projects: [{ ...sharedProject, test: { ...sharedProject.test, testTimeout: 60_000 } }],
  },
});
