/**
 * Recording the taps of `wx.requestSubscribeMessage` (client/src/services/subscribe.ts): each `accept`
 * is one future subscribe message for that template (docs/toolchain.md: one tap = one send); the
 * outbox takes one per send (core/outbox/consent.ts). The count is our bookkeeping only: WeChat is the
 * authority, and a send it refuses with 43101 zeroes the count and falls back to SMS, so a forged
 * `accept` cannot make anything be sent that WeChat would not deliver.
 */
import type { TemplateKey } from '@shared/notify';
import { readRecord, writeRecord } from './collections';
import type { Deps } from './deps';
import type { SubscriptionRecord } from './outbox';
import { subscriptionId } from './outbox';

/** What WeChat answers per template ('filter': filtered out by the platform). */
export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export const CONSENT_ANSWERS: ReadonlySet<string> = new Set<ConsentAnswer>(['accept', 'reject', 'ban', 'filter']);

/** More than this many unused consents is not a real person tapping. */
export const MAX_REMAINING = 20;

/** The answers of one tap, in one transaction; the consents left per template. */
export async function recordConsents(deps: Deps, openid: string, answers: ReadonlyArray<readonly [TemplateKey, ConsentAnswer]>): Promise<Partial<Record<TemplateKey, number>>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const out: Partial<Record<TemplateKey, number>> = {};
    for (const [key, raw] of answers) {
      // 'filter' (WeChat: template filtered out by the platform) counts as no consent
      const answer = raw === 'filter' ? 'reject' : raw;
      const id = subscriptionId(openid, key);
      const prev = await readRecord(tx, 'subscriptions', id);
      const base: SubscriptionRecord = prev ?? { openid, template: key, remaining: 0, granted: 0, used: 0, lastAnswer: null, updatedAt: at };
      const longTermHere = (deps.longTermTemplates ?? []).includes(key);
      const next: SubscriptionRecord = {
        ...base,
        // 长期订阅 (where the deployment has it): one accept keeps it until a 'ban' or WeChat's 43101
        longTerm: answer === 'accept' ? longTermHere || !!base.longTerm : answer === 'ban' ? false : !!base.longTerm,
        // 'ban': the person switched this template off in the settings — nothing is left
        remaining: answer === 'accept' ? Math.min(MAX_REMAINING, base.remaining + 1) : answer === 'ban' ? 0 : base.remaining,
        granted: base.granted + (answer === 'accept' ? 1 : 0),
        lastAnswer: answer,
        updatedAt: at,
      };
      await writeRecord(tx, 'subscriptions', id, next);
      out[key] = next.remaining;
    }
    return out;
  });
}
