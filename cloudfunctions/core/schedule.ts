/**
 * The post-registration schedule and the review deadlines (docs/product.md "After registration",
 * 人社厅发〔2020〕79号 一(三)(四), 大人社规发〔2025〕2号 三(三)):
 * - approval of a 失业登记 → a contact task for staff due within N working days (region profile,
 *   5 by default: 人社厅发〔2020〕79号 一(三) "办理失业登记后5个工作日内…主动联系"), the region's policy,
 *   service and agency lists to the person, and the first monthly follow-up;
 * - every month while the registration is active → a follow-up message (人社厅发〔2020〕79号 一(四)
 *   "每月开展1次跟踪调查"; 大人社规发〔2025〕2号 三(三) "每月至少…一次电话回访");
 * - a pending review within 1 working day of its due date → its region's reviewers, once;
 *   past its due date → its region's admins, once (the 3 working days of 人社厅发〔2020〕79号 一(三)).
 *
 * "Once" is a deterministic id: `tasks/<kind>:<applicationId>` and message ids built from the
 * application, so a scheduler run repeated (or two at once) creates nothing twice.
 */
import { addMonths, beijingDate, compareDates } from '@shared/dates';
import { addWorkingDays } from '@shared/calendar';
import { recordEvent } from '@shared/lifecycle';
import { maskName } from '@shared/mask';
import { templateDate } from '@shared/notify';
import { REVIEW_DEADLINE_SOURCE, profileFor, reviewDaysFor } from '@shared/region-profiles';
import { normalizedScope, staffMaySee } from './access';
import { STAFF_CONTACT_KINDS, openFollowUpCallInTx } from './contact-record';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { createRecord, ids, messageIds, readRecord, writeRecord } from './collections';
import type { Deps, StaffMember } from './deps';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord } from './records';
import { servicesFor, servicesMessageBody } from './region-services';
import { registrationId } from './registrations';
import type { StoreTx } from './store.port';
import { runPass } from './paging';

export type TaskKind = 'contact' | 'followup' | 'followcall' | 'review_reminder' | 'review_escalation' | 'verify_employment' | 'contact_escalation' | 'task_reminder' | 'task_escalation' | 'insurance_claim' | 'hardship';

/** Per scheduled pass and run: rows worked at most, rows visited at most (core/paging.ts). */
export const PASS_BUDGET = 500;
export const PASS_SCAN_LIMIT = 5000;

export interface TaskRecord {
  [key: string]: unknown;
  taskId: string;
  kind: TaskKind;
  /** open: to do; done: staff did it; closed: no longer needed (registration ended) */
  status: 'open' | 'done' | 'closed';
  applicationId: string;
  personKey: string | null;
  /** the citizen concerned (contact, follow-up) */
  openid: string | null;
  region: string;
  /** Beijing date: the contact deadline, or the next follow-up day */
  dueDate: string;
  dueDateUncertain?: boolean;
  createdAt: number;
  /** follow-ups: the registration day months are counted from, and how many were sent */
  anchorDate?: string;
  count?: number;
  /** reminders/escalations: who was told */
  recipients?: string[];
}

/** `<kind>:<applicationId>` (core/collections.ts) */
export const taskId = ids.task;

/** Calendar months rather than working days: 人社厅发〔2020〕79号 一(四) says 每月, and a reminder needs no office open. */
const FOLLOW_UP_EVERY_MONTHS = 1;

/**
 * What approval of a 失业登记 sets in motion, inside the approving transaction (秒办 in
 * core/submit.ts and staff approval alike). Adds the 登记服务 step to `app.timeline`: the caller
 * stores `app` after this call. Other kinds: nothing.
 */
