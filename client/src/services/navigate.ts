/**
 * One navigation per tap (issue 17: on a slow network a tile showed nothing for up to 15 s, and each
 * further tap stacked another page). While a page is opening, further taps are ignored and the caller
 * is told which target is opening so it can show it pressed and a loading screen at once.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/** After this long without an answer the lock lets go (a navigation that failed silently). */
const GIVE_UP_MS = 30000

let opening: string | null = null
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<(url: string | null) => void>()

function set(url: string | null) {
  opening = url
  if (timer) clearTimeout(timer)
  timer = url ? setTimeout(() => set(null), GIVE_UP_MS) : undefined
  listeners.forEach((l) => l(url))
}

/** Open a page unless one is already opening; resolves when it has opened (or failed). */
export async function openPage(url: string): Promise<void> {
  if (opening) return
  set(url)
  try {
    // H5 resolves before the new page's code has arrived: the loading screen stays until the page
    // that opened it is hidden (clearOpening from its onHide) or GIVE_UP_MS passes
    await Taro.navigateTo({ url })
  } catch {
    // the page stack is full (10 pages on weapp): replace this page instead of doing nothing
    await Taro.redirectTo({ url }).catch(() => set(null))
  }
}

/** The page that opened another is hidden (it opened) or shown again (back): taps work again. */
export function clearOpening(): void {
  if (opening) set(null)
}

/** The url being opened now (null when none), kept up to date. */
export function useOpening(): string | null {
  const [value, setValue] = useState<string | null>(opening)
  useEffect(() => {
    listeners.add(setValue)
    setValue(opening)
    return () => {
      listeners.delete(setValue)
    }
  }, [])
  return value
}
