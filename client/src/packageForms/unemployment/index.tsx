/**
 * 失业人员登记 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件 失业人员登记表, 人社厅发〔2020〕79号 一) in five short steps, with the
 * written commitment shown in full. No proof documents are asked for (人社厅发〔2020〕79号 一(二)).
 * Lives in the `packageForms` subpackage: the long forms stay out of the weapp main package.
 */
import { View, Text } from '@tarojs/components'
import {
  CATEGORIES_WITH_CERTIFICATE,
  HOUSEHOLD_TYPES,
  PERSON_CATEGORIES,
  PLACES_NEEDING_REGION,
  REASON_OTHER,
  REGISTRATION_PLACES,
  STABLE_EMPLOYMENT_AT_RESIDENCE,
  UNEMPLOYMENT_REASONS,
  labelOf,
} from '@shared/codes'
import { asksStableEmployment, profileFor } from '@shared/region-profiles'
import { makeUnemploymentSchema } from '@shared/unemployment.schema'
import { ChoiceField } from '../../components/ChoiceField'
import { DateField } from '../../components/DateField'
import { PickerField } from '../../components/PickerField'
import { RegionPicker } from '../../components/RegionPicker'
import { TextAreaField } from '../../components/TextAreaField'
import { TextField } from '../../components/TextField'
import { CATEGORY_PLAIN } from '../../components/plainWords'
import { RegistrationWizard, regionText, type RegistrationSpec, type SituationProps } from '../../components/RegistrationWizard'
import { trimmed, type Extra } from '../../forms/registration'
import './index.css'

const CLAIMS = [
  { code: 'yes', label: '是，申领失业保险金' },
  { code: 'no', label: '否' },
]

const own = (): Extra => ({
  unemployedSince: '',
  reason: '',
  reasonOther: '',
  claimsUnemploymentInsurance: '',
  registrationPlace: '',
  registrationRegion: '',
  householdType: '',
  stableEmploymentAtResidence: '',
  personCategories: [] as string[],
  categoryCertificateNo: '',
  jobIntentions: ['', '', ''],
  remarks: '',
  employedInMainlandBefore: '',
})

const MAINLAND = [
  { code: 'yes', label: '是，曾在内地（大陆）就业' },
  { code: 'no', label: '否' },
]

const str = (x: unknown) => (typeof x === 'string' ? x : '')
const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : [])
const needsCertificateNo = (categories: string[]) => categories.some((c) => CATEGORIES_WITH_CERTIFICATE.includes(c))

function ownInput(e: Extra): Record<string, unknown> {
  const input: Record<string, unknown> = {
    unemployedSince: str(e.unemployedSince),
    reason: str(e.reason),
    registrationPlace: str(e.registrationPlace),
  }
  if (e.claimsUnemploymentInsurance === 'yes') input.claimsUnemploymentInsurance = true
  if (e.claimsUnemploymentInsurance === 'no') input.claimsUnemploymentInsurance = false
  if (e.reason === REASON_OTHER) input.reasonOther = trimmed(e.reasonOther)
  if (PLACES_NEEDING_REGION.includes(str(e.registrationPlace) as never)) input.registrationRegion = str(e.registrationRegion)
  if (e.householdType) input.householdType = e.householdType
  // sent whenever answered; the schema keeps it only where the region's profile asks (region-profiles.ts)
  if (e.stableEmploymentAtResidence) input.stableEmploymentAtResidence = e.stableEmploymentAtResidence
  const categories = list(e.personCategories)
  if (categories.length > 0) input.personCategories = categories
  if (needsCertificateNo(categories) && trimmed(e.categoryCertificateNo)) input.categoryCertificateNo = trimmed(e.categoryCertificateNo)
  const jobs = list(e.jobIntentions).map((j) => j.trim())
  if (jobs.some(Boolean)) input.jobIntentions = jobs
  if (trimmed(e.remarks)) input.remarks = trimmed(e.remarks)
  // 港澳台居民 only (the shared schema drops it for anyone else): 鞍人社〔2020〕21号 一
  if (e.employedInMainlandBefore === 'yes') input.employedInMainlandBefore = true
  if (e.employedInMainlandBefore === 'no') input.employedInMainlandBefore = false
  return input
}

