import { defineConfig } from 'vitest/config';

/**
 * `npm run test:fault`: the fault suite (tests/fault), which kills and restarts a real server
 * process; kept out of `npm test` because it owns the machine's CPU for a minute or two. `.ci/run`
 * runs it on the embedded database and on PostgreSQL.
 */
export default defineConfig({
  test: {
    name: 'fault',
    include: ['tests/fault/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
