/**
 * The step-by-step registration form (失业登记, 灵活就业登记): 1 基本信息, 2 联系方式与地址,
 * 3 the form's own situation, 4 承诺, 5 确认提交. 下一步 checks only that step's fields, with the
 * shared schema (the cloud runs the same one); nothing typed is lost when moving between steps;
 * the draft (values, step, requestId, commitment) is in storage after every change and restored.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { CounterLink } from '../components/CounterLink'
import { View, Text } from '@tarojs/components'
import type { ActionName, ApplicationView } from '@shared/api'
import { COMMITMENTS, type CommitmentKind } from '@shared/commitment'
import { ETHNICITIES, EDUCATIONS, GENDERS, HEALTH_STATUSES, ID_TYPES, POLITICAL_STATUSES, DISABILITY_LEVELS, labelOf, type CodeItem } from '@shared/codes'
import { regionName } from '@shared/regions'
import { CONFIRM_LABEL, SUPERSEDES, endsWarning } from '@shared/registrations'
import type { ActionInput } from '@shared/contract'
import { validate } from '@shared/validate'
import { beijingDate } from '@shared/dates'
import type { z } from 'zod'
import { call } from '../services/cloud'
import { PHASE_TEXT, submitAsCitizen, type Phase } from '../services/submission'
import { useElder } from '../services/elder'
import { uuid } from '../services/ids'
import { askSubscription } from '../services/subscribe'
import { changePerson, DISABLED, NEEDS_BIRTH_DATE, personHasContent } from '../forms/person'
import {
  COMMON_LABELS,
  STEP_COMMITMENT,
  STEP_CONFIRM,
  STEP_CONTACT,
  STEP_COUNT,
  STEP_PERSON,
  STEP_SITUATION,
  draftHasContent,
  getPath,
  correctionDraft,
  newRegistrationDraft,
  prefill,
  registrationInput,
  restoreRegistrationDraft,
  setPath,
  stepOf,
  type Extra,
  type RegistrationDraft,
} from '../forms/registration'
import { Button } from './Button'
import { ErrorSummary, type SummaryItem } from './ErrorSummary'
import { FormField } from './FormField'
import { Notice } from './Notice'
import { TextField } from './TextField'
import { AddressFields, ContactFields, IdentityFields, type FieldBinding } from './PersonFields'
import { SignaturePad } from './SignaturePad'
import { CheckList, DueDate, NextStep, StatusHeadline } from './ApplicationView'
import { OfficeCard, WhatToDo } from './CaseExtras'
import { errorId } from './ids'
import { CREDIT_RECORD_NOTE } from './plainWords'
import './components.css'
import { Screen } from './Screen'
import { IdNumberConsent } from './IdNumberConsent'

export interface SituationProps {
  extra: Extra
  field: (path: string) => FieldBinding
  change: (path: string, value: unknown) => void
  touch: (path: string) => void
  today: string
  /** 长辈模式: show only this group of the step (spec.situationParts); undefined = all */
  part?: number
  /** the person step's answers (a question may depend on the addresses, e.g. region-profiles.ts asksStableEmployment) */
  person?: { hukouAddress?: { regionCode: string }; residenceAddress?: { regionCode: string } }
}

export interface ConfirmRow {
  label: string
  value: string
}

export interface RegistrationSpec {
  kind: Exclude<CommitmentKind, 'certificate'>
  action: Extract<ActionName, 'submitUnemploymentRegistration' | 'submitFlexibleEmployment'>
  draftKey: string
  /** page heading, e.g. 失业人员登记 */
  title: string
  lead: string
  /** titles of the 5 steps */
  stepTitles: readonly [string, string, string, string, string]
  commitmentTitle: string
  /** the form's own fields, empty */
  own: Extra
  ownInput: (extra: Extra) => Record<string, unknown>
  makeSchema: (today: string) => z.ZodType
  /** labels of the form's own field paths, in the order they appear (the summary keeps it) */
  labels: Record<string, string>
  Situation: (props: SituationProps) => ReactNode
  /** the situation step's field groups (path heads), one group per screen in 长辈模式 */
  situationParts?: string[][]
  confirmRows: (extra: Extra) => ConfirmRow[]
  submitText: string
}

