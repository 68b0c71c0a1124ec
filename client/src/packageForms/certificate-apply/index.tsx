/**
 * 申领《就业创业证》 (大人社规发〔2025〕2号 一(一)): one page from the form's definition (shared/certificate.form.ts) —
 * the person blocks, the 个人信息书面申报承诺, 提交 — on the same pieces as the registration forms
 * (components/wizard/: the kept draft, 家人代办, 退回补正, sending, the notices, the tick box).
 */
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { makeApplyCertificateSchema } from '@shared/certificate.schema'
import { CERTIFICATE_FORM } from '@shared/certificate.form'
import { validate } from '@shared/validate'
import { beijingDate } from '@shared/dates'
import { COMMITMENTS } from '@shared/commitment'
import { uuid } from '../../services/ids'
import { Button, ErrorSummary, Notice, type SummaryItem } from '../../components'
import { AddressFields, ContactFields, IdentityFields } from '../../components/PersonFields'
import { Screen } from '../../components/Screen'
import { IdNumberConsent } from '../../components/IdNumberConsent'
import { CheckBox } from '../../components/wizard/CheckBox'
import { CorrectingNotice, FailureNotice, OnBehalfNotice } from '../../components/wizard/FormNotices'
import { KeptView } from '../../components/wizard/ResultView'
import { openedWith, useCorrection, useDelegation, useDraft, useKeepDraft } from '../../components/wizard/useDraft'
import { useSubmission } from '../../components/wizard/useSubmission'
import { changePerson } from '../../forms/person'
import { DRAFT_KEY, LABELS, ORDER, correctionDraft, hasContent, newDraft, restoreDraft, toInput, type Draft } from './form'
import { Result, outcomeOf, type Outcome } from './Result'
import './index.css'

const scrollTo = (duration: number) => Taro.pageScrollTo({ scrollTop: 0, duration })

function loadDraft(stored: unknown): { draft: Draft; restored: boolean } {
  const d = restoreDraft(stored)
  return d ? { draft: d, restored: hasContent(d.values) } : { draft: newDraft(), restored: false }
}

/** The notice and the separate consent for the ID number come before the form (components/IdNumberConsent.tsx). */
export default function CertificateApply() {
  return (
    <IdNumberConsent service={CERTIFICATE_FORM.title} guideKind='certificate'>
      <ApplyForm />
    </IdNumberConsent>
  )
}

