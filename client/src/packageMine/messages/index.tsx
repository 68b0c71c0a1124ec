import { useCallback, useRef, useState } from 'react'
import type { MessageView as Message } from '@shared/answers'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import './index.css'
import { Screen } from '../../components/Screen'
import { PhoneText } from '../../components/PhoneText'
import { markMessagesSeen, seenUntil } from '../../services/unread'

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; messages: Message[]; since: number }

/**
 * 我的消息 (docs/product.md flow 7): every reminder and result is here whether or not the WeChat
 * subscribe message or the SMS arrived — the list is the one channel that never fails.
 */
export default function Messages() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const loading = useRef(false)
  const load = useCallback(async () => {
    if (loading.current) return
    loading.current = true
    const res = await call('listMyMessages')
    loading.current = false
    Taro.stopPullDownRefresh()
    if (!res.ok) return setState((s) => (s.kind === 'shown' ? s : { kind: 'error', message: res.error.message }))
    // newest first, whatever order the answer came in
    const messages = [...res.data.messages].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    // what is on screen counts as read: home's count goes back to 0
    const since = seenUntil()
    markMessagesSeen(messages)
    setState((st) => ({ kind: 'shown', messages, since: st.kind === 'shown' ? Math.min(st.since, since) : since }))
  }, [])
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  return (
    <Screen className='msgs'>
      <Text className='page__title'>我的消息</Text>
      {state.kind === 'loading' ? (
        <View className='msgs__loading' role='status'>
          <Text>正在加载消息…</Text>
        </View>
      ) : null}
      {state.kind === 'error' ? (
        <View>
          <Notice id='messages-error' kind='error' title='暂时无法加载消息'>
            <Text>{state.message}</Text>
          </Notice>
          <Button id='messages-retry' onClick={() => void load()}>
            重新加载
          </Button>
        </View>
      ) : null}
      {state.kind === 'shown' && state.messages.length === 0 ? (
        <View id='message-empty' className='card msgs__empty'>
          <Text className='msgs__empty-title'>暂无消息</Text>
          <Text className='msgs__empty-text'>办理结果、办理期限提醒和政策服务信息会发送到这里。</Text>
        </View>
      ) : null}
      {state.kind === 'shown' && state.messages.length > 0 ? (
        <View id='message-list' role='list'>
          {state.messages.map((m) => (
            <View key={m.messageId} id={`message-${m.messageId}`} className={`card msg${Date.parse(m.at) > state.since ? ' msg--unread' : ''}`} role='listitem'>
              <View className='msg__title'>
                <Text>{m.title}</Text>
                {Date.parse(m.at) > state.since ? <Text className='msg__new'>新</Text> : null}
              </View>
              <Text className='msg__time'>{timeText(m.at)}</Text>
              <PhoneText className='msg__body' text={m.body} />
              {m.applicationId ? (
                <View
                  id={`message-open-${m.messageId}`}
                  className='msg__link'
                  role='link'
                  hoverClass='msg__link--hover'
                  onClick={() => void Taro.navigateTo({ url: `/packageMine/progress/index?id=${encodeURIComponent(m.applicationId!)}` })}
                >
                  查看这件事的办理进度 ›
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
