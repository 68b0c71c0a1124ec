/**
 * State of the step-by-step registration forms (失业登记, 灵活就业登记), apart from rendering:
 * the draft kept on the phone after every change (values, step, requestId, commitment), which
 * step a field path belongs to, and the input sent to the cloud. Rules are the shared schemas'.
 */
import { SUPERSEDES } from '@shared/registrations'
import { COMMITMENTS, type CommitmentKind } from '@shared/commitment'
import { uuid } from '../services/ids'
import { PERSON_LABELS, emptyPersonValues, personHasContent, personInput, personValuesFrom, type PersonValues } from './person'

export type Extra = Record<string, unknown>

export interface RegistrationDraft {
  /** One per form fill: a resent submit is the same submission (docs/api.md "requestId"). */
  requestId: string
  /** the step shown, 0-based */
  step: number
  person: PersonValues
  /** residence = hukou address */
  sameAsHukou: boolean
  /** the form's own fields, plus the optional person fields only these forms show (otherContact, qualifications) */
  extra: Extra
  commitment: { accepted: boolean; signature: string }
  /** field paths the person has visited: only these show errors before 下一步 */
  touched: string[]
  /** 退回补正: the returned application this fill corrects (sent as `correctsApplicationId`) */
  correctsApplicationId?: string
  /** 家人代办: the delegation this fill is made under (sent as `onBehalfOf`) */
  onBehalfOf?: string
}

export const STEP_COUNT = 5
export const STEP_PERSON = 0
export const STEP_CONTACT = 1
export const STEP_SITUATION = 2
export const STEP_COMMITMENT = 3
export const STEP_CONFIRM = 4

const STEP0 = ['name', 'idType', 'idNumber', 'birthDate', 'gender', 'ethnicity', 'politicalStatus', 'education', 'health', 'disabilityLevel', 'qualifications']
const STEP1 = ['hukouAddress', 'residenceAddress', 'phone', 'landline', 'email', 'otherContact']

/** The step that shows a field path (`hukouAddress.detail` → 1); a server error on it brings the person there. */
export function stepOf(path: string): number {
  const head = path.split('.')[0]
  if (STEP0.includes(head)) return STEP_PERSON
  if (STEP1.includes(head)) return STEP_CONTACT
  // the tick that an active registration of the other kind ends is given beside the commitment
  if (head === 'commitment' || head === 'endsUnemploymentConfirmed' || head === 'endsFlexibleConfirmed') return STEP_COMMITMENT
  if (head === 'requestId' || head === '') return STEP_CONFIRM
  return STEP_SITUATION
}

export const emptyQualifications = () => [0, 1, 2].map(() => ({ title: '', level: '' }))

/** What the forms' own fields start as; `own` is the form's part (see the page's spec). */
export function emptyExtra(own: Extra): Extra {
  return { otherContact: '', qualifications: emptyQualifications(), ...own }
}

export function newRegistrationDraft(own: Extra): RegistrationDraft {
  return {
    requestId: uuid(),
    step: 0,
    person: emptyPersonValues(),
    sameAsHukou: false,
    extra: emptyExtra(own),
    commitment: { accepted: false, signature: '' },
    touched: [],
  }
}

/** Each stored value kept only when it has the type of its empty value; anything else starts afresh. */
function sameShape(empty: unknown, stored: unknown): unknown {
  if (typeof empty === 'string') return typeof stored === 'string' ? stored : empty
  if (typeof empty === 'boolean') return typeof stored === 'boolean' ? stored : empty
  if (Array.isArray(empty)) {
    if (!Array.isArray(stored)) return empty
    // an empty list (e.g. 人员类别) takes any strings; a fixed-row list keeps its rows
    if (empty.length === 0) return stored.filter((x) => typeof x === 'string')
    return empty.map((e, i) => sameShape(e, stored[i]))
  }
  if (empty && typeof empty === 'object') {
    const o = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
    return Object.fromEntries(Object.entries(empty).map(([k, e]) => [k, sameShape(e, o[k])]))
  }
  return empty
}

export function restoreRegistrationDraft(stored: unknown, own: Extra): RegistrationDraft | undefined {
  if (!stored || typeof stored !== 'object') return undefined
  const d = stored as Partial<RegistrationDraft>
  if (typeof d.requestId !== 'string' || !d.person || typeof d.person !== 'object') return undefined
  const step = typeof d.step === 'number' && Number.isInteger(d.step) && d.step >= 0 && d.step < STEP_COUNT ? d.step : 0
  const c = (d.commitment ?? {}) as Partial<RegistrationDraft['commitment']>
  return {
    requestId: d.requestId,
    step,
    person: personValuesFrom(d.person),
    sameAsHukou: !!d.sameAsHukou,
    extra: sameShape(emptyExtra(own), d.extra) as Extra,
    commitment: { accepted: c.accepted === true, signature: typeof c.signature === 'string' ? c.signature : '' },
    touched: Array.isArray(d.touched) ? d.touched.filter((t): t is string => typeof t === 'string') : [],
    ...(typeof d.correctsApplicationId === 'string' ? { correctsApplicationId: d.correctsApplicationId } : {}),
    ...(typeof d.onBehalfOf === 'string' ? { onBehalfOf: d.onBehalfOf } : {}),
  }
}