function ApplyForm() {
  const sub = useSubmission()
  const { draft, setDraft, restored, setRestored } = useDraft(DRAFT_KEY, loadDraft)
  const [submitted, setSubmitted] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [formKey, setFormKey] = useState(0)

  const { forDelegation, corrects } = openedWith()
  useDelegation(forDelegation, (id) => setDraft((d) => (d.onBehalfOf === id ? d : { ...newDraft(), onBehalfOf: id })))
  const returnedFor = useCorrection(
    corrects,
    (r) => {
      setRestored(false)
      setDraft(correctionDraft(r.applicationId, r.form))
      setFormKey((k) => k + 1)
    },
    (message) => {
      sub.setFailureTitle('不能修改这条申请')
      sub.setFailure(message)
    },
  )
  useKeepDraft(DRAFT_KEY, draft, !!outcome)

  const today = beijingDate(Date.now())
  const schema = useMemo(() => makeApplyCertificateSchema({ today }), [today])
  const checked = useMemo(() => validate(schema, toInput(draft)), [schema, draft])
  const ruleErrors: Record<string, string> = checked.ok ? {} : checked.fields
  const touched = useMemo(() => new Set(draft.touched), [draft.touched])

  /** A field shows its error once visited, or everywhere after the first submit. */
  const errorOf = (path: string): string | undefined => {
    if (sub.serverFields[path]) return sub.serverFields[path]
    if (!submitted && !touched.has(path)) return undefined
    return ruleErrors[path]
  }

  const change = (path: string, value: string) => {
    // changePerson also fills in the gender from a 居民身份证 number (the person can still change it).
    setDraft((d) => ({ ...d, values: changePerson(d.values, path, value) }))
    sub.clearServerField(path)
    setRestored(false)
  }
  const touch = (path: string) => setDraft((d) => (d.touched.includes(path) ? d : { ...d, touched: [...d.touched, path] }))
  const field = (path: string) => ({ path, label: LABELS[path], error: errorOf(path), onBlur: () => touch(path) })
  const parts = { values: draft.values, field, change, touch, today }

  const visibleErrors = (): SummaryItem[] => {
    const all = { ...ruleErrors, ...sub.serverFields }
    const paths = [...ORDER, ...Object.keys(all).filter((p) => !ORDER.includes(p))]
    return paths
      .filter((p) => all[p])
      .filter((p) => !(draft.sameAsHukou && p.startsWith('residenceAddress.')))
      .map((p) => ({ path: p, label: LABELS[p] ?? '其他', message: all[p] }))
  }

  const startOver = () => {
    setDraft(newDraft())
    setSubmitted(false)
    sub.setServerFields({})
    sub.setFailure('')
    setRestored(false)
    setFormKey((k) => k + 1)
  }

  const submit = async () => {
    if (sub.isSending()) return
    setSubmitted(true)
    sub.setFailure('')
    setRestored(false)
    const input = toInput(draft)
    if (!validate(schema, input).ok) {
      scrollTo(200)
      return
    }
    const sent = await sub.send({
      action: 'applyCertificate',
      input,
      title: CERTIFICATE_FORM.title,
      draftKey: DRAFT_KEY,
      retryUrl: CERTIFICATE_FORM.url,
      renewRequestId: () => setDraft((d) => ({ ...d, requestId: uuid() })),
    })
    if (sent?.kind === 'done') setOutcome(outcomeOf(sent.app))
    if (sent) scrollTo(sent.kind === 'done' || sent.kind === 'kept' ? 0 : 200)
  }

  if (outcome) return <Result outcome={outcome} onAgain={startOver} clear={() => setOutcome(undefined)} />
  if (sub.kept) return <KeptView className='apply' what='申请' />

  const summary = submitted ? visibleErrors() : []
  const showFailure = sub.failure && !(summary.length > 0 && Object.keys(sub.serverFields).length > 0)
  const commitError = errorOf('commitment')

  return (
    <Screen className='apply' key={formKey}>
      <Text className='page__title'>{CERTIFICATE_FORM.title}</Text>
      <Text className='page__lead'>{CERTIFICATE_FORM.lead}</Text>

      <OnBehalfNotice shown={!!draft.onBehalfOf} />
      <CorrectingNotice returnedFor={returnedFor} />
      {restored ? (
        <Notice id='draft-restored' kind='info' title='已恢复您上次未提交的填写内容'>
          <Text>可以继续填写。</Text>
          <View id='draft-clear' className='apply__link' role='button' onClick={startOver}>
            清空重填
          </View>
        </Notice>
      ) : null}
      <FailureNotice title={sub.failureTitle} message={showFailure ? sub.failure : ''} />
      <ErrorSummary items={summary} />

      <IdentityFields {...parts} />
      <AddressFields {...parts} sameAsHukou={draft.sameAsHukou} onSameAsHukou={(on) => setDraft((d) => ({ ...d, sameAsHukou: on }))} />
      <ContactFields {...parts} />

      <View className='card'>
        <Text className='section-title'>{CERTIFICATE_FORM.commitmentTitle}</Text>
        <View className='wiz__commit-text' id='commit-text'>
          <Text>{COMMITMENTS.certificate.text}</Text>
        </View>
        <CheckBox
          id='commit-accept'
          path='commitment'
          fieldLabel='请阅读上面的承诺内容'
          text='我已阅读并承诺'
          checked={draft.accepted}
          error={commitError}
          onToggle={() => {
            setDraft((d) => ({ ...d, accepted: !d.accepted }))
            sub.clearServerField('commitment')
            touch('commitment')
          }}
        />
        <Text className='wiz__note'>{CERTIFICATE_FORM.commitmentNote}</Text>
      </View>

      <Button id='submit' loading={sub.busy} loadingText={sub.loadingText} onClick={submit}>
        {CERTIFICATE_FORM.submitText}
      </Button>
      <Text className='apply__footnote'>填写内容会自动保存在本机，下次打开可继续填写。</Text>
    </Screen>
  )
}
