/**
 * The 承诺 step of a registration form: what of the person's would end (ticked, shared/registrations.ts), the
 * written commitment in full with its tick (告知承诺制, 人社厅发〔2020〕79号 一(二)), and the optional signature.
 */
import { View, Text } from '@tarojs/components'
import { COMMITMENTS } from '@shared/commitment'
import { CONFIRM_LABEL, SUPERSEDES, endsWarning } from '@shared/registrations'
import type { RegistrationForm } from '@shared/registration.form'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import { SignaturePad } from '../SignaturePad'
import { errorId } from '../ids'
import { CREDIT_RECORD_NOTE } from '../plainWords'
import type { RegistrationDraft } from '../../forms/registration'
import { CheckBox } from './CheckBox'

interface CommitmentStepProps {
  form: RegistrationForm
  draft: RegistrationDraft
  /** the person's registration of the other kind in force, which this one ends */
  holding: { since: string } | null
  errorOf: (path: string) => string | undefined
  edit: (update: (d: RegistrationDraft) => RegistrationDraft, path?: string) => void
  touch: (path: string) => void
}

export function CommitmentStep({ form, draft, holding, errorOf, edit, touch }: CommitmentStepProps) {
  const commitError = errorOf('commitment.accepted') ?? errorOf('commitment.textVersion') ?? errorOf('commitment')
  const confirmField = SUPERSEDES[form.kind].confirmField
  const endsError = errorOf(confirmField)
  const endsConfirmed = draft.extra.endsConfirmed === true
  const text = COMMITMENTS[form.kind].text
  return (
    <View>
      {holding || endsError ? (
        <View className='card' id='ends-card'>
          <Notice id='ends-warning' kind='info' title='提交后，您现有的登记将终止'>
            <Text>{holding ? endsWarning(form.kind, holding.since) : endsError}</Text>
          </Notice>
          <CheckBox
            id='confirm-ends'
            path={confirmField}
            fieldLabel='请确认'
            text={CONFIRM_LABEL[form.kind]}
            checked={endsConfirmed}
            error={endsError}
            onToggle={() => edit((d) => ({ ...d, extra: { ...d.extra, endsConfirmed: !endsConfirmed } }), confirmField)}
          />
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>{form.commitmentTitle}</Text>
        <View className='wiz__commit-text' id='commit-text'>
          <Text>{text}</Text>
        </View>
        {text.includes('纳入人社信用记录') ? (
          <Text id='credit-note' className='wiz__credit-note'>
            {CREDIT_RECORD_NOTE}
          </Text>
        ) : null}
        <CheckBox
          id='commit-accept'
          path='commitment.accepted'
          fieldLabel='请阅读上面的承诺内容'
          text='我已阅读并承诺'
          checked={draft.commitment.accepted}
          error={commitError}
          describedBy={commitError ? errorId('commitment.accepted') : undefined}
          onToggle={() => {
            edit((d) => ({ ...d, commitment: { ...d.commitment, accepted: !d.commitment.accepted } }), 'commitment.accepted')
            touch('commitment.accepted')
          }}
        />
        <Text className='wiz__note'>提交时系统会记录您作出承诺的时间和承诺内容。</Text>
      </View>
      <View className='card'>
        <FormField path='commitment.signature' label='手写签名' hint='可以不签。如需签名，请用手指在下面的框内写下您的姓名。' error={errorOf('commitment.signature')}>
          <SignaturePad value={draft.commitment.signature} onChange={(sig) => edit((d) => ({ ...d, commitment: { ...d.commitment, signature: sig } }), 'commitment.signature')} />
        </FormField>
      </View>
    </View>
  )
}
