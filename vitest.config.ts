import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The pure domain's suites; also the one project mutation testing runs (`vitest.mutation.config.ts`). */
export const sharedProject: TestProjectInlineConfiguration = {
  test: {
    name: 'shared',
    include: ['shared/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
  },
};

/**
 * One runner for every suite. Projects split the environments: the pure domain and the server run
 * in Node; the mini-program's modules run in happy-dom.
 */
export default defineConfig({
  test: {
    projects: [
      sharedProject,
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'api/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // A new visitor's journey through `npm start`'s server in headless Chromium (issue 5).
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'miniprogram',
          include: ['miniprogram/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
    ],
  },
});
