/**
 * When an entry is tried: due, leased, retried with back-off, then given up. A run *claims* an
 * entry (pending → sending, with a lease) before it calls the provider, so two runs at the same
 * time never send the same entry; a lease older than LEASE_MS is abandoned and the entry is due again.
 */
import type { OutboxEntry } from './entry';

/** Minutes between attempts: 1, 5, 30 min, 2 h, 8 h; after the last, `failed`. */
export const BACKOFF_MS: readonly number[] = [1, 5, 30, 120, 480].map((m) => m * 60_000);
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claim older than this is considered abandoned (the scheduler function times out at 60 s). */
export const LEASE_MS = 5 * 60_000;

/** Pending and due, or claimed by a run whose lease has run out. */
export const isDue = (e: OutboxEntry, now: number): boolean =>
  (e.status === 'pending' && e.nextAttemptAt <= now) || (e.status === 'sending' && (e.leaseUntil ?? 0) <= now);

/** Whether a retryable failure after `attempts` tries may be tried again. */
export const mayRetry = (attempts: number): boolean => attempts < MAX_ATTEMPTS;

/** When the next try is due after `attempts` tries that ended at `now`. */
export const nextAttemptAt = (attempts: number, now: number): number =>
  now + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