const LABELS: Record<string, string> = {
  employedInMainlandBefore: '（港澳台居民）是否曾在内地（大陆）就业',
  unemployedSince: '失业时间',
  reason: '失业原因',
  reasonOther: '具体失业原因',
  claimsUnemploymentInsurance: '是否申领失业保险金',
  registrationPlace: '登记失业地',
  registrationRegion: '登记失业地所在地区',
  householdType: '户籍性质',
  stableEmploymentAtResidence: '在常住地稳定就业时间',
  personCategories: '人员类别',
  categoryCertificateNo: '人员类别证件号码',
  jobIntentions: '求职意向',
  'jobIntentions.0': '求职意向（第1项）',
  'jobIntentions.1': '求职意向（第2项）',
  'jobIntentions.2': '求职意向（第3项）',
  remarks: '其他需要说明的事项',
}

/** The county the person registers in, from the answers so far ('' while unknown). */
function regionOfAnswers(e: Extra, person: SituationProps['person']): string {
  const place = str(e.registrationPlace)
  if (place === 'hukou') return person?.hukouAddress?.regionCode ?? ''
  if (place === 'residence') return person?.residenceAddress?.regionCode ?? ''
  return str(e.registrationRegion)
}

function Situation({ extra: e, person, field, change, touch, today, part }: SituationProps) {
  const shows = (n: number) => part === undefined || part === n
  const place = str(e.registrationPlace)
  // 吉人社函字〔2018〕175号 四(三), where the region's profile applies it: 户籍性质 required, and the time in stable work
  // at the residence asked of 农村户籍 / non-local persons only
  const region = regionOfAnswers(e, person)
  const typeRequired = !!region && profileFor(region).householdTypeRequired
  const asksStable = !!region && asksStableEmployment({ householdType: e.householdType, hukouAddress: person?.hukouAddress }, region)
  const categories = list(e.personCategories)
  const jobs = list(e.jobIntentions)
  return (
    <View>
      {shows(0) ? (
      <View className='card'>
        <Text className='section-title'>失业情况</Text>
        <DateField {...field('unemployedSince')} fields='month' required value={str(e.unemployedSince)} end={today} onChange={(x) => change('unemployedSince', x.slice(0, 7))} hint='最后一份工作结束的年月；毕业后未就业的，填毕业年月' />
        {/* a radio list, not a wheel: 确定 on an unscrolled wheel recorded the first reason (issue 17) */}
        <ChoiceField {...field('reason')} required items={UNEMPLOYMENT_REASONS} value={str(e.reason)} onChange={(x) => { change('reason', x); touch('reason') }} />
        {e.reason === REASON_OTHER ? (
          <TextField {...field('reasonOther')} required value={str(e.reasonOther)} onChange={(x) => change('reasonOther', x)} maxlength={100} />
        ) : null}
        <ChoiceField {...field('claimsUnemploymentInsurance')} required items={CLAIMS} value={str(e.claimsUnemploymentInsurance)} onChange={(x) => { change('claimsUnemploymentInsurance', x); touch('claimsUnemploymentInsurance') }} hint='是否申领不影响办理失业登记' />
        <ChoiceField {...field('employedInMainlandBefore')} items={MAINLAND} value={str(e.employedInMainlandBefore)} onChange={(x) => { change('employedInMainlandBefore', x); touch('employedInMainlandBefore') }} hint='仅港澳台居民填写：在内地（大陆）就业后失业的，可参照办理失业登记' />
      </View>
      ) : null}

      {shows(1) ? (
      <View className='card'>
        <Text className='section-title'>在哪里登记</Text>
        <ChoiceField {...field('registrationPlace')} required items={REGISTRATION_PLACES} value={place} onChange={(x) => { change('registrationPlace', x); touch('registrationPlace') }} hint='可以在户籍地、常住地、就业地或参保地登记，选一个' />
        {PLACES_NEEDING_REGION.includes(place as never) ? (
          <RegionPicker
            {...field('registrationRegion')}
            path='registrationRegion'
            codePath='registrationRegion'
            label={place === 'employment' ? '就业地所在地区' : '参保地所在地区'}
            required
            value={str(e.registrationRegion)}
            onChange={(x) => change('registrationRegion', x)}
            hint={place === 'employment' ? '失业前办理就业登记或劳动用工备案的地方' : '失业前参加社会保险的地方'}
          />
        ) : null}
        <PickerField {...field('householdType')} required={typeRequired} items={HOUSEHOLD_TYPES} value={str(e.householdType)} onChange={(x) => change('householdType', x)} />
        {asksStable ? (
          <ChoiceField {...field('stableEmploymentAtResidence')} required items={STABLE_EMPLOYMENT_AT_RESIDENCE} value={str(e.stableEmploymentAtResidence)} onChange={(x) => { change('stableEmploymentAtResidence', x); touch('stableEmploymentAtResidence') }} hint='在现在的常住地稳定就业的时间，用于统计，不影响办理' />
        ) : null}
      </View>
      ) : null}

      {shows(2) ? (
      <View className='card'>
        <Text className='section-title'>人员类别（选填，可多选）</Text>
        <ChoiceField {...field('personCategories')} label='人员类别' multiple items={PERSON_CATEGORIES} plain={CATEGORY_PLAIN} value={categories} onChange={(x) => change('personCategories', x)} hint='符合的都可以选；不用上传任何证明' />
        {needsCertificateNo(categories) ? (
          <TextField {...field('categoryCertificateNo')} value={str(e.categoryCertificateNo)} onChange={(x) => change('categoryCertificateNo', x)} maxlength={30} hint='如残疾人证、退役军人证、低保证的号码；没有可以不填' />
        ) : null}
      </View>
      ) : null}

      {shows(3) ? (
      <View className='card'>
        <Text className='section-title'>求职意向（选填）</Text>
        {[0, 1, 2].map((i) => (
          <TextField key={i} {...field(`jobIntentions.${i}`)} label={`第${i + 1}项`} a11yLabel={`求职意向第${i + 1}项`} value={jobs[i] ?? ''} onChange={(x) => change(`jobIntentions.${i}`, x)} maxlength={20} hint={i === 0 ? '想找的工作，例如 仓库管理员、收银员' : undefined} />
        ))}
        <TextAreaField {...field('remarks')} value={str(e.remarks)} onChange={(x) => change('remarks', x)} maxlength={500} />
      </View>
      ) : null}
    </View>
  )
}

