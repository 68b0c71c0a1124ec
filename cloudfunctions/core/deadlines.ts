/**
 * Deadlines the scheduler watches (人社厅发〔2020〕79号 一(三)): a pending review within 1 working day of
 * its due date → its region's reviewers, once; past its due date → its region's admins, once (the 3
 * working days of 人社厅发〔2020〕79号 一(三)); the staff contact tasks alike. Task records and who is told:
 * core/schedule.ts.
 */
import { beijingDate, compareDates } from '@shared/dates';
import { addWorkingDays } from '@shared/calendar';
import { maskName } from '@shared/mask';
import { REVIEW_DEADLINE_SOURCE, reviewDaysFor } from '@shared/region-profiles';
import { STAFF_CONTACT_KINDS } from './contact-record';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { createRecord, ids, messageIds, readRecord, writeRecord } from './collections';
import type { Deps, StaffMember } from './deps';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord } from './records';
import { registrationId } from './registrations';
import { runPass } from './paging';
import { PASS_BUDGET, PASS_SCAN_LIMIT, nearestStaff, taskId, type TaskKind, type TaskRecord } from './schedule';

/**
 * Pending reviews near or past their due date: a reminder to the region's reviewers (admins when
 * the region has none) when at most 1 working day is left, an escalation to its admins once the
 * due date has passed. Each once per application. Staff messages carry no ID number or phone.
 */
export async function reviewDeadlines(deps: Deps, now: number): Promise<{ reminders: number; escalations: number }> {
  const out = { reminders: 0, escalations: 0 };
  if (!deps.staffDirectory) return out;
  const today = beijingDate(now);
  const horizon = addWorkingDays(today, 1).date;
  let staff: StaffMember[] | null = null;
  // every pending review near its due date, resumably (core/paging.ts): those already reminded stay
  // in the query, so the cursor carries the pass past them to the rest
  await runPass<ApplicationRecord>(deps, { pass: 'review-deadlines', collection: 'applications', where: { status: 'pending_review', dueDate: { lte: horizon } }, orderField: 'dueDate', scanLimit: PASS_SCAN_LIMIT, budget: PASS_BUDGET }, async (a) => {
    if (!a.dueDate) return false;
    const overdue = compareDates(today, a.dueDate) > 0;
    const kind: TaskKind = overdue ? 'review_escalation' : 'review_reminder';
    const id = taskId(kind, a.applicationId);
    if (await readRecord(deps.store, 'tasks', id)) return false;
    staff ??= await deps.staffDirectory!.list();
    let recipients = overdue ? nearestStaff(staff, a.region, 'admin') : nearestStaff(staff, a.region, 'reviewer');
    if (!overdue && recipients.length === 0) recipients = nearestStaff(staff, a.region, 'admin');
    // separation of duties: a reminder about one's own case goes to colleagues only
    recipients = recipients.filter((r) => r.openid !== a.openid);
    if (recipients.length === 0) {
      deps.log?.('schedule.no_staff', { applicationId: a.applicationId, region: a.region, kind });
      return false;
    }
    const done = await deps.store.transaction(async (tx) => {
      const app = await readRecord(tx, 'applications', a.applicationId);
      if (!app || app.status !== 'pending_review' || app.dueDate !== a.dueDate) return false;
      const task: TaskRecord = {
        taskId: id, kind, status: 'done', applicationId: app.applicationId, personKey: null, openid: null,
        region: app.region, dueDate: a.dueDate!, createdAt: now, recipients: recipients.map((s) => s.openid),
      };
      if (!(await createRecord(tx, 'tasks', id, task))) return false;
      const what = APPLICATION_KIND_SUBJECT[app.kind] ?? app.kind;
      for (const s of recipients) {
        await writeMessageInTx(tx, {
          messageId: messageIds.toStaff(id, s.openid), openid: s.openid, personKey: null, recipient: 'staff',
          event: overdue ? 'review.escalation' : 'review.reminder',
          title: overdue ? `待审核申请已超期：${what}` : `待审核申请即将到期：${what}`,
          body: overdue
            ? `${what}（申请人 ${maskName(app.person.name)}，编号 ${app.applicationId}）应于 ${app.dueDate} 前办结，现已超期，请督办（${REVIEW_DEADLINE_SOURCE[app.kind]}：${reviewDaysFor(app.kind, app.region)}个工作日内办结）。`
            : `${what}（申请人 ${maskName(app.person.name)}，编号 ${app.applicationId}）须于 ${app.dueDate} 前办结，请及时审核。`,
          at: now, applicationId: app.applicationId,
          push: { subject: overdue ? '待审核申请已超期' : '待审核申请即将到期', date: app.dueDate!, note: `${what}待审核` },
        });
      }
      return true;
    });
    if (done) {
      if (overdue) out.escalations += 1;
      else out.reminders += 1;
    }
    return done;
  });
  return out;
}

const STAFF_TASK_WORDS: Record<string, { title: string; rule: string }> = {
  contact: { title: '失业登记后联系任务', rule: '人社厅发〔2020〕79号：办理失业登记后5个工作日内主动联系' },
  followcall: { title: '每月跟踪回访任务', rule: '大人社规发〔2025〕2号 三(三)：每月至少对登记失业人员进行一次电话回访' },
  verify_employment: { title: '核实就业状态任务', rule: '人社厅发〔2020〕79号 二(八)：比对发现的就业记录须核实' },
};