/** Answers the server gave after refusing the submission: nothing was stored. */
const REFUSED = ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED']

function readStorage(key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

const scrollTop = () => Taro.pageScrollTo({ scrollTop: 0, duration: 0 })

const IDENTITY_PART = ['qualifications']
const CONTACT_PARTS = [['phone', 'landline', 'email', 'otherContact'], ['hukouAddress'], ['residenceAddress']]

/**
 * 长辈模式 (issue "Citizen experience" §2, fewer fields per step): each step shows one group of
 * fields at a time — 身份信息 then 职业资格; 联系方式, 户籍地址, 常住地址; the situation's groups.
 * Returns the group of a field path within its step.
 */
function partOf(step: number, path: string, spec: RegistrationSpec): number {
  const head = path.split('.')[0]
  if (step === STEP_PERSON) return IDENTITY_PART.includes(head) ? 1 : 0
  if (step === STEP_CONTACT) return Math.max(0, CONTACT_PARTS.findIndex((g) => g.includes(head)))
  if (step === STEP_SITUATION && spec.situationParts) return Math.max(0, spec.situationParts.findIndex((g) => g.includes(head)))
  return 0
}

/** The field heads that hold something after a pre-fill (issue 17: the notice only where something was filled). */
function filledHeads(d: RegistrationDraft): string[] {
  const has = (x: unknown): boolean =>
    typeof x === 'string' ? x.trim() !== '' : Array.isArray(x) ? x.some(has) : !!x && typeof x === 'object' ? Object.values(x).some(has) : false
  const heads = Object.entries(d.person)
    .filter(([k, v]) => k !== 'idType' && has(v))
    .map(([k]) => k)
  if (has(d.extra.otherContact)) heads.push('otherContact')
  if (has(d.extra.qualifications)) heads.push('qualifications')
  // 常住地址 = 户籍地址: its part of the step is the switch, filled too
  if (d.sameAsHukou && heads.includes('hukouAddress')) heads.push('residenceAddress')
  return heads
}

function partsIn(step: number, spec: RegistrationSpec, sameAsHukou: boolean): number {
  if (step === STEP_PERSON) return 2
  // 常住地址 = 户籍地址: its group is only the switch, shown with the 户籍地址
  if (step === STEP_CONTACT) return sameAsHukou ? 2 : 3
  if (step === STEP_SITUATION) return spec.situationParts?.length ?? 1
  return 1
}

/** The notice and the separate consent for the ID number come before step 1 (components/IdNumberConsent.tsx). */
export function RegistrationWizard({ spec }: { spec: RegistrationSpec }) {
  return (
    <IdNumberConsent service={spec.title} guideKind={spec.kind}>
      <Wizard spec={spec} />
    </IdNumberConsent>
  )
}

function Wizard({ spec }: { spec: RegistrationSpec }) {
  const initial = useMemo(() => {
    const d = restoreRegistrationDraft(readStorage(spec.draftKey), spec.own)
    return d ? { draft: d, restored: draftHasContent(d, spec.own) } : { draft: newRegistrationDraft(spec.own), restored: false }
  }, [spec])
  const [draft, setDraft] = useState<RegistrationDraft>(initial.draft)
  const [restored, setRestored] = useState(initial.restored)
  /** the field heads the person's last submission filled in (the notice shows only where they are) */
  const [prefilled, setPrefilled] = useState<string[]>([])
  /** steps whose 下一步 (or 提交) was pressed: their errors show even on fields not visited */
  const [attempted, setAttempted] = useState<number[]>([])
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const [phase, setPhase] = useState<Phase>('idle')
  /** no answer (offline or lost): kept on the phone and sent when the network is back (services/outbox.ts) */
  const [kept, setKept] = useState(false)
  const [failureTitle, setFailureTitle] = useState('提交没有成功')
  const [outcome, setOutcome] = useState<ApplicationView | undefined>()
  const [formKey, setFormKey] = useState(0)
  const busyRef = useRef(false)
  const elder = useElder()
  /** the group of the step shown in 长辈模式 (0 otherwise) */
  const [part, setPart] = useState(0)
  const draftRef = useRef(draft)
  draftRef.current = draft

  // Every change is kept: a weak network or a phone call must never cost a half-filled form.
  useEffect(() => {
    if (outcome) return
    try {
      Taro.setStorageSync(spec.draftKey, draft)
    } catch {
      // storage full or unavailable: the form still works, only the draft is not kept
    }
  }, [draft, outcome, spec.draftKey])

  // 家人代办: opened with `for=` from 家人代办 — this fill is made for the person who invited the helper
  const forDelegation = Taro.getCurrentInstance().router?.params?.for
  useEffect(() => {
    if (!forDelegation) return
    const id = decodeURIComponent(forDelegation)
    setDraft((d) => (d.onBehalfOf === id ? d : { ...newRegistrationDraft(spec.own), onBehalfOf: id }))
  }, [forDelegation, spec.own])

  // 退回补正: opened with `corrects=` from 进度查询 — the returned answers, and what to change.
  const corrects = Taro.getCurrentInstance().router?.params?.corrects
  const [correcting, setCorrecting] = useState<{ applicationId: string; returnedFor: string } | null>(null)
  useEffect(() => {
    if (!corrects) return
    let gone = false
    const id = decodeURIComponent(corrects)
    void call('getReturnedApplication', { applicationId: id }).then((res) => {
      if (gone) return
      if (!res.ok) {
        setFailureTitle('不能修改这条申请')
        setFailure(res.error.message)
        return
      }
      setCorrecting({ applicationId: res.data.applicationId, returnedFor: res.data.returnedFor })
      setRestored(false)
      setDraft(correctionDraft(spec.own, res.data.applicationId, res.data.form))
      setFormKey((k) => k + 1)
    })
    return () => {
      gone = true
    }
  }, [corrects, spec.own])

  // No draft: start from the person's earlier submission, if any (their own data, unmasked); a helper
  // fills in the family member's details, not their own.
  useEffect(() => {
    if (initial.restored || corrects || forDelegation) return
    let gone = false
    void call('getMyProfile').then((res) => {
      if (gone || !res.ok || !res.data.person) return
      // the person started typing meanwhile: what they typed wins
      if (personHasContent(draftRef.current.person)) return
      const person = res.data.person
      setDraft((d) => {
        const filled = prefill(d, person)
        setPrefilled(filledHeads(filled))
        return filled
      })
      setFormKey((k) => k + 1)
    })
    return () => {
      gone = true
    }
  }, [initial.restored])

  // What of the person's would end (shared/registrations.ts): warned, and ticked, before submitting.
  const [holding, setHolding] = useState<{ since: string } | null>(null)
  /** a registration of this same kind already in force (issue 20: said before step 1, not after five) */
  const [already, setAlready] = useState<{ since: string } | null>(null)
  useEffect(() => {
    let gone = false
    void call('getMyStatus').then((res) => {
      if (gone || !res.ok) return
      const other = res.data.registrations.find((r) => r.kind === SUPERSEDES[spec.kind].ends)
      setHolding(other ? { since: other.since } : null)
      const same = res.data.registrations.find((r) => r.kind === spec.kind)
      setAlready(same ? { since: same.since } : null)
    })
    return () => {
      gone = true
    }
  }, [spec.kind])

  const today = beijingDate(Date.now())
  const schema = useMemo(() => spec.makeSchema(today), [spec, today])
  const input = useMemo(() => registrationInput(spec.kind, draft, spec.ownInput), [spec, draft])
  const checked = useMemo(() => validate(schema, input), [schema, input])
  const ruleErrors: Record<string, string> = checked.ok ? {} : checked.fields
  const touched = useMemo(() => new Set(draft.touched), [draft.touched])
  const step = draft.step
  const labels = useMemo(() => ({ ...COMMON_LABELS, ...spec.labels }), [spec])

  const errorOf = (path: string): string | undefined => {
    if (serverFields[path]) return serverFields[path]
    if (!attempted.includes(stepOf(path)) && !touched.has(path)) return undefined
    return ruleErrors[path]
  }

  const edit = (update: (d: RegistrationDraft) => RegistrationDraft, path?: string) => {
    setDraft(update)
    if (path && serverFields[path]) setServerFields(({ [path]: _, ...rest }) => rest)
    setRestored(false)
  }
  const changePersonField = (path: string, value: string) => edit((d) => ({ ...d, person: changePerson(d.person, path, value) }), path)
  const changeExtra = (path: string, value: unknown) => edit((d) => ({ ...d, extra: setPath(d.extra, path, value) }), path)
  const touch = (path: string) => setDraft((d) => (d.touched.includes(path) ? d : { ...d, touched: [...d.touched, path] }))
  const field = (path: string): FieldBinding => ({ path, label: labels[path] ?? COMMON_LABELS[path] ?? '', error: errorOf(path), onBlur: () => touch(path) })

  /** The errors of one step (all steps when undefined), in the order of the page. */
  const errorsOf = (only?: number): SummaryItem[] => {
    const all = { ...ruleErrors, ...serverFields }
    const order = Object.keys(labels)
    const paths = [...order.filter((p) => p in all), ...Object.keys(all).filter((p) => !order.includes(p))]
    return paths
      .filter((p) => only === undefined || stepOf(p) === only)
      .filter((p) => !(draft.sameAsHukou && p.startsWith('residenceAddress.')))
      .map((p) => ({ path: p, label: labels[p] ?? labels[p.split('.')[0]] ?? '其他', message: all[p] }))
  }

  const goTo = (n: number, toPart = 0) => {
    setDraft((d) => ({ ...d, step: Math.max(0, Math.min(STEP_COUNT - 1, n)) }))
    setPart(toPart)
    setFailure('')
    scrollTop()
  }

  const partCount = elder ? partsIn(step, spec, draft.sameAsHukou) : 1
  const shownPart = Math.min(part, partCount - 1)
  /** in 长辈模式 only the group on screen is checked by 下一步; the step's other groups come next */
  const inView = (p: string) => !elder || partOf(step, p, spec) === shownPart
  /** the first group holding one of these paths (where to bring the person to fix them) */
  const firstPart = (n: number, paths: string[]) => (elder ? Math.min(...paths.filter((p) => stepOf(p) === n).map((p) => Math.min(partOf(n, p, spec), partsIn(n, spec, draft.sameAsHukou) - 1))) : 0)

  const next = () => {
    setAttempted((a) => (a.includes(step) ? a : [...a, step]))
    if (errorsOf(step).filter((e) => inView(e.path)).length > 0) {
      scrollTop()
      return
    }
    if (shownPart < partCount - 1) {
      setPart(shownPart + 1)
      scrollTop()
      return
    }
    goTo(step + 1)
  }

  const prev = () => {
    if (shownPart > 0) {
      setPart(shownPart - 1)
      scrollTop()
      return
    }
    goTo(step - 1, elder ? partsIn(step - 1, spec, draft.sameAsHukou) - 1 : 0)
  }

  const startOver = () => {
    const d = newRegistrationDraft(spec.own)
    setDraft(d)
    setAttempted([])
    setServerFields({})
    setFailure('')
    setRestored(false)
    setPrefilled([])
    setOutcome(undefined)
    setFormKey((k) => k + 1)
    scrollTop()
  }

  const submit = async () => {
    if (busyRef.current) return
    setFailure('')
    const local = validate(schema, input)
    if (!local.ok) {
      const steps = Object.keys(local.fields).map(stepOf)
      const first = Math.min(...steps)
      setAttempted((a) => [...new Set([...a, ...steps])])
      goTo(first, firstPart(first, Object.keys(local.fields)))
      return
    }
    busyRef.current = true
    setBusy(true)
    setFailureTitle('提交没有成功')
    // WeChat shows the consent dialog only from a tap: ask now, before the answer comes back.
    await askSubscription('submit')
    const out = await submitAsCitizen({
      action: spec.action,
      // the form as typed, checked above by the action's own schema (`validate(schema, input)`)
      input: input as ActionInput<typeof spec.action> & { requestId: string },
      person: { name: String(input.name), idNumber: String(input.idNumber), idType: String(input.idType) },
      title: spec.title,
      draftKey: spec.draftKey,
      retryUrl: spec.kind === 'unemployment' ? '/packageForms/unemployment/index' : '/packageForms/flexible/index',
      onPhase: setPhase,
    })
    busyRef.current = false
    setBusy(false)
    if (out.kind === 'kept') {
      // The draft stays in storage until the outbox has delivered the submission.
      setKept(true)
      scrollTop()
      return
    }
    if (out.kind === 'not-verified') {
      setFailureTitle('本人身份核验没有通过')
      setFailure(out.message)
      scrollTop()
      return
    }
    const res = out.result
    if (res.ok) {
      setOutcome(res.data)
      try {
        Taro.removeStorageSync(spec.draftKey)
      } catch {
        // nothing to clean
      }
      scrollTop()
      return
    }
    const { error } = res
    // Refused answers stored nothing: a corrected resubmission is a new one. After a lost answer
    // (network, 5xx) the requestId stays, so a retry cannot register twice.
    if (REFUSED.includes(error.code)) setDraft((d) => ({ ...d, requestId: uuid() }))
    setFailure(error.message)
    if (error.fields && Object.keys(error.fields).length > 0) {
      setServerFields(error.fields)
      const steps = Object.keys(error.fields).map(stepOf)
      setAttempted((a) => [...new Set([...a, ...steps])])
      const first = Math.min(...steps)
      setDraft((d) => ({ ...d, step: first }))
      setPart(firstPart(first, Object.keys(error.fields)))
    }
    scrollTop()
  }

  if (outcome) {
    return (
      <Screen className='wiz' id='result'>
        <StatusHeadline app={outcome} />
        {outcome.status === 'approved' ? (
          <Notice kind='success' title='系统比对全部通过，已为您办结'>
            <Text>无需到窗口办理，也无需提交任何材料。</Text>
          </Notice>
        ) : outcome.status === 'pending_review' ? (
          <Notice kind='info' title='有的信息需要工作人员核实'>
            <Text>下面标着“需核实”的项目会由工作人员核实。您不需要补交材料，有结果会通知您。</Text>
          </Notice>
        ) : null}
        <DueDate app={outcome} />
        <WhatToDo app={outcome} />
        <OfficeCard office={outcome.office} />
        <CheckList checks={outcome.checks} />
        {outcome.certificate ? (
          <View className='card'>
            <Text className='section-title'>电子《就业创业证》</Text>
            <Text className='wiz__line'>证书编号：{outcome.certificate.certificateNo}</Text>
          </View>
        ) : null}
        <NextStep app={outcome} />
        <Button id='go-progress' onClick={() => Taro.redirectTo({ url: `/packageMine/progress/index?id=${encodeURIComponent(outcome.applicationId)}` })}>
          查看办理进度
        </Button>
        <Button id='go-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </Screen>
    )
  }

  if (kept) {
    return (
      <Screen className='wiz' id='result-kept'>
        <Notice id='kept-notice' kind='info' title='已保存，联网后自动提交'>
          <Text>现在网络不通。您的{spec.title}已保存在本机，联网后会自动提交，不用重填，也不会重复提交。提交后可以在“进度查询”里查看结果。</Text>
        </Notice>
        <Button id='go-home' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </Screen>
    )
  }

  const parts = { values: draft.person, field, change: changePersonField, touch, today }
  const summary = attempted.includes(step) ? errorsOf(step === STEP_CONFIRM ? undefined : step).filter((e) => step === STEP_CONFIRM || inView(e.path)) : []
  const showFailure = failure && !(Object.keys(serverFields).length > 0 && summary.length > 0)
  const commitError = errorOf('commitment.accepted') ?? errorOf('commitment.textVersion') ?? errorOf('commitment')
  const confirmField = SUPERSEDES[spec.kind].confirmField
  const endsError = errorOf(confirmField)
  const endsShown = !!holding || !!endsError
  const endsConfirmed = draft.extra.endsConfirmed === true

  return (
    <Screen className='wiz' key={formKey}>
      <Text className='page__title'>{spec.title}</Text>
      <View className='wiz__steps' id='step-indicator'>
        <View className='wiz__step-text' role='heading' aria-level={2}>
          第{step + 1}步，共{STEP_COUNT}步：{spec.stepTitles[step]}
          {partCount > 1 ? `（第${shownPart + 1}页，共${partCount}页）` : ''}
        </View>
        <View className='wiz__bar' aria-hidden='true'>
          {spec.stepTitles.map((t, i) => (
            <View key={t} className={`wiz__seg${i <= step ? ' wiz__seg--on' : ''}`} />
          ))}
        </View>
      </View>

      {step === STEP_PERSON ? <Text className='page__lead'>{spec.lead}</Text> : null}

      {restored ? (
        <Notice id='draft-restored' kind='info' title='已恢复您上次未提交的内容'>
          <Text>可以接着填写。如需重新开始，</Text>
          <View id='draft-clear' className='wiz__link' role='button' onClick={startOver}>
            清空
          </View>
        </Notice>
      ) : null}
      {draft.onBehalfOf ? (
        <Notice id='on-behalf' kind='info' title='您正在为家人办理'>
          <Text>请填写家人本人的信息。提交后家人会收到通知，可以随时撤销代办。</Text>
        </Notice>
      ) : null}
      {already && !draft.onBehalfOf ? (
        <Notice id='already-registered' kind='info' title={`您已有 ${already.since} 起有效的${spec.kind === 'unemployment' ? '失业登记' : '灵活就业登记'}，不用重复登记`}>
          <Text>要改电话、求职意向等信息，或者申报已经就业，请到“我的登记”。这里填过的内容会保留在本机。</Text>
          <Button id='already-open' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageForms/my-registration/index' })}>
            去“我的登记”
          </Button>
        </Notice>
      ) : null}
      {correcting ? (
        <Notice id='correcting' kind='info' title='请按工作人员的说明修改后重新提交'>
          <Text id='correcting-for'>{correcting.returnedFor}</Text>
          <Text>原来填写的内容都已保留，只改需要改的地方；不需要补交任何材料。</Text>
        </Notice>
      ) : null}
      {prefilled.some((h) => stepOf(h) === step && inView(h)) ? (
        <Notice id='profile-prefilled' kind='info' title='已按您上次提交的信息预先填好'>
          <Text>请逐项核对，有变化的请修改。</Text>
        </Notice>
      ) : null}
      {showFailure ? (
        <Notice id='submit-error' kind='error' title={failureTitle}>
          <Text>{failure}</Text>
          {failureTitle === '本人身份核验没有通过' ? <CounterLink /> : null}
        </Notice>
      ) : null}
      <ErrorSummary items={summary} />

      {step === STEP_PERSON ? (
        <View>
          {!elder || shownPart === 0 ? <IdentityFields {...parts} /> : null}
          {!elder || shownPart === 1 ? <Qualifications extra={draft.extra} field={field} change={changeExtra} /> : null}
        </View>
      ) : null}

      {step === STEP_CONTACT ? (
        <View>
          {!elder || shownPart === 0 ? (
            <ContactFields {...parts}>
              <TextField {...field('otherContact')} value={String(draft.extra.otherContact ?? '')} onChange={(x) => changeExtra('otherContact', x)} maxlength={50} hint='如微信号，或亲友的电话' />
            </ContactFields>
          ) : null}
          {!elder || shownPart > 0 ? (
            <AddressFields
              {...parts}
              only={!elder ? undefined : shownPart === 1 ? 'hukou' : 'residence'}
              sameAsHukou={draft.sameAsHukou}
              onSameAsHukou={(on) => edit((d) => ({ ...d, sameAsHukou: on }))}
            />
          ) : null}
        </View>
      ) : null}

      {step === STEP_SITUATION ? <spec.Situation extra={draft.extra} person={draft.person} field={field} change={changeExtra} touch={touch} today={today} part={elder && spec.situationParts ? shownPart : undefined} /> : null}

      {step === STEP_COMMITMENT ? (
        <View>
          {endsShown ? (
            <View className='card' id='ends-card'>
              <Notice id='ends-warning' kind='info' title='提交后，您现有的登记将终止'>
                <Text>{holding ? endsWarning(spec.kind, holding.since) : endsError}</Text>
              </Notice>
              <FormField path={confirmField} label='请确认' required error={endsError}>
                <View
                  id='confirm-ends'
                  className={`wiz__check${endsConfirmed ? ' wiz__check--on' : ''}${endsError ? ' wiz__check--error' : ''}`}
                  role='checkbox'
                  aria-checked={endsConfirmed ? 'true' : 'false'}
                  aria-label={CONFIRM_LABEL[spec.kind]}
                  hoverClass='cf__option--hover'
                  onClick={() => edit((d) => ({ ...d, extra: { ...d.extra, endsConfirmed: !endsConfirmed } }), confirmField)}
                >
                  <Text className='cf__mark cf__mark--box' aria-hidden='true'>
                    {endsConfirmed ? '✓' : ''}
                  </Text>
                  <Text className='cf__text'>{CONFIRM_LABEL[spec.kind]}</Text>
                </View>
              </FormField>
            </View>
          ) : null}
          <View className='card'>
            <Text className='section-title'>{spec.commitmentTitle}</Text>
            <View className='wiz__commit-text' id='commit-text'>
              <Text>{COMMITMENTS[spec.kind].text}</Text>
            </View>
            {COMMITMENTS[spec.kind].text.includes('纳入人社信用记录') ? (
              <Text id='credit-note' className='wiz__credit-note'>
                {CREDIT_RECORD_NOTE}
              </Text>
            ) : null}
            <FormField path='commitment.accepted' label='请阅读上面的承诺内容' required error={commitError}>
              <View
                id='commit-accept'
                className={`wiz__check${draft.commitment.accepted ? ' wiz__check--on' : ''}${commitError ? ' wiz__check--error' : ''}`}
                role='checkbox'
                aria-checked={draft.commitment.accepted ? 'true' : 'false'}
                aria-label='我已阅读并承诺'
                aria-describedby={commitError ? errorId('commitment.accepted') : undefined}
                hoverClass='cf__option--hover'
                onClick={() => {
                  edit((d) => ({ ...d, commitment: { ...d.commitment, accepted: !d.commitment.accepted } }), 'commitment.accepted')
                  touch('commitment.accepted')
                }}
              >
                <Text className='cf__mark cf__mark--box' aria-hidden='true'>
                  {draft.commitment.accepted ? '✓' : ''}
                </Text>
                <Text className='cf__text'>我已阅读并承诺</Text>
              </View>
            </FormField>
            <Text className='wiz__note'>提交时系统会记录您作出承诺的时间和承诺内容。</Text>
          </View>
          <View className='card'>
            <FormField path='commitment.signature' label='手写签名' hint='可以不签。如需签名，请用手指在下面的框内写下您的姓名。' error={errorOf('commitment.signature')}>
              <SignaturePad value={draft.commitment.signature} onChange={(sig) => edit((d) => ({ ...d, commitment: { ...d.commitment, signature: sig } }), 'commitment.signature')} />
            </FormField>
          </View>
        </View>
      ) : null}

      {step === STEP_CONFIRM ? <Confirm spec={spec} draft={draft} goTo={goTo} /> : null}

      <View className='wiz__nav'>
        {step < STEP_CONFIRM ? (
          <Button id='step-next' onClick={next}>
            下一步
          </Button>
        ) : (
          <Button id='submit' loading={busy} loadingText={PHASE_TEXT[phase] || '正在提交…'} onClick={submit}>
            {spec.submitText}
          </Button>
        )}
        {step > 0 || shownPart > 0 ? (
          <Button id='step-prev' variant='secondary' onClick={prev}>
            上一步
          </Button>
        ) : null}
      </View>
      <Text className='wiz__footnote'>填写内容会自动保存在本机，下次打开可以接着填写。</Text>
    </Screen>
  )
}

function Qualifications({ extra, field, change }: { extra: Extra; field: (p: string) => FieldBinding; change: (p: string, v: unknown) => void }) {
  const rows = (extra.qualifications as { title: string; level: string }[]) ?? []
  // one row at first; the next appears once the previous has a name
  const shown = Math.min(3, 1 + rows.filter((q, i) => i < 2 && q.title.trim() !== '').length)
  return (
    <View className='card'>
      <Text className='section-title'>职业资格（选填）</Text>
      <Text className='wiz__note'>职业（工种）资格及等级，或专业技术职务名称及级别，最多3项；没有可以不填。</Text>
      {rows.slice(0, shown).map((q, i) => (
        <View key={i} className='wiz__qual'>
          <TextField {...field(`qualifications.${i}.title`)} label={`第${i + 1}项 名称`} a11yLabel={`职业资格第${i + 1}项名称`} value={q.title} onChange={(x) => change(`qualifications.${i}.title`, x)} maxlength={50} hint={i === 0 ? '例如 电工、会计专业技术资格' : undefined} />
          <TextField {...field(`qualifications.${i}.level`)} label={`第${i + 1}项 等级（级别）`} a11yLabel={`职业资格第${i + 1}项等级`} value={q.level} onChange={(x) => change(`qualifications.${i}.level`, x)} maxlength={20} hint={i === 0 ? '例如 四级/中级工、初级' : undefined} />
        </View>
      ))}
    </View>
  )
}

const codeLabel = (table: readonly CodeItem[], code: string) => labelOf(table, code) ?? ''

/** '210202' → '辽宁省 大连市 中山区': regionName already gives the whole path (issue 17: it was repeated per level). */
export function regionText(code: string): string {
  return regionName(code) ?? ''
}

function Confirm({ spec, draft, goTo }: { spec: RegistrationSpec; draft: RegistrationDraft; goTo: (n: number) => void }) {
  const v = draft.person
  const residence = draft.sameAsHukou ? v.hukouAddress : v.residenceAddress
  const quals = (draft.extra.qualifications as { title: string; level: string }[]).filter((q) => q.title.trim())
  const sections: { step: number; title: string; rows: ConfirmRow[] }[] = [
    {
      step: STEP_PERSON,
      title: spec.stepTitles[STEP_PERSON],
      rows: [
        { label: '姓名', value: v.name },
        { label: '证件', value: `${codeLabel(ID_TYPES, v.idType)} ${v.idNumber}` },
        ...(NEEDS_BIRTH_DATE.includes(v.idType) ? [{ label: '出生日期', value: v.birthDate }] : []),
        { label: '性别', value: codeLabel(GENDERS, v.gender) },
        { label: '民族', value: codeLabel(ETHNICITIES, v.ethnicity) },
        { label: '政治面貌', value: codeLabel(POLITICAL_STATUSES, v.politicalStatus) },
        { label: '学历', value: codeLabel(EDUCATIONS, v.education) },
        { label: '健康状况', value: codeLabel(HEALTH_STATUSES, v.health) + (v.health === DISABLED ? `（${codeLabel(DISABILITY_LEVELS, v.disabilityLevel)}）` : '') },
        { label: '职业资格', value: quals.map((q) => (q.level.trim() ? `${q.title.trim()}（${q.level.trim()}）` : q.title.trim())).join('；') },
      ],
    },
    {
      step: STEP_CONTACT,
      title: spec.stepTitles[STEP_CONTACT],
      rows: [
        { label: '手机', value: v.phone },
        { label: '固定电话', value: v.landline },
        { label: '电子邮件', value: v.email },
        { label: '其他联系方式', value: String(draft.extra.otherContact ?? '') },
        { label: '户籍地址', value: `${regionText(v.hukouAddress.regionCode)} ${v.hukouAddress.detail}`.trim() },
        { label: '常住地址', value: draft.sameAsHukou ? '与户籍地址相同' : `${regionText(residence.regionCode)} ${residence.detail}`.trim() },
      ],
    },
    { step: STEP_SITUATION, title: spec.stepTitles[STEP_SITUATION], rows: spec.confirmRows(draft.extra) },
    {
      step: STEP_COMMITMENT,
      title: spec.stepTitles[STEP_COMMITMENT],
      rows: [
        { label: '承诺', value: draft.commitment.accepted ? '✓ 已阅读并承诺' : '尚未勾选' },
        { label: '手写签名', value: draft.commitment.signature ? '✓ 已签名' : '未签名（可不签）' },
      ],
    },
  ]
  return (
    <View id='confirm'>
      <Text className='page__lead'>请核对以下内容，确认无误后点“{spec.submitText}”。需要修改的，点该部分的“修改”。</Text>
      {sections.map((s) => (
        <View key={s.step} className='card'>
          <View className='wiz__confirm-head'>
            <Text className='section-title wiz__confirm-title'>{s.title}</Text>
            <View id={`edit-step-${s.step + 1}`} className='wiz__link' role='button' aria-label={`修改${s.title}`} onClick={() => goTo(s.step)}>
              修改
            </View>
          </View>
          {s.rows
            .filter((r) => r.value.trim() !== '')
            .map((r) => (
              <View key={r.label} className='wiz__row'>
                <Text className='wiz__row-label'>{r.label}</Text>
                <Text className='wiz__row-value'>{r.value}</Text>
              </View>
            ))}
        </View>
      ))}
    </View>
  )
}

export { getPath }
