/**
 * 我的数据 (个人信息保护法 第四十四、四十五条: 知情、查阅、复制): everything held about the person — their
 * details as last submitted, applications, certificate, registrations, the WeChat accounts bound to
 * them, family helpers — and who read it: each staff read of their records (office, role, time,
 * purpose; names masked) and each read by a helper (`getMyData`, `listWhoReadMyData`). Own data only.
 */
import { useEffect, useState } from 'react'
import type { MyDataPerson, ReadEntry } from '@shared/answers'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { maskIdNumber, maskPhone } from '@shared/mask'
import { REGISTRATION_KIND_LABEL } from '@shared/registrations'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { Querying } from '../../components/Querying'
import { Screen } from '../../components/Screen'
import { Consents } from '../../components/Consents'
import { KIND_LABELS, STATUS_LABELS } from '../../components/ApplicationView'

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; people: MyDataPerson[]; reads: ReadEntry[] }

export default function MyData() {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const refresh = async () => {
    setLoad({ state: 'loading' })
    const [data, reads] = await Promise.all([call('getMyData'), call('listWhoReadMyData')])
    if (!data.ok) return setLoad({ state: 'error', message: data.error.message })
    setLoad({ state: 'ready', people: data.data.people, reads: reads.ok ? reads.data.reads : [] })
  }
  useEffect(() => {
    void refresh()
  }, [])

  return (
    <Screen className='page' id='mydata'>
      <Text className='page__title'>我的数据</Text>
      <Text className='page__lead'>这里是本服务保存的您的全部信息，以及谁在什么时候为什么查看过。</Text>
      {load.state === 'loading' ? <Querying /> : null}
      {load.state === 'error' ? (
        <Notice id='mydata-error' kind='error' title='暂时查不到'>
          <Text>{load.message}</Text>
        </Notice>
      ) : null}
      {load.state === 'ready' && load.people.length === 0 ? (
        <Notice id='mydata-none' kind='info' title='还没有您的信息'>
          <Text>完成本人身份核验并办理业务后，这里会显示本服务保存的您的信息。</Text>
        </Notice>
      ) : null}
      {load.state === 'ready'
        ? load.people.map((p, i) => (
            <View key={i} id={`mydata-person-${i}`}>
              <View className='card'>
                <Text className='section-title'>基本信息</Text>
                <Text className='page__lead'>姓名：{String(p.person?.name ?? '')}</Text>
                <Text className='page__lead'>手机号码：{typeof p.person?.phone === 'string' ? maskPhone(p.person.phone) : '未填写'}</Text>
                {typeof p.person?.idNumber === 'string' ? <Text className='page__lead'>证件号码：{maskIdNumber(p.person.idNumber)}</Text> : null}
                <Text className='page__lead'>消息：{p.messages} 条</Text>
              </View>
              <View className='card' id={`mydata-applications-${i}`}>
                <Text className='section-title'>申请（{p.applications.length}）</Text>
                {p.applications.map((a) => (
                  <Text key={a.applicationId} className='page__lead'>
                    {KIND_LABELS[a.kind] ?? '申请'}｜{STATUS_LABELS[a.status] ?? a.status}｜{timeText(a.submittedAt)}｜{a.caseNo}
                  </Text>
                ))}
                {p.registrations.map((r) => (
                  <Text key={r.kind} className='page__lead'>
                    {REGISTRATION_KIND_LABEL[r.kind as keyof typeof REGISTRATION_KIND_LABEL] ?? r.kind}：{r.status === 'active' ? `${r.since} 起有效` : `${r.since} 至 ${r.endedAt ?? ''}`}
                  </Text>
                ))}
                {p.certificate ? <Text className='page__lead'>电子《就业创业证》：{p.certificate.certificateNo}</Text> : null}
              </View>
              <View className='card' id={`mydata-devices-${i}`}>
                <Text className='section-title'>可以办理的微信账号和家人</Text>
                {p.devices.map((d) => (
                  <Text key={d.account} className='page__lead'>
                    {d.account}{d.thisDevice ? '（本机）' : ''}｜{d.via === 'counter' ? '窗口核实' : '人脸核验'}｜{timeText(d.since)} 起
                  </Text>
                ))}
                {p.delegations.map((d, j) => (
                  <Text key={j} className='page__lead'>
                    家人代办：{d.helper}｜{d.status === 'active' ? '代办中' : d.status === 'invited' ? '已邀请' : '已撤销'}｜{timeText(d.since)}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}
      {load.state === 'ready' ? (
        <View className='card' id='mydata-reads'>
          <Text className='section-title'>谁查看过我的信息（{load.reads.length}）</Text>
          {load.reads.length === 0 ? <Text className='page__lead'>还没有工作人员或家人查看过。</Text> : null}
          {load.reads.map((r, i) => (
            <Text key={i} id={`mydata-read-${i}`} className='page__lead'>
              {timeText(r.at)}｜{r.office}｜{r.role} {r.who}｜{r.purpose}
            </Text>
          ))}
        </View>
      ) : null}
      {/* what this phone keeps: the separate consents, each withdrawn here too */}
      <Consents id='mydata-consents' />
      <Button id='mydata-privacy' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
        个人信息保护说明
      </Button>
      <Button id='mydata-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}
