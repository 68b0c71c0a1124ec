/**
 * Around an application, what people of comparable government services expect (issue 17): the office
 * with a phone to tap and a map, what to do while staff review (often: nothing), a late review said
 * plainly with 催办, and the 好差评 rating after 办结. Used on the result screens and 进度查询.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationView, Check, OfficeView } from '@shared/api'
import { KIND_LABELS, type AppProps } from './ApplicationView'
import { Button } from './Button'
import { Notice } from './Notice'
import { PhoneLink } from './PhoneText'
import './components.css'

// the parts that ask the cloud for something (撤回, 复核, 催办, 好差评) live beside this file
export { AfterAnswer, Overdue } from './CaseRequests'
export { RateService } from './RateService'

export interface OfficeCardProps {
  /** the office handling the application; none = nothing shown */
  office?: OfficeView
  /** the card's heading, Chinese (default 办理机构) */
  title?: string
}

/** The office: name, address, hours, its phone to tap and, with coordinates, the map. */
export function OfficeCard({ office, title = '办理机构' }: OfficeCardProps) {
  if (!office) return null
  const hasMap = typeof office.latitude === 'number' && typeof office.longitude === 'number'
  return (
    <View className='card office' id='office'>
      <Text className='section-title'>{title}</Text>
      <Text className='office__name'>{office.name}</Text>
      <Text className='office__line'>地址：{office.address}</Text>
      <Text className='office__line'>办公时间：{office.hours}</Text>
      <View className='office__line'>
        <Text>电话：</Text>
        <PhoneLink id='office-phone' phone={office.phone} />
      </View>
      {hasMap ? (
        <View
          id='office-map'
          className='office__map'
          role='link'
          hoverClass='office__map--hover'
          onClick={() => void Taro.openLocation({ latitude: office.latitude!, longitude: office.longitude!, name: office.name, address: office.address, scale: 16 }).catch(() => undefined)}
        >
          在地图上查看 ›
        </View>
      ) : null}
    </View>
  )
}

/** What the person does about each check staff will look at; most of the time: nothing. */
function todoOf(c: Check): string {
  const record = (c.detail ?? '').includes('：') ? c.detail.slice(c.detail.indexOf('：') + 1).replace(/，需工作人员核实$/, '') : ''
  if ((c.detail ?? '').includes('数据暂不可比对')) return '这项信息暂时查不到：您不用做什么，工作人员会人工核对。'
  switch (c.name) {
    case 'socialInsurance':
      return `系统查到单位参保记录（${record}）。如果已经离开这家单位，请联系原单位为您办理社保减员（停止缴纳社会保险）；已经停了的，不用做什么。`
    case 'contractFiling':
      return `系统查到劳动合同备案（${record}）。如果已经离职，请联系原单位办理劳动合同解除（终止）备案；已经办了的，不用做什么。`
    case 'businessRegistration':
      return `系统查到您名下的营业执照（${record}）。如果已经不经营了，请到市场监管部门办理注销；还在经营的，请打电话问问工作人员怎么办。`
    case 'pension':
      return '系统查到您可能在领取养老金：您不用做什么，工作人员会核实。'
    case 'identity':
      return '请核对填写的姓名和证件号码是否和身份证上一样；没有填错的话，不用做什么，工作人员可能会打电话给您。'
    default:
      return '您不用做什么，工作人员会核实。'
  }
}

/**
 * 受理 / 办结回执 (issue 17): what the person can keep and show — 办件编号, 事项, 申请人 (masked), times, result
 * or due date, the office. Copy as text (WeChat: the clipboard) or keep a screenshot; the same facts the
 * cloud holds, nothing the page makes up.
 */
export function Receipt({ app }: AppProps) {
  const [copied, setCopied] = useState(false)
  const done = app.status === 'approved' || app.status === 'rejected'
  const finished = [...app.timeline].reverse().find((t) => t.status === app.status)
  const lines: Array<[string, string]> = [
    ['办件编号', app.caseNo],
    ['办理事项', KIND_LABELS[app.kind]],
    ['申请人', app.holderName],
    ['提交时间', app.submittedAt.slice(0, 16).replace('T', ' ')],
    ['办理状态', app.status === 'approved' ? '已办结（通过）' : app.status === 'rejected' ? '已办结（未通过）' : app.status === 'pending_review' ? '已受理，待工作人员审核' : app.status === 'returned' ? '退回补正' : app.status === 'withdrawn' ? '已撤回' : '已修改并重新提交'],
    ...(done && finished ? ([['办结时间', finished.at.slice(0, 16).replace('T', ' ')]] as Array<[string, string]>) : []),
    ...(app.status === 'pending_review' && app.dueDate ? ([['承诺办结', `${app.dueDate} 前`]] as Array<[string, string]>) : []),
    ...(app.certificate ? ([['电子证号', app.certificate.certificateNo]] as Array<[string, string]>) : []),
    ...(app.office ? ([['办理机构', `${app.office.name}（${app.office.phone}）`]] as Array<[string, string]>) : []),
  ]
  const text = `${done ? '办结回执' : '受理回执'}\n${lines.map(([k, v]) => `${k}：${v}`).join('\n')}`
  const copy = async () => {
    await Taro.setClipboardData({ data: text }).catch(() => undefined)
    setCopied(true)
  }
  return (
    <View className='card' id='receipt'>
      <Text className='section-title'>{done ? '办结回执' : '受理回执'}</Text>
      {lines.map(([k, v]) => (
        <Text key={k} className='todo__item'>
          {k}：{v}
        </Text>
      ))}
      <Button id='receipt-copy' variant='secondary' onClick={() => void copy()}>
        复制回执内容
      </Button>
      <Text className='todo__note'>{copied ? '已复制，可以粘贴到微信或备忘录保存。' : '也可以截屏保存本页。'}</Text>
    </View>
  )
}

