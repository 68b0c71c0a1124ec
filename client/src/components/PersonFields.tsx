/**
 * The person block of every form (shared/person.form.ts), in three parts a page can lay out as it
 * needs: one long page (申领电子证) or separate steps (失业登记, 灵活就业登记). Element ids come
 * from the field paths (components/ids.ts), so tests find the same field on every page.
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { ID_TYPES, GENDERS, ETHNICITIES, POLITICAL_STATUSES, EDUCATIONS, HEALTH_STATUSES, DISABILITY_LEVELS } from '@shared/codes'
import { DISABLED, NEEDS_BIRTH_DATE, PERSON_LABELS, type PersonValues } from '../forms/person'
import { TextField } from './TextField'
import { PickerField } from './PickerField'
import { DateField } from './DateField'
import { RegionPicker } from './RegionPicker'
import { IdCardScan } from './IdCardScan'
import type { IdCardReading } from '@shared/id-card-ocr'
import './components.css'

/** What a form gives each field: the props a field component (TextField, PickerField…) spreads. */
export interface FieldBinding {
  /** the field's path in the form's values */
  path: string
  /** the visible label, Chinese */
  label: string
  /** the field's Chinese error, once it is visited or the form was submitted */
  error?: string
  /** the field was left: it counts as visited */
  onBlur: () => void
}

export interface PersonPartProps {
  /** the person's answers so far */
  values: PersonValues
  /** label, error and blur handler of a field path */
  field: (path: string) => FieldBinding
  /** a field's new value (the form keeps it) */
  change: (path: string, value: string) => void
  /** a field counts as visited (after 拍照识别 fills it) */
  touch: (path: string) => void
  /** YYYY-MM-DD, Beijing: the latest birth date offered */
  today: string
  /** more rows at the end of the part's card */
  children?: ReactNode
}

/** A reading of the 人像面 into the person fields; each filled field is checked at once (touched). */
function fillFromIdCard(r: IdCardReading, change: (path: string, value: string) => void, touch: (path: string) => void): void {
  const filled: Array<[string, string]> = [['idType', '01'], ['name', r.name], ['idNumber', r.idNumber], ['hukouAddress.detail', r.address.detail]]
  if (r.address.regionCode) filled.push(['hukouAddress.regionCode', r.address.regionCode])
  for (const [path, value] of filled) {
    change(path, value)
    touch(path)
  }
}

export function IdentityFields({ values: v, field, change, touch, today, children }: PersonPartProps) {
  return (
    <View className='card'>
      <Text className='section-title'>身份信息</Text>
      {/* 拍照识别身份证 (issue 17): fills 姓名, 证件号码 and 户籍地址 for the person to check; 居民身份证 only */}
      {!v.idType || v.idType === '01' ? <IdCardScan onRead={(r) => fillFromIdCard(r, change, touch)} /> : null}
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
      {children}
    </View>
  )
}

export interface AddressPartProps extends PersonPartProps {
  /** 常住地址同户籍地址: the residence card is then not asked */
  sameAsHukou: boolean
  /** the "same address" switch was tapped */
  onSameAsHukou: (on: boolean) => void
  /** one card only (长辈模式: one group per screen); 'hukou' also holds the "same address" switch */
  only?: 'hukou' | 'residence'
}

export function AddressFields({ values: v, field, change, sameAsHukou, onSameAsHukou, only }: AddressPartProps) {
  const residence = !only || only === 'residence'
  return (
    <View>
      {only !== 'residence' ? (
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
        <TextField {...field('hukouAddress.detail')} label='详细地址' a11yLabel={PERSON_LABELS['hukouAddress.detail']} required value={v.hukouAddress.detail} onChange={(x) => change('hukouAddress.detail', x)} maxlength={100} hint='街道、门牌号等' />
      </View>
      ) : null}

      {residence || sameAsHukou ? (
      <View className='card'>
        <Text className='section-title'>常住地址</Text>
        {/* The whole row is the switch (a 44pt target), saying 是 / 否 in words as well as by the knob. */}
        <View
          id='same-as-hukou'
          className={`pfs__same${sameAsHukou ? ' pfs__same--on' : ''}`}
          role='switch'
          aria-checked={sameAsHukou ? 'true' : 'false'}
          aria-label='常住地址与户籍地址相同'
          hoverClass='cf__option--hover'
          onClick={() => onSameAsHukou(!sameAsHukou)}
        >
          <Text id='same-as-hukou-label' className='pfs__same-text' aria-hidden='true'>
            常住地址与户籍地址相同
          </Text>
          <View className='pfs__toggle' aria-hidden='true'>
            <Text className='pfs__toggle-word'>{sameAsHukou ? '是' : '否'}</Text>
            <View className='pfs__knob' />
          </View>
        </View>
        {sameAsHukou ? (
          <Text className='pfs__same-note'>将使用上面填写的户籍地址作为常住地址。</Text>
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
            <TextField {...field('residenceAddress.detail')} label='详细地址' a11yLabel={PERSON_LABELS['residenceAddress.detail']} required value={v.residenceAddress.detail} onChange={(x) => change('residenceAddress.detail', x)} maxlength={100} hint='街道、门牌号等' />
          </View>
        )}
      </View>
      ) : null}
    </View>
  )
}

export function ContactFields({ values: v, field, change, children }: PersonPartProps) {
  return (
    <View className='card'>
      <Text className='section-title'>联系方式</Text>
      <TextField {...field('phone')} required kind='tel' value={v.phone} onChange={(x) => change('phone', x)} maxlength={11} autoComplete='tel' hint='办理结果会通知到这个号码' />
      <TextField {...field('landline')} kind='tel' value={v.landline} onChange={(x) => change('landline', x)} maxlength={20} hint='例如 0411-12345678' />
      <TextField {...field('email')} kind='email' value={v.email} onChange={(x) => change('email', x)} maxlength={100} autoComplete='email' />
      {children}
    </View>
  )
}
