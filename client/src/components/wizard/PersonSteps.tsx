/**
 * The two person steps of a registration form: 基本信息 (身份信息, then 职业资格) and 联系方式与地址 (联系方式,
 * 户籍地址, 常住地址) — in 长辈模式 one group per screen (shared/registration.form.ts). The person blocks are
 * components/PersonFields.tsx's, the same as on the 申领 page.
 */
import { View, Text } from '@tarojs/components'
import type { Answers } from '@shared/registration.form'
import { TextField } from '../TextField'
import { AddressFields, ContactFields, IdentityFields, type FieldBinding, type PersonPartProps } from '../PersonFields'

interface PersonStepProps {
  parts: Omit<PersonPartProps, 'children'>
  extra: Answers
  field: (path: string) => FieldBinding
  changeExtra: (path: string, value: unknown) => void
  /** 长辈模式: the group on screen; undefined = all */
  part?: number
}

export function PersonStep({ parts, extra, field, changeExtra, part }: PersonStepProps) {
  return (
    <View>
      {part === undefined || part === 0 ? <IdentityFields {...parts} /> : null}
      {part === undefined || part === 1 ? <Qualifications extra={extra} field={field} change={changeExtra} /> : null}
    </View>
  )
}

export function ContactStep({ parts, extra, field, changeExtra, part, sameAsHukou, onSameAsHukou }: PersonStepProps & { sameAsHukou: boolean; onSameAsHukou: (on: boolean) => void }) {
  return (
    <View>
      {part === undefined || part === 0 ? (
        <ContactFields {...parts}>
          <TextField {...field('otherContact')} value={String(extra.otherContact ?? '')} onChange={(x) => changeExtra('otherContact', x)} maxlength={50} hint='如微信号，或亲友的电话' />
        </ContactFields>
      ) : null}
      {part === undefined || part > 0 ? (
        <AddressFields {...parts} only={part === undefined ? undefined : part === 1 ? 'hukou' : 'residence'} sameAsHukou={sameAsHukou} onSameAsHukou={onSameAsHukou} />
      ) : null}
    </View>
  )
}

function Qualifications({ extra, field, change }: { extra: Answers; field: (p: string) => FieldBinding; change: (p: string, v: unknown) => void }) {
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
