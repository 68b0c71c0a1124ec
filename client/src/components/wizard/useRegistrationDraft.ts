/**
 * A registration form's draft (失业登记, 灵活就业登记): restored from the phone, started for a family member
 * (家人代办) or from a returned application (退回补正), or else pre-filled from the person's last submission;
 * and what of the person's would end, or is already in force (shared/registrations.ts).
 */
import { useEffect, useRef, useState } from 'react'
import { SUPERSEDES } from '@shared/registrations'
import type { RegistrationForm } from '@shared/registration.form'
import { call } from '../../services/cloud'
import { personHasContent } from '../../forms/person'
import { correctionDraft, draftHasContent, newRegistrationDraft, prefill, restoreRegistrationDraft, type RegistrationDraft } from '../../forms/registration'
import { openedWith, useCorrection, useDelegation, useDraft, useKeepDraft } from './useDraft'

/** The field heads that hold something after a pre-fill (issue 17: the notice only where something was filled). */
function filledHeads(d: RegistrationDraft): string[] {
  const has = (x: unknown): boolean =>
    typeof x === 'string' ? x.trim() !== '' : Array.isArray(x) ? x.some(has) : !!x && typeof x === 'object' ? Object.values(x).some(has) : false
  const heads = Object.entries(d.person)
    .filter(([k, v]) => k !== 'idType' && has(v))
    .map(([k]) => k)
  if (has(d.extra.otherContact)) heads.push('otherContact')
  if (has(d.extra.qualifications)) heads.push('qualifications')
  // 常住地址 = 户籍地址: its part of the step is the switch, filled too
  if (d.sameAsHukou && heads.includes('hukouAddress')) heads.push('residenceAddress')
  return heads
}

export function useRegistrationDraft(form: RegistrationForm, done: boolean, refused: (message: string) => void) {
  const { initial, draft, setDraft, restored, setRestored } = useDraft(form.draftKey, (stored) => {
    const d = restoreRegistrationDraft(stored, form)
    return d ? { draft: d, restored: draftHasContent(d, form) } : { draft: newRegistrationDraft(form), restored: false }
  })
  /** the field heads the person's last submission filled in (the notice shows only where they are) */
  const [prefilled, setPrefilled] = useState<string[]>([])
  /** a new key re-creates the inputs (after the values were replaced from outside) */
  const [formKey, setFormKey] = useState(0)
  const draftRef = useRef(draft)
  draftRef.current = draft

  useKeepDraft(form.draftKey, draft, done)

  const { forDelegation, corrects } = openedWith()
  useDelegation(forDelegation, (id) => setDraft((d) => (d.onBehalfOf === id ? d : { ...newRegistrationDraft(form), onBehalfOf: id })), [form])

  const returnedFor = useCorrection(
    corrects,
    (r) => {
      setRestored(false)
      setDraft(correctionDraft(form, r.applicationId, r.form))
      setFormKey((k) => k + 1)
    },
    refused,
    [form],
  )

  // No draft: start from the person's earlier submission, if any (their own data, unmasked); a helper
  // fills in the family member's details, not their own.
  useEffect(() => {
    if (initial.restored || corrects || forDelegation) return
    let gone = false
    void call('getMyProfile').then((res) => {
      if (gone || !res.ok || !res.data.person) return
      // the person started typing meanwhile: what they typed wins
      if (personHasContent(draftRef.current.person)) return
      const person = res.data.person
      setDraft((d) => {
        const filled = prefill(d, person)
        setPrefilled(filledHeads(filled))
        return filled
      })
      setFormKey((k) => k + 1)
    })
    return () => {
      gone = true
    }
  }, [initial.restored])

  const startOver = () => {
    setDraft(newRegistrationDraft(form))
    setRestored(false)
    setPrefilled([])
    setFormKey((k) => k + 1)
  }

  return { draft, setDraft, restored, setRestored, prefilled, formKey, returnedFor, startOver }
}

/** What of the person's would end (warned, and ticked, before submitting), and a registration of this same kind in force (issue 20: said before step 1, not after five). */
export function useRegistrationStatus(form: RegistrationForm) {
  const [holding, setHolding] = useState<{ since: string } | null>(null)
  const [already, setAlready] = useState<{ since: string } | null>(null)
  useEffect(() => {
    let gone = false
    void call('getMyStatus').then((res) => {
      if (gone || !res.ok) return
      const other = res.data.registrations.find((r) => r.kind === SUPERSEDES[form.kind].ends)
      setHolding(other ? { since: other.since } : null)
      const same = res.data.registrations.find((r) => r.kind === form.kind)
      setAlready(same ? { since: same.since } : null)
    })
    return () => {
      gone = true
    }
  }, [form.kind])
  return { holding, already }
}
