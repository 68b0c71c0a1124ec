import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import './index.css'
import { Screen } from '../../components/Screen'

interface Message {
  messageId: string
  title: string
  body: string
  at: string
  applicationId?: string
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; messages: Message[] }

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
    const res = await call<{ messages: Message[] }>('listMyMessages')
    loading.current = false
    Taro.stopPullDownRefresh()
    if (!res.ok) return setState((s) => (s.kind === 'shown' ? s : { kind: 'error', message: res.error.message }))
    // newest first, whatever order the answer came in
    const messages = [...res.data.messages].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    setState({ kind: 'shown', messages })
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
            <View key={m.messageId} id={`message-${m.messageId}`} className='card msg' role='listitem'>
              <Text className='msg__title'>{m.title}</Text>
              <Text className='msg__time'>{timeText(m.at)}</Text>
              <Text className='msg__body' userSelect>
                {m.body}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
