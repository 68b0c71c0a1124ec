import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { groupedCertificateNo, localExpiry, screenshotLifeText } from './qr'
import { QrCode } from './QrCode'

/** A new code about every minute; a token lives two minutes, so one lost refresh still leaves a valid code. */
export const REFRESH_MS = 60_000
/** After a failed refresh (weak network), try again this soon rather than waiting a full minute. */
const RETRY_MS = 10_000

export interface CertQrProps {
  token: string
  expiresAt?: string
  /** when this page received the token (phone clock) */
  receivedAt: number
  /** false while the page is hidden: no timers, no calls, brightness given back */
  active: boolean
  /** fetches a fresh token; resolves false when the cloud could not be reached */
  onRefresh: () => Promise<boolean>
  /** for 亮证: the number read aloud, the masked holder, the registration now */
  certificateNo: string
  holderName: string
  registrationText: string
}

/**
 * The screen as bright as it goes while 亮证 is shown (a scanner reads a bright code off a phone at
 * arm's length), the person's own setting given back when it closes or the page is left. Mini-program
 * only: a browser cannot set the brightness, and H5 skips it silently.
 */
function useBrightScreen(on: boolean) {
  useEffect(() => {
    if (!on || process.env.TARO_ENV !== 'weapp') return
    let left = false
    let previous: number | undefined
    void (async () => {
      try {
        const { value } = await Taro.getScreenBrightness()
        if (left) return
        previous = value
        await Taro.setScreenBrightness({ value: 1 })
        await Taro.setKeepScreenOn({ keepScreenOn: true })
      } catch {
        // no brightness control on this device: the code is shown anyway
      }
    })()
    return () => {
      left = true
      if (previous === undefined) return
      void Taro.setScreenBrightness({ value: previous }).catch(() => undefined)
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
  }, [on])
}

/**
 * The certificate's QR (docs/product.md flow 6), drawn on a canvas from the module matrix. The code
 * is replaced about every 60 s; a token lives about two minutes (the cloud's QR_TTL_SECONDS), so a
 * screenshot stops verifying then — the page says so in those words. Once the lifetime has passed
 * without a new token (offline) the code is covered and says so, instead of looking valid. Tap the
 * code for 亮证: full screen, brightness up, the number grouped for reading aloud. The token itself
 * is never shown as text.
 */
export function CertQr({ token, expiresAt, receivedAt, active, onRefresh, certificateNo, holderName, registrationText }: CertQrProps) {
  const expiry = useMemo(() => localExpiry(token, expiresAt, receivedAt), [token, expiresAt, receivedAt])
  const [now, setNow] = useState(() => Date.now())
  const [failedAt, setFailedAt] = useState<number | undefined>()
  const [busy, setBusy] = useState(false)
  const [full, setFull] = useState(false)
  const busyRef = useRef(false)
  useBrightScreen(full && active)
  // H5: Taro's button answers the pointer going up, and the browser's click that follows lands on
  // whatever is drawn there by then — the 亮证 layer's own tap-to-close target, which would shut it at
  // once. Switching after the event has run lets that click fall on what was tapped.
  const show = (on: boolean) => setTimeout(() => setFull(on), 0)

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
  const hint = `请向经办人员出示此二维码。二维码每分钟自动更新，${screenshotLifeText(token)}。`
  const countdown =
    failedAt !== undefined
      ? `网络不稳定，正在重试；二维码 ${secondsToExpiry} 秒后失效`
      : busy || secondsToRefresh === 0
        ? '正在刷新二维码…'
        : `二维码 ${secondsToRefresh} 秒后自动刷新`

  const cover = (
    <View id={full ? 'cert-show-expired' : 'cert-qr-expired'} className='qr__expired' role='alert'>
      <Text className='qr__expired-icon' aria-hidden='true'>
        !
      </Text>
      <Text className='qr__expired-title'>已过期，请联网刷新</Text>
      <Text className='qr__expired-text'>此二维码已不能用于核验</Text>
    </View>
  )
  const refreshButton = (
    <Button id={full ? 'cert-show-refresh' : 'cert-qr-refresh'} loading={busy} loadingText='正在刷新…' onClick={() => void refresh()}>
      刷新二维码
    </Button>
  )

  if (full) {
    return (
      <View id='cert-show' className='show' role='dialog' aria-modal='true' aria-label='亮证：出示电子证二维码'>
        <Text className='show__title'>就业创业证（电子证）</Text>
        <Text id='show-holder' className='show__holder'>
          {holderName}
        </Text>
        <Text id='show-registration' className='show__status'>
          {registrationText}
        </Text>
        <View className={`show__frame${expired ? ' qr__frame--expired' : ''}`} onClick={() => show(false)}>
          <QrCode id='cert-qr-full' text={token} className='show__qr' label='电子证核验二维码（全屏）' />
          {expired ? cover : null}
        </View>
        <Text className='show__label'>证书编号</Text>
        <Text id='show-cert-no' className='show__no' userSelect>
          {groupedCertificateNo(certificateNo)}
        </Text>
        {expired ? (
          refreshButton
        ) : (
          <Text id='cert-show-countdown' className='qr__countdown' aria-live='off'>
            {countdown}
          </Text>
        )}
        <Text className='qr__hint'>{hint}</Text>
        <View className='show__close'>
          <Button id='cert-show-close' variant='secondary' onClick={() => show(false)}>
            退出亮证
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='qr'>
      <View className={`qr__frame${expired ? ' qr__frame--expired' : ''}`} onClick={() => show(true)}>
        <QrCode id='cert-qr' text={token} className='qr__canvas' label='电子证核验二维码，点按放大' />
        {expired ? cover : null}
      </View>
      {expired ? (
        refreshButton
      ) : (
        <Text id='cert-qr-countdown' className='qr__countdown' aria-live='off'>
          {countdown}
        </Text>
      )}
      <Text className='qr__hint'>{hint}</Text>
      <View className='qr__show'>
        <Button id='cert-show-open' onClick={() => show(true)}>
          亮证（全屏显示）
        </Button>
      </View>
    </View>
  )
}
