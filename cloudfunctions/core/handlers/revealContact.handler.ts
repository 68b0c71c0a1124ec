/** The full contact details of one person of an open task, for the call about to be made: own region, not an own case, audited (core/contact-tasks.ts). */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { OWN_CASE_MESSAGE, isOwnCase, staffMaySee } from '../access';
import { taskRefSchema, TASK_FIELD_LABELS } from '@shared/staff.schema';
import type { Deps } from '../deps';
import { isStaffContactKind } from '../contact-record';
import type { ApplicationRecord } from '../records';
import type { TaskRecord } from '../schedule';
import { audit } from '../audit';
import { readRecord } from '../collections';
import { NOT_FOUND } from '../contact-tasks';
import { defineHandler } from './handler';

async function taskInRegion(deps: Deps, taskId: string): Promise<{ task: TaskRecord; app: ApplicationRecord } | null> {
  const task = await readRecord(deps.store, 'tasks', taskId);
  if (!task || !isStaffContactKind(task.kind) || !staffMaySee(deps.caller.staff, task)) return null;
  const app = await readRecord(deps.store, 'applications', task.applicationId);
  return app ? { task, app } : null;
}

/** The full phone of one person, for the call about to be made; every reveal is audited. */
export const revealContact = defineHandler(taskRefSchema, async (input, deps): Promise<Result<{ taskId: string; holderName: string; phone: string; landline?: string; email?: string; otherContact?: string }>> => {
  const found = await taskInRegion(deps, input.taskId);
  if (!found) return fail('NOT_FOUND', NOT_FOUND);
  if (await isOwnCase(deps.store, deps.caller.staff!, { personKey: found.app.personKey, filedBy: found.app.openid })) return fail('FORBIDDEN', OWN_CASE_MESSAGE);
  // the phone is revealed for the call about to be made: once the task is closed there is no call
  if (found.task.status !== 'open') return fail('CONFLICT', '这条联系任务已经处理完毕，不能再查看联系方式');
  await audit(deps, 'revealContact', { taskId: input.taskId, personKey: found.task.personKey });
  const p = found.app.person;
  return ok({
    taskId: input.taskId, holderName: p.name, phone: String(p.phone ?? ''),
    ...(p.landline ? { landline: String(p.landline) } : {}), ...(p.email ? { email: String(p.email) } : {}), ...(p.otherContact ? { otherContact: String(p.otherContact) } : {}),
  });
}, { labels: TASK_FIELD_LABELS });
