/**
 * The one way from pages to the cloud (docs/architecture.md "One way in"). Pages call `call(action, input)`
 * and always get a `Result`: this function never throws.
 *
 * Retries: a lost request or a lost answer is sent again with the *same* body, so the same
 * `requestId`, which the server uses to return the first answer instead of storing twice
 * (docs/api.md "requestId"). Answers the server gave (4xx, validation) are final.
 */
import type { ActionName, Result } from '@shared/api'
import { DEFAULT_MESSAGES } from '@shared/api'
import type { ActionInput, ActionOutput } from '@shared/contract'
import * as backend from './backend'
import type { Attempt } from './backend.types'

const MAX_RETRIES = 3
/** Weak mobile networks: give each attempt time, but not forever. */
const TIMEOUT_MS = 15000
const BACKOFF_MS = [600, 1500, 3000]

export const NETWORK_MESSAGE = '网络不稳定，请检查网络后重试'

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function initCloud(): void {
  backend.init()
}

/**
 * Failures where no final answer came (network lost, timeout, gateway 502/503/504 after every
 * retry): the submission may or may not have arrived, so it is safe — and right — to send it again
 * later with the same requestId (services/outbox.ts keeps it until then).
 */
const noAnswer = new WeakSet<object>()

export function isNoAnswer(result: Result<unknown>): boolean {
  return !result.ok && noAnswer.has(result)
}

export interface CallOptions {
  /** told before each resend (1, 2, 3), so a page can say "网络较慢，正在重试" */
  onRetry?: (attempt: number) => void
}

/** An action's arguments: its input (left out when the action takes none or all of it is optional), then the options. */
export type CallArgs<A extends ActionName> = {} extends ActionInput<A> ? [input?: ActionInput<A>, options?: CallOptions] : [input: ActionInput<A>, options?: CallOptions]

/**
 * Sends `action` with its input as shared/contract.ts types it and answers its output. The answer is
 * trusted to be the contract's: the cloud's handlers are compiled against the same contract
 * (cloudfunctions/core/handlers/handler.ts HandlerMap).
 */
export function call<A extends ActionName>(action: A, ...args: CallArgs<A>): Promise<Result<ActionOutput<A>>>
export async function call(action: ActionName, input: object = {}, options: CallOptions = {}): Promise<Result<unknown>> {
  let lastTransientBody: Result<unknown> | undefined
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    if (attempt > 0) {
      options.onRetry?.(attempt)
      await sleep(BACKOFF_MS[attempt - 1] ?? 3000)
    }
    let outcome: Attempt
    try {
      outcome = await backend.send(action, input, TIMEOUT_MS)
    } catch {
      // A backend bug must not reach a page as an exception.
      outcome = { kind: 'transient', reason: 'exception' }
    }
    if (outcome.kind === 'answer') return withChineseMessage(outcome.body)
    lastTransientBody = outcome.body
  }
  // The gateway said it was unavailable (503 with its own message): keep its words.
  const failed: Result<unknown> =
    lastTransientBody && !lastTransientBody.ok ? withChineseMessage(lastTransientBody) : { ok: false, error: { code: 'UNAVAILABLE', message: NETWORK_MESSAGE } }
  noAnswer.add(failed)
  return failed
}

/**
 * `call` seen from a wrapper that is generic in the action (services/outbox.ts): the input given.
 * A type only, so that `call` stays the one function in the bundle.
 */
export type CallWith = <A extends ActionName>(action: A, input: ActionInput<A>, options?: CallOptions) => Promise<Result<ActionOutput<A>>>

/** `call` for a submission kept offline (services/outbox.ts), sent again as it was typed when kept. */
export type CallKept = (action: ActionName, input: object) => Promise<Result<unknown>>

/** A citizen never reads a code or an English sentence: fill in our message when one is missing. */
function withChineseMessage(body: Result<unknown>): Result<unknown> {
  if (body.ok) return body
  const { code, message } = body.error
  const hasChinese = typeof message === 'string' && /[\u4e00-\u9fff]/.test(message)
  if (hasChinese) return body
  return { ok: false, error: { ...body.error, message: DEFAULT_MESSAGES[code] ?? DEFAULT_MESSAGES.INTERNAL } }
}

export function currentIdentity(): string {
  return backend.currentIdentity()
}

export function switchIdentity(openid?: string): string {
  return backend.switchIdentity(openid)
}
