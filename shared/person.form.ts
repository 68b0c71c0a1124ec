/**
 * The person block every form starts with (docs/forms.md "Person"), as the citizen sees it: strings,
 * '' = empty, and the person part of what is sent. Shared by 申领电子证, 失业登记 and 灵活就业登记 so a
 * field behaves the same on every page. Rules are not here: they are the schemas' (person.schema.ts).
 * No zod and no platform code: the form definitions (registration.form.ts, certificate.form.ts) build on it.
 */
import { PERSON_FIELD_LABELS } from './person.labels'
import { HEALTH_DISABLED } from './codes'

export interface AddressValues {
  regionCode: string
  detail: string
}

export interface PersonValues {
  name: string
  idType: string
  idNumber: string
  birthDate: string
  gender: string
  ethnicity: string
  politicalStatus: string
  education: string
  health: string
  disabilityLevel: string
  hukouAddress: AddressValues
  residenceAddress: AddressValues
  phone: string
  landline: string
  email: string
}

export const emptyPersonValues = (): PersonValues => ({
  name: '',
  idType: '01',
  idNumber: '',
  birthDate: '',
  gender: '',
  ethnicity: '',
  politicalStatus: '',
  education: '',
  health: '',
  disabilityLevel: '',
  hukouAddress: { regionCode: '', detail: '' },
  residenceAddress: { regionCode: '', detail: '' },
  phone: '',
  landline: '',
  email: '',
})

/** ID documents whose number carries no birth date: ask for it (docs/forms.md idType). */
export const NEEDS_BIRTH_DATE = ['04', '05']
/** 健康状况 `6` 残疾 needs 伤残等级 (鞍人社〔2020〕21号 说明 2). */
export const DISABLED = HEALTH_DISABLED

export const PERSON_VALUE_KEYS = Object.keys(emptyPersonValues()) as (keyof PersonValues)[]

const str = (x: unknown) => (typeof x === 'string' ? x : '')

function addressOf(a: unknown): AddressValues {
  const o = (a && typeof a === 'object' ? a : {}) as Partial<AddressValues>
  return { regionCode: str(o.regionCode), detail: str(o.detail) }
}

/** Values from storage or from the cloud (getMyProfile), shape-checked; unknown keys are dropped. */
export function personValuesFrom(stored: unknown): PersonValues {
  const base = emptyPersonValues()
  const v = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
  const values: PersonValues = { ...base }
  for (const k of PERSON_VALUE_KEYS) {
    if (k === 'hukouAddress' || k === 'residenceAddress') values[k] = addressOf(v[k])
    else values[k] = str(v[k]) || base[k]
  }
  return values
}

export function personHasContent(v: PersonValues): boolean {
  const e = emptyPersonValues()
  return JSON.stringify({ ...v, idType: '' }) !== JSON.stringify({ ...e, idType: '' })
}

/** The person part of what is sent: empty optional fields left out, dependent fields only when they apply. */
export function personInput(v: PersonValues, sameAsHukou: boolean): Record<string, unknown> {
  const residence = sameAsHukou ? v.hukouAddress : v.residenceAddress
  const input: Record<string, unknown> = {
    name: v.name.trim(),
    idType: v.idType,
    idNumber: v.idNumber.trim(),
    gender: v.gender,
    ethnicity: v.ethnicity,
    education: v.education,
    health: v.health,
    hukouAddress: { regionCode: v.hukouAddress.regionCode, detail: v.hukouAddress.detail.trim() },
    residenceAddress: { regionCode: residence.regionCode, detail: residence.detail.trim() },
    phone: v.phone.trim(),
  }
  if (NEEDS_BIRTH_DATE.includes(v.idType)) input.birthDate = v.birthDate
  if (v.health === DISABLED) input.disabilityLevel = v.disabilityLevel
  if (v.politicalStatus) input.politicalStatus = v.politicalStatus
  if (v.landline.trim()) input.landline = v.landline.trim()
  if (v.email.trim()) input.email = v.email.trim()
  return input
}

/** The residence address is the hukou address (the form then shows the switch on). */
export function sameAddresses(values: PersonValues): boolean {
  return (
    values.residenceAddress.regionCode !== '' &&
    values.residenceAddress.regionCode === values.hukouAddress.regionCode &&
    values.residenceAddress.detail === values.hukouAddress.detail
  )
}

/** Set a person value at a dot path (`hukouAddress.detail`) without mutating. */
export function setPersonAt(values: PersonValues, path: string, value: string): PersonValues {
  const [head, tail] = path.split('.') as [keyof PersonValues, string | undefined]
  if (tail && (head === 'hukouAddress' || head === 'residenceAddress')) {
    return { ...values, [head]: { ...values[head], [tail]: value } }
  }
  return { ...values, [head]: value }
}

/**
 * A change as the person makes it, with the help the form gives: the 17th digit of a 居民身份证 /
 * 居住证 number says the gender, so an empty gender is filled in (the person can still change it).
 */
export function changePerson(values: PersonValues, path: string, value: string): PersonValues {
  let next = setPersonAt(values, path, value)
  if (path === 'idNumber' && (next.idType === '01' || next.idType === '17') && !next.gender) {
    const m = /^\d{16}(\d)[\dX]$/.exec(value)
    if (m) next = { ...next, gender: Number(m[1]) % 2 === 1 ? '1' : '2' }
  }
  return next
}

/** True for the paths that belong to the person block (the rest are the form's own fields). */
export function isPersonPath(path: string): boolean {
  return (PERSON_VALUE_KEYS as string[]).includes(path.split('.')[0])
}

/** The citizen-facing label of each person field path (error summaries, a11y names): the shared ones. */
export const PERSON_LABELS: Readonly<Record<string, string>> = PERSON_FIELD_LABELS
