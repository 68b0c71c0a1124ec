/**
 * The form engine of the step-by-step registrations (失业登记, 灵活就业登记): one declarative definition per
 * form (unemployment.form.ts, flexible.form.ts) — its steps, each step's groups and fields, the confirm rows
 * and the input builder — and what is derived from it: which step shows a field path, the 长辈模式 groups
 * (one group per screen), the error-summary labels, the confirm page and the input sent (and checked by the
 * form's own schema, which the cloud runs too). Pure data and functions: no zod, no platform code.
 */
import type { ActionName } from './api';
import { COMMITMENTS, type CommitmentKind } from './commitment';
import { DISABILITY_LEVELS, EDUCATIONS, ETHNICITIES, GENDERS, HEALTH_STATUSES, ID_TYPES, POLITICAL_STATUSES, labelOf, type CodeItem } from './codes';
import { regionName } from './regions';
import { SUPERSEDES } from './registrations';
import { DISABLED, NEEDS_BIRTH_DATE, PERSON_LABELS, personInput, type PersonValues } from './person.form';

/** The form's own answers as typed (strings, '' = empty; lists of strings). */
export type Answers = Record<string, unknown>;

export type RegistrationKind = Exclude<CommitmentKind, 'certificate'>;

/** A fill of a registration form, as kept on the phone after every change. */
export interface RegistrationAnswers {
  /** One per form fill: a resent submit is the same submission (docs/api.md "requestId"). */
  requestId: string;
  /** the step shown, 0-based */
  step: number;
  person: PersonValues;
  /** residence = hukou address */
  sameAsHukou: boolean;
  /** the form's own fields, plus the optional person fields only these forms show (otherContact, qualifications) */
  extra: Answers;
  commitment: { accepted: boolean; signature: string };
  /** field paths the person has visited: only these show errors before 下一步 */
  touched: string[];
  /** 退回补正: the returned application this fill corrects (sent as `correctsApplicationId`) */
  correctsApplicationId?: string;
  /** 家人代办: the delegation this fill is made under (sent as `onBehalfOf`) */
  onBehalfOf?: string;
}

/** What a field's dynamic parts (shown, required, label, hint) may depend on. */
export interface FieldContext {
  answers: Answers;
  /** the person step's answers (a question may depend on the addresses, e.g. region-profiles.ts asksStableEmployment) */
  person?: { hukouAddress?: { regionCode: string }; residenceAddress?: { regionCode: string } };
}

type Dynamic<T> = T | ((c: FieldContext) => T);

/**
 * How a field is asked: text / textarea; month (年-月) / date (年-月-日, from 1950); choice (one, a radio
 * list, ticking it counts as a visit) / choices (several); picker (a wheel); region (a county code);
 * rows (a fixed number of one-line texts, `key.0`…).
 */
export type FieldKind = 'text' | 'textarea' | 'month' | 'date' | 'choice' | 'choices' | 'picker' | 'region' | 'rows';

/** A confirm-page row: its label and the answer as read back ('' = not shown). */
export interface ConfirmRow {
  label: string;
  value: string;
}

export interface FieldDef {
  key: string;
  kind: FieldKind;
  /** the label on the page when it is not the one of the form's label table */
  label?: Dynamic<string>;
  hint?: Dynamic<string | undefined>;
  options?: readonly CodeItem[];
  required?: Dynamic<boolean>;
  /** asked only when this holds (the answer is then sent; the input builder says what is sent) */
  when?: (c: FieldContext) => boolean;
  maxlength?: number;
  /** choices: the plain-words explanation of the codes is shown */
  plain?: boolean;
  /** rows: how many, and each row's label, a11y name and the first row's hint */
  rows?: { count: number; label: (i: number) => string; a11yLabel: (i: number) => string; firstHint?: string };
  /**
   * Its row on the confirm page, or the key of the field whose row shows it too (e.g. 具体失业原因 in 失业原因),
   * or false: not read back (said why beside the field).
   */
  confirm: { label: string; value: (a: Answers) => string } | { with: string } | false;
}

/** One card of a step; in 长辈模式 one group per screen. */
export interface GroupDef {
  title?: string;
  /** the field path heads of the group (the person steps: the blocks of components/PersonFields.tsx) */
  heads: string[];
  /** the form's own fields, rendered from the definition (absent for the person blocks) */
  fields?: FieldDef[];
  /** 常住地址 = 户籍地址: this group is then only the switch, shown with the group before */
  mergedWhenSameAsHukou?: boolean;
}

/** A card of the form's own fields: its heads are its fields' keys. */
export const ownGroup = (title: string, fields: FieldDef[]): GroupDef => ({ title, heads: fields.map((f) => f.key), fields });

export interface StepDef {
  title: string;
  groups: GroupDef[];
}

