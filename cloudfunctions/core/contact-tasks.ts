/**
 * Contact tasks (人社厅发〔2020〕79号 一(三): 在办理失业登记后5个工作日内，通过电话、短信等方式主动联系) and the monthly
 * follow-up calls (一(四) 每月开展1次跟踪调查): created by schedule.ts; here staff of the region see them,
 * earliest due first, reveal the phone of one person when they are about to call (audited — lists stay
 * masked), record each attempt with its outcome and the services offered (core/contact-record.ts — the
 * record AJC00A 31/32 rest on), and close the task, which the citizen's timeline shows.
 */
import { ruleFirstMessage } from '@shared/staff-text';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { recordEvent } from '@shared/lifecycle';
import { SERVICE_OFFERS, labelOf } from '@shared/codes';
import { OWN_CASE_MESSAGE, isOwnCase, staffMaySee } from './access';
import { CONTACT_ATTEMPT_FIELD_LABELS, contactAttemptSchema, type ContactAttempt } from '@shared/contact-record';
import { TASK_FIELD_LABELS } from '@shared/staff.schema';
import type { z } from '@shared/zod-kit';
import { parseWith } from './parse';
import type { Deps } from './deps';
import { isStaffContactKind, recordAttemptInTx } from './contact-record';
import { writeMessageInTx } from './messages';
import { messageIds, readRecord, writeRecord } from './collections';

export const NOT_FOUND = '没有找到这条任务，或不在您所辖区域';

export const CHANNEL_TEXT: Record<string, string> = { phone: '电话', sms: '短信', visit: '上门', community: '通过社区', other: '' };

export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

/** The attempt as staff entered it, refused field by field with the rule first (shared/contact-record.ts). */
export const parseContactAttempt = (input: unknown): Result<ContactAttemptInput> =>
  parseWith(contactAttemptSchema, input, { labels: { ...TASK_FIELD_LABELS, ...CONTACT_ATTEMPT_FIELD_LABELS }, message: ruleFirstMessage });

/**
 * One contact attempt, recorded on the registration's record of services; `close` also closes the task
 * (completeContactTask) and tells the citizen on the timeline. The first contact is owed once; a reached
 * person or a last attempt closes it — an unreachable attempt to be tried again is recorded without closing.
 */
export async function recordAttempt(input: ContactAttemptInput, deps: Deps, close: boolean): Promise<Result<{ taskId: string; status: 'done' | 'open'; outcome: string; attempt: ContactAttempt }>> {
  const staff = deps.caller.staff!;
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const task = await readRecord(tx, 'tasks', input.taskId);
    if (!task || !isStaffContactKind(task.kind) || !staffMaySee(staff, task)) return fail('NOT_FOUND', NOT_FOUND);
    const owner = await readRecord(tx, 'applications', task.applicationId);
    if (await isOwnCase(tx, staff, { personKey: task.personKey ?? owner?.personKey, filedBy: owner?.openid ?? task.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
    if (task.status !== 'open') return fail('CONFLICT', '这条任务已经处理过了');
    const attempt = await recordAttemptInTx(tx, task, input, at, staff);
    if (close) {
      await writeRecord(tx, 'tasks', task.taskId, { ...task, status: 'done', outcome: input.outcome, note: input.note ?? null, doneAt: at, doneBy: staff.openid, doneByName: staff.name });
      const app = await readRecord(tx, 'applications', task.applicationId);
      if (app) {
        const how = CHANNEL_TEXT[input.channel] ?? '';
        // the citizen's timeline says what was done, in plain words (issue 20)
        const offered = input.offers.map((o) => `${labelOf(SERVICE_OFFERS, o.service) ?? o.service}（${o.outcome === 'accepted' ? '您已接受' : '您暂不需要'}）`);
        const what = input.outcome === 'reached'
          ? `工作人员已与您${how}联系${offered.length ? `，提供了${offered.join('、')}` : '，介绍了就业服务'}${input.nextStep ? `；下一步：${input.nextStep}` : ''}`
          : '工作人员尝试联系您未能接通，可拨打当地公共就业服务机构电话咨询';
        const step = recordEvent(app, 'services', at, what);
        if (step.ok) await writeRecord(tx, 'applications', app.applicationId, step.data);
        // a job heard of on the call never ends the registration by itself: the person is asked to report it
        if (input.outcome === 'reached' && (input.employmentStatus === 'employed' || input.employmentStatus === 'self_employed') && app.kind === 'unemployment') {
          await writeMessageInTx(tx, {
            messageId: messageIds.followUpEmployed(task.taskId), openid: app.openid, personKey: app.personKey, event: 'unemployment.followup_employed',
            title: '请申报您的就业情况',
            body: '工作人员回访时了解到您已经就业或开始经营。请在“我的登记”中点“我找到工作了”如实申报，失业登记会按您的申报办理；如情况不是这样，可以不用理会。',
            at, applicationId: app.applicationId,
          });
        }
      }
    }
    await writeRecord(tx, 'audit', deps.newId(), {
      at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: close ? 'completeContactTask' : 'recordContactAttempt',
      taskId: task.taskId, personKey: task.personKey, outcome: input.outcome, channel: input.channel, offers: attempt.offers,
    });
    return ok({ taskId: task.taskId, status: close ? ('done' as const) : ('open' as const), outcome: input.outcome, attempt });
  });
}
