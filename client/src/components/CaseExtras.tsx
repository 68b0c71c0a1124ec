/**
 * Around an application, what people of comparable government services expect (issue 17): the office
 * with a phone to tap and a map, what to do while staff review (often: nothing), a late review said
 * plainly with 催办, and the 好差评 rating after 办结. Used on the result screens and 进度查询.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { ApplicationView, Check, OfficeView, RatingView } from '@shared/api'
import { beijingDate, compareDates } from '@shared/dates'
import { call } from '../services/cloud'
import { uuid } from '../services/ids'
import { KIND_LABELS } from './ApplicationView'
import { Button } from './Button'
import { Notice } from './Notice'
import { PhoneLink } from './PhoneText'
import './components.css'

export function OfficeCard({ office, title = '办理机构' }: { office?: OfficeView; title?: string }) {
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

/** A person sent to review is told what to do (issue 17), with the office to call. */
/**
 * After the first answer (issue 20): withdraw while staff have not decided (or instead of correcting a
 * returned one), and 复核 of a rejection — once, by another staff member than the one who decided. The
 * cloud validates with the shared schemas; this page only keeps the obvious (a reason of 5–500 字).
 */
export function AfterAnswer({ app, onChanged }: { app: ApplicationView; onChanged: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const requestId = useRef(uuid())
  const canWithdraw = app.status === 'pending_review' || app.status === 'returned'
  const canReview = app.status === 'rejected' && !app.reviewRequested
  if (!canWithdraw && !canReview) return null

  const withdraw = async () => {
    const sure = await Taro.showModal({ title: '确认撤回', content: '撤回后工作人员不再审核这条申请，您可以随时重新申请。', confirmText: '撤回', cancelText: '不撤回' }).catch(() => ({ confirm: false }))
    if (!sure.confirm || busy) return
    setBusy(true)
    const res = await call('withdrawApplication', { requestId: requestId.current, applicationId: app.applicationId })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    requestId.current = uuid()
    onChanged()
  }
  const review = async () => {
    setError('')
    const text = reason.trim()
    if (text.length < 5) return setError('请用一两句话写明申请复核的理由')
    if (busy) return
    setBusy(true)
    const res = await call('requestReview', { requestId: requestId.current, applicationId: app.applicationId, reason: text })
    setBusy(false)
    if (!res.ok) return setError(res.error.fields?.reason ?? res.error.message)
    requestId.current = uuid()
    onChanged()
  }

  return (
    <View className='card' id='after-answer'>
      {error ? (
        <Notice id='after-answer-error' kind='error' title='未能办理'>
          <Text>{error}</Text>
        </Notice>
      ) : null}
      {canReview ? (
        <View id='review-request'>
          <Text className='section-title'>对结果有异议？申请复核</Text>
          <Text className='todo__note'>复核由作出决定以外的工作人员办理，每条申请可以申请一次。也可以依法申请行政复议或者提起行政诉讼。</Text>
          <Textarea
            id='review-reason'
            className='ta'
            value={reason}
            maxlength={500}
            placeholder='写明您认为结果不对的理由，不需要提供材料'
            nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '复核理由' } : undefined}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button id='review-submit' loading={busy} loadingText='正在提交…' onClick={() => void review()}>
            申请复核
          </Button>
        </View>
      ) : null}
      {canWithdraw ? (
        <Button id='withdraw' variant='secondary' loading={busy} loadingText='正在撤回…' onClick={() => void withdraw()}>
          撤回这条申请
        </Button>
      ) : null}
    </View>
  )
}

/**
 * 受理 / 办结回执 (issue 17): what the person can keep and show — 办件编号, 事项, 申请人 (masked), times, result
 * or due date, the office. Copy as text (WeChat: the clipboard) or keep a screenshot; the same facts the
 * cloud holds, nothing the page makes up.
 */
