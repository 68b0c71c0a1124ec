import { useEffect, useRef, useState } from 'react'
import type { ApplicationDetail as Detail } from '@shared/answers'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { REJECTION_REASONS, labelOf } from '@shared/codes'
import { decideSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema'
import { validate } from '@shared/validate'
import { call } from '../../services/cloud'
import { dateText, timeText } from '../../services/format'
import { Button, FormField, Notice } from '../../components'
import { StaffGate } from '../common/StaffGate'
import { LoadState } from '../common/LoadState'
import { KIND_LABEL, STATUS_LABEL } from '../common/labels'
import { checkLabel } from '@shared/check-labels'
import { formLines } from '../common/formValues'
import './index.css'
import { Screen } from '../../components/Screen'
import { SelectSheet } from '../../components/SelectSheet'

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; app: Detail }

export default function DetailPage() {
  return <StaffGate need='reviewer'>{() => <ApplicationDetail />}</StaffGate>
}

function ApplicationDetail() {
  const applicationId = useRouter().params.applicationId ?? ''
  const [state, setState] = useState<State>({ kind: 'loading' })
  const load = async () => {
    setState({ kind: 'loading' })
    if (!applicationId) return setState({ kind: 'error', message: '没有指定要审核的申请，请从待审核列表进入' })
    const res = await call('getApplicationDetail', { applicationId })
    setState(res.ok ? { kind: 'shown', app: res.data } : { kind: 'error', message: res.error.message })
  }
  useEffect(() => {
    void load()
  }, [applicationId])

  return (
    <Screen className='staff detail'>
      <Text className='page__title'>审核申请</Text>
      <LoadState state={state} errorTitle='暂时无法查看这条申请' errorId='detail-error' retryId='detail-retry' onRetry={() => void load()} />
      {state.kind === 'shown' ? <Shown app={state.app} /> : null}
    </Screen>
  )
}

function Shown({ app }: { app: Detail }) {
  const failed = app.checks.filter((c) => !c.passed).length
  const summary: Array<{ k: string; v: string }> = [
    { k: '办件编号', v: app.caseNo },
    { k: '事项', v: KIND_LABEL[app.kind] ?? '申请' },
    { k: '状态', v: STATUS_LABEL[app.status] ?? '状态未知' },
    { k: '申请人', v: app.holderName },
    { k: '所属地区', v: app.regionName },
    { k: '提交时间', v: timeText(app.submittedAt) },
  ]
  if (app.dueDate) summary.push({ k: '办理期限', v: `${dateText(app.dueDate)}${app.dueDateUncertain ? '（节假日安排未公布，可能调整）' : ''}` })
  // 催办 (remindOffice): the person chased a late review — how often and when last (issue 17)
  if (app.reminders?.length) summary.push({ k: '本人催办', v: `${app.reminders.length} 次，最近一次 ${timeText(app.reminders[app.reminders.length - 1])}` })
  return (
    <View>
      <View className='card'>
        {summary.map((r) => (
          <View key={r.k} className='kv'>
            <Text className='kv__k'>{r.k}</Text>
            <Text className='kv__v'>{r.v}</Text>
          </View>
        ))}
      </View>

      <View id='detail-checks' className='card'>
        <Text className='section-title'>核查结果（{failed > 0 ? `${failed} 项未通过` : '全部通过'}）</Text>
        {app.checks.map((c, i) => (
          <View key={`${c.name}-${i}`} id={`check-${c.name}`} className='check'>
            <Text className={`check__icon ${c.passed ? 'check__icon--pass' : 'check__icon--fail'}`} aria-hidden='true'>
              {c.passed ? '✓' : '✗'}
            </Text>
            <View className='check__body'>
              <Text className={`check__title ${c.passed ? '' : 'check__title--fail'}`}>
                {/* the detail usually starts with the check's name already ("身份信息：…") */}
                {c.detail.startsWith(checkLabel(c.name)) ? '' : `${checkLabel(c.name)}：`}
                {c.passed ? '通过' : '未通过'}
              </Text>
              <Text className='check__detail'>{c.detail}</Text>
            </View>
          </View>
        ))}
      </View>

      <View id='detail-form' className='card'>
        <Text className='section-title'>申请表内容</Text>
        {formLines(app.form).map((l) => (
          <View key={l.key} className='kv'>
            <Text className='kv__k'>{l.label}</Text>
            <Text id={`form-${l.key}`} className='kv__v'>
              {l.value}
            </Text>
          </View>
        ))}
      </View>

      {app.status === 'pending_review' ? (
        <Decide applicationId={app.applicationId} />
      ) : (
        <Notice id='detail-decided' kind='info' title={`这条申请${STATUS_LABEL[app.status] ?? '已办结'}`}>
          <Text>{app.decision ? `${timeText(app.decision.at)} ${app.decision.decision === 'approve' ? '审核通过' : app.decision.decision === 'return' ? `退回补正：${app.decision.note ?? ''}` : `审核不通过：${labelOf(REJECTION_REASONS, app.decision.reasonCode) ?? ''}`}` : '无需再审核。'}</Text>
        </Notice>
      )}
    </View>
  )
}

