/**
 * The draft of the step-by-step registration forms (失业登记, 灵活就业登记) kept on the phone after every
 * change (values, step, requestId, commitment): made, restored, refilled. What the form asks, which step a
 * field path belongs to and the input sent are the form's definition (shared/registration.form.ts).
 */
import {
  STEP_COMMITMENT,
  STEP_CONFIRM,
  STEP_CONTACT,
  STEP_COUNT,
  STEP_PERSON,
  STEP_SITUATION,
  emptyExtra,
  emptyQualifications,
  trimmed,
  type Answers,
  type RegistrationAnswers,
  type RegistrationForm,
} from '@shared/registration.form'
import { uuid } from '../services/ids'
import { emptyPersonValues, personHasContent, personValuesFrom, sameAddresses } from './person'

export type Extra = Answers
export type RegistrationDraft = RegistrationAnswers

export { STEP_COUNT, STEP_PERSON, STEP_CONTACT, STEP_SITUATION, STEP_COMMITMENT, STEP_CONFIRM, trimmed, emptyExtra, emptyQualifications }

export function newRegistrationDraft(form: RegistrationForm): RegistrationDraft {
  return {
    requestId: uuid(),
    step: 0,
    person: emptyPersonValues(),
    sameAsHukou: false,
    extra: emptyExtra(form),
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

export function restoreRegistrationDraft(stored: unknown, form: RegistrationForm): RegistrationDraft | undefined {
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
    extra: sameShape(emptyExtra(form), d.extra) as Extra,
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
export function correctionDraft(def: RegistrationForm, applicationId: string, form: Record<string, unknown>): RegistrationDraft {
  const empty = emptyExtra(def)
  const answers = Object.fromEntries(
    Object.keys(empty).map((k) => {
      const v = form[k]
      return [k, typeof v === 'boolean' && typeof empty[k] === 'string' ? (v ? 'yes' : 'no') : v]
    }),
  )
  const d = prefill(newRegistrationDraft(def), form)
  return { ...d, extra: { ...(sameShape(empty, answers) as Extra), endsConfirmed: false }, correctsApplicationId: applicationId }
}

export function draftHasContent(d: RegistrationDraft, form: RegistrationForm): boolean {
  return personHasContent(d.person) || JSON.stringify(d.extra) !== JSON.stringify(emptyExtra(form)) || d.commitment.accepted || !!d.commitment.signature
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
  return { ...d, person: values, extra, sameAsHukou: sameAddresses(values) }
}
