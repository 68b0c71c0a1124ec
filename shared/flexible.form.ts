/**
 * The 灵活就业登记 with its 承诺书 (吉人社函字〔2018〕175号 二(三), §三(一)3; 大人社规发〔2025〕2号 二(二)) as the citizen
 * fills it: its own step (one card), the confirm rows and what is sent. The rules are flexible.schema.ts's; the
 * person steps, the commitment and the confirm page are registration.form.ts's.
 */
import { EMPLOYMENT_FORMS, EMPLOYMENT_FORM_OTHER, EMPLOYMENT_FORM_PLATFORM } from './codes';
import { ownGroup, regionText, str, trimmed, yesNoInput, yesNoText, type Answers, type RegistrationForm } from './registration.form';

const INCOME = [
  { code: 'yes', label: '是，不低于' },
  { code: 'no', label: '否，低于' },
];

function toInput(a: Answers): Record<string, unknown> {
  const input: Record<string, unknown> = {
    employmentForm: str(a.employmentForm),
    occupation: trimmed(a.occupation),
    startDate: str(a.startDate),
    workRegion: str(a.workRegion),
  };
  if (a.employmentForm === EMPLOYMENT_FORM_OTHER) input.employmentFormOther = trimmed(a.employmentFormOther);
  if (a.employmentForm === EMPLOYMENT_FORM_PLATFORM) input.platform = trimmed(a.platform);
  const income = yesNoInput(a.incomeAtLeastMinimumLiving);
  if (income !== undefined) input.incomeAtLeastMinimumLiving = income;
  return input;
}

export const FLEXIBLE_FORM: RegistrationForm = {
  kind: 'flexible',
  action: 'submitFlexibleEmployment',
  draftKey: 'draft:flexible',
  url: '/packageForms/flexible/index',
  title: '灵活就业登记',
  lead: '以非全日制、临时性、平台接单、自由职业等灵活方式就业的，可以在这里登记，共5步。带 * 的为必填项。只需本人书面承诺，不需要上传任何材料。',
  commitmentTitle: '承诺书',
  submitText: '提交灵活就业登记',
  situation: {
    title: '就业情况',
    groups: [
      ownGroup('就业情况', [
        {
          key: 'employmentForm',
          kind: 'choice',
          required: true,
          options: EMPLOYMENT_FORMS,
          hint: '新就业形态：如网约配送、网约车、互联网营销等通过平台接单的工作',
          confirm: { label: '就业形式', value: (a) => (a.employmentForm === EMPLOYMENT_FORM_OTHER ? `其他：${trimmed(a.employmentFormOther)}` : str(a.employmentForm)) },
        },
        { key: 'employmentFormOther', kind: 'text', required: true, maxlength: 50, when: (c) => c.answers.employmentForm === EMPLOYMENT_FORM_OTHER, confirm: { with: 'employmentForm' } },
        {
          key: 'platform',
          kind: 'text',
          required: true,
          maxlength: 50,
          when: (c) => c.answers.employmentForm === EMPLOYMENT_FORM_PLATFORM,
          hint: '例如 美团、滴滴出行',
          confirm: { label: '服务平台', value: (a) => (a.employmentForm === EMPLOYMENT_FORM_PLATFORM ? trimmed(a.platform) : '') },
        },
        { key: 'occupation', kind: 'text', required: true, maxlength: 50, hint: '例如 网约配送、家政服务', confirm: { label: '从事工作', value: (a) => trimmed(a.occupation) } },
        { key: 'startDate', kind: 'date', required: true, confirm: { label: '开始时间', value: (a) => str(a.startDate) } },
        {
          key: 'incomeAtLeastMinimumLiving',
          kind: 'choice',
          options: INCOME,
          hint: '已办理失业登记的须回答：低于的，仍属失业人员，保留失业登记',
          confirm: { label: '月收入不低于最低生活保障标准', value: (a) => yesNoText(a.incomeAtLeastMinimumLiving) },
        },
        { key: 'workRegion', kind: 'region', required: true, hint: '主要在哪个县（区）工作', confirm: { label: '工作地', value: (a) => regionText(str(a.workRegion)) } },
      ]),
    ],
  },
  labels: {
    employmentForm: '灵活就业形式',
    employmentFormOther: '具体灵活就业形式',
    platform: '服务平台名称',
    occupation: '从事工作',
    startDate: '就业开始时间',
    workRegion: '工作地',
    'workRegion.regionCode': '工作地',
    incomeAtLeastMinimumLiving: '月收入是否不低于当地最低生活保障标准',
  },
  empty: () => ({
    employmentForm: '',
    employmentFormOther: '',
    platform: '',
    occupation: '',
    startDate: '',
    workRegion: '',
    incomeAtLeastMinimumLiving: '',
  }),
  toInput,
};
