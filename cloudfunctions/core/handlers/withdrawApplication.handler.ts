/**
 * 撤回 (人社厅发〔2020〕79号 二(六)): the citizen withdraws an application waiting for review, or a returned
 * one instead of correcting it; idempotent by `requestId`; the person may apply again at once.
 */
import type { ApplicationView } from '@shared/api';
import { fail, ok } from '@shared/api';
import { withdrawSchema } from '@shared/after-answer.schema';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { beijingDate } from '@shared/dates';
import { transition } from '@shared/lifecycle';
import { ids, messageIds, writeRecord } from '../collections';
import { oncePerRequest } from '../idempotency';
import { writeMessageInTx } from '../messages';
import { NOT_FOUND_TEXT, applicationActedOn } from '../own-application';
import type { ApplicationRecord } from '../records';
import { applicationView } from '../views';
import { defineHandler } from './handler';

export const withdrawApplication = defineHandler(withdrawSchema, async (input, deps) => oncePerRequest<ApplicationView>(deps, 'withdrawApplication', input.requestId, async (tx, at) => {
  const app = await applicationActedOn(deps, tx, input.applicationId);
  if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  // a returned application (退回补正) may be withdrawn too, instead of being corrected
  if (app.status !== 'pending_review' && app.status !== 'returned') {
    return fail('CONFLICT', app.status === 'withdrawn' ? '这条申请已经撤回' : app.status === 'resubmitted' ? '这条申请已修改并重新提交，请撤回新的申请' : '这条申请已经办结，不能撤回；如需变更，请在“我的登记”中办理');
  }
  const moved = transition(app, 'withdrawn', at, '申请人撤回');
  if (!moved.ok) return moved;
  const done: ApplicationRecord = { ...moved.data, dueDate: null };
  await writeRecord(tx, 'applications', done.applicationId, done);
  // the person may apply again at once: the lock that kept a second submission out is released
  // (a returned application holds none; removing the person's lock then would free another one's)
  if (app.status === 'pending_review') await tx.remove('locks', ids.applicationLock(app.kind, app.personKey));
  const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
  await writeMessageInTx(tx, {
    messageId: messageIds.withdrawn(app.applicationId), openid: app.openid, personKey: app.personKey, event: `${app.kind}.withdrawn`,
    title: `您已撤回${what}`, body: `您于 ${beijingDate(at)} 撤回了${what}，工作人员不再审核。您可以随时重新申请。`,
    at, applicationId: app.applicationId,
  });
  return ok(applicationView(done));
}));
