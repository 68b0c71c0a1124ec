/**
 * Before the first field that asks for the ID number (申领《就业创业证》, 失业登记, 灵活就业登记): what the
 * form collects, why, how long it is kept, who sees it, a link to 个人信息保护, and the separate 同意
 * for the ID number (个人信息保护法 第二十八、二十九、三十条; services/consent.ts). Until the person agrees
 * the form is not even mounted, so nothing is typed or kept; after 同意 (kept on this phone, withdrawn
 * in 设置 or 我的数据) the form shows at once, and the next forms do not ask again.
 * 不同意 keeps nothing and leaves the way that needs no phone: the counter, with the 办事指南 for the
 * materials and the offices' numbers.
 */
import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationKind } from '@shared/api'
import { consentGiven, giveConsent } from '../services/consent'
import { Button } from './Button'
import { Notice } from './Notice'
import { Screen } from './Screen'

/** The notice, item by item (version 1: a change of wording is a new key in services/consent.ts). */
const ITEMS: Array<{ id: string; label: string; text: string }> = [
  { id: 'what', label: '收集什么', text: '您的姓名、证件类型和号码，以及性别、民族、学历、健康状况、户籍和常住地址、手机号码。' },
  { id: 'why', label: '用来做什么', text: '核实是您本人办理，与社会保险、市场主体等登记信息比对，办理您申请的业务，并把结果通知您。不用于其他目的。' },
  { id: 'keep', label: '保存多久', text: '填写中的内容只暂存在您的手机上，提交后即删除；提交的申请和登记由办理机构作为业务档案，按档案管理规定的期限保存。' },
  { id: 'who', label: '谁能看到', text: '只有办理您业务的就业服务机构工作人员。证件号码和电话加密保存，列表和工作人员页面只显示部分号码；每次查看都有记录，可在“我的数据”里看到。' },
]

export interface IdNumberConsentProps {
  /** the service's name, Chinese, as the page title (失业登记) */
  service: string
  /** which 办事指南 the way without the phone opens */
  guideKind: ApplicationKind
  /** the form: mounted only once the person has agreed */
  children: ReactNode
}

export function IdNumberConsent({ service, guideKind, children }: IdNumberConsentProps) {
  const [given, setGiven] = useState(() => consentGiven('idNumber') !== null)
  const [declined, setDeclined] = useState(false)
  if (given) return <>{children}</>

  // 家人代办: the helper types the family member's number, which the family member must have agreed to
  const forFamily = !!Taro.getCurrentInstance().router?.params?.for
  const home = () => Taro.reLaunch({ url: '/pages/index/index' })

  if (declined) {
    return (
      <Screen className='page' id='id-consent'>
        <Text className='page__title'>{service}</Text>
        <Notice id='id-consent-declined' kind='info' title='您没有同意，没有保存您的任何信息'>
          <Text>不在网上填写也能办理：请携带本人身份证件到就近的公共就业服务窗口（区、县人力资源和社会保障局，或街道、乡镇社区服务中心），由工作人员办理。</Text>
        </Notice>
        <Button id='id-consent-guide' onClick={() => void Taro.navigateTo({ url: `/packageForms/guide/index?kind=${guideKind}` })}>
          查看办事指南和窗口电话
        </Button>
        <Button id='id-consent-again' variant='secondary' onClick={() => setDeclined(false)}>
          重新考虑
        </Button>
        <Button id='id-consent-home' variant='secondary' onClick={home}>
          返回首页
        </Button>
      </Screen>
    )
  }

  return (
    <Screen className='page' id='id-consent'>
      <Text className='page__title'>{service}</Text>
      <View className='card' id='id-consent-notice'>
        <View className='section-title' role='heading' aria-level={2}>
          填写前请先了解
        </View>
        {ITEMS.map((i) => (
          <Text key={i.id} id={`id-consent-${i.id}`} className='page__lead'>
            {i.label}：{i.text}
          </Text>
        ))}
        {forFamily ? (
          <Text id='id-consent-family' className='page__lead'>
            您在为家人办理：要填写的是家人的信息，请先告诉家人以上内容并征得同意。
          </Text>
        ) : null}
        <Button id='id-consent-privacy' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          个人信息保护说明
        </Button>
      </View>
      <View className='card' id='id-consent-ask'>
        <View className='section-title' role='heading' aria-level={2}>
          证件号码需要您单独同意
        </View>
        <Text className='page__lead'>
          证件号码属于敏感个人信息，泄露可能损害您的权益。同意后才能在网上填写；这个同意会记在本机，以后办理不再询问，可以随时在“设置”或“我的数据”里撤回。不同意的，不会保存任何信息，可以到窗口办理。
        </Text>
        <Button
          id='id-consent-agree'
          onClick={() => {
            giveConsent('idNumber')
            setGiven(true)
          }}
        >
          同意处理证件号码，开始填写
        </Button>
        <Button id='id-consent-decline' variant='secondary' onClick={() => setDeclined(true)}>
          不同意
        </Button>
      </View>
    </Screen>
  )
}
