/**
 * The one path every citizen submission takes (申领电子证, 失业登记, 灵活就业):
 *   schema (done by the caller) → idempotency → 实人核验 → outside-data checks → one transaction
 *   that stores the application, its timeline, its effects when approved, its message, and the
 *   answer under the requestId.
 * "No submission is lost or doubled": the same requestId from the same person returns the first
 * answer; a second submission of the same kind while one is active returns the active one
 * (docs/product.md decision table "no duplicate").
 */
import type { ApplicationKind, ApplicationView, Check, Result } from '@shared/api';
import { APPLICATION_KIND_LABEL } from '@shared/application-kinds';
import { outcomeEvent } from '@shared/events';
import { fail, ok } from '@shared/api';
import { addWorkingDays } from '@shared/calendar';
import { caseNoOf } from '@shared/case-no';
import { beijingDate } from '@shared/dates';
import { recordEvent, submitted, transition } from '@shared/lifecycle';
import { approveInTx, unconfirmedEndRefusal } from './approval';
import type { Deps } from './deps';
import { maskName } from '@shared/mask';
import { writeMessageInTx } from './messages';
import { bindInTx, bindingOf, mayActFor, otherBoundOpenids } from './person-access';
import type { ApplicationFields, ApplicationInLife, ApplicationRecord, PersonRecord, RequestRecord, StampedCommitment } from './records';
import type { StoreTx } from './store.port';
import { applicationView, senderView } from './views';
import { priorAnswer, requestKey } from './idempotency';
import { ActiveApplicationChangedError } from './conflicts';
import { ids, readRecord, writeRecord, type ApplicationLock } from './collections';

export interface SubmitSpec {
  kind: ApplicationKind;
  action: string;
  requestId: string;
  /** the person's answers: the validated form without its requestId and commitment (stored once) */
  person: PersonRecord;
  /** the written commitment, stamped (shared/commitment.ts) */
  commitment: StampedCommitment;
  /** county code whose staff handle it */
  region: string;
  /** working days staff have when the machine cannot approve (regional profile) */
  reviewDays: number;
  /** outside-data checks, already run (they are slow; never inside the transaction) */
  runChecks(): Promise<Check[]>;
  /** what else the checks found that approval needs (read after runChecks), kept on the application */
  found?(): Partial<ApplicationFields>;
  /** the in-app message for the outcome */
  message(app: ApplicationRecord): { title: string; body: string };
  /** answer for a person who already has the thing asked for (e.g. a valid certificate) */
  existing?(tx: StoreTx): Promise<ApplicationRecord | null>;
  /** a delegation id: a helper submits for the person who invited them (core/person-access.ts) */
  onBehalfOf?: string;
  /** 退回补正: the returned application this corrected submission replaces */
  correctsApplicationId?: string;
  /** view decoration (e.g. the certificate) */
  decorate?(tx: StoreTx | null, app: ApplicationRecord): Promise<ApplicationView>;
}

export const REAL_PERSON_REQUIRED = '为保护您的个人信息，请先完成本人实人核验（刷脸）后再提交';
/** An unbound sender whose submission meets the person's existing records: nothing of them is shown. */
export const HELD_FOR_SOMEONE_ELSE = '该证件号码已有正在办理或已办结的业务。为保护个人信息，请本人完成实人核验后查看；如有疑问，请携带本人证件到就近的公共就业服务窗口咨询。';
export const DELEGATION_INVALID = '代办授权无效或已被撤销，请家人重新邀请您代办';

/**
 * Takes the optional `onBehalfOf` (a delegation id) off a submission's input before the form's
 * schema sees it; a malformed one is a field error like any other.
 */
export function splitSubmissionExtras(input: unknown): {
  input: unknown; onBehalfOf?: string; correctsApplicationId?: string; error?: { field: string; message: string };
} {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { input };
  const { onBehalfOf, correctsApplicationId, ...rest } = input as Record<string, unknown>;
  const out: ReturnType<typeof splitSubmissionExtras> = { input: rest };
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(onBehalfOf)) {
    if (typeof onBehalfOf !== 'string' || onBehalfOf.length > 64) return { input: rest, error: { field: 'onBehalfOf', message: '代办授权编号无效，请从“家人代办”进入' } };
    out.onBehalfOf = onBehalfOf;
  }
  // 退回补正: the returned application this submission corrects
  if (given(correctsApplicationId)) {
    if (typeof correctsApplicationId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(correctsApplicationId)) {
      return { input: rest, error: { field: 'correctsApplicationId', message: CORRECTS_NOT_FOUND } };
    }
    out.correctsApplicationId = correctsApplicationId;
  }
  return out;
}