/**
 * 退回补正: a fresh fill (new requestId) holding the returned application's answers — the person block,
 * and each own field whose stored value has the shape the form keeps (a yes/no answer stored as a
 * boolean reads back as 'yes' / 'no'). The commitment and any "this ends my other registration" tick
 * are given again.
 */
export function correctionDraft(own: Extra, applicationId: string, form: Record<string, unknown>): RegistrationDraft {
  const empty = emptyExtra(own)
  const answers = Object.fromEntries(
    Object.keys(empty).map((k) => {
      const v = form[k]
      return [k, typeof v === 'boolean' && typeof empty[k] === 'string' ? (v ? 'yes' : 'no') : v]
    }),
  )
  const d = prefill(newRegistrationDraft(own), form)
  return { ...d, extra: { ...(sameShape(empty, answers) as Extra), endsConfirmed: false }, correctsApplicationId: applicationId }
}

export function draftHasContent(d: RegistrationDraft, own: Extra): boolean {
  return personHasContent(d.person) || JSON.stringify(d.extra) !== JSON.stringify(emptyExtra(own)) || d.commitment.accepted || !!d.commitment.signature
}

/** Set a value at a dot path (`qualifications.1.title`, `jobIntentions.0`) without mutating. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.')
  const key: string | number = Array.isArray(obj) ? Number(head) : head
  const current = (obj as Record<string | number, unknown>)[key]
  const next = rest.length === 0 ? value : setPath(current ?? (/^\d+$/.test(rest[0]) ? [] : {}), rest.join('.'), value)
  if (Array.isArray(obj)) {
    const copy = [...obj]
    copy[key as number] = next
    return copy as T
  }
  return { ...(obj as object), [key]: next } as T
}

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj)
}

export const trimmed = (x: unknown) => (typeof x === 'string' ? x.trim() : '')

/** Person fields only the registration forms show: sent when given. */
function extraPersonInput(extra: Extra): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  if (trimmed(extra.otherContact)) input.otherContact = trimmed(extra.otherContact)
  const rows = (extra.qualifications as { title: string; level: string }[]).map((q) => ({ title: q.title.trim(), level: q.level.trim() }))
  // rows keep their index so an error names the row the person sees; all-blank = not given
  if (rows.some((q) => q.title || q.level)) input.qualifications = rows
  return input
}

/** What is sent (and validated): the person block, the form's own fields, the commitment. */
export function registrationInput(
  kind: Exclude<CommitmentKind, 'certificate'>,
  draft: RegistrationDraft,
  ownInput: (extra: Extra) => Record<string, unknown>,
): Record<string, unknown> {
  const { accepted, signature } = draft.commitment
  return {
    requestId: draft.requestId,
    ...personInput(draft.person, draft.sameAsHukou),
    ...extraPersonInput(draft.extra),
    ...ownInput(draft.extra),
    commitment: { accepted, textVersion: COMMITMENTS[kind].version, ...(signature ? { signature } : {}) },
    ...(draft.extra.endsConfirmed === true ? { [SUPERSEDES[kind].confirmField]: true } : {}),
    ...(draft.correctsApplicationId ? { correctsApplicationId: draft.correctsApplicationId } : {}),
    ...(draft.onBehalfOf ? { onBehalfOf: draft.onBehalfOf } : {}),
  }
}

/** Labels shared by both forms (person block and the two optional person fields). */
export const COMMON_LABELS: Record<string, string> = {
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
}

/** Merge the person of an earlier submission (getMyProfile) into an untouched draft. */
export function prefill(d: RegistrationDraft, person: Record<string, unknown>): RegistrationDraft {
  const values = personValuesFrom(person)
  const extra = { ...d.extra }
  if (typeof person.otherContact === 'string') extra.otherContact = person.otherContact
  if (Array.isArray(person.qualifications)) {
    extra.qualifications = emptyQualifications().map((e, i) => {
      const q = person.qualifications as Array<{ title?: unknown; level?: unknown }>
      return { title: typeof q[i]?.title === 'string' ? (q[i].title as string) : e.title, level: typeof q[i]?.level === 'string' ? (q[i].level as string) : e.level }
    })
  }
  const same =
    values.residenceAddress.regionCode !== '' &&
    values.residenceAddress.regionCode === values.hukouAddress.regionCode &&
    values.residenceAddress.detail === values.hukouAddress.detail
  return { ...d, person: values, extra, sameAsHukou: same }
}
