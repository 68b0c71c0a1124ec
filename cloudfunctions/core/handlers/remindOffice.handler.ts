/** 催办: the person reminds the office of a review past its due date, once a day (issue 17; core/own-application.ts). */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { caseNoOf } from '@shared/case-no';
import { beijingDate, beijingIso, compareDates } from '@shared/dates';
import { maskName } from '@shared/mask';
import { writeMessageInTx } from '../messages';
import { nearestStaff } from '../schedule';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { messageIds, readRecord, writeRecord } from '../collections';
import { NOT_FOUND_TEXT, idOf, ownApplication } from '../own-application';
import { defineParsed } from './handler';

/**
 * `remindOffice {applicationId}` (催办): only for one's own application still waiting for staff after its
 * due date (人社厅发〔2020〕79号 一(三) sets the time limit; the office owes an answer). At most one a day:
 * a second one the same Beijing day answers `alreadyToday` and records nothing. The reminder is kept on
 * the application (`reminders`, `reminded`: the staff queue shows a 催办 badge with its time, the 工作台
 * counts it) and in `audit`, and it reaches the office in the same transaction: an in-app staff message
 * to the region's reviewers (its admins when it has none; never the filer), like the overdue
 * escalations of core/schedule.ts — masked name and 办件编号, no ID number or phone.
 */
export const remindOffice = defineParsed((input, deps) => {
  if (!deps.caller.openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const applicationId = idOf(input);
  if (!applicationId) return fail('VALIDATION_FAILED', '请提供要催办的申请编号', { applicationId: '请提供要催办的申请编号' });
  return ok({ applicationId });
}, async ({ applicationId }, deps): Promise<Result<{ remindedAt: string; alreadyToday: boolean; reminders: number }>> => {
  if (!(await ownApplication(deps, applicationId))) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  const now = deps.clock.now();
  const today = beijingDate(now);
  const staff = deps.staffDirectory ? await deps.staffDirectory.list() : [];
  return deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId);
    if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
    if (app.status !== 'pending_review') return fail('CONFLICT', '这件事已经办结，不需要催办');
    if (!app.dueDate || compareDates(today, app.dueDate) <= 0) return fail('CONFLICT', `还没有超过办结期限（${app.dueDate ?? '—'}），到期未办结的可以催办`);
    const reminders = (app.reminders as number[] | undefined) ?? [];
    const last = reminders.at(-1);
    if (last !== undefined && beijingDate(last) === today) return ok({ remindedAt: beijingIso(last), alreadyToday: true, reminders: reminders.length });
    const next = [...reminders, now];
    await writeRecord(tx, 'applications', applicationId, { ...app, reminders: next, reminded: true });
    let recipients = nearestStaff(staff, app.region, 'reviewer');
    if (recipients.length === 0) recipients = nearestStaff(staff, app.region, 'admin');
    // separation of duties: a reminder about a staff member's own case goes to colleagues only
    recipients = recipients.filter((r) => r.openid !== app.openid);
    const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
    const caseNo = caseNoOf(app.kind, app.applicationId, beijingDate(app.submittedAt));
    for (const r of recipients) {
      await writeMessageInTx(tx, {
        messageId: messageIds.officeRemind(applicationId, today, r.openid), openid: r.openid, personKey: null, recipient: 'staff',
        event: 'review.remind', title: `群众催办：${what}已超期`,
        body: `${what}（申请人 ${maskName(app.person.name)}，办件编号 ${caseNo}）应于 ${app.dueDate} 前办结，本人于 ${beijingIso(now).slice(0, 16).replace('T', ' ')} 催办${next.length > 1 ? `（第${next.length}次）` : ''}。请尽快审核，或与本人联系说明情况。`,
        at: now, applicationId,
        push: { subject: '群众催办', date: app.dueDate ?? undefined, note: `${what}已超期，本人催办` },
      });
    }
    if (recipients.length === 0) deps.log?.('remind.no_staff', { applicationId, region: app.region });
    await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: deps.caller.openid, action: 'remindOffice', applicationId, personKey: app.personKey, region: app.region, dueDate: app.dueDate, notified: recipients.length });
    return ok({ remindedAt: beijingIso(now), alreadyToday: false, reminders: next.length });
  });
});
