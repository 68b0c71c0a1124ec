/** 确认提交: every step's answers, read back as the definition says (shared/registration.form.ts confirmSections), each with 修改. */
import { View, Text } from '@tarojs/components'
import { confirmSections, type RegistrationForm } from '@shared/registration.form'
import type { RegistrationDraft } from '../../forms/registration'

export function ConfirmView({ form, draft, goTo }: { form: RegistrationForm; draft: RegistrationDraft; goTo: (n: number) => void }) {
  return (
    <View id='confirm'>
      <Text className='page__lead'>请核对以下内容，确认无误后点“{form.submitText}”。需要修改的，点该部分的“修改”。</Text>
      {confirmSections(form, draft).map((s) => (
        <View key={s.step} className='card'>
          <View className='wiz__confirm-head'>
            <Text className='section-title wiz__confirm-title'>{s.title}</Text>
            <View id={`edit-step-${s.step + 1}`} className='wiz__link' role='button' aria-label={`修改${s.title}`} onClick={() => goTo(s.step)}>
              修改
            </View>
          </View>
          {s.rows.map((r) => (
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
