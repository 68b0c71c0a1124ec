/**
 * Sending a citizen's form (申领, 失业登记, 灵活就业登记): the busy button and its phase (核验本人身份 → 提交 → 重试),
 * a submission kept on the phone when no answer came (services/outbox.ts sends it when the network is back),
 * a failed 本人身份核验, and the server's refusal with its per-field messages.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ApplicationView } from '@shared/api'
import type { ActionInput } from '@shared/contract'
import { PHASE_TEXT, submitAsCitizen, type Phase } from '../../services/submission'
import { askSubscription } from '../../services/subscribe'

type CitizenAction = 'applyCertificate' | 'submitUnemploymentRegistration' | 'submitFlexibleEmployment'

/** Answers the server gave after refusing the submission: nothing was stored. */
const REFUSED = ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED']

export const NOT_VERIFIED_TITLE = '本人身份核验没有通过'

export interface SendOptions {
  action: CitizenAction
  /** the form as typed, already checked by the action's own schema */
  input: Record<string, unknown>
  title: string
  draftKey: string
  retryUrl: string
  /** WeChat shows the subscription consent only from a tap: asked before the answer comes back */
  askToNotify?: boolean
  /** a refused submission stored nothing: the corrected one is a new submission (a new requestId) */
  renewRequestId: () => void
}

/** What came of a send: the application, the refusal's per-field messages, or nothing more to do here. */
export type Sent = { kind: 'done'; app: ApplicationView } | { kind: 'refused'; fields: Record<string, string> } | { kind: 'kept' | 'not-verified' }

export function useSubmission() {
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [phase, setPhase] = useState<Phase>('idle')
  /** no answer (offline or lost): kept on the phone and sent when the network is back */
  const [kept, setKept] = useState(false)
  const [failureTitle, setFailureTitle] = useState('提交没有成功')
  const [failure, setFailure] = useState('')
  const [serverFields, setServerFields] = useState<Record<string, string>>({})

  /** A change to a field the server named takes its message away. */
  const clearServerField = (path: string) => {
    if (serverFields[path]) setServerFields(({ [path]: _, ...rest }) => rest)
  }

  const send = async (o: SendOptions): Promise<Sent | undefined> => {
    if (busyRef.current) return undefined
    busyRef.current = true
    setBusy(true)
    setFailureTitle('提交没有成功')
    if (o.askToNotify) await askSubscription('submit')
    const out = await submitAsCitizen({
      action: o.action,
      input: o.input as ActionInput<CitizenAction> & { requestId: string },
      person: { name: String(o.input.name), idNumber: String(o.input.idNumber), idType: String(o.input.idType) },
      title: o.title,
      draftKey: o.draftKey,
      retryUrl: o.retryUrl,
      onPhase: setPhase,
    })
    busyRef.current = false
    setBusy(false)
    // The draft stays in storage until the outbox has delivered the submission.
    if (out.kind === 'kept') {
      setKept(true)
      return { kind: 'kept' }
    }
    if (out.kind === 'not-verified') {
      setFailureTitle(NOT_VERIFIED_TITLE)
      setFailure(out.message)
      return { kind: 'not-verified' }
    }
    const res = out.result
    if (res.ok) {
      try {
        Taro.removeStorageSync(o.draftKey)
      } catch {
        // nothing to clean
      }
      return { kind: 'done', app: res.data as ApplicationView }
    }
    const { error } = res
    // Refused answers stored nothing: a corrected resubmission is a new one. After a lost answer
    // (network, 5xx) the requestId stays, so a retry cannot submit twice.
    if (REFUSED.includes(error.code)) o.renewRequestId()
    const fields = error.fields ?? {}
    if (Object.keys(fields).length > 0) setServerFields(fields)
    setFailure(error.message)
    return { kind: 'refused', fields }
  }

  return {
    busy,
    /** a send is under way (a second tap does nothing) */
    isSending: () => busyRef.current,
    loadingText: PHASE_TEXT[phase] || '正在提交…',
    kept,
    failure,
    setFailure,
    failureTitle,
    setFailureTitle,
    serverFields,
    setServerFields,
    clearServerField,
    send,
  }
}
