/**
 * WeChat's privacy-guide flow (用户隐私保护指引, since base library 2.32.3): with `__usePrivacyCheck__`
 * in app.json, the first call of a privacy API (人脸核身, clipboard, camera for 扫码…) waits for the
 * person's answer: `wx.onNeedPrivacyAuthorization` hands us a `resolve`, the page shows the guide, and
 * the person agrees (a `<button open-type="agreePrivacyAuthorization">`, whose id goes back in
 * `resolve`) or declines (the API then fails, and the page says what they can do instead).
 * 个人信息保护法 十七条: tell before collecting. The pending answer lives here; components/PrivacyDialog.tsx
 * renders it on whatever page is shown.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

export const AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (o: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

let pending: Resolve | null = null
const listeners = new Set<(open: boolean) => void>()
const tell = () => listeners.forEach((l) => l(pending !== null))

/** Called once at launch (weapp): from then on every privacy API waits for the person's answer. */
export function startPrivacyGuide(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void }).onNeedPrivacyAuthorization
  if (typeof on !== 'function') return // an older base library: no privacy check to answer
  on((resolve) => {
    // a second request while one is shown: the newest answer settles both
    const earlier = pending
    pending = (o) => {
      earlier?.(o)
      resolve(o)
    }
    resolve({ event: 'exposureAuthorization' })
    tell()
  })
}

/** The person's answer: `agree` only from the agree button's own event (WeChat checks it was tapped). */
export function answerPrivacy(agree: boolean): void {
  const r = pending
  pending = null
  tell()
  r?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
}

/** The guide as configured in the mini-program's admin console (微信公众平台 → 用户隐私保护指引). */
export function openPrivacyContract(): void {
  const open = (Taro as unknown as { openPrivacyContract?: (o: object) => Promise<unknown> }).openPrivacyContract
  if (typeof open === 'function') void open({}).catch(() => undefined)
  else void Taro.navigateTo({ url: '/pages/privacy/index' })
}

/** Whether the privacy dialog should show now. */
export function usePrivacyRequest(): boolean {
  const [open, setOpen] = useState(pending !== null)
  useEffect(() => {
    listeners.add(setOpen)
    setOpen(pending !== null)
    return () => {
      listeners.delete(setOpen)
    }
  }, [])
  return open
}
