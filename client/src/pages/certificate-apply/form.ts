/**
 * The 申领《就业创业证》 form's state, apart from its rendering: values as the citizen sees
 * them (strings, '' = empty), the draft kept in storage, and the input sent to the cloud.
 * Rules are not here: they are the shared schema's (shared/certificate.schema.ts).
 */
import { HEALTH_DISABLED } from '../../../../shared/codes'
import { uuid } from '../../services/ids'

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

export interface Draft {
  /** One per form fill: a resent submit is the same submission (local-api.md "requestId"). */
  requestId: string
  values: PersonValues
  /** residence = hukou address */
  sameAsHukou: boolean
  /** field paths the person has visited: only these show errors before the first submit */
  touched: string[]
}

export const DRAFT_KEY = 'draft:certificate-apply'

export const emptyValues = (): PersonValues => ({
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

export const newDraft = (): Draft => ({ requestId: uuid(), values: emptyValues(), sameAsHukou: false, touched: [] })

/** ID documents whose number carries no birth date: ask for it (forms.md idType). */
export const NEEDS_BIRTH_DATE = ['04', '05', '06']
/** 健康状况 `6` 残疾 needs 伤残等级 (seed 001 说明 2). */
export const DISABLED = HEALTH_DISABLED

/** Accepts a stored draft only if it has the shape we write; anything else starts afresh. */
export function restoreDraft(stored: unknown): Draft | undefined {
  if (!stored || typeof stored !== 'object') return undefined
  const d = stored as Partial<Draft>
  if (typeof d.requestId !== 'string' || !d.values || typeof d.values !== 'object') return undefined
  const base = emptyValues()
  const v = d.values as Partial<PersonValues>
  const str = (x: unknown) => (typeof x === 'string' ? x : '')
  const addr = (a: unknown): AddressValues => {
    const o = (a && typeof a === 'object' ? a : {}) as Partial<AddressValues>
    return { regionCode: str(o.regionCode), detail: str(o.detail) }
  }
  const values: PersonValues = { ...base }
  for (const k of Object.keys(base) as (keyof PersonValues)[]) {
    if (k === 'hukouAddress' || k === 'residenceAddress') values[k] = addr(v[k])
    else values[k] = str(v[k]) || base[k]
  }
  return {
    requestId: d.requestId,
    values,
    sameAsHukou: !!d.sameAsHukou,
    touched: Array.isArray(d.touched) ? d.touched.filter((t): t is string => typeof t === 'string') : [],
  }
}

export function hasContent(v: PersonValues): boolean {
  const e = emptyValues()
  return JSON.stringify({ ...v, idType: '' }) !== JSON.stringify({ ...e, idType: '' })
}

/** What is sent (and validated): empty optional fields left out, dependent fields only when they apply. */
export function toInput(draft: Draft): Record<string, unknown> {
  const v = draft.values
  const residence = draft.sameAsHukou ? v.hukouAddress : v.residenceAddress
  const input: Record<string, unknown> = {
    requestId: draft.requestId,
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

/** Set a value at a dot path (`hukouAddress.detail`) without mutating. */
export function setAt(values: PersonValues, path: string, value: string): PersonValues {
  const [head, tail] = path.split('.') as [keyof PersonValues, string | undefined]
  if (tail && (head === 'hukouAddress' || head === 'residenceAddress')) {
    return { ...values, [head]: { ...values[head], [tail]: value } }
  }
  return { ...values, [head]: value }
}

/** The citizen-facing label of each field path: used by the error summary. */
export const LABELS: Record<string, string> = {
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  birthDate: '出生日期',
  gender: '性别',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  health: '健康状况',
  disabilityLevel: '伤残等级',
  'hukouAddress.regionCode': '户籍地址（省市区县）',
  'hukouAddress.detail': '户籍地址（详细地址）',
  'residenceAddress.regionCode': '常住地址（省市区县）',
  'residenceAddress.detail': '常住地址（详细地址）',
  phone: '手机号码',
  landline: '固定电话',
  email: '电子邮箱',
}

/** Fields in the order they appear on the page (the summary lists errors in this order). */
export const ORDER = Object.keys(LABELS)
