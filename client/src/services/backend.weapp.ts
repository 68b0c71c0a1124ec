/**
 * Mini-program backend: one cloud function per audience (shared/api.ts ACTIONS[action].fn);
 * the function answers with the same `{ ok, data | error }` envelope as the local gateway.
 * The caller's identity is the WeChat openid, taken by the cloud from the call context.
 */
import Taro from '@tarojs/taro'
import { ACTIONS } from '@shared/api'
import { isEnvelope, type Attempt, type Backend } from './backend.types'

export const init: Backend['init'] = () => {
  if (process.env.TARO_ENV !== 'weapp') return
  const cloud = Taro.cloud as unknown as { init(o: object): void; DYNAMIC_CURRENT_ENV: string }
  // CLOUD_ENV comes from config defineConstants; '' = the env the mini-program is bound to.
  cloud.init({ env: CLOUD_ENV || cloud.DYNAMIC_CURRENT_ENV, traceUser: true })
}

export const send: Backend['send'] = async (action, input, timeoutMs): Promise<Attempt> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'transient', reason: 'timeout' }), timeoutMs)
  })
  const call = Taro.cloud
    .callFunction({ name: ACTIONS[action].fn, data: { action, input } })
    .then((res): Attempt => {
      const body = (res as { result?: unknown }).result
      if (isEnvelope(body)) return { kind: 'answer', body }
      // The function ran but did not answer with an envelope: a bug on our side, not the network.
      return { kind: 'answer', body: { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } }
    })
    // callFunction rejects on network loss, function timeout or a cold-start failure
    // (errCode -1 / -504003 / -404011…): all worth one more try with the same requestId.
    .catch((e: { errCode?: number; errMsg?: string }): Attempt => ({ kind: 'transient', reason: String(e?.errCode ?? e?.errMsg ?? e) }))
  try {
    return await Promise.race([call, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export function currentIdentity(): string {
  return ''
}

export function switchIdentity(_openid?: string): string {
  return ''
}
