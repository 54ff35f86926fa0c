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

/** The DOM features Taro's runtime compiles in or out (`mini.runtime` / the webpack runner's defines). */
const TARO_RUNTIME_FEATURES = [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
];

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
          include: ['server/**/*.test.ts', 'api/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
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
        // Components render as the H5 build ships them: @tarojs/components is its React library
        // of web components, and Taro's runtime needs the constants its build defines.
        resolve: {
          alias: [{ find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' }],
        },
        define: {
          ...Object.fromEntries(TARO_RUNTIME_FEATURES.map((feature) => [feature, 'true'])),
          'process.env.TARO_ENV': '"h5"',
          'process.env.TARO_PLATFORM': '"web"',
          'process.env.FRAMEWORK': '"react"',
          'process.env.SUPPORT_TARO_POLYFILL': '"disabled"',
          DEPRECATED_ADAPTER_COMPONENT: 'false',
          // The app's own build-time constant (miniprogram/config): the H5 build's same origin.
          API_BASE: '""',
        },
        test: {
          name: 'miniprogram',
          include: ['miniprogram/src/**/*.test.{ts,tsx}', 'miniprogram/config/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
    ],
  },
});
