/**
 * 长辈模式 (issue "Citizen experience" §2): larger type, higher contrast, fewer fields per step,
 * plainer words. One switch, on the home page and in 设置, remembered in storage so it survives an
 * app restart; every page reads it through `useElder()` and puts the `elder` class on its root
 * (components/Screen.tsx), where components/elder.css scales type and darkens greys.
 * H5 also takes `?elder=1` / `?elder=0` in the URL (for demos and the browser tests' first visit).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { followsLargeText } from './fontSize'

const KEY = 'pref:elder'

let on: boolean | undefined
const listeners = new Set<(on: boolean) => void>()

function fromUrl(): boolean | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  const { search, hash } = window.location
  for (const q of [search, hash.includes('?') ? hash.slice(hash.indexOf('?')) : '']) {
    const v = new URLSearchParams(q).get('elder')
    if (v === '1') return true
    if (v === '0') return false
  }
  return undefined
}

/** H5: the class on <html> too, so pickers and dialogs drawn outside the page grow with it. */
function reflect(value: boolean) {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('elder-root', value)
}

/**
 * WeChat's font size (px; 17 standard on iOS, 16 on Android; 关怀模式 sets 23.8) from getAppBaseInfo
 * (基础库 ≥ 2.23.4, getSystemInfoSync before it). H5: the browser's own default size (font-size: medium
 * resolves to the reader's browser setting, whatever the page sets on <html>). Undefined when unknown.
 */
export function platformFontSize(): number | undefined {
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (typeof document === 'undefined' || !document.body) return undefined
      const probe = document.createElement('span')
      probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
      document.body.appendChild(probe)
      const px = parseFloat(getComputedStyle(probe).fontSize)
      probe.remove()
      return Number.isFinite(px) ? px : undefined
    }
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : undefined
  } catch {
    return undefined
  }
}

/** True until the person has chosen a mode themselves (the home page offers 长辈模式 once). */
export function elderUnchosen(): boolean {
  try {
    const stored = Taro.getStorageSync(KEY)
    return stored === '' || stored === undefined || stored === null
  } catch {
    return false
  }
}

export function isElder(): boolean {
  if (on === undefined) {
    const url = fromUrl()
    if (url !== undefined) {
      on = url
      save(url)
    } else {
      try {
        const stored = Taro.getStorageSync(KEY)
        // nothing chosen yet: follow WeChat's own font size / 关怀模式 (issue 17)
        on = stored === '' || stored === undefined || stored === null ? followsLargeText(platformFontSize()) : stored === true || stored === '1'
      } catch {
        on = false
      }
    }
    reflect(on)
  }
  return on
}

function save(value: boolean) {
  try {
    Taro.setStorageSync(KEY, value)
  } catch {
    // storage unavailable: the mode holds for this visit only
  }
}

export function setElder(value: boolean): void {
  on = value
  save(value)
  reflect(value)
  listeners.forEach((l) => l(value))
}

/** The mode now, and again whenever the switch is flipped (on any page). */
export function useElder(): boolean {
  const [value, setValue] = useState(isElder)
  useEffect(() => {
    const l = (v: boolean) => setValue(v)
    listeners.add(l)
    // a page kept in the stack while the switch moved elsewhere catches up
    setValue(isElder())
    return () => {
      listeners.delete(l)
    }
  }, [])
  return value
}
