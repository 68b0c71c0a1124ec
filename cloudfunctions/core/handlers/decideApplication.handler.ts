/** A staff decision on an application waiting for review: approve, return for correction, or reject with a reason of the fixed list. */
import type { ApplicationView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { outcomeEvent } from '@shared/events';
import { REJECTION_REASONS, labelOf } from '@shared/codes';
import { beijingDate, beijingIso } from '@shared/dates';
import { isOwnCase, staffMaySee } from '../access';
import { decideSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema';
import { ruleFirstMessage } from '@shared/staff-text';
import { approveInTx, rejectInTx, returnInTx } from '../approval';
import { writeMessageInTx } from '../messages';
import type { ApplicationRecord } from '../records';
import { applicationView } from '../views';
import { readRecord, writeRecord } from '../collections';
import { NOT_FOUND, OWN_CASE, staffOf } from '../staff-scope';
import { defineHandler } from './handler';

/** approve, or reject with a reason of the fixed list; on the timeline and told to the citizen. */
export const decideApplication = defineHandler(decideSchema, async (input, deps): Promise<Result<ApplicationView>> => {
  const staff = staffOf(deps);
  const { applicationId, decision, reasonCode, note } = input;
  const at = deps.clock.now();
  const result = await deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId);
    if (!app || !staffMaySee(staff, app)) return fail('NOT_FOUND', NOT_FOUND);
    if (await isOwnCase(tx, staff, { personKey: app.personKey, filedBy: app.openid })) return OWN_CASE();
    if (app.status !== 'pending_review') return fail('CONFLICT', '这条申请已经办结，不能重复审核');
    // 复核 goes to another staff member than the one who decided (requestReview)
    const review = app.review as { excludedStaff?: string | null } | undefined;
    if (review?.excludedStaff && review.excludedStaff === staff.openid) return fail('FORBIDDEN', '这条申请是对您作出的决定申请复核，须由其他工作人员办理');
    const atIso = beijingIso(at);
    const decided = decision === 'approve'
      ? await approveInTx(tx, app, at, deps, { by: 'staff', note })
      : decision === 'return'
        ? await returnInTx(tx, app, at, note!)
        : await rejectInTx(tx, app, at, `${labelOf(REJECTION_REASONS, reasonCode) ?? ''}${note ? `：${note}` : ''}`);
    if (!decided.ok) return decided;
    const done: ApplicationRecord = { ...decided.data, decision: { decision, ...(reasonCode ? { reasonCode } : {}), ...(note ? { note } : {}), at: atIso, by: staff.openid } };
    await writeRecord(tx, 'applications', done.applicationId, done);
    const what = APPLICATION_KIND_SUBJECT[app.kind];
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: app.openid, personKey: app.personKey, event: outcomeEvent(app.kind, done.status),
      title: decision === 'approve' ? `您的${what}已审核通过` : decision === 'return' ? `您的${what}需要修改后重新提交` : `您的${what}未通过审核`,
      body: decision === 'approve'
        ? `审核通过时间 ${beijingDate(at)}。${done.certificateNo ? `电子证号 ${done.certificateNo}。` : ''}`
        : decision === 'return'
          ? `工作人员请您修改：${note}。不需要补交任何材料。请打开这条申请，点“修改后重新提交”，原来填写的内容已为您保留。`
          : `原因：${labelOf(REJECTION_REASONS, reasonCode)}${note ? `（${note}）` : ''}。如有疑问，可携带身份证件到就近的公共就业服务机构咨询。如对结果有异议，可在小程序中申请复核（由其他工作人员办理）；也可依法申请行政复议或者提起行政诉讼。`,
      at, applicationId: app.applicationId,
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'decideApplication', applicationId, personKey: app.personKey, decision, reasonCode: reasonCode ?? null });
    return ok(applicationView(done));
  });
  return result;
}, { labels: STAFF_FIELD_LABELS, message: ruleFirstMessage });
