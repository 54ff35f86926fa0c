import { defineConfig } from 'vitest/config';
import { sharedProject } from './vitest.config.js';

/**
 * The `shared` project alone, for StrykerJS (`npm run test:mutation`, `stryker.config.mjs`): its
 * vitest runner takes a config file but no project filter, and mutants of the pure domain are
 * killed by the domain's own tests, never by the server or browser suites.
 */
export default defineConfig({ test: { projects: [sharedProject] } });
