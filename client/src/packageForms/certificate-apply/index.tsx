import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { CounterLink } from '../../components/CounterLink'
import { View, Text } from '@tarojs/components'
import type { ApplicationView } from '@shared/api'
import type { ActionInput } from '@shared/contract'
import { makeApplyCertificateSchema } from '@shared/certificate.schema'
import { validate } from '@shared/validate'
import { beijingDate } from '@shared/dates'
import { COMMITMENTS } from '@shared/commitment'
import { PHASE_TEXT, submitAsCitizen, type Phase } from '../../services/submission'
import { uuid } from '../../services/ids'
import { Button, ErrorSummary, FormField, Notice, type SummaryItem } from '../../components'
import { AddressFields, ContactFields, IdentityFields } from '../../components/PersonFields'
import { changePerson } from '../../forms/person'
import { DRAFT_KEY, LABELS, ORDER, correctionDraft, hasContent, newDraft, restoreDraft, toInput, type Draft } from './form'
import { call } from '../../services/cloud'
import './index.css'
import { Screen } from '../../components/Screen'
import { CheckList } from '../../components/ApplicationView'
import { IdNumberConsent } from '../../components/IdNumberConsent'

type Outcome =
  | { kind: 'issued'; app: ApplicationView }
  | { kind: 'pending'; app: ApplicationView }
  | { kind: 'other'; app: ApplicationView }

/** Codes of answers the server gave after refusing the submission: nothing was stored. */
const REFUSED = ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED']

function loadDraft(): { draft: Draft; restored: boolean } {
  let stored: unknown
  try {
    stored = Taro.getStorageSync(DRAFT_KEY)
  } catch {
    stored = undefined
  }
  const d = restoreDraft(stored)
  return d ? { draft: d, restored: hasContent(d.values) } : { draft: newDraft(), restored: false }
}

/** The notice and the separate consent for the ID number come before the form (components/IdNumberConsent.tsx). */
export default function CertificateApply() {
  return (
    <IdNumberConsent service='申领《就业创业证》' guideKind='certificate'>
      <ApplyForm />
    </IdNumberConsent>
  )
}