/** 一件事: the 就业困难人员认定 requested with the 失业登记, and its outcome (shared/hardship.ts). */
export function HardshipCard({ app }: AppProps) {
  const h = app.hardship
  if (!h) return null
  const text =
    h.status === 'recognized'
      ? '已认定为就业困难人员。工作人员将为您制定就业援助计划，符合条件的可按规定申请相关补贴。'
      : h.status === 'not_recognized'
        ? `未认定为就业困难人员。原因：${h.note ?? '请联系办理机构了解'}。失业登记不受影响。`
        : `您选择了“${h.categories.join('、')}”，已同时申请就业困难人员认定，由工作人员核实，不需要另外提交材料。`
  return <OneThingCard id='hardship' title='就业困难人员认定' text={text} />
}

/** A card of the 一件事 around a 失业登记: a heading and where it stands. */
function OneThingCard({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <View className='card' id={id}>
      <Text className='section-title'>{title}</Text>
      <Text id={`${id}-status`} className='todo__item'>
        {text}
      </Text>
    </View>
  )
}

/** 一件事: where the 失业保险金 claim made with the 失业登记 stands (core/insurance-claims.ts). */
export function InsuranceClaimCard({ app }: AppProps) {
  const c = app.insuranceClaim
  if (!c) return null
  const text =
    c.status === 'sent'
      ? `已转交失业保险经办机构，受理编号 ${c.reference ?? ''}。审核结果由失业保险经办机构告知您，也可拨打 12333 查询。`
      : c.status === 'failed'
        ? '暂时没能转交，工作人员会联系您协助办理，不需要重新提交失业登记。'
        : '正在转交失业保险经办机构，转交后会通知您受理编号。'
  return <OneThingCard id='insurance-claim' title='失业保险金申领' text={text} />
}

/** The form of each kind, opened with `corrects=` to correct a returned application (退回补正). */
export const FORM_OF: Record<ApplicationView['kind'], string> = {
  certificate: '/packageForms/certificate-apply/index',
  unemployment: '/packageForms/unemployment/index',
  flexible: '/packageForms/flexible/index',
}

/**
 * 退回补正 (issue 20): what staff asked to change, word for word, and the way forward — the form opens
 * with the earlier answers; nothing is to be brought or uploaded.
 */
export function Returned({ app }: AppProps) {
  if (app.status === 'resubmitted') {
    return (
      <Notice id='resubmitted' kind='info' title='您已修改并重新提交'>
        <Text>请在“我的全部申请”中查看新的申请的办理进度。</Text>
      </Notice>
    )
  }
  if (app.status !== 'returned') return null
  return (
    <View className='card' id='returned'>
      <Text className='section-title'>需要您修改后重新提交</Text>
      <Text className='todo__item'>工作人员请您修改：</Text>
      <Text id='returned-for' className='todo__item' userSelect>
        {app.returnedFor ?? '请联系办理机构了解需要修改的内容'}
      </Text>
      <Text className='todo__note'>不需要补交任何材料。点下面的按钮，原来填写的内容都在，只改需要改的地方。</Text>
      <Button id='correct-open' onClick={() => void Taro.navigateTo({ url: `${FORM_OF[app.kind]}?corrects=${encodeURIComponent(app.applicationId)}` })}>
        修改后重新提交
      </Button>
    </View>
  )
}

/** A person sent to review is told what to do (issue 17), with the office to call. */
export function WhatToDo({ app }: AppProps) {
  if (app.status !== 'pending_review') return null
  const open = app.checks.filter((c) => !c.passed)
  return (
    <View className='card' id='what-to-do'>
      <Text className='section-title'>您需要做什么</Text>
      {open.length === 0 ? <Text className='todo__item'>您不用做什么，等工作人员审核即可。</Text> : null}
      {open.map((c) => (
        <Text key={c.name} id={`todo-${c.name}`} className='todo__item'>
          · {todoOf(c)}
        </Text>
      ))}
      <Text className='todo__note'>不需要补交材料，也不用跑窗口。有疑问可以打电话给办理机构（见下方）。</Text>
    </View>
  )
}
