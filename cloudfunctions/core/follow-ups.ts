/**
 * What approval of a 失业登记 sets in motion, and the monthly follow-up after it (docs/product.md "After
 * registration"):
 * - approval → a contact task for staff due within N working days (region profile, 5 by default:
 *   人社厅发〔2020〕79号 一(三) "办理失业登记后5个工作日内…主动联系"), the region's policy, service and
 *   agency lists to the person, and the first monthly follow-up;
 * - every month while the registration is active → a follow-up message (人社厅发〔2020〕79号 一(四)
 *   "每月开展1次跟踪调查"; 大人社规发〔2025〕2号 三(三) "每月至少…一次电话回访") and the staff's call.
 * Task records and their ids: core/schedule.ts.
 */
import { addMonths, beijingDate, compareDates } from '@shared/dates';
import { addWorkingDays } from '@shared/calendar';
import { recordEvent } from '@shared/lifecycle';
import { templateDate } from '@shared/notify';
import { profileFor } from '@shared/region-profiles';
import { openFollowUpCallInTx } from './contact-record';
import { createRecord, messageIds, readRecord, writeRecord } from './collections';
import type { Deps } from './deps';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord } from './records';
import { servicesFor, servicesMessageBody } from './region-services';
import { registrationId } from './registrations';
import type { StoreTx } from './store.port';
import { runPass } from './paging';
import { PASS_BUDGET, PASS_SCAN_LIMIT, taskId, type TaskRecord } from './schedule';

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
