/**
 * 复核 of a rejection, once, by another staff member than the one who decided (鞍人社〔2020〕21号 三;
 * 人社厅发〔2020〕79号 二(六)); idempotent by `requestId`; decided within the region's working days again.
 */
import type { ApplicationView } from '@shared/api';
import { fail, ok } from '@shared/api';
import { reviewRequestSchema } from '@shared/after-answer.schema';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { addWorkingDays } from '@shared/calendar';
import { beijingDate } from '@shared/dates';
import { transition } from '@shared/lifecycle';
import { profileFor } from '@shared/region-profiles';
import { ids, messageIds, writeRecord, type ApplicationLock } from '../collections';
import { oncePerRequest } from '../idempotency';
import { writeMessageInTx } from '../messages';
import { NOT_FOUND_TEXT, applicationActedOn } from '../own-application';
import type { ApplicationRecord } from '../records';
import { applicationView } from '../views';
import { defineHandler } from './handler';

/** 人社厅发〔2020〕79号 一(三): decided within the region's working days; a review gets the same time again. */
const reviewDaysOf = (app: ApplicationRecord): number => {
  const p = profileFor(app.region);
  return app.kind === 'flexible' ? p.flexibleReviewDays : app.kind === 'unemployment' ? p.unemploymentReviewDays : p.certificateReviewDays;
};

export const requestReview = defineHandler(reviewRequestSchema, async (input, deps) => oncePerRequest<ApplicationView>(deps, 'requestReview', input.requestId, async (tx, at) => {
  const app = await applicationActedOn(deps, tx, input.applicationId);
  if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  if (app.status !== 'rejected') return fail('CONFLICT', '只有未通过的申请可以申请复核');
  if (app.review) return fail('CONFLICT', '这条申请已经复核过一次；如对复核结果有异议，可依法申请行政复议或者提起行政诉讼');
  const lockKey = ids.applicationLock(app.kind, app.personKey);
  const lock = await tx.get<ApplicationLock>('locks', lockKey);
  if (lock && lock.applicationId !== app.applicationId) return fail('CONFLICT', '您已重新提交了同类申请，请在新的申请中查看进度');
  const due = addWorkingDays(beijingDate(at), reviewDaysOf(app));
  const moved = transition(app, 'pending_review', at, `申请复核：${input.reason}`);
  if (!moved.ok) return moved;
  const done: ApplicationRecord = {
    ...moved.data, dueDate: due.date, dueDateUncertain: due.uncertain, decision: null,
    // separation of duties: the review goes to another staff member than the one who decided
    review: { requestedAt: at, reason: input.reason, excludedStaff: app.decision?.by ?? null, previousDecision: app.decision },
    reviewReasons: [`申请人申请复核：${input.reason}`, ...app.reviewReasons],
  };
  await writeRecord(tx, 'applications', done.applicationId, done);
  await writeRecord(tx, 'locks', lockKey, { applicationId: app.applicationId, at });
  const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
  await writeMessageInTx(tx, {
    messageId: messageIds.reviewRequested(app.applicationId), openid: app.openid, personKey: app.personKey, event: `${app.kind}.review_requested`,
    title: `${what}复核申请已受理`, body: `将由原审核人以外的工作人员复核，于 ${due.date} 前答复。`,
    at, applicationId: app.applicationId,
  });
  return ok(applicationView(done));
}));
