/**
 * Conflicts are not errors of the person asking (docs/security.md "Races"): a store transaction
 * that lost a race (`TransactionConflictError`) or a submission whose active application changed
 * under it (a deregistration between the first look and the transaction) is run again, a bounded
 * number of times, by the dispatcher. After the last try the person gets a 409 that says to try
 * again — never INTERNAL.
 */
import { TransactionConflictError } from './store.port';

/** Thrown by core/submit.ts when the lock it saw has gone by the time its transaction runs. */
export class ActiveApplicationChangedError extends Error {
  constructor() {
    super('active application changed during submission');
    this.name = 'ActiveApplicationChangedError';
  }
}

export function isConflict(err: unknown): boolean {
  return err instanceof TransactionConflictError || err instanceof ActiveApplicationChangedError
    || (err instanceof Error && (err.name === 'TransactionConflictError' || err.name === 'ActiveApplicationChangedError'));
}

/** Tries in all (the first and the retries); a few are enough: each retry reads the new state. */
export const CONFLICT_ATTEMPTS = 4;

export const CONFLICT_MESSAGE = '办理情况刚刚发生了变化，请稍后再提交一次；您填写的内容已保留';

/** Runs `fn`, again on a conflict (short jittered pause), at most `attempts` times; rethrows the last conflict. */
export async function retryConflicts<T>(fn: (attempt: number) => Promise<T>, o: { attempts?: number; onRetry?: (attempt: number, err: unknown) => void } = {}): Promise<T> {
  const attempts = o.attempts ?? CONFLICT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isConflict(err) || attempt >= attempts) throw err;
      o.onRetry?.(attempt, err);
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * attempt));
    }
  }
}
