/**
 * Fallback for platforms we do not build (and the file TypeScript sees). Taro resolves
 * `./backend` to `backend.weapp.ts` or `backend.h5.ts` at build time (MultiPlatformPlugin),
 * so this file is never bundled into the weapp or H5 output.
 */
import type { Attempt, Backend } from './backend.types'

export const init: Backend['init'] = () => {}

export const send: Backend['send'] = async (): Promise<Attempt> => ({
  kind: 'answer',
  body: { ok: false, error: { code: 'UNAVAILABLE', message: '当前平台暂不支持在线办理' } },
})

/** The demo identity (H5 only); '' elsewhere. */
export function currentIdentity(): string {
  return ''
}

export function switchIdentity(_openid?: string): string {
  return ''
}
