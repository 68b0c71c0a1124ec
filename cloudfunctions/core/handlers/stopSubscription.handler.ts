/** Turn WeChat notices of one template off (as WeChat's own 'ban'); reminders then come by SMS or stay in 我的消息. */
import { fail, ok } from '@shared/api';
import { isTemplateKey } from '@shared/notify';
import { recordConsents } from '../subscriptions';
import { defineParsed } from './handler';

const CHOOSE = '请选择要关闭的通知';

export const stopSubscription = defineParsed((input) => {
  const template = (input as { template?: unknown } | null)?.template;
  return isTemplateKey(template) ? ok({ template }) : fail('VALIDATION_FAILED', CHOOSE, { template: CHOOSE });
}, async ({ template }, deps) => {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  return ok({ remaining: await recordConsents(deps, openid, [[template, 'ban']]) });
});
