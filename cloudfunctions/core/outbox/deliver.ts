/**
 * Delivering one claimed entry: the channel call (outside any transaction), then its outcome
 * recorded in a second transaction — sent, retried with back-off, or failed and, for a subscribe
 * message, fallen back to SMS. An entry is sent at most once by a run.
 */
import { SUBSCRIBE_TEMPLATES, smsParams, subscribeData } from '@shared/notify';
import type { SendOutcome } from '../channels.port';
import type { Deps } from '../deps';
import { mayRetry, nextAttemptAt } from './backoff';
import { claim, type Claim } from './claim';
import { consentAfterFailureInTx } from './consent';
import { addResult, type OutboxEntry } from './entry';
import { fallBackInTx } from './fallback';
import { readRecord, writeRecord } from '../collections';

export interface DeliveryCounts {
  sent: number;
  retried: number;
  failed: number;
  deferredQuietHours: number;
  /** subscribe → SMS */
  fallbacks: number;
  /** neither consent nor phone: the in-app list only */
  inAppOnly: number;
}

export const emptyDeliveryCounts = (): DeliveryCounts => ({ sent: 0, retried: 0, failed: 0, deferredQuietHours: 0, fallbacks: 0, inAppOnly: 0 });

/** Claim → send → record for one entry id; counts what happened. */
export async function deliverOne(deps: Deps, id: string, counts: DeliveryCounts): Promise<void> {
  const now = deps.clock.now();
  let c: Claim;
  try {
    c = await claim(deps, id, now);
  } catch (err) {
    // a conflicting claim (another run) — that run has it
    deps.log?.('outbox.claim_failed', { entry: id, error: err instanceof Error ? err.message : String(err) });
    return;
  }
  if (c.kind === 'none') return;
  if (c.kind === 'deferred') {
    counts.deferredQuietHours += 1;
    return;
  }
  if (c.kind === 'settled') {
    if (c.result === 'sms') counts.fallbacks += 1;
    else counts.inAppOnly += 1;
    return;
  }
  const out = await send(deps, c.entry, c.phone);
  deps.log?.('outbox.send', { entry: id, channel: c.entry.channel, event: c.entry.event, attempt: c.entry.attempts, ok: out.ok, ...(out.ok ? {} : { reason: out.reason, code: out.code }) });
  await record(deps, id, c.claimId, out, deps.clock.now(), counts);
}

async function send(deps: Deps, entry: OutboxEntry, phone: string | null): Promise<SendOutcome> {
  const channels = deps.channels!;
  const meta = { entryId: entry.entryId, messageId: entry.messageId, event: entry.event };
  try {
    if (entry.channel === 'subscribe') {
      return await channels.subscribe.send({
        openid: entry.openid, template: entry.content.template, page: SUBSCRIBE_TEMPLATES[entry.content.template].page,
        data: subscribeData(entry.content, entry.messageAt), meta,
      });
    }
    return await channels.sms.send({ phone: phone!, template: entry.content.template, params: smsParams(entry.content, entry.messageAt), meta });
  } catch (err) {
    // an adapter should answer with a value; a throw is treated as a transient failure
    return { ok: false, reason: 'unavailable', retryable: true, detail: err instanceof Error ? err.message : String(err) };
  }
}

/** Record the outcome of one send, in a transaction; may enqueue the SMS fallback. */
async function record(deps: Deps, id: string, claimId: string, out: SendOutcome, now: number, counts: DeliveryCounts): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const entry = await readRecord(tx, 'outbox', id);
    // someone else re-claimed it after our lease ran out: their record wins
    if (!entry || entry.status !== 'sending' || entry.claimId !== claimId) return;
    entry.leaseUntil = null;
    entry.claimId = null;
    if (out.ok) {
      entry.status = 'sent';
      entry.sentAt = now;
      entry.providerId = out.providerId ?? null;
      addResult(entry, { at: now, outcome: 'sent', ...(out.providerId ? { code: out.providerId } : {}) });
      await writeRecord(tx, 'outbox', id, entry);
      counts.sent += 1;
      return;
    }
    await consentAfterFailureInTx(tx, entry, out.reason, now);
    const detail = [out.code, out.detail].filter(Boolean).join(' ').slice(0, 200);
    if (out.retryable && mayRetry(entry.attempts)) {
      entry.status = 'pending';
      entry.nextAttemptAt = nextAttemptAt(entry.attempts, now);
      addResult(entry, { at: now, outcome: 'retry', code: out.reason, ...(detail ? { detail } : {}) });
      await writeRecord(tx, 'outbox', id, entry);
      counts.retried += 1;
      return;
    }
    entry.status = 'failed';
    addResult(entry, { at: now, outcome: out.reason === 'no_consent' ? 'no_consent' : 'failed', code: out.reason, ...(detail ? { detail } : {}) });
    if (out.reason !== 'no_consent') counts.failed += 1;
    if (entry.channel === 'subscribe') {
      const r = await fallBackInTx(tx, entry, now);
      if (r === 'sms') counts.fallbacks += 1;
      else counts.inAppOnly += 1;
    }
    await writeRecord(tx, 'outbox', id, entry);
  });
}
