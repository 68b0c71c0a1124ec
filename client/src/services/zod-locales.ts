/**
 * What the client build uses of zod's locales, in place of zod's index of all 50 (client/config:
 * NormalModuleReplacementPlugin). shared/zod-kit.ts switches zod to Chinese (zhCN); zod itself
 * starts in English (en). The other 48 languages were ≈ 200 KB in every package that validates
 * (docs/performance.md "Mini-program").
 */
export { default as zhCN } from 'zod/v4/locales/zh-CN.js'
export { default as en } from 'zod/v4/locales/en.js'
