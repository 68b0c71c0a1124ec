/**
 * The 申领《就业创业证》 form's state, apart from its rendering: values as the citizen sees
 * them (strings, '' = empty), the draft kept in storage, and the input sent to the cloud.
 * Rules are not here: they are the shared schema's (shared/certificate.schema.ts). The person
 * block itself lives in forms/person.ts, shared with the 失业登记 and 灵活就业 forms.
 */
import { COMMITMENTS } from '@shared/commitment'
import { uuid } from '../../services/ids'
import {
  DISABLED,
  NEEDS_BIRTH_DATE,
  PERSON_LABELS,
  emptyPersonValues,
  personHasContent,
  personInput,
  personValuesFrom,
  setPersonAt,
  type AddressValues,
  type PersonValues,
} from '../../forms/person'

export type { AddressValues, PersonValues }
export { DISABLED, NEEDS_BIRTH_DATE }

export interface Draft {
  /** One per form fill: a resent submit is the same submission (docs/api.md "requestId"). */
  requestId: string
  values: PersonValues
  /** residence = hukou address */
  sameAsHukou: boolean
  /** field paths the person has visited: only these show errors before the first submit */
  touched: string[]
  /** the 个人信息书面申报承诺 ticked (大人社规发〔2025〕2号 一(三)) */
  accepted: boolean
  /** 退回补正: the returned 申领 this fill corrects */
  correctsApplicationId?: string
  /** 家人代办: the delegation this fill is made under */
  onBehalfOf?: string
}

export const DRAFT_KEY = 'draft:certificate-apply'

export const emptyValues = emptyPersonValues

export const newDraft = (): Draft => ({ requestId: uuid(), values: emptyValues(), sameAsHukou: false, touched: [], accepted: false })

/** Accepts a stored draft only if it has the shape we write; anything else starts afresh. */
export function restoreDraft(stored: unknown): Draft | undefined {
  if (!stored || typeof stored !== 'object') return undefined
  const d = stored as Partial<Draft>
  if (typeof d.requestId !== 'string' || !d.values || typeof d.values !== 'object') return undefined
  return {
    requestId: d.requestId,
    values: personValuesFrom(d.values),
    sameAsHukou: !!d.sameAsHukou,
    touched: Array.isArray(d.touched) ? d.touched.filter((t): t is string => typeof t === 'string') : [],
    accepted: d.accepted === true,
    ...(typeof d.correctsApplicationId === 'string' ? { correctsApplicationId: d.correctsApplicationId } : {}),
    ...(typeof d.onBehalfOf === 'string' ? { onBehalfOf: d.onBehalfOf } : {}),
  }
}

export const hasContent = personHasContent

/** What is sent (and validated): empty optional fields left out, dependent fields only when they apply. */
export function toInput(draft: Draft): Record<string, unknown> {
  return {
    requestId: draft.requestId,
    ...personInput(draft.values, draft.sameAsHukou),
    // an unticked box sends no commitment: the schema's message asks for it
    ...(draft.accepted ? { commitment: { accepted: true, textVersion: COMMITMENTS.certificate.version } } : {}),
    ...(draft.correctsApplicationId ? { correctsApplicationId: draft.correctsApplicationId } : {}),
    ...(draft.onBehalfOf ? { onBehalfOf: draft.onBehalfOf } : {}),
  }
}

/** 退回补正: a fresh fill holding the returned 申领's answers; the commitment is given again. */
export function correctionDraft(applicationId: string, form: Record<string, unknown>): Draft {
  const values = personValuesFrom(form)
  const same = values.residenceAddress.regionCode !== '' && values.residenceAddress.regionCode === values.hukouAddress.regionCode && values.residenceAddress.detail === values.hukouAddress.detail
  return { ...newDraft(), values, sameAsHukou: same, correctsApplicationId: applicationId }
}

/** Set a value at a dot path (`hukouAddress.detail`) without mutating. */
export const setAt = setPersonAt

/** The citizen-facing label of each field path: used by the error summary. */
export const LABELS: Record<string, string> = { ...PERSON_LABELS, commitment: '承诺' }

/** Fields in the order they appear on the page (the summary lists errors in this order). */
export const ORDER = Object.keys(LABELS)
