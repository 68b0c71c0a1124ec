/**
 * 一件事 (人社厅发〔2020〕79号 一(五): 失业登记与失业保险金申领"一件事"): a person who answered
 * `claimsUnemploymentInsurance: true` on the 失业人员登记表 has that claim handed to the
 * unemployment-insurance system when the 失业登记 is approved — not collected and dropped.
 *
 * Reliable like the message outbox: the approval's transaction writes the claim as a system task
 * (`tasks/insurance_claim:<applicationId>`, status `open`) and the application's `insuranceClaim`
 * (`queued`); the scheduler sends open claims through InsuranceClaimPort outside any transaction, then
 * records the answer. Sent twice (a crash after sending, before recording) is one claim there: the
 * claimId is the applicationId. A refusal (`retry: false`) or MAX_ATTEMPTS failures → `failed`, and the
 * region's reviewers are told; the person is told at each step in plain words.
 */
import { beijingDate, beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import type { Deps, StaffMember } from './deps';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord } from './records';
import { nearestStaff, PASS_SCAN_LIMIT, type TaskRecord } from './schedule';
import { runPass } from './paging';
import type { StoreTx } from './store.port';
import { createRecord, ids, messageIds, readRecord, writeRecord } from './collections';

export const MAX_ATTEMPTS = 8;
/** calls per scheduler run: each may wait for the remote system's timeout */
export const CLAIM_BUDGET = 50;

export type InsuranceClaimStatus = 'queued' | 'sent' | 'failed';

export interface InsuranceClaimState {
  status: InsuranceClaimStatus;
  reference?: string;
  /** Beijing time of the last change */
  at: string;
}

const claimTaskId = (applicationId: string) => ids.task('insurance_claim', applicationId);

/** In the approval's transaction: the claim to send, and the person told what happens next. */
export async function queueInsuranceClaimInTx(tx: StoreTx, app: ApplicationRecord, at: number): Promise<void> {
  const id = claimTaskId(app.applicationId);
  const task: TaskRecord = {
    taskId: id, kind: 'insurance_claim', status: 'open', applicationId: app.applicationId, personKey: app.personKey, openid: app.openid,
    region: app.region, dueDate: beijingDate(at), createdAt: at, attempts: 0,
  };
  if (!(await createRecord(tx, 'tasks', id, task))) return;
  app.insuranceClaim = { status: 'queued', at: beijingIso(at) } satisfies InsuranceClaimState;
  await writeMessageInTx(tx, {
    messageId: messageIds.insuranceClaimQueued(app.applicationId), openid: app.openid, personKey: app.personKey, event: 'unemployment.insurance_claim_queued',
    title: '失业保险金申领将转交失业保险经办机构',
    body: '您在失业登记时表示要申领失业保险金。我们会把您的申领转交给失业保险经办机构，不用您再跑一趟；转交后会再通知您受理编号。是否符合领取条件由失业保险经办机构审核。',
    at, applicationId: app.applicationId,
  });
}

/** The scheduler's pass: open claims sent, a bounded number per run, resumably. */
export async function deliverInsuranceClaims(deps: Deps, now: number): Promise<{ sent: number; retrying: number; failed: number }> {
  const out = { sent: 0, retrying: 0, failed: 0 };
  const port = deps.insuranceClaims;
  if (!port) return out;
  let staff: StaffMember[] | null = null;
  await runPass<TaskRecord>(deps, { pass: 'insurance-claims', collection: 'tasks', where: { kind: 'insurance_claim', status: 'open' }, orderField: 'dueDate', scanLimit: PASS_SCAN_LIMIT, budget: CLAIM_BUDGET }, async (t) => {
    const app = await readRecord(deps.store, 'applications', t.applicationId);
    if (!app) return false;
    const answer = await port.submit({
      claimId: app.applicationId, name: app.person.name, idType: app.person.idType, idNumber: app.person.idNumber,
      ...(app.person.phone ? { phone: String(app.person.phone) } : {}), region: app.region, registeredOn: beijingDate(app.approvedAt ?? app.submittedAt),
    }).catch((err: unknown) => ({ ok: false as const, retry: true, reason: err instanceof Error ? err.message : 'error' }));
    const attempts = (Number(t.attempts) || 0) + 1;
    const giveUp = !answer.ok && (!answer.retry || attempts >= MAX_ATTEMPTS);
    if (giveUp) staff ??= deps.staffDirectory ? await deps.staffDirectory.list() : [];
    const result = await deps.store.transaction(async (tx) => {
      const task = await readRecord(tx, 'tasks', t._id);
      const current = await readRecord(tx, 'applications', t.applicationId);
      if (!task || task.status !== 'open' || !current) return 'none' as const;
      const iso = beijingIso(now);
      if (answer.ok) {
        await writeRecord(tx, 'tasks', t._id, { ...task, status: 'done', attempts, reference: answer.reference, doneAt: now });
        await writeRecord(tx, 'applications', current.applicationId, { ...current, insuranceClaim: { status: 'sent', reference: answer.reference, at: iso } satisfies InsuranceClaimState });
        await writeMessageInTx(tx, {
          messageId: messageIds.insuranceClaimSent(current.applicationId), openid: current.openid, personKey: current.personKey, event: 'unemployment.insurance_claim_sent',
          title: '失业保险金申领已转交',
          body: `失业保险经办机构已收到您的申领，受理编号 ${answer.reference}。审核结果由失业保险经办机构告知您，也可拨打 12333 查询。`,
          at: now, applicationId: current.applicationId,
        });
        return 'sent' as const;
      }
      if (!giveUp) {
        await writeRecord(tx, 'tasks', t._id, { ...task, attempts, lastError: answer.reason });
        return 'retrying' as const;
      }
      await writeRecord(tx, 'tasks', t._id, { ...task, status: 'done', attempts, failed: true, lastError: answer.reason, doneAt: now });
      await writeRecord(tx, 'applications', current.applicationId, { ...current, insuranceClaim: { status: 'failed', at: iso } satisfies InsuranceClaimState });
      await writeMessageInTx(tx, {
        messageId: messageIds.insuranceClaimFailed(current.applicationId), openid: current.openid, personKey: current.personKey, event: 'unemployment.insurance_claim_failed',
        title: '失业保险金申领暂未转交成功',
        body: '您的失业保险金申领暂时没能转交给失业保险经办机构，工作人员会联系您协助办理，您不需要重新提交失业登记。',
        at: now, applicationId: current.applicationId,
      });
      for (const s of nearestStaff(staff ?? [], current.region, 'reviewer')) {
        await writeMessageInTx(tx, {
          messageId: messageIds.toStaff(messageIds.insuranceClaimFailed(current.applicationId), s.openid), openid: s.openid, personKey: null, recipient: 'staff',
          event: 'insurance_claim.failed', title: '失业保险金申领转交失败',
          body: `登记失业人员（${maskName(current.person.name)}，编号 ${current.applicationId}）的失业保险金申领未能转交失业保险经办机构，请协助办理。`,
          at: now, applicationId: current.applicationId,
        });
      }
      return 'failed' as const;
    });
    if (result === 'none') return false;
    out[result] += 1;
    // a call made is work done, whatever its answer: the pass stays bounded when the system is down
    return true;
  });
  return out;
}
