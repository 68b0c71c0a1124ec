import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './components.css'

export type NoticeKind = 'info' | 'error' | 'success'

const WORD: Record<NoticeKind, string> = { info: '提示', error: '出错了', success: '成功' }
const ICON: Record<NoticeKind, string> = { info: 'i', error: '!', success: '✓' }

export interface NoticeProps {
  id?: string
  /** info (提示) and success (成功) are announced politely, error (出错了) at once (role alert) */
  kind?: NoticeKind
  /** the heading, Chinese; default the kind's word */
  title?: string
  /** the message under the heading */
  children?: ReactNode
}

/** A banner that says what kind it is in words and an icon, not colour alone. */
export function Notice({ id, kind = 'info', title, children }: NoticeProps) {
  return (
    <View
      id={id}
      className={`notice notice--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-live={kind === 'error' ? 'assertive' : 'polite'}
    >
      <Text className='notice__icon' aria-hidden='true'>
        {ICON[kind]}
      </Text>
      <View className='notice__body'>
        <Text className='notice__title'>{title ?? WORD[kind]}</Text>
        {children ? <View className='notice__text'>{children}</View> : null}
      </View>
    </View>
  )
}
