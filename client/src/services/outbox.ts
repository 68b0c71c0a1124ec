/**
 * Submissions that could not reach the cloud are kept on the phone and sent when the network is
 * back (issue "Citizen experience" §4). A submission carries its requestId in its body; the cloud
 * answers a repeated requestId with its first answer (docs/api.md "requestId"), so sending a kept
 * submission again — after a lost answer, twice from two triggers, after an app restart — never
 * stores it twice.
 *
 * Sent again: when the network comes back (services/network.ts), when the app starts or comes to
 * the front, and every little while as long as something is waiting (an answer can be lost while
 * the phone believes it is online). What came of it is listed for the person (OfflineBanner).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { ensureRealPerson } from './realPerson'
import type { ActionName, Result } from '@shared/api'
import type { ActionInput, ActionOutput } from '@shared/contract'
import { call, isNoAnswer, type CallKept, type CallOptions, type CallWith } from './cloud'
import { isOnline, onNetworkChange } from './network'

const PENDING_KEY = 'outbox:pending'
const DONE_KEY = 'outbox:done'
const RETRY_EVERY_MS = 20_000

export interface OutboxEntry {
  requestId: string
  action: ActionName
  input: Record<string, unknown>
  /** what the person calls it: 申领《就业创业证》 */
  title: string
  /** the form's draft: removed once the submission has arrived, kept until then */
  draftKey?: string
  /** where to fill it in again should the cloud refuse it */
  retryUrl?: string
  savedAt: number
}

/** What became of a kept submission, shown until the person dismisses it. */
export interface OutboxDone {
  requestId: string
  title: string
  ok: boolean
  applicationId?: string
  /** the cloud's Chinese message when it refused */
  message?: string
  /** where to fill it in again after a refusal */
  retryUrl?: string
  at: number
}

export type SubmitOutcome<T> = { kind: 'answered'; result: Result<T> } | { kind: 'kept' }

function read<T>(key: string): T[] {
  try {
    const v = Taro.getStorageSync(key)
    return Array.isArray(v) ? (v as T[]) : []
  } catch {
    return []
  }
}

function write(key: string, list: unknown[]) {
  try {
    Taro.setStorageSync(key, list)
  } catch {
    // storage full: the entry lives in memory until the page closes
  }
}

const listeners = new Set<() => void>()
const notify = () => listeners.forEach((l) => l())

export const pendingEntries = (): OutboxEntry[] => read<OutboxEntry>(PENDING_KEY)
export const doneEntries = (): OutboxDone[] => read<OutboxDone>(DONE_KEY)

function keep(entry: OutboxEntry) {
  const list = pendingEntries().filter((e) => e.requestId !== entry.requestId)
  write(PENDING_KEY, [...list, entry])
  notify()
  schedule()
}

/**
 * Submit now when the phone is online; keep it (and say so) when it is offline or no answer came.
 * `input.requestId` must be set: it is what makes a resend safe.
 */
export async function submitOrKeep<A extends ActionName>(
  action: A,
  input: ActionInput<A> & { requestId: string },
  meta: { title: string; draftKey?: string; retryUrl?: string },
  options: CallOptions = {},
): Promise<SubmitOutcome<ActionOutput<A>>> {
  const entry: OutboxEntry = { requestId: String(input.requestId), action, input, title: meta.title, draftKey: meta.draftKey, retryUrl: meta.retryUrl, savedAt: Date.now() }
  if (!isOnline()) {
    keep(entry)
    return { kind: 'kept' }
  }
  const result = await (call as CallWith)(action, input, options)
  if (isNoAnswer(result)) {
    keep(entry)
    return { kind: 'kept' }
  }
  return { kind: 'answered', result }
}

let flushing = false

/** Sends every kept submission once; stops at the first that gets no answer (still offline). */
export async function flushOutbox(): Promise<void> {
  if (flushing || !isOnline()) return
  flushing = true
  try {
    for (const entry of pendingEntries()) {
      // the cloud takes a submission only after a recent 实人核验 of its person (docs/identity.md):
      // kept offline, it runs now, before the send — as submitAsCitizen does online
      const who = entry.input as { name?: unknown; idNumber?: unknown; idType?: unknown }
      if (typeof who.name === 'string' && typeof who.idNumber === 'string' && (who.idType ?? '01') === '01') {
        const rp = await ensureRealPerson({ name: who.name, idNumber: who.idNumber })
        if (!rp.ok && rp.noAnswer) break
      }
      const result = await (call as CallKept)(entry.action, entry.input)
      if (isNoAnswer(result)) break
      const done: OutboxDone = result.ok
        ? { requestId: entry.requestId, title: entry.title, ok: true, applicationId: (result.data as { applicationId?: string } | null)?.applicationId, at: Date.now() }
        : { requestId: entry.requestId, title: entry.title, ok: false, message: result.error.message, retryUrl: entry.retryUrl, at: Date.now() }
      write(PENDING_KEY, pendingEntries().filter((e) => e.requestId !== entry.requestId))
      write(DONE_KEY, [...doneEntries().filter((d) => d.requestId !== entry.requestId), done].slice(-5))
      // arrived: the half-filled form is no longer needed. Refused: keep it, to correct and resend.
      if (result.ok && entry.draftKey) {
        try {
          Taro.removeStorageSync(entry.draftKey)
        } catch {
          // nothing to clean
        }
      }
      notify()
    }
  } finally {
    flushing = false
    schedule()
  }
}

export function dismissDone(requestId: string): void {
  write(DONE_KEY, doneEntries().filter((d) => d.requestId !== requestId))
  notify()
}

let timer: ReturnType<typeof setTimeout> | undefined
function schedule() {
  if (timer || pendingEntries().length === 0) return
  timer = setTimeout(() => {
    timer = undefined
    void flushOutbox()
  }, RETRY_EVERY_MS)
}

let started = false
/** Once, at app launch: send what an earlier session kept, and whenever the network returns. */
export function startOutbox(): void {
  if (started) return
  started = true
  onNetworkChange((online) => {
    if (online) void flushOutbox()
  })
  void flushOutbox()
}

/** The kept and the finished submissions, kept current for a banner. */
export function useOutbox(): { pending: OutboxEntry[]; done: OutboxDone[] } {
  const [state, setState] = useState(() => ({ pending: pendingEntries(), done: doneEntries() }))
  useEffect(() => {
    const l = () => setState({ pending: pendingEntries(), done: doneEntries() })
    listeners.add(l)
    l()
    return () => {
      listeners.delete(l)
    }
  }, [])
  return state
}
