/** Staff side of 就业困难人员认定 (core/hardship.ts): recognized, or not with the reason; once; the person is told. */
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { HARDSHIP_STATUS_TEXT, type HardshipStatus } from '@shared/hardship';
import { decideHardshipSchema, TASK_FIELD_LABELS } from '@shared/staff.schema';
import { ruleFirstMessage } from '@shared/staff-text';
import { OWN_CASE_MESSAGE, isOwnCase, staffMaySee } from '../access';
import { messageIds, readRecord, writeRecord } from '../collections';
import type { HardshipState } from '../hardship';
import { writeMessageInTx } from '../messages';
import { defineHandler } from './handler';

export const decideHardship = defineHandler(decideHardshipSchema, async (input, deps) => {
  const staff = deps.caller.staff!;
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const task = await readRecord(tx, 'tasks', input.taskId);
    if (!task || task.kind !== 'hardship' || !staffMaySee(staff, task)) return fail('NOT_FOUND', '没有找到这条认定申请');
    const app = await readRecord(tx, 'applications', task.applicationId);
    if (!app) return fail('NOT_FOUND', '没有找到这条认定申请');
    if (await isOwnCase(tx, staff, { personKey: app.personKey, filedBy: app.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
    if (task.status !== 'open') return fail('CONFLICT', '这条认定申请已经办结');
    const status: HardshipStatus = input.recognized ? 'recognized' : 'not_recognized';
    const categories = Array.isArray(task.categories) ? (task.categories as string[]) : [];
    await writeRecord(tx, 'tasks', task.taskId, { ...task, status: 'done', outcome: status, note: input.note ?? null, doneAt: at, doneBy: staff.openid, doneByName: staff.name });
    await writeRecord(tx, 'applications', app.applicationId, { ...app, hardship: { status, categories, ...(input.note ? { note: input.note } : {}), at: beijingIso(at) } satisfies HardshipState });
    await writeMessageInTx(tx, {
      messageId: messageIds.hardshipDecided(app.applicationId), openid: app.openid, personKey: app.personKey, event: `unemployment.hardship_${status}`,
      title: input.recognized ? '您已被认定为就业困难人员' : '就业困难人员认定结果',
      body: input.recognized
        ? '工作人员将为您制定就业援助计划，提供优先扶持和重点帮助；符合条件的可按规定申请相关补贴。'
        : `${HARDSHIP_STATUS_TEXT.not_recognized}。原因：${input.note}。您的失业登记不受影响，仍可享受各项公共就业服务；如有疑问可联系办理机构。`,
      at, applicationId: app.applicationId,
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'decideHardship', applicationId: app.applicationId, personKey: app.personKey, outcome: status });
    return ok({ taskId: task.taskId, status });
  });
}, { labels: { ...TASK_FIELD_LABELS, recognized: '认定结果' }, message: ruleFirstMessage });
