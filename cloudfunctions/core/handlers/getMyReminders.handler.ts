/**
 * How the caller is reminded (issue 20 "let the person see and change how they are reminded"): per
 * template the WeChat consent held, and the SMS fallback — to the phone of their latest application,
 * masked — which every reminder falls back to when WeChat cannot carry it. Own data only; takes no input.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import type { ReminderChannel } from '@shared/answers';
import { maskPhone } from '@shared/mask';
import { SUBSCRIBE_TEMPLATES, TEMPLATE_KEYS } from '@shared/notify';
import { findRecords, readRecord } from '../collections';
import type { Deps } from '../deps';
import { subscriptionId } from '../outbox';

export type { ReminderChannel };

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