/** The definition of one registration form. */
export interface RegistrationForm {
  kind: RegistrationKind;
  action: Extract<ActionName, 'submitUnemploymentRegistration' | 'submitFlexibleEmployment'>;
  draftKey: string;
  /** the page (where a kept submission is retried) */
  url: string;
  /** page heading, e.g. 失业登记 */
  title: string;
  lead: string;
  /** the situation step (the form's own fields) */
  situation: StepDef;
  commitmentTitle: string;
  submitText: string;
  /** labels of the form's own field paths, in the order they appear (the summary keeps it) */
  labels: Readonly<Record<string, string>>;
  /** the form's own fields, empty */
  empty: () => Answers;
  /** the form's own part of the input */
  toInput: (a: Answers) => Record<string, unknown>;
}

export const STEP_COUNT = 5;
export const STEP_PERSON = 0;
export const STEP_CONTACT = 1;
export const STEP_SITUATION = 2;
export const STEP_COMMITMENT = 3;
export const STEP_CONFIRM = 4;

/** 基本信息: 身份信息, then 职业资格 (长辈模式: issue "Citizen experience" §2, fewer fields per screen). */
const PERSON_GROUPS: GroupDef[] = [
  { heads: ['name', 'idType', 'idNumber', 'birthDate', 'gender', 'ethnicity', 'politicalStatus', 'education', 'health', 'disabilityLevel'] },
  { heads: ['qualifications'] },
];
/** 联系方式与地址: 联系方式, 户籍地址, 常住地址. */
const CONTACT_GROUPS: GroupDef[] = [
  { heads: ['phone', 'landline', 'email', 'otherContact'] },
  { heads: ['hukouAddress'] },
  { heads: ['residenceAddress'], mergedWhenSameAsHukou: true },
];

/** The five steps of a form: the groups of each (the confirm step has none). */
export function stepsOf(form: RegistrationForm): GroupDef[][] {
  return [PERSON_GROUPS, CONTACT_GROUPS, form.situation.groups, [{ heads: ['commitment', SUPERSEDES[form.kind].confirmField] }], []];
}

/** The step that shows a field path (`hukouAddress.detail` → 1); a server error on it brings the person there. */
export function stepOf(form: RegistrationForm, path: string): number {
  const head = path.split('.')[0];
  const steps = stepsOf(form);
  const n = steps.findIndex((groups) => groups.some((g) => g.heads.includes(head)));
  if (n >= 0) return n;
  if (head === 'requestId' || head === '') return STEP_CONFIRM;
  // anything else the schema names is the form's own
  return STEP_SITUATION;
}

/** 长辈模式: the group of a field path within its step (0 when the step has one). */
export function groupOf(form: RegistrationForm, step: number, path: string): number {
  const head = path.split('.')[0];
  return Math.max(0, (stepsOf(form)[step] ?? []).findIndex((g) => g.heads.includes(head)));
}

/** 长辈模式: how many screens the step takes (常住地址 = 户籍地址: its group is only the switch, shown with the 户籍地址). */
export function groupCount(form: RegistrationForm, step: number, sameAsHukou: boolean): number {
  const groups = (stepsOf(form)[step] ?? []).filter((g) => !(sameAsHukou && g.mergedWhenSameAsHukou));
  return Math.max(1, groups.length);
}

/** Labels shared by both forms (person block and the two optional person fields). */
export const COMMON_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_LABELS,
  otherContact: '其他联系方式',
  qualifications: '职业资格',
  'qualifications.0.title': '职业资格（第1项）名称',
  'qualifications.0.level': '职业资格（第1项）等级',
  'qualifications.1.title': '职业资格（第2项）名称',
  'qualifications.1.level': '职业资格（第2项）等级',
  'qualifications.2.title': '职业资格（第3项）名称',
  'qualifications.2.level': '职业资格（第3项）等级',
  commitment: '承诺',
  'commitment.accepted': '承诺',
  'commitment.textVersion': '承诺',
  'commitment.signature': '手写签名',
};

/** Every label of a form's field paths, in the order of the error summary. */
export function labelsOf(form: RegistrationForm): Record<string, string> {
  return { ...COMMON_LABELS, ...form.labels };
}

export const trimmed = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');
export const str = (x: unknown): string => (typeof x === 'string' ? x : '');
export const list = (x: unknown): string[] => (Array.isArray(x) ? (x as string[]) : []);
/** a yes/no radio answer as sent: 'yes' → true, 'no' → false, unanswered → absent */
export const yesNoInput = (x: unknown): boolean | undefined => (x === 'yes' ? true : x === 'no' ? false : undefined);
export const yesNoText = (x: unknown): string => (x === 'yes' ? '是' : x === 'no' ? '否' : '');
/** '210202' → '辽宁省 大连市 中山区': regionName gives the whole path. */
export const regionText = (code: string): string => regionName(code) ?? '';

export const emptyQualifications = () => [0, 1, 2].map(() => ({ title: '', level: '' }));

/** What the forms' own fields start as: the two optional person fields, then the form's. */
export function emptyExtra(form: RegistrationForm): Answers {
  return { otherContact: '', qualifications: emptyQualifications(), ...form.empty() };
}

type Qualification = { title: string; level: string };

