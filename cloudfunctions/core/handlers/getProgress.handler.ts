/**
 * One application's progress (进度查询). What a citizen reads: the records of the people they are bound to (identity base matched and a
 * real-person check passed), those they help (代办), and the applications they sent themselves —
 * and no more (core/person-access.ts decides). A record of anyone else answers NOT_FOUND, the same as
 * a record that does not exist, so the answer reveals nothing.
 */
import type { ApplicationView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { accessTo } from '../person-access';
import { auditDelegateRead } from '../audit';
import { readRecord } from '../collections';
import { citizenViewOf } from '../citizen-view';
import { defineParsed } from './handler';

export const getProgress = defineParsed((input) => {
  const applicationId = (input as { applicationId?: unknown } | null)?.applicationId;
  if (typeof applicationId !== 'string' || applicationId.length === 0 || applicationId.length > 64) {
    return fail('VALIDATION_FAILED', '请提供要查询的申请编号', { applicationId: '请提供要查询的申请编号' });
  }
  return ok({ applicationId });
}, async ({ applicationId }, deps): Promise<Result<ApplicationView>> => {
  const app = await readRecord(deps.store, 'applications', applicationId);
  const access = app ? await accessTo(deps, app.personKey) : null;
  if (!app || (!access && (app.openid !== deps.caller.openid || app.onBehalfOf))) return fail('NOT_FOUND', '没有找到这条申请记录，请核对后再查');
  if (access?.as === 'delegate') await auditDelegateRead(deps, 'getProgress', [app.personKey]);
  return ok(await citizenViewOf(app, deps, access ? access.as : 'sender'));
});
