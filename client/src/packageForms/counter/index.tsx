/**
 * 到窗口核验身份 (the counter route, docs/identity.md): for whom the face check cannot pass — 港澳台 residents
 * with a 居住证 or 通行证, a face that fails, no camera — the person states who they are and the county they
 * will go to, gets an 8-digit code (`requestCounterCheck`), and staff there confirm it with the document
 * in hand. From then on this WeChat account acts as the person, as after a face check.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ID_TYPES } from '@shared/codes'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { Button, Notice } from '../../components'
import { PickerField } from '../../components/PickerField'
import { RegionPicker } from '../../components/RegionPicker'
import { Screen } from '../../components/Screen'
import { TextField } from '../../components/TextField'

export default function Counter() {
  const [name, setName] = useState('')
  const [idType, setIdType] = useState('01')
  const [idNumber, setIdNumber] = useState('')
  const [region, setRegion] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState<{ code: string; expiresAt: string; where: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    setFailure('')
    setFields({})
    const res = await call('requestCounterCheck', { name: name.trim(), idType, idNumber: idNumber.trim(), region })
    setBusy(false)
    if (!res.ok) {
      setFields(res.error.fields ?? {})
      return setFailure(res.error.message)
    }
    setDone(res.data)
  }

  return (
    <Screen className='page' id='counter'>
      <Text className='page__title'>到窗口核验身份</Text>
      <Text className='page__lead'>刷脸核验没有通过，或者您使用港澳台居民居住证、通行证的，可以到就业服务窗口由工作人员看证件核实身份。核实后就能在小程序里办理和查看您本人的业务。</Text>
      {failure ? (
        <Notice id='counter-error' kind='error' title='未能获取核验码'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      {done ? (
        <View className='card' id='counter-done'>
          <Text className='section-title'>您的核验码</Text>
          <Text id='counter-code' className='result__number' userSelect>
            {done.code}
          </Text>
          <Text className='page__lead'>{done.where}</Text>
          <Text className='page__lead'>{timeText(done.expiresAt)} 前有效。核实后会发消息通知您。</Text>
          <Button id='counter-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      ) : (
        <View className='card'>
          <TextField path='name' label='姓名' required value={name} onChange={setName} maxlength={50} error={fields.name} />
          <PickerField path='idType' label='证件类型' required items={ID_TYPES} value={idType} onChange={setIdType} error={fields.idType} />
          <TextField path='idNumber' label='证件号码' required kind='idcard' value={idNumber} onChange={setIdNumber} maxlength={20} error={fields.idNumber} />
          <RegionPicker path='region' codePath='region' label='去哪个区（县）的窗口' required value={region} onChange={setRegion} error={fields.region} />
          <Button id='counter-submit' loading={busy} loadingText='正在获取…' onClick={() => void submit()}>
            获取核验码
          </Button>
        </View>
      )}
    </Screen>
  )
}
