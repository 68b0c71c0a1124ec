/**
 * 就业困难人员认定 with the 失业登记 (shared/hardship.ts): approval of a 失业登记 whose person declared a
 * 人员类别 that usually qualifies opens a request for the region's staff (`tasks/hardship:<applicationId>`)
 * and tells the person; staff recognize it or not (with the reason), and the person is told. The state
 * is kept on the application (`hardship`) so 进度查询 shows it. Staff actions:
 * handlers/listHardshipRequests.handler.ts, handlers/decideHardship.handler.ts.
 */
import { beijingIso } from '@shared/dates';
import { hardshipCategories, type HardshipStatus } from '@shared/hardship';
import { createRecord, ids, messageIds } from './collections';
import { writeMessageInTx } from './messages';
import { answersOf, type ApplicationRecord } from './records';
import type { TaskRecord } from './schedule';
import type { StoreTx } from './store.port';

export interface HardshipState {
  status: HardshipStatus;
  categories: string[];
  note?: string;
  /** Beijing time of the last change */
  at: string;
}

const hardshipTaskId = (applicationId: string) => ids.task('hardship', applicationId);

/** In the approval's transaction: a request for staff when a declared category usually qualifies. */
export async function openHardshipRequestInTx(tx: StoreTx, app: ApplicationRecord, at: number): Promise<void> {
  const categories = hardshipCategories(answersOf(app).personCategories);
  if (categories.length === 0) return;
  const id = hardshipTaskId(app.applicationId);
  const task: TaskRecord = {
    taskId: id, kind: 'hardship', status: 'open', applicationId: app.applicationId, personKey: app.personKey, openid: app.openid,
    region: app.region, dueDate: beijingIso(at).slice(0, 10), createdAt: at, categories,
  };
  if (!(await createRecord(tx, 'tasks', id, task))) return;
  app.hardship = { status: 'requested', categories, at: beijingIso(at) } satisfies HardshipState;
  await writeMessageInTx(tx, {
    messageId: messageIds.hardshipRequested(app.applicationId), openid: app.openid, personKey: app.personKey, event: 'unemployment.hardship_requested',
    title: '就业困难人员认定已同时申请',
    body: `您登记时选择了“${categories.join('、')}”。我们已同时为您申请就业困难人员认定，由工作人员核实，不需要您另外提交材料；认定后可按规定享受就业援助和相关补贴。结果会通知您。`,
    at, applicationId: app.applicationId,
  });
}

