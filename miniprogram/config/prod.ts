import type { UserConfigExport } from '@tarojs/cli';

/** Release builds (`npm run build:*`): Taro minifies by default; nothing to add yet. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