function confirmRows(e: Extra) {
  const place = str(e.registrationPlace)
  const categories = list(e.personCategories)
  return [
    { label: '失业时间', value: str(e.unemployedSince) },
    { label: '失业原因', value: e.reason === REASON_OTHER ? `其他：${trimmed(e.reasonOther)}` : str(e.reason) },
    { label: '申领失业保险金', value: e.claimsUnemploymentInsurance === 'yes' ? '是' : e.claimsUnemploymentInsurance === 'no' ? '否' : '' },
    {
      label: '登记失业地',
      value: (labelOf(REGISTRATION_PLACES, place) ?? '') + (PLACES_NEEDING_REGION.includes(place as never) && e.registrationRegion ? `（${regionText(str(e.registrationRegion))}）` : ''),
    },
    { label: '户籍性质', value: str(e.householdType) },
    { label: '人员类别', value: categories.join('、') },
    { label: '类别证件号码', value: needsCertificateNo(categories) ? trimmed(e.categoryCertificateNo) : '' },
    { label: '求职意向', value: list(e.jobIntentions).map((j) => j.trim()).filter(Boolean).join('、') },
    { label: '其他事项', value: trimmed(e.remarks) },
  ]
}

const SPEC: RegistrationSpec = {
  kind: 'unemployment',
  action: 'submitUnemploymentRegistration',
  draftKey: 'draft:unemployment',
  title: '失业登记',
  lead: '填写《失业人员登记表》，共5步，约5分钟。带 * 的为必填项。不需要上传任何材料；系统比对通过的当场办结。',
  stepTitles: ['基本信息', '联系方式与地址', '失业情况', '承诺', '确认提交'],
  commitmentTitle: '承诺',
  own: own(),
  ownInput,
  makeSchema: (today) => makeUnemploymentSchema({ today }),
  labels: LABELS,
  Situation,
  // 长辈模式: one card of the situation step per screen (the order of the cards above)
  situationParts: [
    ['unemployedSince', 'reason', 'reasonOther', 'claimsUnemploymentInsurance', 'employedInMainlandBefore'],
    ['registrationPlace', 'registrationRegion', 'householdType', 'stableEmploymentAtResidence'],
    ['personCategories', 'categoryCertificateNo'],
    ['jobIntentions', 'remarks'],
  ],
  confirmRows,
  submitText: '提交失业登记',
}

export default function Unemployment() {
  return <RegistrationWizard spec={SPEC} />
}
