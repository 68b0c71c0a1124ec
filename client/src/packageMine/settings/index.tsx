/**
 * 设置: the 长辈模式 switch (also on home), what it changes, and the submissions kept on this phone
 * waiting for the network (services/outbox.ts) — so nothing the person sent is out of sight.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ReminderChannel } from '@shared/answers'
import { call } from '../../services/cloud'
import { askSubscription } from '../../services/subscribe'
import { Button } from '../../components/Button'
import { ElderSwitch } from '../../components/ElderSwitch'
import { Consents } from '../../components/Consents'
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
      <Reminders />
      <View className='card' id='settings-personal'>
        <View className='section-title' role='heading' aria-level={2}>
          个人信息
        </View>
        <Text className='settings__note'>查看本服务保存的您的全部信息，以及谁在什么时候为什么查看过。</Text>
        <Button id='settings-mydata' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageMine/mydata/index' })}>
          我的数据
        </Button>
        <Button id='settings-family' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageForms/family/index' })}>
          家人代办
        </Button>
        <Button id='settings-privacy' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          个人信息保护说明
        </Button>
      </View>
      {/* the separate consents (证件号码, 人脸信息) given on this phone, each withdrawn here (个人信息保护法 第十五条) */}
      <Consents id='settings-consents' />
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

/**
 * 通知方式 (issue 20): how results and reminders reach the person — WeChat notices (长期 where the
 * service has them, else one per tap) and the SMS they fall back to — and the switch to turn WeChat
 * notices on (WeChat's own dialog, weapp only) or off. 我的消息 always has everything.
 */
function Reminders() {
  const [data, setData] = useState<{ channels: ReminderChannel[]; smsPhone: string | null } | null>(null)
  const [note, setNote] = useState('')
  const load = async () => {
    const res = await call('getMyReminders')
    if (res.ok) setData(res.data)
    else setNote(res.error.message)
  }
  useEffect(() => {
    void load()
  }, [])
  const turnOn = async () => {
    if (process.env.TARO_ENV !== 'weapp') return setNote('请在微信小程序中开启微信通知。')
    await askSubscription('submit')
    await askSubscription('result')
    await load()
  }
  const turnOff = async () => {
    for (const c of data?.channels ?? []) if (c.wechat !== 'none') await call('stopSubscription', { template: c.template })
    setNote('已关闭微信通知。')
    await load()
  }
  const line = (c: ReminderChannel) =>
    c.wechat === 'long_term' ? '微信通知：长期接收' : c.wechat === 'once' ? `微信通知：还可接收 ${c.remaining} 条` : '微信通知：未开启'
  return (
    <View className='card' id='settings-reminders'>
      <View className='section-title' role='heading' aria-level={2}>
        通知方式
      </View>
      {data ? (
        <View>
          {data.channels.map((c) => (
            <Text key={c.template} id={`reminder-${c.template}`} className='settings__row'>
              {c.title}｜{line(c)}
            </Text>
          ))}
          <Text id='reminder-sms' className='settings__note'>
            {data.smsPhone ? `微信通知没开启或用完时，改发短信到 ${data.smsPhone}。` : '没有您的手机号码：通知只在“我的消息”中查看。'}所有通知都可以在“我的消息”中查看。
          </Text>
          <Button id='reminder-on' variant='secondary' onClick={() => void turnOn()}>
            开启微信通知
          </Button>
          {data.channels.some((c) => c.wechat !== 'none') ? (
            <Button id='reminder-off' variant='secondary' onClick={() => void turnOff()}>
              关闭微信通知
            </Button>
          ) : null}
        </View>
      ) : (
        <Text className='settings__note'>正在查询…</Text>
      )}
      {note ? <Text className='settings__note'>{note}</Text> : null}
    </View>
  )
}
