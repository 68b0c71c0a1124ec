import { CATEGORIES_WITH_CERTIFICATE } from './codes';
import { FLEXIBLE_FORM } from './flexible.form';
import { makeFlexibleSchema, flexibleShape } from './flexible.schema';
import { personValuesFrom } from './person.form';
import {
  STEP_COMMITMENT,
  STEP_CONFIRM,
  STEP_CONTACT,
  STEP_PERSON,
  STEP_SITUATION,
  confirmSections,
  emptyExtra,
  groupCount,
  groupOf,
  registrationInput,
  stepOf,
  stepsOf,
  type Answers,
  type RegistrationAnswers,
  type RegistrationForm,
} from './registration.form';
import { UNEMPLOYMENT_FORM } from './unemployment.form';
import { makeUnemploymentSchema, unemploymentShape } from './unemployment.schema';
import { validate } from './validate';
import { TODAY, validPersonInput } from '../test/support/shared-fixtures';

/** A fill with every question of the form's own step answered (the ones asked only after another answer too). */
const FULL: Record<RegistrationForm['kind'], Answers> = {
  unemployment: {
    unemployedSince: '2025-12',
    reason: '其他',
    reasonOther: '工厂搬迁到外省',
    claimsUnemploymentInsurance: 'yes',
    employedInMainlandBefore: '',
    registrationPlace: 'employment',
    registrationRegion: '210202',
    householdType: '家庭',
    stableEmploymentAtResidence: '',
    personCategories: [CATEGORIES_WITH_CERTIFICATE[0]],
    categoryCertificateNo: 'A123456',
    jobIntentions: ['仓库管理员', '', '收银员'],
    remarks: '希望在中山区附近工作',
  },
  flexible: {
    employmentForm: '新就业形态（平台）',
    employmentFormOther: '',
    platform: '美团',
    occupation: '网约配送',
    startDate: '2026-01-05',
    incomeAtLeastMinimumLiving: 'yes',
    workRegion: '210202',
  },
};

const FORMS: { form: RegistrationForm; shape: Record<string, unknown>; schema: Parameters<typeof validate>[0] }[] = [
  { form: UNEMPLOYMENT_FORM, shape: unemploymentShape({ today: TODAY }), schema: makeUnemploymentSchema({ today: TODAY }) },
  { form: FLEXIBLE_FORM, shape: flexibleShape({ today: TODAY }), schema: makeFlexibleSchema({ today: TODAY }) },
];

function fill(form: RegistrationForm): RegistrationAnswers {
  return {
    requestId: 'req-form-0001',
    step: STEP_CONFIRM,
    person: personValuesFrom(validPersonInput()),
    sameAsHukou: false,
    extra: { ...emptyExtra(form), otherContact: '微信 zhao_ht', qualifications: [{ title: '电工', level: '四级' }, { title: '', level: '' }, { title: '', level: '' }], ...FULL[form.kind] },
    commitment: { accepted: true, signature: '' },
    touched: [],
  };
}

const ownFields = (form: RegistrationForm) => form.situation.groups.flatMap((g) => g.fields ?? []);

describe.each(FORMS)('the $form.title form definition', ({ form, shape, schema }) => {
  it('puts every field of the schema on exactly one step, and asks nothing the schema does not know', () => {
    const steps = stepsOf(form);
    for (const key of Object.keys(shape).filter((k) => k !== 'requestId')) {
      expect([key, steps.filter((groups) => groups.some((g) => g.heads.includes(key))).length]).toEqual([key, 1]);
    }
    for (const f of ownFields(form)) expect(Object.keys(shape)).toContain(f.key);
    expect(stepOf(form, 'requestId')).toBe(STEP_CONFIRM);
  });

  it('sends what the schema accepts for a complete fill', () => {
    const r = validate(schema, registrationInput(form, fill(form)));
    expect(r.ok ? {} : r.fields).toEqual({});
  });

  it('brings an error to the step and, in 长辈模式, the group that shows the field', () => {
    expect(stepOf(form, 'hukouAddress.detail')).toBe(STEP_CONTACT);
    expect(stepOf(form, 'qualifications.1.title')).toBe(STEP_PERSON);
    expect(groupOf(form, STEP_PERSON, 'qualifications.1.title')).toBe(1);
    expect(groupOf(form, STEP_CONTACT, 'residenceAddress.regionCode')).toBe(2);
    expect(stepOf(form, 'commitment.accepted')).toBe(STEP_COMMITMENT);
    for (const [i, g] of form.situation.groups.entries()) {
      for (const key of g.heads) {
        expect(stepOf(form, key)).toBe(STEP_SITUATION);
        expect(groupOf(form, STEP_SITUATION, key)).toBe(i);
      }
    }
  });

  it('shows the contact step on three screens in 长辈模式, two when the residence is the hukou address', () => {
    expect(groupCount(form, STEP_CONTACT, false)).toBe(3);
    expect(groupCount(form, STEP_CONTACT, true)).toBe(2);
    expect(groupCount(form, STEP_SITUATION, false)).toBe(form.situation.groups.length);
  });

  it('reads every answer back on the confirm page, in its own row or the row of the question it belongs to', () => {
    const rows = confirmSections(form, fill(form))[STEP_SITUATION].rows;
    const labelled = new Map(ownFields(form).map((f) => [f.key, f.confirm]));
    for (const f of ownFields(form)) {
      const answered = JSON.stringify(FULL[form.kind][f.key] ?? '') !== '""';
      if (!answered || f.confirm === false) continue;
      const own = 'label' in f.confirm ? f.confirm : labelled.get(f.confirm.with);
      const row = rows.find((r) => own && 'label' in own && r.label === own.label);
      expect([f.key, row?.value ?? '']).not.toEqual([f.key, '']);
    }
  });
});

describe('what the confirm page does not read back', () => {
  it('is only the 港澳台居民 question and the statistics question of the 失业登记, both said so beside the field', () => {
    const silent = [...ownFields(UNEMPLOYMENT_FORM), ...ownFields(FLEXIBLE_FORM)].filter((f) => f.confirm === false).map((f) => f.key);
    expect(silent).toEqual(['employedInMainlandBefore', 'stableEmploymentAtResidence']);
  });

  it('reads back 其他 with what the person wrote, and the region where it is asked', () => {
    const rows = confirmSections(UNEMPLOYMENT_FORM, fill(UNEMPLOYMENT_FORM))[STEP_SITUATION].rows;
    expect(rows.find((r) => r.label === '失业原因')?.value).toBe('其他：工厂搬迁到外省');
    expect(rows.find((r) => r.label === '登记失业地')?.value).toMatch(/^就业地（.+）$/);
  });
});
