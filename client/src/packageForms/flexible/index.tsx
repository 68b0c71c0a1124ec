/**
 * 灵活就业登记 with the 承诺书 (吉人社函字〔2018〕175号 二(三), §三(一)3; 大人社规发〔2025〕2号 二(二) online declaration),
 * in five short steps. Lives in the `packageForms` subpackage.
 */
import { View, Text } from '@tarojs/components'
import { EMPLOYMENT_FORMS, EMPLOYMENT_FORM_OTHER, EMPLOYMENT_FORM_PLATFORM } from '@shared/codes'
import { makeFlexibleSchema } from '@shared/flexible.schema'
import { ChoiceField } from '../../components/ChoiceField'
import { DateField } from '../../components/DateField'
import { RegionPicker } from '../../components/RegionPicker'
import { TextField } from '../../components/TextField'
import { RegistrationWizard, regionText, type RegistrationSpec, type SituationProps } from '../../components/RegistrationWizard'
import { trimmed, type Extra } from '../../forms/registration'
import './index.css'

const own = (): Extra => ({
  employmentForm: '',
  employmentFormOther: '',
  platform: '',
  occupation: '',
  startDate: '',
  workRegion: '',
  incomeAtLeastMinimumLiving: '',
})

const INCOME = [
  { code: 'yes', label: '是，不低于' },
  { code: 'no', label: '否，低于' },
]

const str = (x: unknown) => (typeof x === 'string' ? x : '')

function ownInput(e: Extra): Record<string, unknown> {
  const input: Record<string, unknown> = {
    employmentForm: str(e.employmentForm),
    occupation: trimmed(e.occupation),
    startDate: str(e.startDate),
    workRegion: str(e.workRegion),
  }
  if (e.employmentForm === EMPLOYMENT_FORM_OTHER) input.employmentFormOther = trimmed(e.employmentFormOther)
  if (e.employmentForm === EMPLOYMENT_FORM_PLATFORM) input.platform = trimmed(e.platform)
  if (e.incomeAtLeastMinimumLiving === 'yes') input.incomeAtLeastMinimumLiving = true
  if (e.incomeAtLeastMinimumLiving === 'no') input.incomeAtLeastMinimumLiving = false
  return input
}

const LABELS: Record<string, string> = {
  employmentForm: '灵活就业形式',
  employmentFormOther: '具体灵活就业形式',
  platform: '服务平台名称',
  occupation: '从事工作',
  startDate: '就业开始时间',
  workRegion: '工作地',
  'workRegion.regionCode': '工作地',
  incomeAtLeastMinimumLiving: '月收入是否不低于当地最低生活保障标准',
}

function Situation({ extra: e, field, change, touch, today }: SituationProps) {
  return (
    <View className='card'>
      <Text className='section-title'>就业情况</Text>
      <ChoiceField {...field('employmentForm')} required items={EMPLOYMENT_FORMS} value={str(e.employmentForm)} onChange={(x) => { change('employmentForm', x); touch('employmentForm') }} hint='新就业形态：如网约配送、网约车、互联网营销等通过平台接单的工作' />
      {e.employmentForm === EMPLOYMENT_FORM_OTHER ? (
        <TextField {...field('employmentFormOther')} required value={str(e.employmentFormOther)} onChange={(x) => change('employmentFormOther', x)} maxlength={50} />
      ) : null}
      {e.employmentForm === EMPLOYMENT_FORM_PLATFORM ? (
        <TextField {...field('platform')} required value={str(e.platform)} onChange={(x) => change('platform', x)} maxlength={50} hint='例如 美团、滴滴出行' />
      ) : null}
      <TextField {...field('occupation')} required value={str(e.occupation)} onChange={(x) => change('occupation', x)} maxlength={50} hint='例如 网约配送、家政服务' />
      <DateField {...field('startDate')} required value={str(e.startDate)} end={today} start='1950-01-01' initialValue={today} onChange={(x) => change('startDate', x)} />
      <ChoiceField {...field('incomeAtLeastMinimumLiving')} items={INCOME} value={str(e.incomeAtLeastMinimumLiving)} onChange={(x) => { change('incomeAtLeastMinimumLiving', x); touch('incomeAtLeastMinimumLiving') }} hint='已办理失业登记的须回答：低于的，仍属失业人员，保留失业登记' />
      <RegionPicker {...field('workRegion')} path='workRegion' codePath='workRegion' label='工作地' required value={str(e.workRegion)} onChange={(x) => change('workRegion', x)} hint='主要在哪个县（区）工作' />
    </View>
  )
}

function confirmRows(e: Extra) {
  const form = str(e.employmentForm)
  return [
    { label: '就业形式', value: form === EMPLOYMENT_FORM_OTHER ? `其他：${trimmed(e.employmentFormOther)}` : form },
    { label: '服务平台', value: form === EMPLOYMENT_FORM_PLATFORM ? trimmed(e.platform) : '' },
    { label: '从事工作', value: trimmed(e.occupation) },
    { label: '开始时间', value: str(e.startDate) },
    { label: '工作地', value: regionText(str(e.workRegion)) },
    { label: '月收入不低于最低生活保障标准', value: e.incomeAtLeastMinimumLiving === 'yes' ? '是' : e.incomeAtLeastMinimumLiving === 'no' ? '否' : '' },
  ]
}

const SPEC: RegistrationSpec = {
  kind: 'flexible',
  action: 'submitFlexibleEmployment',
  draftKey: 'draft:flexible',
  title: '灵活就业登记',
  lead: '以非全日制、临时性、平台接单、自由职业等灵活方式就业的，可以在这里登记，共5步。带 * 的为必填项。只需本人书面承诺，不需要上传任何材料。',
  stepTitles: ['基本信息', '联系方式与地址', '就业情况', '承诺书', '确认提交'],
  commitmentTitle: '承诺书',
  own: own(),
  ownInput,
  makeSchema: (today) => makeFlexibleSchema({ today }),
  labels: LABELS,
  Situation,
  confirmRows,
  submitText: '提交灵活就业登记',
}

export default function Flexible() {
  return <RegistrationWizard spec={SPEC} />
}
