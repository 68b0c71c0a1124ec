/**
 * The record of contacts and services of a 失业登记 (shared/contact-record.ts says what it proves), and the
 * staff side of the monthly follow-up: each month of an active registration opens a `followcall` task —
 * a call staff make and record with the same outcome form as the first contact (人社厅发〔2020〕79号 一(四)
 * 每月开展1次跟踪调查; 大人社规发〔2025〕2号 三(三) 每月至少…一次电话回访). The scheduler's reminder message to the
 * person stays as it is (schedule.ts); this module only adds what staff do and what they record.
 *
 * One document per registration in `services`, id = the registration's applicationId (the registration
 * of one approval: a person registered twice has two records).
 */
import { addDays, beijingDate } from '@shared/dates';
import type { ContactAttempt, ContactAttemptInput, ServiceRecord } from '@shared/contact-record';
import type { StaffMember } from './deps';
import type { TaskRecord } from './schedule';
import { createRecord, ids, readRecord, writeRecord } from './collections';
import type { StoreTx } from './store.port';

/** Staff tasks that are a contact with the person, listed together and closed with the outcome form. */
export const STAFF_CONTACT_KINDS = ['contact', 'followcall', 'verify_employment'] as const;
export type StaffContactKind = (typeof STAFF_CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Readonly<Record<StaffContactKind, string>> = {
  contact: '登记后首次联系',
  followcall: '每月跟踪回访',
  // core/comparison.ts: a record seen in the daily comparison, to be checked with the person
  verify_employment: '核实就业状态',
};

export const isStaffContactKind = (kind: unknown): kind is StaffContactKind => (STAFF_CONTACT_KINDS as readonly unknown[]).includes(kind);

export async function serviceRecordOf(read: Pick<StoreTx, 'get'>, applicationId: string): Promise<ServiceRecord | null> {
  return readRecord(read, 'services', applicationId);
}

/** Appends one attempt, stamped `at` by the server clock, to the registration's record. */
export async function recordAttemptInTx(tx: StoreTx, task: TaskRecord, input: ContactAttemptInput, at: number, staff: StaffMember): Promise<ContactAttempt> {
  const attempt: ContactAttempt = {
    at, date: beijingDate(at), taskId: task.taskId, taskKind: task.kind, channel: input.channel, reached: input.outcome === 'reached',
    note: input.note ?? null, offers: input.outcome === 'reached' ? input.offers : [], by: staff.openid, byName: staff.name,
    ...(input.outcome === 'reached'
      ? { employmentStatus: input.employmentStatus ?? null, skills: input.skills ?? null, intentions: input.intentions ?? null, nextStep: input.nextStep ?? null }
      : {}),
  };
  const prev = await serviceRecordOf(tx, task.applicationId);
  const record: ServiceRecord = {
    applicationId: task.applicationId, personKey: prev?.personKey ?? task.personKey ?? '', region: prev?.region ?? task.region,
    attempts: [...(prev?.attempts ?? []), attempt],
  };
  await writeRecord(tx, 'services', task.applicationId, record);
  return attempt;
}

/**
 * The staff call of one month's follow-up, due the day before the next month's (so each month has its
 * own), created once per month (deterministic id) when the scheduler sends that month's reminder.
 */
export async function openFollowUpCallInTx(tx: StoreTx, followUp: TaskRecord, monthDate: string, nextDate: string, at: number): Promise<void> {
  const task: TaskRecord = {
    taskId: ids.followCallTask(followUp.applicationId, monthDate), kind: 'followcall', status: 'open',
    applicationId: followUp.applicationId, personKey: followUp.personKey, openid: followUp.openid, region: followUp.region,
    dueDate: addDays(nextDate, -1), createdAt: at,
  };
  await createRecord(tx, 'tasks', task.taskId, task);
}
