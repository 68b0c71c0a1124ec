/**
 * Moving through a registration form's five steps: 下一步 checks only that step's fields (in 长辈模式 only the
 * group on screen; the step's other groups come next), with the form's own schema (the cloud runs the same);
 * which errors show (a visited field's, or every field of a step whose 下一步 or 提交 was pressed), and where
 * an error brings the person. Steps and groups are the form's definition (shared/registration.form.ts).
 */
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { STEP_COUNT, groupCount, groupOf, labelsOf, stepOf, type RegistrationForm } from '@shared/registration.form'
import type { SummaryItem } from '../ErrorSummary'
import type { RegistrationDraft } from '../../forms/registration'

export const scrollTop = () => Taro.pageScrollTo({ scrollTop: 0, duration: 0 })

interface StepsInput {
  form: RegistrationForm
  draft: RegistrationDraft
  setDraft: (update: (d: RegistrationDraft) => RegistrationDraft) => void
  elder: boolean
  /** the schema's messages on the input as it stands */
  ruleErrors: Record<string, string>
  serverFields: Record<string, string>
  /** leaving a step takes the failure notice away */
  clearFailure: () => void
}

export function useSteps({ form, draft, setDraft, elder, ruleErrors, serverFields, clearFailure }: StepsInput) {
  /** steps whose 下一步 (or 提交) was pressed: their errors show even on fields not visited */
  const [attempted, setAttempted] = useState<number[]>([])
  /** the group of the step shown in 长辈模式 (0 otherwise) */
  const [part, setPart] = useState(0)
  const labels = useMemo(() => labelsOf(form), [form])
  const touched = useMemo(() => new Set(draft.touched), [draft.touched])
  const step = draft.step
  const stepOfPath = (path: string) => stepOf(form, path)

  const errorOf = (path: string): string | undefined => {
    if (serverFields[path]) return serverFields[path]
    if (!attempted.includes(stepOfPath(path)) && !touched.has(path)) return undefined
    return ruleErrors[path]
  }

  /** The errors of one step (all steps when undefined), in the order of the page. */
  const errorsOf = (only?: number): SummaryItem[] => {
    const all = { ...ruleErrors, ...serverFields }
    const order = Object.keys(labels)
    const paths = [...order.filter((p) => p in all), ...Object.keys(all).filter((p) => !order.includes(p))]
    return paths
      .filter((p) => only === undefined || stepOfPath(p) === only)
      .filter((p) => !(draft.sameAsHukou && p.startsWith('residenceAddress.')))
      .map((p) => ({ path: p, label: labels[p] ?? labels[p.split('.')[0]] ?? '其他', message: all[p] }))
  }

  const groupsIn = (n: number) => groupCount(form, n, draft.sameAsHukou)
  const partCount = elder ? groupsIn(step) : 1
  const shownPart = Math.min(part, partCount - 1)
  /** in 长辈模式 only the group on screen is checked by 下一步; the step's other groups come next */
  const inView = (p: string) => !elder || groupOf(form, step, p) === shownPart
  /** the first group holding one of these paths (where to bring the person to fix them) */
  const firstPart = (n: number, paths: string[]) => (elder ? Math.min(...paths.filter((p) => stepOfPath(p) === n).map((p) => Math.min(groupOf(form, n, p), groupsIn(n) - 1))) : 0)

  const goTo = (n: number, toPart = 0) => {
    setDraft((d) => ({ ...d, step: Math.max(0, Math.min(STEP_COUNT - 1, n)) }))
    setPart(toPart)
    clearFailure()
    scrollTop()
  }

  const next = () => {
    setAttempted((a) => (a.includes(step) ? a : [...a, step]))
    if (errorsOf(step).filter((e) => inView(e.path)).length > 0) {
      scrollTop()
      return
    }
    if (shownPart < partCount - 1) {
      setPart(shownPart + 1)
      scrollTop()
      return
    }
    goTo(step + 1)
  }

  const prev = () => {
    if (shownPart > 0) {
      setPart(shownPart - 1)
      scrollTop()
      return
    }
    goTo(step - 1, elder ? groupsIn(step - 1) - 1 : 0)
  }

  /** Errors found on submitting (the schema's, or the server's): their steps show them, the first is shown. */
  const showErrors = (paths: string[], move: (first: number, toPart: number) => void) => {
    const steps = paths.map(stepOfPath)
    setAttempted((a) => [...new Set([...a, ...steps])])
    const first = Math.min(...steps)
    move(first, firstPart(first, paths))
  }

  /** The error summary of the step shown (the confirm step lists every step's). */
  const summary = (confirmStep: number): SummaryItem[] =>
    attempted.includes(step) ? errorsOf(step === confirmStep ? undefined : step).filter((e) => step === confirmStep || inView(e.path)) : []

  return {
    step,
    labels,
    stepOfPath,
    errorOf,
    partCount,
    shownPart,
    inView,
    goTo,
    next,
    prev,
    showErrors,
    setPart,
    summary,
    resetAttempts: () => setAttempted([]),
  }
}