/** Person fields only the registration forms show: sent when given. */
function extraPersonInput(extra: Answers): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (trimmed(extra.otherContact)) input.otherContact = trimmed(extra.otherContact);
  const rows = (extra.qualifications as Qualification[]).map((q) => ({ title: q.title.trim(), level: q.level.trim() }));
  // rows keep their index so an error names the row the person sees; all-blank = not given
  if (rows.some((q) => q.title || q.level)) input.qualifications = rows;
  return input;
}

/** What is sent (and validated): the person block, the form's own fields, the commitment. */
export function registrationInput(form: RegistrationForm, draft: RegistrationAnswers): Record<string, unknown> {
  const { accepted, signature } = draft.commitment;
  return {
    requestId: draft.requestId,
    ...personInput(draft.person, draft.sameAsHukou),
    ...extraPersonInput(draft.extra),
    ...form.toInput(draft.extra),
    commitment: { accepted, textVersion: COMMITMENTS[form.kind].version, ...(signature ? { signature } : {}) },
    ...(draft.extra.endsConfirmed === true ? { [SUPERSEDES[form.kind].confirmField]: true } : {}),
    ...(draft.correctsApplicationId ? { correctsApplicationId: draft.correctsApplicationId } : {}),
    ...(draft.onBehalfOf ? { onBehalfOf: draft.onBehalfOf } : {}),
  };
}

const codeText = (table: readonly CodeItem[], code: string) => labelOf(table, code) ?? '';

/** The confirm rows of the form's own fields, in the order of the definition. */
export function situationRows(form: RegistrationForm, a: Answers): ConfirmRow[] {
  return form.situation.groups
    .flatMap((g) => g.fields ?? [])
    .flatMap((f) => (f.confirm && 'label' in f.confirm ? [{ label: f.confirm.label, value: f.confirm.value(a) }] : []));
}

export interface ConfirmSection {
  step: number;
  title: string;
  rows: ConfirmRow[];
}

/** The confirm page: one section per step, each with the answers given (empty rows left out). */
export function confirmSections(form: RegistrationForm, draft: RegistrationAnswers): ConfirmSection[] {
  const stepTitles = stepTitlesOf(form);
  const v = draft.person;
  const residence = draft.sameAsHukou ? v.hukouAddress : v.residenceAddress;
  const quals = (draft.extra.qualifications as Qualification[]).filter((q) => q.title.trim());
  const sections: ConfirmSection[] = [
    {
      step: STEP_PERSON,
      title: stepTitles[STEP_PERSON],
      rows: [
        { label: '姓名', value: v.name },
        { label: '证件', value: `${codeText(ID_TYPES, v.idType)} ${v.idNumber}` },
        ...(NEEDS_BIRTH_DATE.includes(v.idType) ? [{ label: '出生日期', value: v.birthDate }] : []),
        { label: '性别', value: codeText(GENDERS, v.gender) },
        { label: '民族', value: codeText(ETHNICITIES, v.ethnicity) },
        { label: '政治面貌', value: codeText(POLITICAL_STATUSES, v.politicalStatus) },
        { label: '学历', value: codeText(EDUCATIONS, v.education) },
        { label: '健康状况', value: codeText(HEALTH_STATUSES, v.health) + (v.health === DISABLED ? `（${codeText(DISABILITY_LEVELS, v.disabilityLevel)}）` : '') },
        { label: '职业资格', value: quals.map((q) => (q.level.trim() ? `${q.title.trim()}（${q.level.trim()}）` : q.title.trim())).join('；') },
      ],
    },
    {
      step: STEP_CONTACT,
      title: stepTitles[STEP_CONTACT],
      rows: [
        { label: '手机', value: v.phone },
        { label: '固定电话', value: v.landline },
        { label: '电子邮件', value: v.email },
        { label: '其他联系方式', value: String(draft.extra.otherContact ?? '') },
        { label: '户籍地址', value: `${regionText(v.hukouAddress.regionCode)} ${v.hukouAddress.detail}`.trim() },
        { label: '常住地址', value: draft.sameAsHukou ? '与户籍地址相同' : `${regionText(residence.regionCode)} ${residence.detail}`.trim() },
      ],
    },
    { step: STEP_SITUATION, title: stepTitles[STEP_SITUATION], rows: situationRows(form, draft.extra) },
    {
      step: STEP_COMMITMENT,
      title: stepTitles[STEP_COMMITMENT],
      rows: [
        { label: '承诺', value: draft.commitment.accepted ? '✓ 已阅读并承诺' : '尚未勾选' },
        { label: '手写签名', value: draft.commitment.signature ? '✓ 已签名' : '未签名（可不签）' },
      ],
    },
  ];
  return sections.map((s) => ({ ...s, rows: s.rows.filter((r) => r.value.trim() !== '') }));
}

/** The titles of the five steps. */
export function stepTitlesOf(form: RegistrationForm): [string, string, string, string, string] {
  return ['基本信息', '联系方式与地址', form.situation.title, form.commitmentTitle, '确认提交'];
}
