/**
 * What approval of each kind does — the one place that says it, for 秒办 (core/submit.ts) and for
 * staff approval (decideApplication) alike. Every move of the application goes through the state
 * machine of shared/lifecycle.ts (`transition`); every move of a registration through
 * core/registrations.ts, which uses the same machine.
 *
 *   certificate   → issue the 《就业创业证》 (大人社规发〔2025〕2号 一(二) 即时出证)
 *   unemployment  → end an active 灵活就业登记 (灵活就业转失业, 吉人社函字〔2018〕175号 二(三)), open the
 *                   失业登记, issue the certificate, start the after-registration schedule
 *                   (人社厅发〔2020〕79号 一(三)(四): contact task, service lists, monthly follow-up)
 *   flexible      → end an active 失业登记 (AJC00A 13), open the 灵活就业登记, issue the certificate
 *
 * A registration of the other kind only ends when the person confirmed it on the form
 * (shared/registrations.ts SUPERSEDES); otherwise the approval is refused, nothing changes.
 */
import type { ApplicationKind, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { transition } from '@shared/lifecycle';
import { INCOME_NEEDED, REGISTRATION_KIND_LABEL, SUPERSEDES, endsWarning, type RegistrationKind } from '@shared/registrations';
import { ids } from './collections';
import { issueCertificateInTx } from './certificates';
import type { Deps } from './deps';
import { answersOf, type ApplicationInLife, type ApplicationRecord } from './records';
import { activeRegistrationInTx, endRegistrationInTx, openRegistrationInTx } from './registrations';
import { openHardshipRequestInTx } from './hardship';
import { queueInsuranceClaimInTx } from './insurance-claims';
import { afterApprovalInTx } from './follow-ups';
import type { StoreTx } from './store.port';

/** The registration approval of each kind opens (null: none). */
export const OPENS: Readonly<Record<ApplicationKind, RegistrationKind | null>> = Object.freeze({
  certificate: null,
  unemployment: 'unemployment',
  flexible: 'flexible',
});

/**
 * The certificate is issued in the county the person lives in (大人社规发〔2025〕2号 一(一): 常住地), whichever
 * office handled the application; the application's own region when no residence was given.
 */
export async function issueInResidenceCountyInTx(tx: StoreTx, app: ApplicationRecord, at: number): Promise<void> {
  const region = (app.person.residenceAddress as { regionCode?: string } | undefined)?.regionCode ?? app.region;
  const { certificate } = await issueCertificateInTx(tx, { personKey: app.personKey, person: app.person, region, applicationId: app.applicationId, at, prior: app.priorCertificate ?? null });
  app.certificateNo = certificate.certificateNo;
}

/**
 * Refusal when approving `kind` would end the person's active registration of the other kind
 * without their confirmation on the form; null when nothing would end or they confirmed.
 * `who` words it for the citizen at submission or for the reviewer at approval.
 */
export async function unconfirmedEndRefusal(
  read: Pick<StoreTx, 'get'>, kind: ApplicationKind, personKey: string, form: Record<string, unknown>, who: 'citizen' | 'staff',
): Promise<Result<never> | null> {
  const opens = OPENS[kind];
  if (!opens) return null;
  const active = await activeRegistrationInTx(read, personKey);
  if (!active || active.kind === opens) return null;
  const s = SUPERSEDES[opens];
  // AJC00A 13 says the income reaches the 最低生活保障标准: it is asked, not assumed.
  const incomeKnown = opens !== 'flexible' || form.incomeAtLeastMinimumLiving === true;
  if (form[s.confirmField] === true && incomeKnown) return null;
  const since = beijingDate(active.since);
  if (who === 'citizen') {
    const incomeField: Record<string, string> = incomeKnown ? {} : { incomeAtLeastMinimumLiving: INCOME_NEEDED };
    if (form[s.confirmField] === true) return fail('CONFLICT', INCOME_NEEDED, incomeField);
    const message = endsWarning(opens, since);
    return fail('CONFLICT', message, { [s.confirmField]: message, ...incomeField });
  }
  return fail('CONFLICT', `申请人现有 ${since} 起有效的${REGISTRATION_KIND_LABEL[s.ends]}，批准本申请将终止该登记，但申请人提交时未确认终止，不能批准。同一时间只能有一项登记（${s.citation}）；请联系申请人确认后重新提交。`);
}

export type Approver = { by: 'machine' } | { by: 'staff'; note?: string };

/**
 * Approves `app` inside the caller's transaction and applies everything approval of its kind does.
 * Returns the approved record (the caller stores it) or a CONFLICT the caller returns as is.
 */
export async function approveInTx(tx: StoreTx, app: ApplicationInLife, at: number, deps: Deps, approver: Approver): Promise<Result<ApplicationRecord>> {
  const refusal = await unconfirmedEndRefusal(tx, app.kind, app.personKey, answersOf(app), approver.by === 'machine' ? 'citizen' : 'staff');
  if (refusal) return refusal;
  const note = approver.by === 'machine' ? '秒办：系统自动办结' : `经办人员审核通过${approver.note ? `：${approver.note}` : ''}`;
  const moved = transition(app, 'approved', at, note);
  if (!moved.ok) return moved;
  const approved: ApplicationRecord = { ...moved.data, approvedAt: at };

  const opens = OPENS[app.kind];
  if (opens) {
    const active = await activeRegistrationInTx(tx, app.personKey);
    if (active && active.kind !== opens) {
      const s = SUPERSEDES[opens];
      await endRegistrationInTx(tx, {
        kind: s.ends, personKey: app.personKey, reasonCode: s.reasonCode, reasonText: s.reasonText,
        note: `办理${REGISTRATION_KIND_LABEL[opens]}，申请人已确认终止${REGISTRATION_KIND_LABEL[s.ends]}（${s.citation}）`,
        at, by: 'system', byName: `系统（${REGISTRATION_KIND_LABEL[opens]}）`, messageId: deps.newId(),
      });
    }
    await openRegistrationInTx(tx, opens, approved, at);
  }
  await issueInResidenceCountyInTx(tx, approved, at);
  await afterApprovalInTx(tx, approved, at, deps);
  // 一件事 (人社厅发〔2020〕79号 一(五)): the 失业保险金 claim the person asked for goes on to its system
  if (approved.kind === 'unemployment' && answersOf(approved).claimsUnemploymentInsurance === true) await queueInsuranceClaimInTx(tx, approved, at);
  // … and the 就业困难人员认定 a declared 人员类别 suggests (shared/hardship.ts), for staff to decide
  if (approved.kind === 'unemployment') await openHardshipRequestInTx(tx, approved, at);
  return ok(approved);
}

/**
 * 退回补正 (issue 20): back to the person with what to correct. Like a rejection it frees the person's
 * lock for the kind, so the corrected submission (`correctsApplicationId`) can be made at once.
 */
export async function returnInTx(tx: StoreTx, app: ApplicationRecord, at: number, note: string): Promise<Result<ApplicationRecord>> {
  const moved = transition(app, 'returned', at, `请修改：${note}`);
  if (!moved.ok) return moved;
  await tx.remove('locks', ids.applicationLock(app.kind, app.personKey));
  return ok(moved.data);
}

/** Staff rejection: the move, and the lock released so the person may apply again. */
export async function rejectInTx(tx: StoreTx, app: ApplicationRecord, at: number, note: string): Promise<Result<ApplicationRecord>> {
  const moved = transition(app, 'rejected', at, note);
  if (!moved.ok) return moved;
  await tx.remove('locks', ids.applicationLock(app.kind, app.personKey));
  return ok(moved.data);
}
