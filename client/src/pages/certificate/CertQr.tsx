import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '../../components/Button'
import { localExpiry, qrImage } from './qr'

/** A new code about every minute; a token lives two minutes, so one lost refresh still leaves a valid code. */
export const REFRESH_MS = 60_000
/** After a failed refresh (weak network), try again this soon rather than waiting a full minute. */
const RETRY_MS = 10_000

export interface CertQrProps {
  token: string
  expiresAt?: string
  /** when this page received the token (phone clock) */
  receivedAt: number
  /** false while the page is hidden: no timers, no calls */
  active: boolean
  /** fetches a fresh token; resolves false when the cloud could not be reached */
  onRefresh: () => Promise<boolean>
}

/**
 * The certificate's QR (docs/product.md flow 6). A screenshot goes stale: the code is replaced about
 * every 60 s, and once the token's lifetime has passed without a new one (offline) the code is
 * covered and says so, instead of looking valid. The token itself is never shown as text.
 */
export function CertQr({ token, expiresAt, receivedAt, active, onRefresh }: CertQrProps) {
  const image = useMemo(() => qrImage(token), [token])
  const expiry = useMemo(() => localExpiry(token, expiresAt, receivedAt), [token, expiresAt, receivedAt])
  const [now, setNow] = useState(() => Date.now())
  const [failedAt, setFailedAt] = useState<number | undefined>()
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  // Two stacked images: the new code loads underneath and replaces the old one only once it is
  // drawn, so the staff member's scanner never sees a blank frame (no flicker).
  const [slots, setSlots] = useState<[string, string]>([image.url, ''])
  const [front, setFront] = useState<0 | 1>(0)
  const back: 0 | 1 = front === 0 ? 1 : 0
  useEffect(() => {
    if (slots[front] === image.url) return
    setSlots((s) => {
      const next: [string, string] = [s[0], s[1]]
      next[back] = image.url
      return next
    })
    // Should the platform never report the load, show the new code anyway.
    const t = setTimeout(() => setFront(back), 1500)
    return () => clearTimeout(t)
  }, [image.url])

  const refresh = async () => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    const ok = await onRefresh()
    busyRef.current = false
    setBusy(false)
    setFailedAt(ok ? undefined : Date.now())
  }

  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [active])

  const due = failedAt !== undefined ? failedAt + RETRY_MS : receivedAt + REFRESH_MS
  useEffect(() => {
    if (active && now >= due && !busyRef.current) void refresh()
  }, [active, now, due])

  const expired = now >= expiry
  const secondsToRefresh = Math.max(0, Math.ceil((receivedAt + REFRESH_MS - now) / 1000))
  const secondsToExpiry = Math.max(0, Math.ceil((expiry - now) / 1000))

  return (
    <View className='qr'>
      <View className={`qr__frame${expired ? ' qr__frame--expired' : ''}`}>
        {[0, 1].map((i) =>
          slots[i] ? (
            <Image
              key={i}
              id={i === front ? 'cert-qr' : undefined}
              className={`qr__img${i === front ? '' : ' qr__img--back'}`}
              src={slots[i]}
              mode='aspectFit'
              aria-hidden={i === front ? undefined : 'true'}
              nativeProps={process.env.TARO_ENV === 'h5' ? { alt: i === front ? '电子证核验二维码' : '' } : undefined}
              onLoad={() => {
                if (i !== front && slots[i] === image.url) setFront(i as 0 | 1)
              }}
            />
          ) : null,
        )}
        {expired ? (
          <View id='cert-qr-expired' className='qr__expired' role='alert'>
            <Text className='qr__expired-icon' aria-hidden='true'>
              !
            </Text>
            <Text className='qr__expired-title'>已过期，请联网刷新</Text>
            <Text className='qr__expired-text'>此二维码已不能用于核验</Text>
          </View>
        ) : null}
      </View>
      {expired ? (
        <Button id='cert-qr-refresh' loading={busy} loadingText='正在刷新…' onClick={() => void refresh()}>
          刷新二维码
        </Button>
      ) : (
        <Text id='cert-qr-countdown' className='qr__countdown' aria-live='off'>
          {failedAt !== undefined
            ? `网络不稳定，正在重试；二维码 ${secondsToExpiry} 秒后失效`
            : busy || secondsToRefresh === 0
              ? '正在刷新二维码…'
              : `二维码 ${secondsToRefresh} 秒后自动刷新`}
        </Text>
      )}
      <Text className='qr__hint'>请向经办人员出示此二维码。二维码定时更新，截图无法通过核验。</Text>
    </View>
  )
}
