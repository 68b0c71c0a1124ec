/**
 * The root of every page: the `page` class, `elder` when 长辈模式 is on (services/elder.ts,
 * components/elder.css), the main landmark, and the offline banner at the top.
 */
import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useElder } from '../services/elder'
import { OfflineBanner } from './OfflineBanner'
import { PrivacyDialog } from './PrivacyDialog'
import './components.css'
import './elder.css'

export interface ScreenProps {
  /** the page's own class, after `page` */
  className?: string
  /** the page's id (tests find the page by it) */
  id?: string
  /** the page's content, under the offline banner */
  children?: ReactNode
}

export function Screen({ className, id, children }: ScreenProps) {
  const elder = useElder()
  // H5: the first page is up, so the frame index.html paints before any JavaScript goes away
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.getElementById('boot')?.remove()
  }, [])
  return (
    <View id={id} className={`page${className ? ` ${className}` : ''}${elder ? ' elder' : ''}`} role='main'>
      <OfflineBanner />
      {children}
      <PrivacyDialog />
    </View>
  )
}
