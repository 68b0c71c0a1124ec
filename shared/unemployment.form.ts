/**
 * The 失业人员登记表 as the citizen fills it (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件, 人社厅发〔2020〕79号 一):
 * its own step's four cards (one screen each in 长辈模式), the confirm rows and what is sent. The rules are
 * unemployment.schema.ts's; the person steps, the commitment and the confirm page are registration.form.ts's.
 */
import { CATEGORIES_WITH_CERTIFICATE, HOUSEHOLD_TYPES, PERSON_CATEGORIES, PLACES_NEEDING_REGION, REASON_OTHER, REGISTRATION_PLACES, STABLE_EMPLOYMENT_AT_RESIDENCE, UNEMPLOYMENT_REASONS, labelOf } from './codes';
import { asksStableEmployment, profileFor } from './region-profiles';
import { list, ownGroup, regionText, str, trimmed, yesNoInput, yesNoText, type Answers, type FieldContext, type RegistrationForm } from './registration.form';

const CLAIMS = [
  { code: 'yes', label: '是，申领失业保险金' },
  { code: 'no', label: '否' },
];

const MAINLAND = [
  { code: 'yes', label: '是，曾在内地（大陆）就业' },
  { code: 'no', label: '否' },
];

const needsRegion = (a: Answers) => PLACES_NEEDING_REGION.includes(str(a.registrationPlace) as never);
const needsCertificateNo = (a: Answers) => list(a.personCategories).some((c) => CATEGORIES_WITH_CERTIFICATE.includes(c));

/** The county the person registers in, from the answers so far ('' while unknown). */
function regionOfAnswers({ answers: a, person }: FieldContext): string {
  const place = str(a.registrationPlace);
  if (place === 'hukou') return person?.hukouAddress?.regionCode ?? '';
  if (place === 'residence') return person?.residenceAddress?.regionCode ?? '';
  return str(a.registrationRegion);
}

function toInput(a: Answers): Record<string, unknown> {
  const input: Record<string, unknown> = {
    unemployedSince: str(a.unemployedSince),
    reason: str(a.reason),
    registrationPlace: str(a.registrationPlace),
  };
  const claims = yesNoInput(a.claimsUnemploymentInsurance);
  if (claims !== undefined) input.claimsUnemploymentInsurance = claims;
  if (a.reason === REASON_OTHER) input.reasonOther = trimmed(a.reasonOther);
  if (needsRegion(a)) input.registrationRegion = str(a.registrationRegion);
  if (a.householdType) input.householdType = a.householdType;
  // sent whenever answered; the schema keeps it only where the region's profile asks (region-profiles.ts)
  if (a.stableEmploymentAtResidence) input.stableEmploymentAtResidence = a.stableEmploymentAtResidence;
  const categories = list(a.personCategories);
  if (categories.length > 0) input.personCategories = categories;
  if (needsCertificateNo(a) && trimmed(a.categoryCertificateNo)) input.categoryCertificateNo = trimmed(a.categoryCertificateNo);
  const jobs = list(a.jobIntentions).map((j) => j.trim());
  if (jobs.some(Boolean)) input.jobIntentions = jobs;
  if (trimmed(a.remarks)) input.remarks = trimmed(a.remarks);
  // 港澳台居民 only (the shared schema drops it for anyone else): 鞍人社〔2020〕21号 一
  const mainland = yesNoInput(a.employedInMainlandBefore);
  if (mainland !== undefined) input.employedInMainlandBefore = mainland;
  return input;
}

