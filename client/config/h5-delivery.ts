import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Compiler } from 'webpack'

/**
 * H5 build: writes `<file>.br` and `<file>.gz` next to each text asset, so the gateway
 * (cloudfunctions/gateway/static.ts) sends them without compressing at request time. At build
 * time brotli can use its slowest, smallest setting (quality 11). docs/performance.md "H5".
 */
const TEXT = /\.(js|css|html|json|svg)$/
const MIN_BYTES = 256

export class PrecompressPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // after minification and after html-webpack-plugin wrote index.html
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!TEXT.test(name)) continue
            const raw = compilation.getAsset(name)!.source.buffer()
            if (raw.length < MIN_BYTES) continue
            const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            compilation.emitAsset(`${name}.br`, new sources.RawSource(br), { compressed: true, development: false })
            compilation.emitAsset(`${name}.gz`, new sources.RawSource(gzipSync(raw, { level: 9 })), { compressed: true, development: false })
          }
        },
      )
    })
  }
}

/**
 * The id of the <template> holding the prefetch hints; the client reads it as the build constant
 * PREFETCH_TEMPLATE_ID (config/index.ts defineConstants, src/services/prefetch.ts).
 */
export const PREFETCH_TEMPLATE_ID = 'page-prefetch'

interface ModuleLike { resource?: string; rootModule?: ModuleLike; modules?: ModuleLike[] }

/** Every source file a module stands for (a concatenated module stands for several). */
function resourcesOf(m: ModuleLike): string[] {
  const own = m.resource ? [m.resource.split('?')[0]] : []
  const inner = m.modules ? m.modules.flatMap(resourcesOf) : m.rootModule ? resourcesOf(m.rootModule) : []
  return [...own, ...inner]
}

/**
 * H5 build: index.html names the files of the pages a visitor needs next, so the browser fetches
 * them without waiting for the JavaScript that would ask for them.
 * - preload: the home page's chunks (the router would request them only after app.js has run:
 *   one more round trip, 400 ms on slow 3G).
 * - prefetch: the pages behind home's tiles (the forms). Fetched once home is shown, kept
 *   in the HTTP cache (their names are hashed: a year, immutable), so a tap finds them there —
 *   the H5 counterpart of the mini-program's preloadRule (src/app.config.ts).
 * Pages are matched by their source path (e.g. `src/pages/index/index`).
 */
export class PageHintsPlugin {
  constructor(private readonly pages: { preload: string[]; prefetch: string[] }) {}

  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('PageHintsPlugin', (compilation) => {
      // the html-webpack-plugin instance Taro's runner uses (hooks are per module instance)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }))
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PageHintsPlugin', (data: { headTags: unknown[]; publicPath: string }) => {
        const filesOf = (page: string): string[] => {
          const wanted = page.replace(/\\/g, '/')
          const files = new Set<string>()
          for (const group of compilation.chunkGroups) {
            const hasPage = group.chunks.some((chunk) => [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((m) =>
              resourcesOf(m as unknown as ModuleLike).some((r) => r.replace(/\\/g, '/').replace(/\.[jt]sx?$/, '').endsWith(wanted))))
            if (!hasPage || group.isInitial()) continue
            for (const chunk of group.chunks) for (const f of chunk.files) if (/\.(js|css)$/.test(f)) files.add(f)
          }
          return [...files]
        }
        const base = data.publicPath ?? '/'
        const tag = (rel: string, file: string) => ({
          tagName: 'link', voidTag: true, meta: { plugin: 'PageHintsPlugin' },
          attributes: { rel, href: base + file, ...(rel === 'preload' ? { as: file.endsWith('.css') ? 'style' : 'script' } : {}) },
        })
        const preloaded = new Set(this.pages.preload.flatMap(filesOf))
        for (const f of preloaded) data.headTags.push(tag('preload', f))
        // The prefetch hints wait in an inert <template> until home is on the screen
        // (services/prefetch.ts): as plain <link>s they were fetched with home's own files and,
        // on slow 3G, shared its bandwidth (app.js arrived ≈ 2.5 s later).
        const prefetched = [...new Set(this.pages.prefetch.flatMap(filesOf).filter((f) => !preloaded.has(f)))]
        if (prefetched.length > 0) {
          data.headTags.push({
            tagName: 'template', voidTag: false, meta: { plugin: 'PageHintsPlugin' },
            attributes: { id: PREFETCH_TEMPLATE_ID },
            innerHTML: prefetched.map((f) => `<link rel="prefetch" href="${base + f}">`).join(''),
          })
        }
        return data
      })
    })
  }
}
