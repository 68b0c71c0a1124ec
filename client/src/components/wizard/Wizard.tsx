/**
 * The step-by-step registration form (失业登记, 灵活就业登记) driven by its definition (shared/registration.form.ts):
 * 1 基本信息, 2 联系方式与地址, 3 the form's own situation, 4 承诺, 5 确认提交. 下一步 checks only that step's
 * fields, with the form's schema (the cloud runs the same one); nothing typed is lost when moving between
 * steps; the draft (values, step, requestId, commitment) is in storage after every change and restored.
 */
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationView } from '@shared/api'
import { STEP_COMMITMENT, STEP_CONFIRM, STEP_CONTACT, STEP_COUNT, STEP_PERSON, STEP_SITUATION, registrationInput, stepTitlesOf, type RegistrationForm } from '@shared/registration.form'
import { validate } from '@shared/validate'
import { beijingDate } from '@shared/dates'
import type { z } from 'zod'
import { useElder } from '../../services/elder'
import { uuid } from '../../services/ids'
import { changePerson } from '../../forms/person'
import { setPath, type RegistrationDraft } from '../../forms/registration'
import { Button } from '../Button'
import { ErrorSummary } from '../ErrorSummary'
import { Notice } from '../Notice'
import { Screen } from '../Screen'
import type { FieldBinding } from '../PersonFields'
import { useSubmission } from './useSubmission'
import { useRegistrationDraft, useRegistrationStatus } from './useRegistrationDraft'
import { scrollTop, useSteps } from './useSteps'
import { CorrectingNotice, FailureNotice, OnBehalfNotice } from './FormNotices'
import { ContactStep, PersonStep } from './PersonSteps'
import { GroupsView } from './FieldView'
import { CommitmentStep } from './CommitmentStep'
import { ConfirmView } from './ConfirmView'
import { KeptView, RegistrationResult } from './ResultView'