function ApplyForm() {
  const initial = useMemo(loadDraft, [])
  const [draft, setDraft] = useState<Draft>(initial.draft)
  const [restored, setRestored] = useState(initial.restored)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  /** what the submit button says while busy: 核验本人身份 → 提交 → 重试 */
  const [phase, setPhase] = useState<Phase>('idle')
  /** no answer (offline or lost): kept on the phone, sent when the network is back (services/outbox.ts) */
  const [kept, setKept] = useState(false)
  const [failureTitle, setFailureTitle] = useState('提交没有成功')
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [formKey, setFormKey] = useState(0)
  const busyRef = useRef(false)

  // 家人代办: opened with `for=` — this 申领 is for the family member who invited the helper
  const forDelegation = Taro.getCurrentInstance().router?.params?.for
  useEffect(() => {
    if (!forDelegation) return
    const id = decodeURIComponent(forDelegation)
    setDraft((d) => (d.onBehalfOf === id ? d : { ...newDraft(), onBehalfOf: id }))
  }, [forDelegation])

  // 退回补正: opened with `corrects=` from 进度查询 — the returned answers, and what to change
  const corrects = Taro.getCurrentInstance().router?.params?.corrects
  const [correcting, setCorrecting] = useState<string | null>(null)
  useEffect(() => {
    if (!corrects) return
    let gone = false
    void call('getReturnedApplication', { applicationId: decodeURIComponent(corrects) }).then((res) => {
      if (gone) return
      if (!res.ok) {
        setFailureTitle('不能修改这条申请')
        setFailure(res.error.message)
        return
      }
      setCorrecting(res.data.returnedFor)
      setRestored(false)
      setDraft(correctionDraft(res.data.applicationId, res.data.form))
      setFormKey((k) => k + 1)
    })
    return () => {
      gone = true
    }
  }, [corrects])

  // Every change is kept: a weak network or a phone call must never cost a half-filled form.
  useEffect(() => {
    if (outcome) return
    try {
      Taro.setStorageSync(DRAFT_KEY, draft)
    } catch {
      // storage full or unavailable: the form still works, only the draft is not kept
    }
  }, [draft, outcome])

  const today = beijingDate(Date.now())
  const schema = useMemo(() => makeApplyCertificateSchema({ today }), [today])
  const checked = useMemo(() => validate(schema, toInput(draft)), [schema, draft])
  const ruleErrors: Record<string, string> = checked.ok ? {} : checked.fields
  const touched = useMemo(() => new Set(draft.touched), [draft.touched])

  /** A field shows its error once visited, or everywhere after the first submit. */
  const errorOf = (path: string): string | undefined => {
    if (serverFields[path]) return serverFields[path]
    if (!submitted && !touched.has(path)) return undefined
    return ruleErrors[path]
  }

  const change = (path: string, value: string) => {
    // changePerson also fills in the gender from a 居民身份证 number (the person can still change it).
    setDraft((d) => ({ ...d, values: changePerson(d.values, path, value) }))
    if (serverFields[path]) setServerFields(({ [path]: _, ...rest }) => rest)
    setRestored(false)
  }
  const touch = (path: string) => {
    setDraft((d) => (d.touched.includes(path) ? d : { ...d, touched: [...d.touched, path] }))
  }
  const field = (path: string) => ({
    path,
    label: LABELS[path],
    error: errorOf(path),
    onBlur: () => touch(path),
  })

  const parts = { values: draft.values, field, change, touch, today }

  const visibleErrors = (): SummaryItem[] => {
    const all = { ...ruleErrors, ...serverFields }
    const paths = [...ORDER, ...Object.keys(all).filter((p) => !ORDER.includes(p))]
    return paths
      .filter((p) => all[p])
      .filter((p) => !(draft.sameAsHukou && p.startsWith('residenceAddress.')))
      .map((p) => ({ path: p, label: LABELS[p] ?? '其他', message: all[p] }))
  }

  const startOver = () => {
    const d = newDraft()
    setDraft(d)
    setSubmitted(false)
    setServerFields({})
    setFailure('')
    setRestored(false)
    setFormKey((k) => k + 1)
  }

  const submit = async () => {
    if (busyRef.current) return
    setSubmitted(true)
    setFailure('')
    setRestored(false)
    const input = toInput(draft)
    const local = validate(schema, input)
    if (!local.ok) {
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      return
    }
    busyRef.current = true
    setBusy(true)
    setFailureTitle('提交没有成功')
    const out = await submitAsCitizen({
      action: 'applyCertificate',
      // the form as typed, checked above by the action's own schema (`validate(schema, input)`)
      input: input as ActionInput<'applyCertificate'> & { requestId: string },
      person: { name: String(input.name), idNumber: String(input.idNumber), idType: String(input.idType) },
      title: '申领《就业创业证》',
      draftKey: DRAFT_KEY,
      retryUrl: '/packageForms/certificate-apply/index',
      onPhase: setPhase,
    })
    busyRef.current = false
    setBusy(false)
    if (out.kind === 'kept') {
      // The draft stays in storage until the outbox has delivered it (it removes the draft then).
      setKept(true)
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      return
    }
    if (out.kind === 'not-verified') {
      setFailureTitle('本人身份核验没有通过')
      setFailure(out.message)
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      return
    }
    const res = out.result
    if (res.ok) {
      const app = res.data
      const kind = app.status === 'approved' && app.certificate ? 'issued' : app.status === 'pending_review' ? 'pending' : 'other'
      setOutcome({ kind, app } as Outcome)
      try {
        Taro.removeStorageSync(DRAFT_KEY)
      } catch {
        // nothing to clean
      }
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      return
    }
    const { error } = res
    // Refused answers stored nothing: a corrected resubmission is a new submission. After a
    // lost answer (network, 5xx) we keep the requestId so a retry cannot apply twice.
    if (REFUSED.includes(error.code)) setDraft((d) => ({ ...d, requestId: uuid() }))
    if (error.fields && Object.keys(error.fields).length > 0) setServerFields(error.fields)
    setFailure(error.message)
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
  }

  if (outcome) return <Result outcome={outcome} onAgain={startOver} clear={() => setOutcome(undefined)} />
  if (kept) return <Kept />

  const summary = submitted ? visibleErrors() : []
  const showFailure = failure && !(summary.length > 0 && Object.keys(serverFields).length > 0)

  return (
    <Screen className='apply' key={formKey}>
      <Text className='page__title'>申领《就业创业证》</Text>
      <Text className='page__lead'>只需填写基本信息，不用上传任何材料。带 * 的为必填项。核验通过后即时签发电子证。</Text>

      {draft.onBehalfOf ? (
        <Notice id='on-behalf' kind='info' title='您正在为家人办理'>
          <Text>请填写家人本人的信息。提交后家人会收到通知，可以随时撤销代办。</Text>
        </Notice>
      ) : null}
      {correcting !== null ? (
        <Notice id='correcting' kind='info' title='请按工作人员的说明修改后重新提交'>
          <Text id='correcting-for'>{correcting}</Text>
          <Text>原来填写的内容都已保留，只改需要改的地方；不需要补交任何材料。</Text>
        </Notice>
      ) : null}
      {restored ? (
        <Notice id='draft-restored' kind='info' title='已恢复您上次未提交的填写内容'>
          <Text>可以继续填写。</Text>
          <View id='draft-clear' className='apply__link' role='button' onClick={startOver}>
            清空重填
          </View>
        </Notice>
      ) : null}
      {showFailure ? (
        <Notice id='submit-error' kind='error' title={failureTitle}>
          <Text>{failure}</Text>
          {failureTitle === '本人身份核验没有通过' ? <CounterLink /> : null}
        </Notice>
      ) : null}
      <ErrorSummary items={summary} />

      <IdentityFields {...parts} />
      <AddressFields {...parts} sameAsHukou={draft.sameAsHukou} onSameAsHukou={(on) => setDraft((d) => ({ ...d, sameAsHukou: on }))} />
      <ContactFields {...parts} />

      <View className='card'>
        <Text className='section-title'>个人信息书面申报承诺</Text>
        <View className='wiz__commit-text' id='commit-text'>
          <Text>{COMMITMENTS.certificate.text}</Text>
        </View>
        <FormField path='commitment' label='请阅读上面的承诺内容' required error={errorOf('commitment')}>
          <View
            id='commit-accept'
            className={`wiz__check${draft.accepted ? ' wiz__check--on' : ''}${errorOf('commitment') ? ' wiz__check--error' : ''}`}
            role='checkbox'
            aria-checked={draft.accepted ? 'true' : 'false'}
            aria-label='我已阅读并承诺'
            hoverClass='cf__option--hover'
            onClick={() => {
              setDraft((d) => ({ ...d, accepted: !d.accepted }))
              if (serverFields.commitment) setServerFields(({ commitment: _, ...rest }) => rest)
              touch('commitment')
            }}
          >
            <Text className='cf__mark cf__mark--box' aria-hidden='true'>
              {draft.accepted ? '✓' : ''}
            </Text>
            <Text className='cf__text'>我已阅读并承诺</Text>
          </View>
        </FormField>
        <Text className='wiz__note'>线上申领不用提供任何材料。提交时系统会记录您作出承诺的时间和承诺内容。</Text>
      </View>

      <Button id='submit' loading={busy} loadingText={PHASE_TEXT[phase] || '正在提交…'} onClick={submit}>
        提交申领
      </Button>
      <Text className='apply__footnote'>填写内容会自动保存在本机，下次打开可继续填写。</Text>
    </Screen>
  )
}

