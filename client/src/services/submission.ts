/**
 * A citizen's submission, the same way on every form: 实人核验 first (services/realPerson.ts,
 * "正在核验本人身份…"), then the submission with its requestId — resent on a lost answer
 * (cloud.ts, "网络较慢，正在重试…") and kept for later when no answer comes (services/outbox.ts).
 */
import type { ActionName, Result } from '@shared/api'
import type { ActionInput, ActionOutput } from '@shared/contract'
import { isOnline } from './network'
import { submitOrKeep } from './outbox'
import { ensureRealPerson, REAL_PERSON_BUSY } from './realPerson'

export type Phase = 'idle' | 'verifying' | 'sending' | 'retrying'

/** What the submit button says in each phase: progress in words, not a spinner alone. */
export const PHASE_TEXT: Record<Phase, string> = {
  idle: '',
  verifying: REAL_PERSON_BUSY,
  sending: '正在提交…',
  retrying: '网络较慢，正在重试…',
}

export type Submitted<T> = { kind: 'answered'; result: Result<T> } | { kind: 'kept' } | { kind: 'not-verified'; message: string }

export async function submitAsCitizen<A extends ActionName>(o: {
  action: A
  input: ActionInput<A> & { requestId: string; onBehalfOf?: unknown }
  /** who the submission is for; the 实人核验 runs for a 居民身份证 number (the cloud checks every kind) */
  person?: { name: string; idNumber: string; idType?: string }
  title: string
  draftKey?: string
  retryUrl?: string
  onPhase: (phase: Phase) => void
}): Promise<Submitted<ActionOutput<A>>> {
  const p = o.person
  // Offline the check cannot run; the cloud runs its own when the kept submission arrives. A family
  // helper (`onBehalfOf`) acts by the person's invitation and their own check, not the person's face.
  if (p && (p.idType ?? '01') === '01' && isOnline() && !o.input.onBehalfOf) {
    o.onPhase('verifying')
    const rp = await ensureRealPerson({ name: p.name, idNumber: p.idNumber })
    if (!rp.ok && !rp.noAnswer) {
      o.onPhase('idle')
      return { kind: 'not-verified', message: rp.message }
    }
  }
  o.onPhase('sending')
  const out = await submitOrKeep(o.action, o.input, { title: o.title, draftKey: o.draftKey, retryUrl: o.retryUrl }, { onRetry: () => o.onPhase('retrying') })
  o.onPhase('idle')
  return out
}
