/**
 * Claiming one entry for a run, in a transaction (pending → sending, with a lease), before the
 * provider is called: two runs at the same time never send the same entry. The quiet hours, the
 * subscribe consent and the SMS phone are decided here, so a claim either holds everything its
 * send needs or settles the entry without a send.
 */
import { quietHoursEnd } from '@shared/notify';
import type { Deps } from '../deps';
import { LEASE_MS, isDue } from './backoff';
import { takeConsentInTx } from './consent';
import { addResult, withResult, type OutboxEntry } from './entry';
import { fallBackInTx, phoneOf } from './fallback';
import { readRecord, writeRecord } from '../collections';

export type Claim =
  | { kind: 'none' }
  | { kind: 'deferred' }
  | { kind: 'settled'; result: 'sms' | 'inapp_only' }
  | { kind: 'send'; entry: OutboxEntry; claimId: string; phone: string | null };

export async function claim(deps: Deps, id: string, now: number): Promise<Claim> {
  return deps.store.transaction(async (tx): Promise<Claim> => {
    const entry = await readRecord(tx, 'outbox', id);
    if (!entry || !isDue(entry, now)) return { kind: 'none' };
    if (entry.canWait) {
      const until = quietHoursEnd(now);
      if (until > now) {
        // 22:00–08:00: hold until 08:00 (a consent already taken stays with the entry)
        await writeRecord(tx, 'outbox', id, { ...entry, status: 'pending', nextAttemptAt: until, leaseUntil: null, claimId: null, results: withResult(entry.results, { at: now, outcome: 'deferred_quiet_hours' }) });
        return { kind: 'deferred' };
      }
    }
    let phone: string | null = null;
    if (entry.channel === 'subscribe' && !entry.consentTaken) {
      if (!(await takeConsentInTx(tx, entry, deps.longTermTemplates ?? [], now))) {
        entry.status = 'skipped';
        addResult(entry, { at: now, outcome: 'no_consent' });
        const result = await fallBackInTx(tx, entry, now);
        await writeRecord(tx, 'outbox', id, entry);
        return { kind: 'settled', result };
      }
    }
    if (entry.channel === 'sms') {
      phone = await phoneOf(tx, entry);
      if (!phone) {
        entry.status = 'skipped';
        entry.finalNote = 'inapp_only';
        addResult(entry, { at: now, outcome: 'no_phone' });
        await writeRecord(tx, 'outbox', id, entry);
        return { kind: 'settled', result: 'inapp_only' };
      }
    }
    const claimId = deps.newId();
    const claimed: OutboxEntry = { ...entry, status: 'sending', attempts: entry.attempts + 1, leaseUntil: now + LEASE_MS, claimId };
    await writeRecord(tx, 'outbox', id, claimed);
    return { kind: 'send', entry: claimed, claimId, phone };
  });
}
