/**
 * 办事指南 (issue 17): for each service its 依据, 条件, 材料, 时限 (the chosen county's working days), 收费 and
 * 咨询电话 (the county's offices, `listOffices`; 12333 always). Opened from home with `kind=`.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationKind, OfficeView } from '@shared/api'
import { GUIDE_KINDS, serviceGuide } from '@shared/service-guide'
import { call } from '../../services/cloud'
import { Button } from '../../components'
import { ChoiceField } from '../../components/ChoiceField'
import { PhoneLink } from '../../components/PhoneText'
import { RegionPicker } from '../../components/RegionPicker'
import { Screen } from '../../components/Screen'

export default function Guide() {
  const param = Taro.getCurrentInstance().router?.params?.kind
  const [kind, setKind] = useState<ApplicationKind>(GUIDE_KINDS.includes(param as ApplicationKind) ? (param as ApplicationKind) : 'unemployment')
  const [region, setRegion] = useState('')
  const [offices, setOffices] = useState<OfficeView[]>([])
  const g = serviceGuide(kind, region)

  useEffect(() => {
    if (!region) return setOffices([])
    let gone = false
    void call('listOffices', { region }).then((res) => {
      if (!gone && res.ok) setOffices(res.data.offices)
    })
    return () => {
      gone = true
    }
  }, [region])

  const rows: Array<{ id: string; label: string; lines: string[] }> = [
    { id: 'guide-conditions', label: '办理条件', lines: g.conditions },
    { id: 'guide-materials', label: '所需材料', lines: [g.materials] },
    { id: 'guide-time', label: '办理时限', lines: [g.timeLimit] },
    { id: 'guide-fee', label: '收费标准', lines: [g.fee] },
    { id: 'guide-basis', label: '办理依据', lines: g.basis },
  ]
  return (
    <Screen className='page' id='guide'>
      <Text className='page__title'>办事指南：{g.title}</Text>
      <View className='card'>
        <ChoiceField path='guideKind' label='事项' items={GUIDE_KINDS.map((k) => ({ code: k, label: serviceGuide(k).title }))} value={kind} onChange={(v) => setKind(v as ApplicationKind)} />
        <RegionPicker path='guideRegion' codePath='guideRegion' label='您在哪个区（县）办理' hint='选了以后显示当地的办理时限和咨询电话' value={region} onChange={setRegion} />
      </View>
      {rows.map((r) => (
        <View key={r.id} id={r.id} className='card'>
          <Text className='section-title'>{r.label}</Text>
          {r.lines.map((l) => (
            <Text key={l} className='page__lead'>
              {l}
            </Text>
          ))}
        </View>
      ))}
      <View className='card' id='guide-phones'>
        <Text className='section-title'>咨询电话</Text>
        {offices.map((o) => (
          <View key={o.name} className='page__lead'>
            <Text>{o.name}：</Text>
            <PhoneLink phone={o.phone} />
          </View>
        ))}
        <View className='page__lead'>
          <Text>人力资源社会保障服务热线：</Text>
          <PhoneLink phone='12333' />
        </View>
      </View>
      <Button id='guide-start' onClick={() => void Taro.redirectTo({ url: g.url })}>
        开始办理
      </Button>
    </Screen>
  )
}