function Result({ outcome, onAgain, clear }: { outcome: Outcome; onAgain: () => void; clear: () => void }) {
  const { app } = outcome
  const goCertificate = () => Taro.redirectTo({ url: '/packageMine/certificate/index' })
  const goHome = () => {
    clear()
    onAgain()
    Taro.reLaunch({ url: '/pages/index/index' })
  }
  if (outcome.kind === 'issued') {
    return (
      <Screen className='apply' id='result-issued'>
        <Notice kind='success' title='电子证已签发'>
          <Text>您的电子《就业创业证》已签发，可在“我的电子证”中随时查看。</Text>
        </Notice>
        <View className='card'>
          <Text className='result__label'>证书编号</Text>
          <Text id='cert-no' className='result__number' userSelect>
            {app.certificate?.certificateNo}
          </Text>
        </View>
        <Button id='go-certificate' onClick={goCertificate}>
          查看我的电子证
        </Button>
        <Button id='go-home' variant='secondary' onClick={goHome}>
          返回首页
        </Button>
      </Screen>
    )
  }
  if (outcome.kind === 'pending') {
    return (
      <Screen className='apply' id='result-pending'>
        <Notice kind='info' title='申请已提交，需要工作人员核实'>
          <Text>系统自动核验时，有的信息需要工作人员进一步核实。您不需要补交材料，核实后会通知您结果。</Text>
        </Notice>
        <CheckList checks={app.checks} />
        {app.dueDate ? (
          <View className='card'>
            <Text className='result__label'>预计办结日期</Text>
            <Text id='due-date' className='result__number'>
              {app.dueDate}
            </Text>
            <Text className='result__hint'>
              {app.dueDateUncertain ? '（按工作日推算，节假日安排公布后可能调整）' : '（按工作日计算）'}
            </Text>
          </View>
        ) : null}
        {app.nextStep ? <Text className='page__lead'>{app.nextStep}</Text> : null}
        <Button id='go-home' onClick={goHome}>
          返回首页
        </Button>
      </Screen>
    )
  }
  return (
    <Screen className='apply' id='result-other'>
      <Notice kind='info' title='申请已受理'>
        <Text>{app.nextStep || '请在“我的电子证”中查看办理情况。'}</Text>
      </Notice>
      <Button id='go-certificate' onClick={goCertificate}>
        查看我的电子证
      </Button>
      <Button id='go-home' variant='secondary' onClick={goHome}>
        返回首页
      </Button>
    </Screen>
  )
}

/** No answer came: the submission is kept on the phone and sent by the outbox when the network is back. */
function Kept() {
  return (
    <Screen className='apply' id='result-kept'>
      <Notice id='kept-notice' kind='info' title='已保存，联网后自动提交'>
        <Text>现在网络不通。您的申请已保存在本机，联网后会自动提交，不用重填，也不会重复提交。提交后可以在“进度查询”里查看结果。</Text>
      </Notice>
      <Button id='go-home' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}
