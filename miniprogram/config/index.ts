/**
 * Taro build configuration (Taro 4, webpack5 runner). One file for both targets:
 * `taro build --type weapp` → dist/weapp (what the root project.config.json opens),
 * `taro build --type h5` → dist/h5 (served by `npm start`, driven by the browser tests).
 * https://docs.taro.zone/docs/config
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { type BuildSettings, BuildSettingsError, resolveBuildSettings } from './build-settings';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * `@scrm/shared` is TypeScript source reached through the workspace symlink
 * node_modules/@scrm/shared → ../../shared. webpack resolves symlinks to their real path, and
 * Taro's script rule only transpiles `src/` (plus Taro's own packages), so without this the
 * shared `.ts` files would reach the bundle untranspiled and fail to parse.
 */
const sharedSourceDir = path.resolve(__dirname, '..', '..', 'shared');

/**
 * npm keeps @tarojs/plugin-framework-react inside this workspace's node_modules (its optional
 * `vite@^4` peer clashes with the root's vite), while @tarojs/taro-h5 is hoisted to the root and
 * imports the framework runtime from there. Searching this folder last lets that import resolve.
 */
const workspaceModulesDir = path.resolve(__dirname, '..', 'node_modules');

/**
 * The shared code is Node-style ESM: its relative imports name the emitted file (`./fields.js`)
 * so that the API runs on Node without a bundler. webpack maps each `.js` back to its `.ts` source.
 */
function resolveSharedSources(chain: { resolve: { set(key: string, value: unknown): unknown } }) {
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] });
}

/**
 * zod 4 ships ES2018–ES2020 syntax (`?.`, `??`, object spread) that older iOS JavaScriptCore cannot
 * parse, and WeChat's DevTools ES5 setting stays off (ADR 013): Taro's babel compiles it like our
 * own code, to the targets of package.json's `browserslist`.
 */
const zodDir = path.dirname(require.resolve('zod/package.json'));

/**
 * The API origin, AppID and template ids (config/build-settings.ts). A release build
 * (`--mode release`) that would not work on a phone stops here, before webpack starts, with every
 * problem listed; Taro only logs an exception thrown from this file, so the exit is explicit.
 */
function readBuildSettings(platform: string | undefined, mode: string): BuildSettings {
  try {
    return resolveBuildSettings({ platform, isRelease: mode === 'release', env: process.env });
  } catch (error) {
    if (!(error instanceof BuildSettingsError)) throw error;
    console.error(`\n${error.message}\nSee README → "Publishing to WeChat".\n`);
    process.exit(1);
  }
}

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV;
  const settings = readBuildSettings(platform, mode);
  // Taro writes the built project.config.json with `process.env.TARO_APP_ID` as its appid.
  if (settings.appId) process.env.TARO_APP_ID = settings.appId;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'edu-scrm',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target so that a weapp and an H5 build never overwrite each other.
    outputRoot: `dist/${platform ?? 'unknown'}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(settings.apiBase),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(settings.templateIds),
    },
    // Read from the repository root's DevTools project and written into dist/weapp with the
    // build's AppID and `miniprogramRoot: './'`: the folder a release is opened or uploaded from.
    projectConfigName: '../project.config.json',
    // The browser asks every page for /favicon.ico; the weapp build needs none (it is no asset there).
    copy: {
      patterns: platform === 'h5' ? [{ from: 'src/favicon.ico', to: 'dist/h5/favicon.ico' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSourceDir, zodDir] },
      webpackChain: resolveSharedSources,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the API serves the H5 build at `/` and needs no history fallback route.
      router: { mode: 'hash' },
      compile: { include: [sharedSourceDir] },
      webpackChain(chain) {
        resolveSharedSources(chain);
        chain.resolve.modules.add('node_modules').add(workspaceModulesDir);
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
