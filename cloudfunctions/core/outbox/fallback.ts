/**
 * Channel fallback: no subscribe consent, or the subscribe send finally failed — SMS when the
 * person's phone is known (citizens only: staff are reached in the app), otherwise the in-app list
 * alone, recorded on the entry (`finalNote: 'inapp_only'`).
 */
import type { StoreTx } from '../store.port';
import { addResult, newOutboxEntry, outboxId, type NewOutboxEntry, type OutboxEntry } from './entry';
import { createRecord, readRecord } from '../collections';

/**
 * Runs inside the caller's transaction; the SMS entry id is deterministic, so at most one. The SMS
 * is due when the message was: a fallback is not sent to the back of the queue.
 */
export async function fallBackInTx(tx: StoreTx, entry: OutboxEntry, at: number): Promise<'sms' | 'inapp_only'> {
  const phone = entry.recipient === 'citizen' ? await phoneOf(tx, entry) : null;
  if (!phone) {
    entry.finalNote = 'inapp_only';
    addResult(entry, { at, outcome: 'no_phone', detail: 'no phone known; in-app message only' });
    return 'inapp_only';
  }
  const { entryId: _e, channel: _c, status: _s, attempts: _a, nextAttemptAt: _n, createdAt: _cr, leaseUntil: _l, claimId: _cl, consentTaken: _ct, results: _r, sentAt: _sa, providerId: _p, finalNote: _f, ...base } = entry;
  const sms = newOutboxEntry(base as NewOutboxEntry, 'sms', at);
  sms.nextAttemptAt = Math.min(at, entry.createdAt);
  await createRecord(tx, 'outbox', outboxId(entry.messageId, 'sms'), sms);
  addResult(entry, { at, outcome: 'fallback_sms' });
  return 'sms';
}

/** The citizen's phone, read at delivery time from the application the message is about. */
export async function phoneOf(tx: Pick<StoreTx, 'get'>, entry: OutboxEntry): Promise<string | null> {
  if (!entry.applicationId) return null;
  const app = await readRecord(tx, 'applications', entry.applicationId);
  // the message must be about this person: never text someone else's phone
  if (!app || (entry.personKey && app.personKey !== entry.personKey)) return null;
  const phone = app.person?.phone;
  return typeof phone === 'string' && /^1\d{10}$/.test(phone) ? phone : null;
}