/**
 * The staff contact tasks (core/contact-record.ts STAFF_CONTACT_KINDS: the first contact, each month's
 * follow-up call, 核实就业状态) near or past their due date and still open: a reminder to the region's
 * reviewers (admins when it has none) when at most 1 working day is left, an escalation to its admins
 * once the due date has passed — each once per task (issue 20: "remind staff before a task is due;
 * escalate when overdue"). A task whose registration has ended closes itself instead. The first
 * contact's escalation keeps its id `contact_escalation:<applicationId>`. Staff messages carry no ID
 * number or phone. Returns the escalations and the reminders written.
 */
export async function staffTaskDeadlines(deps: Deps, now: number): Promise<{ escalations: number; reminders: number; closed: number }> {
  const out = { escalations: 0, reminders: 0, closed: 0 };
  if (!deps.staffDirectory) return out;
  const today = beijingDate(now);
  const horizon = addWorkingDays(today, 1).date;
  let staff: StaffMember[] | null = null;
  const where = { kind: { in: [...STAFF_CONTACT_KINDS] }, status: 'open', dueDate: { lte: horizon } };
  await runPass<TaskRecord>(deps, { pass: 'contact-deadlines', collection: 'tasks', where, orderField: 'dueDate', scanLimit: PASS_SCAN_LIMIT, budget: PASS_BUDGET }, async (t) => {
    const overdue = compareDates(t.dueDate, today) < 0;
    const id = overdue ? (t.kind === 'contact' ? taskId('contact_escalation', t.applicationId) : ids.taskNotice('task_escalation', t.taskId)) : ids.taskNotice('task_reminder', t.taskId);
    if (await readRecord(deps.store, 'tasks', id)) return false;
    // the person is no longer registered (注销, 灵活就业, a later registration): nothing to contact them about
    const reg = t.personKey ? await readRecord(deps.store, 'registrations', registrationId('unemployment', t.personKey)) : null;
    if (reg && (reg.status !== 'active' || reg.applicationId !== t.applicationId)) {
      const closed = await deps.store.transaction(async (tx) => {
        const task = await readRecord(tx, 'tasks', t._id);
        if (!task || task.status !== 'open') return false;
        await writeRecord(tx, 'tasks', t._id, { ...task, status: 'closed' });
        return true;
      });
      if (closed) out.closed += 1;
      return closed;
    }
    staff ??= await deps.staffDirectory!.list();
    let recipients = overdue ? nearestStaff(staff, t.region, 'admin') : nearestStaff(staff, t.region, 'reviewer');
    if (!overdue && recipients.length === 0) recipients = nearestStaff(staff, t.region, 'admin');
    recipients = recipients.filter((r) => r.openid !== t.openid);
    if (recipients.length === 0) {
      deps.log?.('schedule.no_staff', { applicationId: t.applicationId, region: t.region, kind: overdue ? 'task_escalation' : 'task_reminder' });
      return false;
    }
    const words = STAFF_TASK_WORDS[t.kind] ?? STAFF_TASK_WORDS.contact;
    const done = await deps.store.transaction(async (tx) => {
      const task = await readRecord(tx, 'tasks', t._id);
      if (!task || task.status !== 'open' || task.dueDate !== t.dueDate) return false;
      const app = await readRecord(tx, 'applications', task.applicationId);
      const kind: TaskKind = overdue ? (task.kind === 'contact' ? 'contact_escalation' : 'task_escalation') : 'task_reminder';
      const record: TaskRecord = {
        taskId: id, kind, status: 'done', applicationId: task.applicationId, personKey: null, openid: null,
        region: task.region, dueDate: task.dueDate, createdAt: now, recipients: recipients.map((s) => s.openid),
      };
      if (!(await createRecord(tx, 'tasks', id, record))) return false;
      const who = app ? `（${maskName(app.person.name)}，编号 ${task.applicationId}）` : `（编号 ${task.applicationId}）`;
      for (const s of recipients) {
        await writeMessageInTx(tx, {
          messageId: messageIds.toStaff(id, s.openid), openid: s.openid, personKey: null, recipient: 'staff',
          event: overdue ? (task.kind === 'contact' ? 'contact.escalation' : 'task.escalation') : 'task.reminder',
          title: overdue ? `${words.title}已超期` : `${words.title}即将到期`,
          body: overdue
            ? `登记失业人员${who}的${words.title.replace(/任务$/, '')}应于 ${task.dueDate} 前完成，现已超期，请督办（${words.rule}）。`
            : `登记失业人员${who}的${words.title.replace(/任务$/, '')}须于 ${task.dueDate} 前完成并记录结果。`,
          at: now, applicationId: task.applicationId,
          push: { subject: overdue ? `${words.title}已超期` : `${words.title}即将到期`, date: task.dueDate, note: `${words.title}待办` },
        });
      }
      return true;
    });
    if (done) {
      if (overdue) out.escalations += 1;
      else out.reminders += 1;
    }
    return done;
  });
  return out;
}
