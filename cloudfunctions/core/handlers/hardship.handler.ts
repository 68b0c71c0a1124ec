/**
 * Staff side of 就业困难人员认定 (core/hardship.ts): the open requests of the region, and the decision.
 */
import { ruleFirstMessage } from '@shared/staff-text';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { HARDSHIP_STATUS_TEXT, type HardshipStatus } from '@shared/hardship';
import { maskIdNumber, maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { decideHardshipSchema, TASK_FIELD_LABELS } from '@shared/staff.schema';
import { validate } from '@shared/validate';
import { OWN_CASE_MESSAGE, isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import type { Deps } from '../deps';
import type { HardshipState } from '../hardship';
import { writeMessageInTx } from '../messages';
import { audit } from '../audit';
import { findRecords, messageIds, readRecord, writeRecord } from '../collections';
import type { HardshipItem } from '@shared/answers';
export type { HardshipItem };

/** The open 认定 requests of the staff member's region (not their own cases), masked, audited. */
export async function listHardshipRequests(_input: unknown, deps: Deps): Promise<Result<{ items: HardshipItem[] }>> {
  const staff = deps.caller.staff!;
  const prefix = regionQueryPrefix(staff);
  const tasks = prefix === null ? [] : await findRecords(deps.store, 'tasks', { kind: 'hardship', status: 'open', region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const items: HardshipItem[] = [];
  for (const t of tasks) {
    if (!staffMaySee(staff, t)) continue;
    const app = await readRecord(deps.store, 'applications', t.applicationId);
    if (!app || (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid }))) continue;
    items.push({
      taskId: t.taskId, applicationId: t.applicationId, holderName: maskName(app.person.name), idNumberMasked: maskIdNumber(app.person.idNumber),
      categories: Array.isArray(t.categories) ? (t.categories as string[]) : [], region: t.region, regionName: regionName(t.region) ?? t.region, requestedOn: t.dueDate,
    });
  }
  await audit(deps, 'listHardshipRequests', { count: items.length });
  return ok({ items });
}

/** Staff recognize the person as 就业困难人员, or not with the reason; once; the person is told. */
export async function decideHardship(input: unknown, deps: Deps): Promise<Result<{ taskId: string; status: HardshipStatus }>> {
  const staff = deps.caller.staff!;
  const v = validate(decideHardshipSchema, input, { ...TASK_FIELD_LABELS, recognized: '认定结果' });
  if (!v.ok) return fail('VALIDATION_FAILED', ruleFirstMessage(v.fields, v.message), v.fields);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const task = await readRecord(tx, 'tasks', v.data.taskId);
    if (!task || task.kind !== 'hardship' || !staffMaySee(staff, task)) return fail('NOT_FOUND', '没有找到这条认定申请');
    const app = await readRecord(tx, 'applications', task.applicationId);
    if (!app) return fail('NOT_FOUND', '没有找到这条认定申请');
    if (await isOwnCase(tx, staff, { personKey: app.personKey, filedBy: app.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
    if (task.status !== 'open') return fail('CONFLICT', '这条认定申请已经办结');
    const status: HardshipStatus = v.data.recognized ? 'recognized' : 'not_recognized';
    const categories = Array.isArray(task.categories) ? (task.categories as string[]) : [];
    await writeRecord(tx, 'tasks', task.taskId, { ...task, status: 'done', outcome: status, note: v.data.note ?? null, doneAt: at, doneBy: staff.openid, doneByName: staff.name });
    await writeRecord(tx, 'applications', app.applicationId, { ...app, hardship: { status, categories, ...(v.data.note ? { note: v.data.note } : {}), at: beijingIso(at) } satisfies HardshipState });
    await writeMessageInTx(tx, {
      messageId: messageIds.hardshipDecided(app.applicationId), openid: app.openid, personKey: app.personKey, event: `unemployment.hardship_${status}`,
      title: v.data.recognized ? '您已被认定为就业困难人员' : '就业困难人员认定结果',
      body: v.data.recognized
        ? '工作人员将为您制定就业援助计划，提供优先扶持和重点帮助；符合条件的可按规定申请相关补贴。'
        : `${HARDSHIP_STATUS_TEXT.not_recognized}。原因：${v.data.note}。您的失业登记不受影响，仍可享受各项公共就业服务；如有疑问可联系办理机构。`,
      at, applicationId: app.applicationId,
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'decideHardship', applicationId: app.applicationId, personKey: app.personKey, outcome: status });
    return ok({ taskId: task.taskId, status });
  });
}
