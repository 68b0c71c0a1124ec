import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { PageHintsPlugin, PrecompressPlugin, PREFETCH_TEMPLATE_ID } from './h5-delivery'

// The project's shared rules (schemas, code tables, API contract) live in the repository's shared/ folder, outside
// src/. Taro's script rule only transpiles src/ and taro packages, so we add the folder.
// realpath: webpack matches rules against resolved (symlink-free) paths.
const SHARED_DIR = fs.realpathSync(path.resolve(__dirname, '..', '..', 'shared'))

// zod's index of its 50 locales, replaced by the two the client uses (src/services/zod-locales.ts):
// ≈ 200 KB less in every package that validates. Matched on the resolved file.
const ZOD_LOCALES = /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/
const ZOD_LOCALES_SHIM = path.resolve(__dirname, '..', 'src', 'services', 'zod-locales.ts')
const slimZod = (chain: { plugin: (name: string) => { use: (p: unknown, args: unknown[]) => unknown } }, webpack: { NormalModuleReplacementPlugin: unknown }) => {
  chain.plugin('zod-locales').use(webpack.NormalModuleReplacementPlugin, [ZOD_LOCALES, ZOD_LOCALES_SHIM])
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiuye-dengji',
    date: '2026-11-23',
    // 750 = 1 rpx per design px; every size in our CSS is written at 750 width (88px ≈ 44pt tap).
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // the product's shared rules, schemas and code tables (repository `shared/`), imported as @shared/…
    alias: { '@shared': SHARED_DIR },
    // TARO_OUTPUT_ROOT lets a second build run beside the usual one (tests then read it through
    // WEAPP_DIR / STATIC_DIR); by default dist/weapp and dist/h5
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Empty string = use cloud.DYNAMIC_CURRENT_ENV (the env the mini-program is bound to).
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || ''),
      // H5: where index.html keeps the forms' prefetch hints until home is shown (src/services/prefetch.ts)
      PREFETCH_TEMPLATE_ID: JSON.stringify(PREFETCH_TEMPLATE_ID),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The webpack cache lives in node_modules/.cache, not ~/.taro4.0, and only speeds up rebuilds.
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_DIR] },
      webpackChain(chain, webpack) {
        slimZod(chain, webpack)
      },
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
      webpackChain(chain, webpack) {
        slimZod(chain, webpack)
        // Taro splits only the initial chunks, so every page carried its own copy of zod, the
        // region table and the shared rules (8 MB of page chunks). Shared modules of the pages now
        // go to chunks of their own, fetched once and cached.
        chain.optimization.splitChunks({
          chunks: 'all',
          hidePathInfo: true,
          minSize: 20000,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            common: { name: false, minChunks: 2, priority: 1, reuseExistingChunk: true },
            vendors: { name: false, minChunks: 2, test: /[\\/]node_modules[\\/]/, priority: 10, reuseExistingChunk: true },
            taro: { name: false, test: (m: { context?: string }) => /@tarojs[\\/]/.test(m.context ?? ''), priority: 100, chunks: 'initial' },
          },
        })
        // home's chunks fetched with index.html; the forms behind its tiles prefetched (docs/performance.md "H5")
        chain.plugin('page-hints').use(PageHintsPlugin, [{
          preload: ['src/pages/index/index'],
          prefetch: ['src/packageForms/unemployment/index', 'src/packageForms/certificate-apply/index', 'src/packageForms/flexible/index'],
        }])
        // brotli + gzip siblings of every text file, sent by the gateway (cloudfunctions/gateway/static.ts)
        chain.plugin('precompress').use(PrecompressPlugin)
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
