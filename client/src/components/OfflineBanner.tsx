/**
 * On every page (components/Screen.tsx): says when the phone is offline and what that means for
 * the person (they can go on filling in; a submission is kept and sent later), says when kept
 * submissions are being sent, and what came of them. Words and an icon, never colour alone.
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useOnline } from '../services/network'
import { dismissDone, useOutbox } from '../services/outbox'
import './components.css'

export function OfflineBanner() {
  const online = useOnline()
  const { pending, done } = useOutbox()
  return (
    <View className='ob-area'>
      {!online ? (
        <View id='offline-banner' className='ob ob--offline' role='status' aria-live='polite'>
          <Text className='ob__icon' aria-hidden='true'>
            !
          </Text>
          <View className='ob__body'>
            <Text className='ob__title'>网络已断开</Text>
            <Text className='ob__text'>
              {pending.length > 0
                ? `有 ${pending.length} 项申请已保存在本机，联网后会自动提交，不用重填。`
                : '可以继续填写，内容会保存在本机。联网后再提交。'}
            </Text>
          </View>
        </View>
      ) : pending.length > 0 ? (
        <View id='outbox-sending' className='ob ob--info' role='status' aria-live='polite'>
          <Text className='ob__icon' aria-hidden='true'>
            …
          </Text>
          <View className='ob__body'>
            <Text className='ob__title'>正在提交您保存的申请</Text>
            <Text className='ob__text'>{pending.map((p) => p.title).join('、')}：请稍候，不用重复提交。</Text>
          </View>
        </View>
      ) : null}
      {done.map((d) => (
        <View key={d.requestId} id={`outbox-done-${d.ok ? 'ok' : 'failed'}`} className={`ob ${d.ok ? 'ob--ok' : 'ob--error'}`} role='status' aria-live='polite'>
          <Text className='ob__icon' aria-hidden='true'>
            {d.ok ? '✓' : '!'}
          </Text>
          <View className='ob__body'>
            <Text className='ob__title'>{d.ok ? `已提交：${d.title}` : `没有提交成功：${d.title}`}</Text>
            <Text className='ob__text'>{d.ok ? '您之前保存的申请已经送达，可以查看办理进度。' : `${d.message ?? ''} 请打开后修改，再提交一次。`}</Text>
            <View className='ob__actions'>
              {d.ok && d.applicationId ? (
                <View
                  className='ob__link'
                  role='link'
                  onClick={() => {
                    dismissDone(d.requestId)
                    Taro.navigateTo({ url: `/packageMine/progress/index?id=${encodeURIComponent(d.applicationId!)}` })
                  }}
                >
                  查看进度
                </View>
              ) : null}
              {!d.ok && d.retryUrl ? (
                <View
                  className='ob__link'
                  role='link'
                  onClick={() => {
                    dismissDone(d.requestId)
                    Taro.navigateTo({ url: d.retryUrl! })
                  }}
                >
                  打开修改
                </View>
              ) : null}
              <View className='ob__link' role='button' onClick={() => dismissDone(d.requestId)}>
                知道了
              </View>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