export const UNEMPLOYMENT_FORM: RegistrationForm = {
  kind: 'unemployment',
  action: 'submitUnemploymentRegistration',
  draftKey: 'draft:unemployment',
  url: '/packageForms/unemployment/index',
  title: '失业登记',
  lead: '填写《失业人员登记表》，共5步，约5分钟。带 * 的为必填项。不需要上传任何材料；系统比对通过的当场办结。',
  commitmentTitle: '承诺',
  submitText: '提交失业登记',
  situation: {
    title: '失业情况',
    groups: [
      ownGroup('失业情况', [
        {
          key: 'unemployedSince',
          kind: 'month',
          required: true,
          hint: '最后一份工作结束的年月；毕业后未就业的，填毕业年月',
          confirm: { label: '失业时间', value: (a) => str(a.unemployedSince) },
        },
        // a radio list, not a wheel: 确定 on an unscrolled wheel recorded the first reason (issue 17)
        {
          key: 'reason',
          kind: 'choice',
          required: true,
          options: UNEMPLOYMENT_REASONS,
          confirm: { label: '失业原因', value: (a) => (a.reason === REASON_OTHER ? `其他：${trimmed(a.reasonOther)}` : str(a.reason)) },
        },
        { key: 'reasonOther', kind: 'text', required: true, maxlength: 100, when: (c) => c.answers.reason === REASON_OTHER, confirm: { with: 'reason' } },
        {
          key: 'claimsUnemploymentInsurance',
          kind: 'choice',
          required: true,
          options: CLAIMS,
          hint: '是否申领不影响办理失业登记',
          confirm: { label: '申领失业保险金', value: (a) => yesNoText(a.claimsUnemploymentInsurance) },
        },
        // not read back: a 港澳台居民's answer, which the schema drops for anyone else
        { key: 'employedInMainlandBefore', kind: 'choice', options: MAINLAND, hint: '仅港澳台居民填写：在内地（大陆）就业后失业的，可参照办理失业登记', confirm: false },
      ]),
      ownGroup('在哪里登记', [
        {
          key: 'registrationPlace',
          kind: 'choice',
          required: true,
          options: REGISTRATION_PLACES,
          hint: '可以在户籍地、常住地、就业地或参保地登记，选一个',
          confirm: {
            label: '登记失业地',
            value: (a) => (labelOf(REGISTRATION_PLACES, str(a.registrationPlace)) ?? '') + (needsRegion(a) && a.registrationRegion ? `（${regionText(str(a.registrationRegion))}）` : ''),
          },
        },
        {
          key: 'registrationRegion',
          kind: 'region',
          required: true,
          when: (c) => needsRegion(c.answers),
          label: (c) => (c.answers.registrationPlace === 'employment' ? '就业地所在地区' : '参保地所在地区'),
          hint: (c) => (c.answers.registrationPlace === 'employment' ? '失业前办理就业登记或劳动用工备案的地方' : '失业前参加社会保险的地方'),
          confirm: { with: 'registrationPlace' },
        },
        // 吉人社函字〔2018〕175号 四(三), where the region's profile applies it: 户籍性质 required, and the time in
        // stable work at the residence asked of 农村户籍 / non-local persons only
        {
          key: 'householdType',
          kind: 'picker',
          options: HOUSEHOLD_TYPES,
          required: (c) => {
            const region = regionOfAnswers(c);
            return !!region && profileFor(region).householdTypeRequired;
          },
          confirm: { label: '户籍性质', value: (a) => str(a.householdType) },
        },
        // not read back: asked for statistics only, where the region's profile asks it
        {
          key: 'stableEmploymentAtResidence',
          kind: 'choice',
          required: true,
          options: STABLE_EMPLOYMENT_AT_RESIDENCE,
          when: (c) => {
            const region = regionOfAnswers(c);
            return !!region && asksStableEmployment({ householdType: c.answers.householdType, hukouAddress: c.person?.hukouAddress }, region);
          },
          hint: '在常住地稳定就业的时间，用于统计，不影响办理',
          confirm: false,
        },
      ]),
      ownGroup('人员类别（选填，可多选）', [
        {
          key: 'personCategories',
          kind: 'choices',
          options: PERSON_CATEGORIES,
          plain: true,
          hint: '符合的都可以选；不用上传任何证明',
          confirm: { label: '人员类别', value: (a) => list(a.personCategories).join('、') },
        },
        {
          key: 'categoryCertificateNo',
          kind: 'text',
          maxlength: 30,
          when: (c) => needsCertificateNo(c.answers),
          hint: '如残疾人证、退役军人证、低保证的号码；没有可以不填',
          confirm: { label: '类别证件号码', value: (a) => (needsCertificateNo(a) ? trimmed(a.categoryCertificateNo) : '') },
        },
      ]),
      ownGroup('求职意向（选填）', [
        {
          key: 'jobIntentions',
          kind: 'rows',
          maxlength: 20,
          rows: { count: 3, label: (i) => `第${i + 1}项`, a11yLabel: (i) => `求职意向第${i + 1}项`, firstHint: '想找的工作，例如 仓库管理员、收银员' },
          confirm: { label: '求职意向', value: (a) => list(a.jobIntentions).map((j) => j.trim()).filter(Boolean).join('、') },
        },
        { key: 'remarks', kind: 'textarea', maxlength: 500, confirm: { label: '其他事项', value: (a) => trimmed(a.remarks) } },
      ]),
    ],
  },
  labels: {
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
  },
  empty: () => ({
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
  }),
  toInput,
};
