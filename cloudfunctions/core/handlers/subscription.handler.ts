/**
 * `recordSubscription`: the taps of `wx.requestSubscribeMessage`, reported by the mini-program
 * (client/src/services/subscribe.ts). Each `accept` is one future subscribe message for that
 * template (docs/toolchain.md: one tap = one send); the outbox takes one per send (core/outbox.ts).
 * The count is our bookkeeping only: WeChat is the authority, and a send it refuses with 43101
 * zeroes the count and falls back to SMS, so a forged `accept` cannot make anything be sent that
 * WeChat would not deliver.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { SUBSCRIBE_TEMPLATES, TEMPLATE_KEYS, isTemplateKey } from '@shared/notify';
import { maskPhone } from '@shared/mask';
import type { TemplateKey } from '@shared/notify';
import type { Deps } from '../deps';
import type { SubscriptionRecord } from '../outbox';
import { subscriptionId } from '../outbox';
import { findRecords, readRecord, writeRecord } from '../collections';
import type { ReminderChannel } from '@shared/answers';
export type { ReminderChannel };

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
  return ok({ remaining });
}

/**
 * How the caller is reminded (issue 20 "let the person see and change how they are reminded"): per
 * template the WeChat consent held, and the SMS fallback — to the phone of their latest application,
 * masked — which every reminder falls back to when WeChat cannot carry it. Own data only.
 */
export async function getMyReminders(_input: unknown, deps: Deps): Promise<Result<{ channels: ReminderChannel[]; smsPhone: string | null }>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const channels: ReminderChannel[] = [];
  for (const template of TEMPLATE_KEYS) {
    const sub = await readRecord(deps.store, 'subscriptions', subscriptionId(openid, template));
    const longTermAvailable = (deps.longTermTemplates ?? []).includes(template);
    const wechat = sub?.longTerm && longTermAvailable ? 'long_term' : (sub?.remaining ?? 0) > 0 ? 'once' : 'none';
    channels.push({ template, title: SUBSCRIBE_TEMPLATES[template].title, wechat, remaining: sub?.remaining ?? 0, longTermAvailable });
  }
  const [latest] = await findRecords(deps.store, 'applications', { openid }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 1 });
  const phone = typeof latest?.person?.phone === 'string' ? latest.person.phone : null;
  return ok({ channels, smsPhone: phone ? maskPhone(phone) : null });
}

/** Turn WeChat notices of one template off (as WeChat's own 'ban'); reminders then come by SMS or stay in 我的消息. */
export async function stopSubscription(input: unknown, deps: Deps): Promise<Result<{ remaining: Partial<Record<TemplateKey, number>> }>> {
  const template = (input as { template?: unknown } | null)?.template;
  if (!isTemplateKey(template)) return fail('VALIDATION_FAILED', '请选择要关闭的通知', { template: '请选择要关闭的通知' });
  return recordSubscription({ templates: { [template]: 'ban' } }, deps);
}