export function Wizard({ form, makeSchema }: { form: RegistrationForm; makeSchema: (today: string) => z.ZodType }) {
  const sub = useSubmission()
  const [outcome, setOutcome] = useState<ApplicationView | undefined>()
  const { draft, setDraft, restored, setRestored, prefilled, formKey, returnedFor, startOver: restart } = useRegistrationDraft(form, !!outcome, (message) => {
    sub.setFailureTitle('不能修改这条申请')
    sub.setFailure(message)
  })
  const { holding, already } = useRegistrationStatus(form)
  const elder = useElder()
  const today = beijingDate(Date.now())
  const schema = useMemo(() => makeSchema(today), [makeSchema, today])
  const input = useMemo(() => registrationInput(form, draft), [form, draft])
  const checked = useMemo(() => validate(schema, input), [schema, input])
  const ruleErrors: Record<string, string> = checked.ok ? {} : checked.fields
  const steps = useSteps({ form, draft, setDraft, elder, ruleErrors, serverFields: sub.serverFields, clearFailure: () => sub.setFailure('') })
  const { step, shownPart, partCount, errorOf } = steps
  const stepTitles = stepTitlesOf(form)

  const edit = (update: (d: RegistrationDraft) => RegistrationDraft, path?: string) => {
    setDraft(update)
    if (path) sub.clearServerField(path)
    setRestored(false)
  }
  const changePersonField = (path: string, value: string) => edit((d) => ({ ...d, person: changePerson(d.person, path, value) }), path)
  const changeExtra = (path: string, value: unknown) => edit((d) => ({ ...d, extra: setPath(d.extra, path, value) }), path)
  const touch = (path: string) => setDraft((d) => (d.touched.includes(path) ? d : { ...d, touched: [...d.touched, path] }))
  const field = (path: string): FieldBinding => ({ path, label: steps.labels[path] ?? '', error: errorOf(path), onBlur: () => touch(path) })

  const startOver = () => {
    restart()
    steps.resetAttempts()
    sub.setServerFields({})
    sub.setFailure('')
    setOutcome(undefined)
    scrollTop()
  }

  const submit = async () => {
    if (sub.isSending()) return
    sub.setFailure('')
    const local = validate(schema, input)
    if (!local.ok) {
      steps.showErrors(Object.keys(local.fields), (first, toPart) => steps.goTo(first, toPart))
      return
    }
    const sent = await sub.send({
      action: form.action,
      input,
      title: form.title,
      draftKey: form.draftKey,
      retryUrl: form.url,
      askToNotify: true,
      renewRequestId: () => setDraft((d) => ({ ...d, requestId: uuid() })),
    })
    if (sent?.kind === 'done') setOutcome(sent.app)
    if (sent?.kind === 'refused' && Object.keys(sent.fields).length > 0) {
      steps.showErrors(Object.keys(sent.fields), (first, toPart) => {
        setDraft((d) => ({ ...d, step: first }))
        steps.setPart(toPart)
      })
    }
    if (sent) scrollTop()
  }

  if (outcome) return <RegistrationResult outcome={outcome} />
  if (sub.kept) return <KeptView className='wiz' what={form.title} />

  const parts = { values: draft.person, field, change: changePersonField, touch, today }
  const part = elder ? shownPart : undefined
  const summary = steps.summary(STEP_CONFIRM)
  const showFailure = sub.failure && !(Object.keys(sub.serverFields).length > 0 && summary.length > 0)

  return (
    <Screen className='wiz' key={formKey}>
      <Text className='page__title'>{form.title}</Text>
      <View className='wiz__steps' id='step-indicator'>
        <View className='wiz__step-text' role='heading' aria-level={2}>
          第{step + 1}步，共{STEP_COUNT}步：{stepTitles[step]}
          {partCount > 1 ? `（第${shownPart + 1}页，共${partCount}页）` : ''}
        </View>
        <View className='wiz__bar' aria-hidden='true'>
          {stepTitles.map((t, i) => (
            <View key={t} className={`wiz__seg${i <= step ? ' wiz__seg--on' : ''}`} />
          ))}
        </View>
      </View>

      {step === STEP_PERSON ? <Text className='page__lead'>{form.lead}</Text> : null}

      {restored ? (
        <Notice id='draft-restored' kind='info' title='已恢复您上次未提交的内容'>
          <Text>可以接着填写。如需重新开始，</Text>
          <View id='draft-clear' className='wiz__link' role='button' onClick={startOver}>
            清空
          </View>
        </Notice>
      ) : null}
      <OnBehalfNotice shown={!!draft.onBehalfOf} />
      {already && !draft.onBehalfOf ? (
        <Notice id='already-registered' kind='info' title={`您已有 ${already.since} 起有效的${form.kind === 'unemployment' ? '失业登记' : '灵活就业登记'}，不用重复登记`}>
          <Text>要改电话、求职意向等信息，或者申报已经就业，请到“我的登记”。这里填过的内容会保留在本机。</Text>
          <Button id='already-open' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageForms/my-registration/index' })}>
            去“我的登记”
          </Button>
        </Notice>
      ) : null}
      <CorrectingNotice returnedFor={returnedFor} />
      {prefilled.some((h) => steps.stepOfPath(h) === step && steps.inView(h)) ? (
        <Notice id='profile-prefilled' kind='info' title='已按您上次提交的信息预先填好'>
          <Text>请逐项核对，有变化的请修改。</Text>
        </Notice>
      ) : null}
      <FailureNotice title={sub.failureTitle} message={showFailure ? sub.failure : ''} />
      <ErrorSummary items={summary} />

      {step === STEP_PERSON ? <PersonStep parts={parts} extra={draft.extra} field={field} changeExtra={changeExtra} part={part} /> : null}
      {step === STEP_CONTACT ? (
        <ContactStep parts={parts} extra={draft.extra} field={field} changeExtra={changeExtra} part={part} sameAsHukou={draft.sameAsHukou} onSameAsHukou={(on) => edit((d) => ({ ...d, sameAsHukou: on }))} />
      ) : null}
      {step === STEP_SITUATION ? (
        <GroupsView groups={form.situation.groups} part={part} ctx={{ answers: draft.extra, person: draft.person }} field={field} change={changeExtra} touch={touch} today={today} />
      ) : null}
      {step === STEP_COMMITMENT ? <CommitmentStep form={form} draft={draft} holding={holding} errorOf={errorOf} edit={edit} touch={touch} /> : null}
      {step === STEP_CONFIRM ? <ConfirmView form={form} draft={draft} goTo={steps.goTo} /> : null}

      <View className='wiz__nav'>
        {step < STEP_CONFIRM ? (
          <Button id='step-next' onClick={steps.next}>
            下一步
          </Button>
        ) : (
          <Button id='submit' loading={sub.busy} loadingText={sub.loadingText} onClick={submit}>
            {form.submitText}
          </Button>
        )}
        {step > 0 || shownPart > 0 ? (
          <Button id='step-prev' variant='secondary' onClick={steps.prev}>
            上一步
          </Button>
        ) : null}
      </View>
      <Text className='wiz__footnote'>填写内容会自动保存在本机，下次打开可以接着填写。</Text>
    </Screen>
  )
}
