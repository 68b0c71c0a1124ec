/**
 * `recordSubscription`: the taps of `wx.requestSubscribeMessage`, reported by the mini-program
 * (client/src/services/subscribe.ts). Each `accept` is one future subscribe message for that
 * template (docs/toolchain.md: one tap = one send); the outbox takes one per send (core/outbox.ts).
 * The count is our bookkeeping only: WeChat is the authority, and a send it refuses with 43101
 * zeroes the count and falls back to SMS, so a forged `accept` cannot make anything be sent that
 * WeChat would not deliver.
 */
import type { Result } from '../../../shared/api';
import { fail, ok } from '../../../shared/api';
import { TEMPLATE_KEYS, isTemplateKey } from '../../../shared/notify';
import type { TemplateKey } from '../../../shared/notify';
import type { Deps } from '../deps';
import type { SubscriptionRecord } from '../outbox';
import { subscriptionId } from '../outbox';

const ANSWERS = new Set(['accept', 'reject', 'ban', 'filter']);
/** More than this many unused consents is not a real person tapping. */
export const MAX_REMAINING = 20;

export async function recordSubscription(input: unknown, deps: Deps): Promise<Result<{ remaining: Partial<Record<TemplateKey, number>> }>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const templates = (input as { templates?: unknown } | null)?.templates;
  const message = '订阅结果格式有误，请重新选择是否接收通知';
  if (!templates || typeof templates !== 'object' || Array.isArray(templates)) return fail('VALIDATION_FAILED', message, { templates: message });
  const entries = Object.entries(templates as Record<string, unknown>);
  if (entries.length === 0 || entries.length > TEMPLATE_KEYS.length) return fail('VALIDATION_FAILED', message, { templates: message });
  for (const [key, answer] of entries) {
    if (!isTemplateKey(key) || typeof answer !== 'string' || !ANSWERS.has(answer)) return fail('VALIDATION_FAILED', message, { [`templates.${key}`]: message });
  }
  const at = deps.clock.now();
  const remaining = await deps.store.transaction(async (tx) => {
    const out: Partial<Record<TemplateKey, number>> = {};
    for (const [key, raw] of entries as Array<[TemplateKey, string]>) {
      // 'filter' (WeChat: template filtered out by the platform) counts as no consent
      const answer = raw === 'filter' ? 'reject' : (raw as 'accept' | 'reject' | 'ban');
      const id = subscriptionId(openid, key);
      const prev = await tx.get<SubscriptionRecord>('subscriptions', id);
      const base: SubscriptionRecord = prev ?? { openid, template: key, remaining: 0, granted: 0, used: 0, lastAnswer: null, updatedAt: at };
      const next: SubscriptionRecord = {
        ...base,
        // 'ban': the person switched this template off in the settings — nothing is left
        remaining: answer === 'accept' ? Math.min(MAX_REMAINING, base.remaining + 1) : answer === 'ban' ? 0 : base.remaining,
        granted: base.granted + (answer === 'accept' ? 1 : 0),
        lastAnswer: answer,
        updatedAt: at,
      };
      await tx.put('subscriptions', id, next);
      out[key] = next.remaining;
    }
    return out;
  });
  return ok({ remaining });
}