function Decide({ applicationId }: { applicationId: string }) {
  const [decision, setDecision] = useState<'' | 'approve' | 'reject' | 'return'>('')
  const [reasonCode, setReasonCode] = useState('')
  const [note, setNote] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const input = { applicationId, decision: decision || undefined, reasonCode: decision === 'reject' ? reasonCode : undefined, note }
  const checked = validate(decideSchema, input, STAFF_FIELD_LABELS)
  const errors: Record<string, string> = { ...(submitted && !checked.ok ? checked.fields : {}), ...serverFields }
  const needsNote = decision === 'reject' && REJECTION_REASONS.some((r) => r.code === reasonCode && 'needsNote' in r && r.needsNote)

  const submit = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    if (!checked.ok || busyRef.current) return
    const sure = await Taro.showModal({
      title: decision === 'approve' ? '确认审核通过' : decision === 'return' ? '确认退回补正' : '确认不通过',
      content: decision === 'approve'
        ? '通过后将即时办结并通知申请人。'
        : decision === 'return'
          ? '申请人将看到您写的说明，修改后重新提交；不得要求补交材料。'
          : `原因：${labelOf(REJECTION_REASONS, reasonCode)}。将通知申请人，申请人可重新申请。`,
      confirmText: '确认',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    busyRef.current = true
    setBusy(true)
    const res = await call('decideApplication', checked.data)
    busyRef.current = false
    setBusy(false)
    if (!res.ok) {
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
      return
    }
    await Taro.showToast({ title: '已提交', icon: 'success', duration: 1200 }).catch(() => undefined)
    // Back to the queue, which reloads on show; opened directly (a shared link), go there instead.
    setTimeout(() => {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      else void Taro.redirectTo({ url: '/packageStaff/queue/index' })
    }, 800)
  }

  return (
    <View id='decide' className='card'>
      <Text className='section-title'>审核结论</Text>
      {failure ? (
        <Notice id='decide-error' kind='error' title='未能提交'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <FormField path='decision' label='审核结果' required error={errors.decision}>
        <View className='choice' role='radiogroup' aria-label='审核结果'>
          {(
            [
              ['approve', 'decide-approve', '✓ 通过'],
              ['return', 'decide-return', '↩ 退回补正'],
              ['reject', 'decide-reject', '✗ 不通过'],
            ] as const
          ).map(([value, id, label]) => (
            <View
              key={value}
              id={id}
              className={`choice__item${decision === value ? ' choice__item--on' : ''}`}
              role='radio'
              aria-checked={decision === value ? 'true' : 'false'}
              onClick={() => setDecision(value)}
            >
              <Text>{label}</Text>
            </View>
          ))}
        </View>
      </FormField>
      {decision === 'reject' ? (
        <FormField path='reasonCode' label='不通过原因' required hint='只能从列表中选择；不得以材料不全、未参保、户籍不在本地等为由不予登记' error={errors.reasonCode}>
          <SelectSheet id='reason-picker' label='不通过原因' items={REJECTION_REASONS} value={reasonCode} onChange={setReasonCode} error={!!errors.reasonCode} />
        </FormField>
      ) : null}
      {decision ? (
        <FormField
          path='note'
          label={decision === 'return' ? '请申请人修改什么' : '说明'}
          required={needsNote || decision === 'return'}
          hint={decision === 'return' ? '写明需要修改的内容，申请人会原文看到；不得要求补交证明材料' : needsNote ? '选择“其他”时须写明具体原因，申请人会看到这段说明' : '申请人会看到这段说明'}
          error={errors.note}
        >
          <Textarea id='field-note' className={`ta${errors.note ? ' ta--error' : ''}`} value={note} maxlength={200} nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '说明' } : undefined} placeholder='不超过200个字' onInput={(e) => setNote(e.detail.value)} />
        </FormField>
      ) : null}
      <Button id='decide-submit' loading={busy} loadingText='正在提交…' onClick={() => void submit()}>
        提交审核结论
      </Button>
    </View>
  )
}
