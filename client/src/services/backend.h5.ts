/**
 * H5 backend: the local gateway (docs/api.md) at `POST /api/<action>`.
 * Taro.cloud does not exist in the H5 build, so identity is a demo openid sent as
 * `X-Dev-Openid`; the gateway trusts it only in local mode.
 */
import Taro from '@tarojs/taro'
import { isEnvelope, type Attempt, type Backend } from './backend.types'
import { uuid } from './ids'

const IDENTITY_KEY = 'demo-openid'

let identity = ''

function readAsParam(): string | undefined {
  if (typeof window === 'undefined') return undefined
  // Hash routing puts the page's query after '#': accept `?as=` on either side of it.
  const { search, hash } = window.location
  const queries = [search, hash.includes('?') ? hash.slice(hash.indexOf('?')) : '']
  for (const q of queries) {
    const v = new URLSearchParams(q).get('as')
    if (v && /^[\w.-]{1,64}$/.test(v)) return v
  }
  return undefined
}

/** A random `demo-<uuid>` on first launch, kept in storage; `?as=<openid>` in the URL switches. */
export const init: Backend['init'] = () => {
  const fromUrl = readAsParam()
  if (fromUrl) {
    identity = fromUrl
    Taro.setStorageSync(IDENTITY_KEY, identity)
    return
  }
  identity = Taro.getStorageSync(IDENTITY_KEY) || ''
  if (!identity) switchIdentity()
}

export function currentIdentity(): string {
  if (!identity) init()
  return identity
}

/** For demos: become another citizen (a fresh one when no openid is given). */
export function switchIdentity(openid?: string): string {
  identity = openid || `demo-${uuid()}`
  Taro.setStorageSync(IDENTITY_KEY, identity)
  return identity
}

export const send: Backend['send'] = async (action, input, timeoutMs): Promise<Attempt> => {
  try {
    const res = await Taro.request({
      url: `/api/${action}`,
      method: 'POST',
      data: input,
      header: { 'Content-Type': 'application/json', 'X-Dev-Openid': currentIdentity() },
      dataType: 'json',
      timeout: timeoutMs,
    })
    const status = res.statusCode
    const body: unknown = res.data
    const envelope = isEnvelope(body) ? body : undefined
    // Gateway/proxy trouble: the call may not have been handled; the requestId makes a resend safe.
    if (status === 502 || status === 503 || status === 504) return { kind: 'transient', reason: `http ${status}`, body: envelope }
    if (envelope) return { kind: 'answer', status, body: envelope }
    // Something answered that is not our gateway (no server, a static file server's 404 page…).
    return { kind: 'answer', status, body: { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } }
  } catch (e) {
    return { kind: 'transient', reason: String((e as { errMsg?: string })?.errMsg ?? e) }
  }
}
