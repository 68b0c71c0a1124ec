import type { ActionName, Result } from '@shared/api'

/**
 * What one attempt to reach the cloud produced. cloud.ts decides about retries from this:
 * `answer` = the server spoke (an envelope, with the HTTP status where there is one);
 * `transient` = the request may not have arrived or the answer was lost (network, timeout,
 * gateway 502/503/504): safe to send again because the body carries the same requestId.
 */
export type Attempt =
  | { kind: 'answer'; status?: number; body: Result<unknown> }
  | { kind: 'transient'; reason: string; body?: Result<unknown> }

/** The platform half of the cloud module; each platform file exports these two. */
export interface Backend {
  /** Called once at launch (cloud.init on weapp; the demo identity on H5). */
  init(): void
  send(action: ActionName, input: object, timeoutMs: number): Promise<Attempt>
}

/** An answer that is not our `{ ok, data | error }` envelope (an HTML error page, a proxy…). */
export function isEnvelope(body: unknown): body is Result<unknown> {
  if (!body || typeof body !== 'object') return false
  const b = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (b.ok === true) return 'data' in b
  return b.ok === false && !!b.error && typeof b.error.code === 'string' && typeof b.error.message === 'string'
}