export const CORRECTS_NOT_FOUND = '没有找到要修改的申请，请从“进度查询”中打开它后再修改';

export async function submitApplication(spec: SubmitSpec, deps: Deps): Promise<Result<ApplicationView>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const key = requestKey(openid, spec.requestId);
  const personKey = deps.personKey(spec.person.idNumber);

  // a requestId belongs to one action and one person (core/idempotency.ts)
  const prior = priorAnswer(await readRecord(deps.store, 'requests', key), spec.action, personKey);
  if (prior.kind === 'reused') return prior.error;
  if (prior.kind === 'same') return ok(prior.record.answer as ApplicationView);

  // Knowing a name and an ID number is not enough (docs/identity.md "Who is who").
  const access = await mayActFor(deps, { name: spec.person.name, idNumber: spec.person.idNumber }, spec.onBehalfOf);
  if (!access.ok) return fail('FORBIDDEN', spec.onBehalfOf === undefined ? REAL_PERSON_REQUIRED : DELEGATION_INVALID);

  const lockKey = ids.applicationLock(spec.kind, personKey);

  // Skip the slow outside checks when the answer is already known (an active application).
  const activeLock = await deps.store.get<ApplicationLock>('locks', lockKey);
  // Nothing of the person's ends without their say (shared/registrations.ts): told before the slow checks.
  if (!activeLock) {
    const refused = await unconfirmedEndRefusal(deps.store, spec.kind, personKey, spec.person, 'citizen');
    if (refused) return refused;
  }
  const realPersonCheck: Check = access.as === 'self'
    ? { name: 'realPerson', passed: true, detail: `实人核验：${access.faceDetail}` }
    : { name: 'realPerson', passed: true, detail: `实人核验：代办人已通过本人核验，并经申请人本人授权代办` };
  const checks: Check[] = activeLock ? [] : [realPersonCheck, ...(await spec.runChecks())];
  // The openid is bound to the person only when the identity base matched too (person-access.ts).
  const bindNow = access.as === 'self' && checks.some((c) => c.name === 'identity' && c.passed);
  const others = bindNow ? await otherBoundOpenids(deps, personKey, openid) : [];
  const ownerOpenids = access.as === 'delegate' ? await otherBoundOpenids(deps, personKey, openid) : [];
  // Whether the answer may show what is held about the person (outside-data findings, the
  // certificate, another application): only to a bound openid or a delegate. Anyone else sees the
  // application they sent, redacted, and nothing else (core/person-access.ts "SENDER").
  const seesAll = access.as === 'delegate' || bindNow || !!(await bindingOf(deps, openid, personKey));

  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const again = priorAnswer(await readRecord(tx, 'requests', key), spec.action, personKey);
    if (again.kind === 'reused') return again.error;
    if (again.kind === 'same') return ok(again.record.answer as ApplicationView);

    // 退回补正: the returned application must be this person's (or this sender's: the correction may be
    // of the ID number itself), of the same kind, and still waiting for its correction
    let returned: ApplicationRecord | null = null;
    if (spec.correctsApplicationId) {
      returned = await readRecord(tx, 'applications', spec.correctsApplicationId);
      if (!returned || returned.kind !== spec.kind || (returned.personKey !== personKey && returned.openid !== openid)) {
        return fail('NOT_FOUND', CORRECTS_NOT_FOUND, { correctsApplicationId: CORRECTS_NOT_FOUND });
      }
      if (returned.status !== 'returned') {
        const why = returned.status === 'resubmitted' ? '这条申请已经修改并重新提交过了，请查看新的申请' : '这条申请没有被退回补正，不需要修改后重新提交';
        return fail('CONFLICT', why, { correctsApplicationId: why });
      }
    }

    // once per transaction: the answer binds too (answerWith), and a second bindInTx would only
    // read back and rewrite the binding this transaction just wrote
    let bound = false;
    const bind = async () => {
      if (!bindNow || bound) return;
      bound = true;
      await bindInTx(tx, deps, { openid, personKey, name: spec.person.name, at, via: 'face' }, others);
    };
    const answerWith = async (app: ApplicationRecord): Promise<Result<ApplicationView>> => {
      await bind();
      if (!seesAll && app.openid !== openid) return fail('CONFLICT', HELD_FOR_SOMEONE_ELSE);
      const view = !seesAll ? senderView(app) : spec.decorate ? await spec.decorate(tx, app) : applicationView(app);
      const record: RequestRecord = { openid, requestId: spec.requestId, action: spec.action, personKey, answer: view, at };
      await writeRecord(tx, 'requests', key, record);
      return ok(view);
    };

    const lock = await tx.get<ApplicationLock>('locks', lockKey);
    if (lock) {
      const active = await readRecord(tx, 'applications', lock.applicationId);
      if (active) return answerWith(active);
    }
    const already = spec.existing ? await spec.existing(tx) : null;
    if (already) return answerWith(already);
    if (checks.length === 0) {
      // The lock vanished between the first look and the transaction (e.g. a deregistration):
      // run the checks on the next try rather than approve without them.
      // (core/conflicts.ts: the dispatcher runs the submission again)
      throw new ActiveApplicationChangedError();
    }

    // Again inside the transaction: a registration of the other kind may have been approved meanwhile.
    const refused = await unconfirmedEndRefusal(tx, spec.kind, personKey, spec.person, 'citizen');
    if (refused) return refused;
    await bind();

    const approve = checks.every((c) => c.passed);
    const today = beijingDate(at);
    const due = approve ? null : addWorkingDays(today, spec.reviewDays);
    const start = submitted(at, returned ? `修改后重新提交（原申请 ${caseNoOf(returned.kind, returned.applicationId, beijingDate(returned.submittedAt))}）` : undefined);
    const base: ApplicationInLife = {
      applicationId: deps.newId(),
      kind: spec.kind,
      // `submitted` is never stored: the machine decides in this transaction (shared/lifecycle.ts)
      status: start.status,
      openid,
      personKey,
      requestId: spec.requestId,
      region: spec.region,
      submittedAt: at,
      approvedAt: null,
      dueDate: due ? due.date : null,
      dueDateUncertain: due ? due.uncertain : false,
      checks,
      timeline: start.timeline,
      person: spec.person,
      commitment: spec.commitment,
      ...(access.as === 'delegate' ? { onBehalfOf: access.delegation.delegationId } : {}),
      certificateNo: null,
      decision: null,
      reviewReasons: checks.filter((c) => !c.passed).map((c) => c.detail),
      ...(spec.found ? spec.found() : {}),
      ...(returned ? { correctsApplicationId: returned.applicationId } : {}),
    };
    const checked = must(recordEvent(base, 'checked', at, approve ? '系统比对全部通过' : '部分信息需工作人员核实'));
    // 秒办 and staff approval do the same things (core/approval.ts)
    const decided = approve ? await approveInTx(tx, checked, at, deps, { by: 'machine' }) : transition(checked, 'pending_review', at);
    if (!decided.ok) return decided;
    const app: ApplicationRecord = decided.data;
    await writeRecord(tx, 'applications', app.applicationId, app);
    await writeRecord(tx, 'locks', lockKey, { applicationId: app.applicationId, at });
    if (returned) {
      const moved = transition(returned, 'resubmitted', at, `已修改并重新提交（${caseNoOf(app.kind, app.applicationId, beijingDate(app.submittedAt))}）`);
      if (!moved.ok) return moved;
      await writeRecord(tx, 'applications', returned.applicationId, { ...moved.data, correctedByApplicationId: app.applicationId });
    }
    const msg = spec.message(app);
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid, personKey, event: outcomeEvent(spec.kind, app.status),
      title: msg.title, body: msg.body, at, applicationId: app.applicationId,
    });
    if (access.as === 'delegate') {
      // 代办: every action is recorded and told to the person (docs/identity.md "Family help").
      const helper = maskName(access.delegation.helperName ?? '');
      await writeRecord(tx, 'audit', deps.newId(), { at, citizenOpenid: openid, action: spec.action, personKey, applicationId: app.applicationId, onBehalfOf: access.delegation.delegationId, helperName: helper });
      for (const owner of ownerOpenids) {
        await writeMessageInTx(tx, {
          messageId: deps.newId(), openid: owner, personKey, event: 'delegation.acted',
          title: '代办提醒', body: `${helper}（您授权的代办人）已代您提交“${APPLICATION_KIND_LABEL[spec.kind]}”，当前状态：${app.status === 'approved' ? '已办结' : '待人工审核'}。如非您授权，请在“家人代办”中撤销授权。`,
          at, applicationId: app.applicationId,
        });
      }
    }
    return answerWith(app);
  });
}

/** A move the machine must allow here (a fresh application); a refusal would be a bug in the table. */
function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`lifecycle refused a move of a new application: ${r.error.message}`);
  return r.data;
}
