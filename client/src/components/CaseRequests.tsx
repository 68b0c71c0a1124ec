/**
 * Around an application, what the person asks the cloud for (issue 20, issue 17): 撤回 and 复核 after the
 * first answer, and 催办 of a late review. Exported through components/CaseExtras.tsx with the rest.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { beijingDate, compareDates } from '@shared/dates'
import { call } from '../services/cloud'
import { uuid } from '../services/ids'
import { Button } from './Button'
import { Notice } from './Notice'
import { PhoneLink } from './PhoneText'
import type { AppProps } from './ApplicationView'
import './components.css'

/**
 * After the first answer (issue 20): withdraw while staff have not decided (or instead of correcting a
 * returned one), and 复核 of a rejection — once, by another staff member than the one who decided. The
 * cloud validates with the shared schemas; this page only keeps the obvious (a reason of 5–500 字).
 */
export function AfterAnswer({ app, onChanged }: AppProps & { /** withdrawn or 复核 asked: the page queries the application again */ onChanged: () => void }) {
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

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)

/**
 * A review past its due date (issue 17: "11月25日前办结" still shown on 12月2日): say it is late, what the
 * office owes, and offer 催办 (remindOffice, once a day) and the office's phone.
 */
export function Overdue({ app, today = beijingDate(Date.now()) }: AppProps & { /** Beijing date YYYY-MM-DD to judge lateness by (default the phone's) */ today?: string }) {
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