export function Receipt({ app }: { app: ApplicationView }) {
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
export function HardshipCard({ app }: { app: ApplicationView }) {
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
export function InsuranceClaimCard({ app }: { app: ApplicationView }) {
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
export function Returned({ app }: { app: ApplicationView }) {
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

export function WhatToDo({ app }: { app: ApplicationView }) {
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

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)

/**
 * A review past its due date (issue 17: "11月25日前办结" still shown on 12月2日): say it is late, what the
 * office owes, and offer 催办 (remindOffice, once a day) and the office's phone.
 */
export function Overdue({ app, today = beijingDate(Date.now()) }: { app: ApplicationView; today?: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' })
  if (app.status !== 'pending_review' || !app.dueDate || compareDates(today, app.dueDate) <= 0) return null
  const late = daysBetween(app.dueDate, today)
  const remindedToday = (app.reminders ?? []).some((t) => t.slice(0, 10) === today)
  const remind = async () => {
    setState({ kind: 'busy' })
    const res = await call('remindOffice', { applicationId: app.applicationId })
    if (res.ok) setState({ kind: 'done', text: res.data.alreadyToday ? '今天已经催办过了，工作人员已收到。明天还没办结的，可以再催办。' : '已催办，办理机构会收到提醒。' })
    else setState({ kind: 'error', text: res.error.message })
  }
  return (
    <View id='overdue'>
      <Notice kind='error' title={`已超过办结期限 ${late} 天`}>
        <Text>
          按规定，这件事应当在 {app.dueDate} 前办结，现在已经超期。办理机构应当尽快给您结果，并说明超期的原因。您可以催办，也可以直接打电话询问。
        </Text>
      </Notice>
      {state.kind === 'done' || remindedToday ? (
        <Notice id='remind-done' kind='success' title='已催办'>
          <Text>{state.kind === 'done' ? state.text : '今天已经催办过了，工作人员已收到。明天还没办结的，可以再催办。'}</Text>
        </Notice>
      ) : (
        <Button id='remind-office' loading={state.kind === 'busy'} loadingText='正在催办…' onClick={() => void remind()}>
          催办
        </Button>
      )}
      {app.office ? (
        <View className='office__line overdue__call' id='overdue-call'>
          <Text>{app.office.name}电话：</Text>
          <PhoneLink id='overdue-phone' phone={app.office.phone} />
        </View>
      ) : null}
      {state.kind === 'error' ? (
        <Notice id='remind-error' kind='error' title='没有催办成功'>
          <Text>{state.text}</Text>
        </Notice>
      ) : null}
    </View>
  )
}

const STARS = [1, 2, 3, 4, 5] as const
const STAR_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意']

/** 政务服务"好差评" after 办结: 1–5 and a comment, once per application (rateService). */
export function RateService({ app }: { app: ApplicationView }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [given, setGiven] = useState<RatingView | undefined>(app.rating)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const requestId = useRef(uuid())
  if (app.status !== 'approved' && app.status !== 'rejected') return null
  if (given) {
    return (
      <View className='card' id='rating-given'>
        <Text className='section-title'>您的评价</Text>
        <Text className='rate__given'>
          {'★'.repeat(given.score)}
          {'☆'.repeat(5 - given.score)} {given.score}星，{STAR_WORDS[given.score]}
        </Text>
        {given.comment ? <Text className='rate__comment'>“{given.comment}”</Text> : null}
        <Text className='todo__note'>谢谢您的评价，它会转给办理机构。</Text>
      </View>
    )
  }
  const submit = async () => {
    if (score === 0) return setFailure('请先选择几颗星')
    setBusy(true)
    setFailure('')
    const res = await call('rateService', { requestId: requestId.current, applicationId: app.applicationId, score, comment })
    setBusy(false)
    if (res.ok) setGiven(res.data.rating)
    else setFailure(res.error.fields ? Object.values(res.error.fields)[0] : res.error.message)
  }
  return (
    <View className='card' id='rate'>
      <Text className='section-title'>评价这次办理（好差评）</Text>
      <Text className='todo__note'>您的评价会转给办理机构，帮助他们改进。每件事评价一次。</Text>
      <View className='rate__stars' role='radiogroup' aria-label='满意程度'>
        {STARS.map((n) => (
          <View
            key={n}
            id={`rate-star-${n}`}
            className={`rate__star${score >= n ? ' rate__star--on' : ''}`}
            role='radio'
            aria-checked={score === n ? 'true' : 'false'}
            aria-label={`${n}星，${STAR_WORDS[n]}`}
            hoverClass='rate__star--hover'
            onClick={() => setScore(n)}
          >
            {score >= n ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Text className='rate__word'>{score ? `${score}星：${STAR_WORDS[score]}` : '点星星打分'}</Text>
      <Textarea
        id='rate-comment'
        className='ta__input rate__text'
        value={comment}
        maxlength={200}
        placeholder='想说的话（选填，不超过200个字）'
        nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '评价内容（选填）' } : undefined}
        onInput={(e) => setComment(e.detail.value)}
      />
      {failure ? (
        <Notice id='rate-error' kind='error' title='没有提交成功'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <Button id='rate-submit' loading={busy} loadingText='正在提交…' onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}
