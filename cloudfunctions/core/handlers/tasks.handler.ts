/**
 * Contact tasks (人社厅发〔2020〕79号 一(三): 在办理失业登记后5个工作日内，通过电话、短信等方式主动联系) and the monthly
 * follow-up calls (一(四) 每月开展1次跟踪调查): created by schedule.ts; here staff of the region see them,
 * earliest due first, reveal the phone of one person when they are about to call (audited — lists stay
 * masked), record each attempt with its outcome and the services offered (core/contact-record.ts — the
 * record AJC00A 31/32 rest on), and close the task, which the citizen's timeline shows.
 */
import { ruleFirstMessage } from '@shared/staff-text';
import { checkLabel } from '@shared/check-labels';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { recordEvent } from '@shared/lifecycle';
import { maskName, maskPhone } from '@shared/mask';
import { regionName } from '@shared/regions';
import { SERVICE_OFFERS, labelOf } from '@shared/codes';
import { OWN_CASE_MESSAGE, isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import { CONTACT_ATTEMPT_FIELD_LABELS, contactAttemptSchema, type ContactAttempt } from '@shared/contact-record';
import { taskRefSchema, TASK_FIELD_LABELS } from '@shared/staff.schema';
import { validate } from '@shared/validate';
import type { Deps } from '../deps';
import { CONTACT_KIND_LABELS, STAFF_CONTACT_KINDS, isStaffContactKind, recordAttemptInTx, type StaffContactKind } from '../contact-record';
import type { ApplicationRecord } from '../records';
import { registrationId } from '../registrations';
import { writeMessageInTx } from '../messages';
import type { TaskRecord } from '../schedule';
import { audit } from '../audit';
import { findRecords, messageIds, readRecord, writeRecord } from '../collections';

const NOT_FOUND = '没有找到这条任务，或不在您所辖区域';

export interface ContactTaskItem {
  taskId: string;
  kind: StaffContactKind;
  kindLabel: string;
  applicationId: string;
  holderName: string;
  phoneMasked: string;
  region: string;
  regionName: string;
  dueDate: string;
  dueDateUncertain: boolean;
  overdue: boolean;
  /** 核实就业状态: the outside record the daily comparison saw (core/comparison.ts) */
  finding?: string;
  /** the same record in parts, for staff to verify: which source, the unit or business it names, since when */
  record?: { source: string; sourceLabel: string; name: string | null; since: string | null };
}

function findingRecord(f: unknown): ContactTaskItem['record'] | undefined {
  const r = f as { source?: unknown; name?: unknown; since?: unknown } | undefined;
  if (!r || typeof r.source !== 'string') return undefined;
  // the same heading as the check at intake and on the citizen's page (shared/check-labels.ts)
  const sourceLabel = checkLabel(r.source);
  return { source: r.source, sourceLabel, name: typeof r.name === 'string' ? r.name : null, since: typeof r.since === 'string' ? r.since : null };
}

export async function listContactTasks(_input: unknown, deps: Deps): Promise<Result<{ items: ContactTaskItem[]; today: string }>> {
  const staff = deps.caller.staff!;
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const tasks = prefix === null ? [] : await findRecords(deps.store, 'tasks', { status: 'open', kind: { in: [...STAFF_CONTACT_KINDS] }, region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const items: ContactTaskItem[] = [];
  for (const t of tasks) {
    if (!staffMaySee(staff, t)) continue;
    const app = await readRecord(deps.store, 'applications', t.applicationId);
    if (!app || !isStaffContactKind(t.kind)) continue;
    if (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid })) continue;
    // a follow-up call of a registration that has ended is no longer owed
    if ((t.kind === 'followcall' || t.kind === 'verify_employment') && !(await registrationActive(deps, t))) continue;
    items.push({
      taskId: t.taskId, kind: t.kind, kindLabel: CONTACT_KIND_LABELS[t.kind], applicationId: t.applicationId, holderName: maskName(app.person.name),
      phoneMasked: app.person.phone ? maskPhone(String(app.person.phone)) : '', region: t.region, regionName: regionName(t.region) ?? t.region,
      dueDate: t.dueDate, dueDateUncertain: !!t.dueDateUncertain, overdue: t.dueDate < today,
      ...(t.finding ? { finding: String((t.finding as { text?: unknown }).text ?? ''), record: findingRecord(t.finding) } : {}),
    });
  }
  await audit(deps, 'listContactTasks', { count: items.length });
  return ok({ items, today });
}

async function registrationActive(deps: Deps, t: TaskRecord): Promise<boolean> {
  if (!t.personKey) return false;
  const kind = t.registrationKind === 'flexible' ? 'flexible' : 'unemployment';
  const reg = await readRecord(deps.store, 'registrations', registrationId(kind, t.personKey));
  return !!reg && reg.status === 'active' && reg.applicationId === t.applicationId;
}

async function taskInRegion(deps: Deps, taskId: string): Promise<{ task: TaskRecord; app: ApplicationRecord } | null> {
  const task = await readRecord(deps.store, 'tasks', taskId);
  if (!task || !isStaffContactKind(task.kind) || !staffMaySee(deps.caller.staff, task)) return null;
  const app = await readRecord(deps.store, 'applications', task.applicationId);
  return app ? { task, app } : null;
}

/** The full phone of one person, for the call about to be made; every reveal is audited. */
export async function revealContact(input: unknown, deps: Deps): Promise<Result<{ taskId: string; holderName: string; phone: string; landline?: string; email?: string; otherContact?: string }>> {
  const v = validate(taskRefSchema, input, TASK_FIELD_LABELS);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const found = await taskInRegion(deps, v.data.taskId);
  if (!found) return fail('NOT_FOUND', NOT_FOUND);
  if (await isOwnCase(deps.store, deps.caller.staff!, { personKey: found.app.personKey, filedBy: found.app.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
  // the phone is revealed for the call about to be made: once the task is closed there is no call
  if (found.task.status !== 'open') return fail('CONFLICT', '这条联系任务已经处理完毕，不能再查看联系方式');
  await audit(deps, 'revealContact', { taskId: v.data.taskId, personKey: found.task.personKey });
  const p = found.app.person;
  return ok({
    taskId: v.data.taskId, holderName: p.name, phone: String(p.phone ?? ''),
    ...(p.landline ? { landline: String(p.landline) } : {}), ...(p.email ? { email: String(p.email) } : {}), ...(p.otherContact ? { otherContact: String(p.otherContact) } : {}),
  });
}

const CHANNEL_TEXT: Record<string, string> = { phone: '电话', sms: '短信', visit: '上门', community: '通过社区', other: '' };

/**
 * One contact attempt, recorded on the registration's record of services; `close` also closes the task
 * (completeContactTask) and tells the citizen on the timeline. The first contact is owed once; a reached
 * person or a last attempt closes it — an unreachable attempt to be tried again is recorded without closing.
 */
async function recordAttempt(input: unknown, deps: Deps, close: boolean): Promise<Result<{ taskId: string; status: 'done' | 'open'; outcome: string; attempt: ContactAttempt }>> {
  const staff = deps.caller.staff!;
  const v = validate(contactAttemptSchema, input, { ...TASK_FIELD_LABELS, ...CONTACT_ATTEMPT_FIELD_LABELS });
  if (!v.ok) return fail('VALIDATION_FAILED', ruleFirstMessage(v.fields, v.message), v.fields);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const task = await readRecord(tx, 'tasks', v.data.taskId);
    if (!task || !isStaffContactKind(task.kind) || !staffMaySee(staff, task)) return fail('NOT_FOUND', NOT_FOUND);
    const owner = await readRecord(tx, 'applications', task.applicationId);
    if (await isOwnCase(tx, staff, { personKey: task.personKey ?? owner?.personKey, filedBy: owner?.openid ?? task.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
    if (task.status !== 'open') return fail('CONFLICT', '这条任务已经处理过了');
    const attempt = await recordAttemptInTx(tx, task, v.data, at, staff);
    if (close) {
      await writeRecord(tx, 'tasks', task.taskId, { ...task, status: 'done', outcome: v.data.outcome, note: v.data.note ?? null, doneAt: at, doneBy: staff.openid, doneByName: staff.name });
      const app = await readRecord(tx, 'applications', task.applicationId);
      if (app) {
        const how = CHANNEL_TEXT[v.data.channel] ?? '';
        // the citizen's timeline says what was done, in plain words (issue 20)
        const offered = v.data.offers.map((o) => `${labelOf(SERVICE_OFFERS, o.service) ?? o.service}（${o.outcome === 'accepted' ? '您已接受' : '您暂不需要'}）`);
        const what = v.data.outcome === 'reached'
          ? `工作人员已与您${how}联系${offered.length ? `，提供了${offered.join('、')}` : '，介绍了就业服务'}${v.data.nextStep ? `；下一步：${v.data.nextStep}` : ''}`
          : '工作人员尝试联系您未能接通，可拨打当地公共就业服务机构电话咨询';
        const step = recordEvent(app, 'services', at, what);
        if (step.ok) await writeRecord(tx, 'applications', app.applicationId, step.data);
        // a job heard of on the call never ends the registration by itself: the person is asked to report it
        if (v.data.outcome === 'reached' && (v.data.employmentStatus === 'employed' || v.data.employmentStatus === 'self_employed') && app.kind === 'unemployment') {
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
      taskId: task.taskId, personKey: task.personKey, outcome: v.data.outcome, channel: v.data.channel, offers: attempt.offers,
    });
    return ok({ taskId: task.taskId, status: close ? ('done' as const) : ('open' as const), outcome: v.data.outcome, attempt });
  });
}

/** Closes a contact or follow-up task with its outcome (recorded as an attempt). */
export async function completeContactTask(input: unknown, deps: Deps) {
  return recordAttempt(input, deps, true);
}

/** Records an attempt and leaves the task open (e.g. not reached, to try again later this month). */
export async function recordContactAttempt(input: unknown, deps: Deps) {
  return recordAttempt(input, deps, false);
}

export interface WorkbenchCounts {
  today: string;
  /** reminded: pending reviews the person has chased (催办, remindOffice) */
  reviews: { open: number; dueToday: number; overdue: number; reminded: number };
  tasks: { open: number; dueToday: number; overdue: number };
}

/**
 * The 工作台 counts of the staff member's region (issue 20): reviews waiting, due today, overdue; contact
 * tasks (first contact, monthly call, 核实就业状态) open, due today, overdue; reviews the person chased
 * (催办, service.handler.ts remindOffice). Counts only — no person is
 * named — so nothing to audit per person; the read itself is audited like every staff read.
 */
export async function getWorkbench(_input: unknown, deps: Deps): Promise<Result<WorkbenchCounts>> {
  const staff = deps.caller.staff!;
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const zero = { open: 0, dueToday: 0, overdue: 0 };
  if (prefix === null) return ok({ today, reviews: { ...zero, reminded: 0 }, tasks: zero });
  const region = { prefix };
  const kinds = { in: [...STAFF_CONTACT_KINDS] };
  const [rOpen, rToday, rLate, rReminded, tOpen, tToday, tLate] = await Promise.all([
    deps.store.count('applications', { status: 'pending_review', region }),
    deps.store.count('applications', { status: 'pending_review', region, dueDate: today }),
    deps.store.count('applications', { status: 'pending_review', region, dueDate: { lt: today } }),
    deps.store.count('applications', { status: 'pending_review', region, reminded: true }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region, dueDate: today }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region, dueDate: { lt: today } }),
  ]);
  await audit(deps, 'getWorkbench', {});
  return ok({ today, reviews: { open: rOpen, dueToday: rToday, overdue: rLate, reminded: rReminded }, tasks: { open: tOpen, dueToday: tToday, overdue: tLate } });
}
