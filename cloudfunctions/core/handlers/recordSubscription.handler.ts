/**
 * `recordSubscription`: the taps of `wx.requestSubscribeMessage`, reported by the mini-program; each
 * `accept` is one future subscribe message for that template (core/subscriptions.ts).
 */
import { fail, ok } from '@shared/api';
import { TEMPLATE_KEYS, isTemplateKey, type TemplateKey } from '@shared/notify';
import { CONSENT_ANSWERS, recordConsents, type ConsentAnswer } from '../subscriptions';
import { defineParsed } from './handler';

const MESSAGE = '订阅结果格式有误，请重新选择是否接收通知';

export const recordSubscription = defineParsed((input, deps) => {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const templates = (input as { templates?: unknown } | null)?.templates;
  if (!templates || typeof templates !== 'object' || Array.isArray(templates)) return fail('VALIDATION_FAILED', MESSAGE, { templates: MESSAGE });
  const entries = Object.entries(templates as Record<string, unknown>);
  if (entries.length === 0 || entries.length > TEMPLATE_KEYS.length) return fail('VALIDATION_FAILED', MESSAGE, { templates: MESSAGE });
  for (const [key, answer] of entries) {
    if (!isTemplateKey(key) || typeof answer !== 'string' || !CONSENT_ANSWERS.has(answer)) return fail('VALIDATION_FAILED', MESSAGE, { [`templates.${key}`]: MESSAGE });
  }
  return ok({ openid, answers: entries as Array<[TemplateKey, ConsentAnswer]> });
}, async ({ openid, answers }, deps) => ok({ remaining: await recordConsents(deps, openid, answers) }));
