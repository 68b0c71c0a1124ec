/** The messages sent to the caller's account (消息), newest first. */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import type { Deps } from '../deps';
import { findRecords } from '../collections';

export async function listMyMessages(_input: unknown, deps: Deps): Promise<Result<{ messages: Array<{ messageId: string; title: string; body: string; at: string; applicationId?: string }> }>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const rows = await findRecords(deps.store, 'messages', { openid }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 200 });
  return ok({ messages: rows.map((m) => ({ messageId: m.messageId, title: m.title, body: m.body, at: beijingIso(m.createdAt), ...(m.applicationId ? { applicationId: m.applicationId } : {}) })) });
}
