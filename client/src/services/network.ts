/**
 * Is the phone online? H5: `navigator.onLine` and the window's online/offline events; weapp:
 * `Taro.getNetworkType` + `Taro.onNetworkStatusChange`. Used by the offline banner and by the
 * outbox (services/outbox.ts), which sends kept submissions when the network comes back.
 * "Online" only means a network is there: a request can still be lost, which cloud.ts retries.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

let online = true
let started = false
const listeners = new Set<(online: boolean) => void>()

function set(value: boolean) {
  if (value === online) return
  online = value
  listeners.forEach((l) => l(value))
}

export function startNetworkWatch(): void {
  if (started) return
  started = true
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined') return
    online = navigator.onLine !== false
    window.addEventListener('online', () => set(true))
    window.addEventListener('offline', () => set(false))
    return
  }
  try {
    Taro.getNetworkType({ success: (r) => set(r.networkType !== 'none') })
    Taro.onNetworkStatusChange((r) => set(!!r.isConnected))
  } catch {
    // an environment without the network API: assume online, requests will tell
  }
}

export function isOnline(): boolean {
  startNetworkWatch()
  return online
}

/** Returns the unsubscribe function. */
export function onNetworkChange(listener: (online: boolean) => void): () => void {
  startNetworkWatch()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useOnline(): boolean {
  const [value, setValue] = useState(isOnline)
  useEffect(() => {
    setValue(isOnline())
    return onNetworkChange(setValue)
  }, [])
  return value
}
