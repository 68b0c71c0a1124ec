import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro's mini-program terser writes every non-ASCII character as \uXXXX (6 bytes instead of 3):
  // with the region names and Chinese messages that is a large share of the main package.
  // The mini-program runtime reads UTF-8 sources, so keep the characters as they are.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
