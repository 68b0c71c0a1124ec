/**
 * The 申领《就业创业证》 form's draft, kept in storage: made, restored, refilled for a correction. What the
 * form asks, its labels and the input sent are its definition (shared/certificate.form.ts); the rules are
 * the shared schema's (shared/certificate.schema.ts). The person block is shared with the registration forms.
 */
import { CERTIFICATE_FORM, certificateInput, returnedValues, type CertificateAnswers } from '@shared/certificate.form'
import { uuid } from '../../services/ids'
import { DISABLED, NEEDS_BIRTH_DATE, emptyPersonValues, personHasContent, personValuesFrom, setPersonAt, type AddressValues, type PersonValues } from '../../forms/person'

export type { AddressValues, PersonValues }
export { DISABLED, NEEDS_BIRTH_DATE }

export type Draft = CertificateAnswers

export const DRAFT_KEY = CERTIFICATE_FORM.draftKey

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

/** What is sent (and validated): the definition's input builder. */
export const toInput = certificateInput

/** 退回补正: a fresh fill holding the returned 申领's answers; the commitment is given again. */
export function correctionDraft(applicationId: string, form: Record<string, unknown>): Draft {
  return { ...newDraft(), ...returnedValues(form), correctsApplicationId: applicationId }
}

/** Set a value at a dot path (`hukouAddress.detail`) without mutating. */
export const setAt = setPersonAt

/** The citizen-facing label of each field path: used by the error summary. */
export const LABELS: Record<string, string> = CERTIFICATE_FORM.labels

/** Fields in the order they appear on the page (the summary lists errors in this order). */
export const ORDER = Object.keys(LABELS)
