import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  // Rebuilds in watch mode are much faster with webpack's persistent cache (kept under
  // node_modules/.cache, so CI never depends on ~/.taro4.0).
  cache: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
