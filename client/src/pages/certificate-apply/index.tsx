import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import type { ApplicationView } from '../../../../shared/api'
import { ID_TYPES, GENDERS, ETHNICITIES, POLITICAL_STATUSES, EDUCATIONS, HEALTH_STATUSES, DISABILITY_LEVELS } from '../../../../shared/codes'
import { makeApplyCertificateSchema } from '../../../../shared/certificate.schema'
import { validate } from '../../../../shared/validate'
import { beijingDate } from '../../../../shared/dates'
import { call } from '../../services/cloud'
import { uuid } from '../../services/ids'
import { Button, DateField, ErrorSummary, Notice, PickerField, RegionPicker, TextField, type SummaryItem } from '../../components'
import {
  DISABLED,
  DRAFT_KEY,
  LABELS,
  NEEDS_BIRTH_DATE,
  ORDER,
  hasContent,
  newDraft,
  restoreDraft,
  setAt,
  toInput,
  type Draft,
} from './form'
import './index.css'

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

export default function CertificateApply() {
  const initial = useMemo(loadDraft, [])
  const [draft, setDraft] = useState<Draft>(initial.draft)
  const [restored, setRestored] = useState(initial.restored)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [formKey, setFormKey] = useState(0)
  const busyRef = useRef(false)

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
  const v = draft.values

  /** A field shows its error once visited, or everywhere after the first submit. */
  const errorOf = (path: string): string | undefined => {
    if (serverFields[path]) return serverFields[path]
    if (!submitted && !touched.has(path)) return undefined
    return ruleErrors[path]
  }

  const change = (path: string, value: string) => {
    setDraft((d) => {
      let values = setAt(d.values, path, value)
      // The 17th digit of a 居民身份证 number says the gender: fill it in, the person can still change it.
      if (path === 'idNumber' && (values.idType === '01' || values.idType === '17') && !values.gender) {
        const m = /^\d{16}(\d)[\dX]$/.exec(value)
        if (m) values = { ...values, gender: Number(m[1]) % 2 === 1 ? '1' : '2' }
      }
      return { ...d, values }
    })
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
    const res = await call<ApplicationView>('applyCertificate', input)
    busyRef.current = false
    setBusy(false)
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

  const summary = submitted ? visibleErrors() : []
  const showFailure = failure && !(summary.length > 0 && Object.keys(serverFields).length > 0)

  return (
    <View className='page apply' key={formKey}>
      <Text className='page__title'>申领《就业创业证》</Text>
      <Text className='page__lead'>只需填写基本信息，不用上传任何材料。带 * 的为必填项。核验通过后即时签发电子证。</Text>

      {restored ? (
        <Notice id='draft-restored' kind='info' title='已恢复您上次未提交的填写内容'>
          <Text>可以继续填写。</Text>
          <View id='draft-clear' className='apply__link' role='button' onClick={startOver}>
            清空重填
          </View>
        </Notice>
      ) : null}
      {showFailure ? (
        <Notice id='submit-error' kind='error' title='提交没有成功'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <ErrorSummary items={summary} />

      <View className='card'>
        <Text className='section-title'>身份信息</Text>
        <TextField {...field('name')} required value={v.name} onChange={(x) => change('name', x)} maxlength={50} autoComplete='name' hint='与证件上的姓名一致，不要加空格' />
        <PickerField {...field('idType')} required items={ID_TYPES} value={v.idType} onChange={(x) => { change('idType', x); touch('idType') }} />
        <TextField
          {...field('idNumber')}
          required
          kind='idcard'
          value={v.idNumber}
          maxlength={18}
          onChange={(x) => change('idNumber', x.toUpperCase())}
          hint={v.idType === '01' ? '18 位，最后一位可能是字母 X' : undefined}
        />
        {NEEDS_BIRTH_DATE.includes(v.idType) ? (
          <DateField {...field('birthDate')} required value={v.birthDate} end={today} onChange={(x) => change('birthDate', x)} />
        ) : null}
        <PickerField {...field('gender')} required items={GENDERS} value={v.gender} onChange={(x) => change('gender', x)} />
        <PickerField {...field('ethnicity')} required items={ETHNICITIES} value={v.ethnicity} onChange={(x) => change('ethnicity', x)} />
        <PickerField {...field('politicalStatus')} items={POLITICAL_STATUSES} value={v.politicalStatus} onChange={(x) => change('politicalStatus', x)} />
        <PickerField {...field('education')} required items={EDUCATIONS} value={v.education} onChange={(x) => change('education', x)} />
        <PickerField {...field('health')} required items={HEALTH_STATUSES} value={v.health} onChange={(x) => change('health', x)} />
        {v.health === DISABLED ? (
          <PickerField {...field('disabilityLevel')} required items={DISABILITY_LEVELS} value={v.disabilityLevel} onChange={(x) => change('disabilityLevel', x)} />
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>户籍地址</Text>
        <RegionPicker
          {...field('hukouAddress.regionCode')}
          path='hukouAddress'
          label='户籍所在地'
          required
          value={v.hukouAddress.regionCode}
          onChange={(x) => change('hukouAddress.regionCode', x)}
        />
        <TextField {...field('hukouAddress.detail')} label='详细地址' a11yLabel={LABELS['hukouAddress.detail']} required value={v.hukouAddress.detail} onChange={(x) => change('hukouAddress.detail', x)} maxlength={100} hint='街道、门牌号等' />
      </View>

      <View className='card'>
        <Text className='section-title'>常住地址</Text>
        <View className='apply__same'>
          <Text id='same-as-hukou-label' className='apply__same-text'>常住地址与户籍地址相同</Text>
          <Switch
            id='same-as-hukou'
            checked={draft.sameAsHukou}
            color='#1b4f9c'
            onChange={(e) => {
              const on = !!e.detail.value
              setDraft((d) => ({ ...d, sameAsHukou: on }))
            }}
            aria-labelledby='same-as-hukou-label'
          />
        </View>
        {draft.sameAsHukou ? (
          <Text className='apply__same-note'>将使用上面填写的户籍地址作为常住地址。</Text>
        ) : (
          <View>
            <RegionPicker
              {...field('residenceAddress.regionCode')}
              path='residenceAddress'
              label='常住所在地'
              required
              value={v.residenceAddress.regionCode}
              onChange={(x) => change('residenceAddress.regionCode', x)}
            />
            <TextField {...field('residenceAddress.detail')} label='详细地址' a11yLabel={LABELS['residenceAddress.detail']} required value={v.residenceAddress.detail} onChange={(x) => change('residenceAddress.detail', x)} maxlength={100} hint='街道、门牌号等' />
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>联系方式</Text>
        <TextField {...field('phone')} required kind='tel' value={v.phone} onChange={(x) => change('phone', x)} maxlength={11} autoComplete='tel' hint='办理结果会通知到这个号码' />
        <TextField {...field('landline')} kind='tel' value={v.landline} onChange={(x) => change('landline', x)} maxlength={20} hint='例如 0411-12345678' />
        <TextField {...field('email')} kind='email' value={v.email} onChange={(x) => change('email', x)} maxlength={100} autoComplete='email' />
      </View>

      <Button id='submit' loading={busy} loadingText='正在提交…' onClick={submit}>
        提交申领
      </Button>
      <Text className='apply__footnote'>填写内容会自动保存在本机，下次打开可继续填写。</Text>
    </View>
  )
}

function Result({ outcome, onAgain, clear }: { outcome: Outcome; onAgain: () => void; clear: () => void }) {
  const { app } = outcome
  const goCertificate = () => Taro.redirectTo({ url: '/pages/certificate/index' })
  const goHome = () => {
    clear()
    onAgain()
    Taro.reLaunch({ url: '/pages/index/index' })
  }
  if (outcome.kind === 'issued') {
    return (
      <View className='page apply' id='result-issued'>
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
      </View>
    )
  }
  if (outcome.kind === 'pending') {
    return (
      <View className='page apply' id='result-pending'>
        <Notice kind='info' title='申请已提交，需要工作人员核实'>
          <Text>系统自动核验时，有的信息需要工作人员进一步核实。您不需要补交材料，核实后会通知您结果。</Text>
        </Notice>
        {app.checks.length > 0 ? (
          <View className='card' id='pending-checks'>
            <Text className='section-title'>核验情况</Text>
            {app.checks.map((c, i) => (
              <View key={`${c.name}-${i}`} id={`check-${i}`} className={`result__check${c.passed ? '' : ' result__check--open'}`}>
                <Text className='result__check-mark'>{c.passed ? '✓ 已通过' : '! 待核实'}</Text>
                <Text className='result__check-detail'>{c.detail}</Text>
              </View>
            ))}
          </View>
        ) : null}
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
      </View>
    )
  }
  return (
    <View className='page apply' id='result-other'>
      <Notice kind='info' title='申请已受理'>
        <Text>{app.nextStep || '请在“我的电子证”中查看办理情况。'}</Text>
      </Notice>
      <Button id='go-certificate' onClick={goCertificate}>
        查看我的电子证
      </Button>
      <Button id='go-home' variant='secondary' onClick={goHome}>
        返回首页
      </Button>
    </View>
  )
}
