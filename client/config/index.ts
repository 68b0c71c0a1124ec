import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// The project's shared rules (schemas, code tables, API contract) live in the repository's shared/ folder, outside
// src/. Taro's script rule only transpiles src/ and taro packages, so we add the folder.
// realpath: webpack matches rules against resolved (symlink-free) paths.
const SHARED_DIR = fs.realpathSync(path.resolve(__dirname, '..', '..', 'shared'))

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiuye-dengji',
    date: '2026-11-23',
    // 750 = 1 rpx per design px; every size in our CSS is written at 750 width (88px ≈ 44pt tap).
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Empty string = use cloud.DYNAMIC_CURRENT_ENV (the env the mini-program is bound to).
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The webpack cache lives in node_modules/.cache, not ~/.taro4.0, and only speeds up rebuilds.
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_DIR] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // The gateway serves the build statically at `/`; hash routing needs no server rewrites.
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_DIR] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
