import type { UserConfigExport } from '@tarojs/cli';

/** Watch builds (`npm run dev:*`): readable output, webpack stats on the console. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