export async function afterApprovalInTx(tx: StoreTx, app: ApplicationRecord, at: number, deps: Deps): Promise<void> {
  if (app.kind !== 'unemployment' || app.status !== 'approved') return;
  const today = beijingDate(at);
  const contact = addWorkingDays(today, profileFor(app.region).contactWithinDays);
  const contactTask: TaskRecord = {
    taskId: taskId('contact', app.applicationId), kind: 'contact', status: 'open',
    applicationId: app.applicationId, personKey: app.personKey, openid: app.openid, region: app.region,
    dueDate: contact.date, ...(contact.uncertain ? { dueDateUncertain: true } : {}), createdAt: at,
  };
  await createRecord(tx, 'tasks', contactTask.taskId, contactTask);

  const services = servicesFor(app.region);
  // at + 1: listed just above the result message of the same moment (newest first)
  const created = await writeMessageInTx(tx, {
    messageId: messageIds.services(app.applicationId), openid: app.openid, personKey: app.personKey,
    event: 'unemployment.services', title: '就业服务清单：政策、服务和机构',
    body: servicesMessageBody(services, contact.date), at: at + 1, applicationId: app.applicationId,
    push: { subject: '就业服务清单已送达', date: contact.date, note: `工作人员将于${templateDate(contact.date)}前联系您` },
  });

  const followUp: TaskRecord = {
    taskId: taskId('followup', app.applicationId), kind: 'followup', status: 'open',
    applicationId: app.applicationId, personKey: app.personKey, openid: app.openid, region: app.region,
    dueDate: addMonths(today, FOLLOW_UP_EVERY_MONTHS), anchorDate: today, count: 0, createdAt: at,
  };
  await createRecord(tx, 'tasks', followUp.taskId, followUp);

  if (created) {
    const step = recordEvent(app, 'services', at, `已发送政策清单、服务清单和机构清单；工作人员将于 ${contact.date} 前与您联系`);
    if (step.ok) app.timeline = step.data.timeline;
  }
  deps.log?.('schedule.after_approval', { applicationId: app.applicationId, contactBy: contact.date });
}

/** Monthly follow-ups due today or earlier; returns how many messages were written. */
export async function followUpsDue(deps: Deps, now: number): Promise<number> {
  const today = beijingDate(now);
  let written = 0;
  // every due follow-up, a bounded number per run (core/paging.ts): a handled one moves to next month
  await runPass<TaskRecord>(deps, { pass: 'followups', collection: 'tasks', where: { kind: 'followup', status: 'open', dueDate: { lte: today } }, orderField: 'dueDate', scanLimit: PASS_SCAN_LIMIT, budget: PASS_BUDGET }, async (t) => {
    const n = await deps.store.transaction(async (tx) => {
      const task = await readRecord(tx, 'tasks', t._id);
      if (!task || task.status !== 'open' || compareDates(task.dueDate, today) > 0) return 0;
      const reg = task.personKey ? await readRecord(tx, 'registrations', registrationId('unemployment', task.personKey)) : null;
      if (!reg || reg.status !== 'active' || reg.applicationId !== task.applicationId) {
        // the registration ended (注销, 灵活就业…): nothing more to follow up
        await writeRecord(tx, 'tasks', t._id, { ...task, status: 'closed' });
        return 0;
      }
      const created = await writeMessageInTx(tx, {
        messageId: messageIds.followUp(task.applicationId, task.dueDate), openid: task.openid ?? reg.openid as string, personKey: task.personKey,
        event: 'unemployment.followup', title: '每月就业状况确认',
        body: '请确认您目前的就业状况：如仍在求职，可到就近的公共就业服务机构或在小程序中了解岗位、培训和政策；如已就业或开始经营，请告知我们，以便及时更新登记。', // 人社厅发〔2020〕79号 一(四): monthly follow-up
        at: now, applicationId: task.applicationId,
        push: { subject: '每月就业状况确认', date: task.dueDate, note: '请确认就业状况或告知已就业' },
      });
      // next month, counted from the registration day; a scheduler that was down sends one, not a backlog
      const anchor = task.anchorDate ?? task.dueDate;
      let count = (task.count ?? 0) + 1;
      let next = addMonths(anchor, (count + 1) * FOLLOW_UP_EVERY_MONTHS);
      while (compareDates(next, today) <= 0) {
        count += 1;
        next = addMonths(anchor, (count + 1) * FOLLOW_UP_EVERY_MONTHS);
      }
      await writeRecord(tx, 'tasks', t._id, { ...task, count, dueDate: next });
      // the staff side of this month's follow-up: a call to make and record (core/contact-record.ts)
      await openFollowUpCallInTx(tx, task, task.dueDate, next, now);
      return created ? 1 : 0;
    });
    written += n;
    return n > 0;
  });
  return written;
}

/** Staff of `role` whose region is the longest prefix of `region` (the district's own, else the city's). */
export function nearestStaff(staff: StaffMember[], region: string, role: StaffMember['role']): StaffMember[] {
  // the one region rule (core/access.ts): a malformed staff region matches nothing
  const matching = staff.filter((s) => s.role === role && staffMaySee(s, { region }));
  const depth = (s: StaffMember) => normalizedScope(s.region)?.length ?? 0;
  const longest = Math.max(0, ...matching.map(depth));
  return matching.filter((s) => depth(s) === longest);
}

/** The application kinds as staff messages name them. */

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
export async function contactDeadlines(deps: Deps, now: number): Promise<number> {
  return (await staffTaskDeadlines(deps, now)).escalations;
}

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
