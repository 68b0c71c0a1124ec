/**
 * Subscribe consent (docs/toolchain.md: one tap in `requestSubscribeMessage` = one send): counted per
 * (openid, template) in `subscriptions`; a claim takes one; a send that fails for any reason but
 * 43101 gives it back (WeChat did not use it); 43101 means WeChat has none, so the count is zeroed.
 * A 长期订阅 template the deployment holds as long-term needs no count until WeChat ends it.
 */
import type { TemplateKey } from '@shared/notify';
import type { SendOutcome } from '../channels.port';
import { ids, readRecord, writeRecord } from '../collections';
import type { StoreTx } from '../store.port';
import type { OutboxEntry } from './entry';

export interface SubscriptionRecord {
  [key: string]: unknown;
  openid: string;
  template: string;
  /** sends left: each accepted tap adds one, each subscribe send uses one */
  remaining: number;
  granted: number;
  used: number;
  lastAnswer: 'accept' | 'reject' | 'ban' | null;
  updatedAt: number;
  /** 长期订阅 accepted on a template the deployment holds as long-term: sends need no count */
  longTerm?: boolean;
}

/** `<openid>:<template>` (core/collections.ts) */
export const subscriptionId = ids.subscription;

/**
 * At claim time, inside the claim's transaction: take one consent for a subscribe entry. `false`
 * (nothing written) when the person holds none — the caller skips the entry and falls back.
 */
export async function takeConsentInTx(tx: StoreTx, entry: OutboxEntry, longTermTemplates: readonly TemplateKey[], now: number): Promise<boolean> {
  const subId = subscriptionId(entry.openid, entry.content.template);
  const sub = await readRecord(tx, 'subscriptions', subId);
  const longTerm = !!sub?.longTerm && longTermTemplates.includes(entry.content.template);
  if (!sub || (!longTerm && sub.remaining <= 0)) return false;
  if (longTerm) {
    // 长期订阅: nothing to take; WeChat answering 43101 ends it (consentAfterFailureInTx)
    await writeRecord(tx, 'subscriptions', subId, { ...sub, used: sub.used + 1, updatedAt: now });
  } else {
    await writeRecord(tx, 'subscriptions', subId, { ...sub, remaining: sub.remaining - 1, used: sub.used + 1, updatedAt: now });
    entry.consentTaken = true;
  }
  return true;
}

/** After a failed subscribe send, inside the record's transaction: give the consent back, or end it on 43101. */
export async function consentAfterFailureInTx(tx: StoreTx, entry: OutboxEntry, reason: Extract<SendOutcome, { ok: false }>['reason'], now: number): Promise<void> {
  if (entry.channel !== 'subscribe') return;
  const subId = subscriptionId(entry.openid, entry.content.template);
  if (entry.consentTaken) {
    const sub = await readRecord(tx, 'subscriptions', subId);
    if (sub) {
      // 43101: WeChat holds no consent, whatever our count said; otherwise WeChat did not use it
      const remaining = reason === 'no_consent' ? 0 : sub.remaining + 1;
      await writeRecord(tx, 'subscriptions', subId, { ...sub, remaining, used: reason === 'no_consent' ? sub.used : Math.max(0, sub.used - 1), updatedAt: now });
    }
    entry.consentTaken = false;
  } else if (reason === 'no_consent') {
    // a 长期订阅 WeChat no longer holds (the person turned it off in WeChat): ended here too
    const sub = await readRecord(tx, 'subscriptions', subId);
    if (sub?.longTerm) await writeRecord(tx, 'subscriptions', subId, { ...sub, longTerm: false, remaining: 0, updatedAt: now });
  }
}
