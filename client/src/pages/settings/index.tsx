/**
 * 设置: the 长辈模式 switch (also on home), what it changes, and the submissions kept on this phone
 * waiting for the network (services/outbox.ts) — so nothing the person sent is out of sight.
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { ElderSwitch } from '../../components/ElderSwitch'
import { Screen } from '../../components/Screen'
import { flushOutbox, useOutbox } from '../../services/outbox'
import { useOnline } from '../../services/network'
import { timeText } from '../../services/format'
import './index.css'

export default function Settings() {
  const { pending } = useOutbox()
  const online = useOnline()
  return (
    <Screen className='settings'>
      <Text className='page__title'>设置</Text>
      <View className='card'>
        <View className='section-title' role='heading' aria-level={2}>
          显示
        </View>
        <ElderSwitch id='settings-elder-switch' />
        <Text className='settings__note'>开启后：字体更大，文字颜色更深；填表时每一步只填一组内容；说明用更简单的话。所有页面都会生效，下次打开仍然保持。</Text>
      </View>
      <View className='card' id='settings-outbox'>
        <View className='section-title' role='heading' aria-level={2}>
          等待联网提交的申请
        </View>
        {pending.length === 0 ? (
          <Text className='settings__note'>没有。您提交的申请都已送达。</Text>
        ) : (
          <View>
            {pending.map((p) => (
              <Text key={p.requestId} className='settings__row'>
                {p.title}（{timeText(p.savedAt)} 保存）
              </Text>
            ))}
            <Text className='settings__note'>{online ? '正在自动提交，请稍候。' : '联网后会自动提交，不用重填，也不会重复提交。'}</Text>
            {online ? (
              <Button id='settings-outbox-send' onClick={() => void flushOutbox()}>
                现在提交
              </Button>
            ) : null}
          </View>
        )}
      </View>
      <Button id='settings-go-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}
