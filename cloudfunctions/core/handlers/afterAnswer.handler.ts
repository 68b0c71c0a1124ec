/**
 * After the first answer (人社厅发〔2020〕79号 二(六): the closed loop "申请—登记—服务—退出"): a citizen
 * withdraws a pending application, asks for a review (复核) of a rejection by another staff member,
 * reports a job or a change themselves (鞍人社〔2020〕21号 五), and changes their details on an active
 * registration. Each is idempotent by `requestId` (one action per requestId), refuses what the
 * person's state does not allow with a 409 that says what to do instead, and moves the application
 * only through shared/lifecycle.ts.
 */
import type { ApplicationView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { addWorkingDays } from '@shared/calendar';
import { beijingDate, beijingIso } from '@shared/dates';
import { transition } from '@shared/lifecycle';
import { maskName } from '@shared/mask';
import { profileFor } from '@shared/region-profiles';
import { regionName } from '@shared/regions';
import { REGISTRATION_KIND_LABEL, type RegistrationKind } from '@shared/registrations';
import {
  SELF_REPORT_LABELS, makeReportEmploymentSchema, returnedQuerySchema, reviewRequestSchema, updateRegistrationSchema, withdrawSchema,
} from '@shared/after-answer.schema';
import { validate } from '@shared/validate';
import { ids, messageIds, readRecord, writeRecord, type ApplicationLock } from '../collections';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import { accessTo, boundPersonKeys } from '../person-access';
import type { ApplicationRecord, RegistrationRecord, RequestRecord } from '../records';
import { endRegistrationInTx, registrationId } from '../registrations';
import { nearestStaff } from '../schedule';
import type { StoreTx } from '../store.port';
import { applicationView } from '../views';
import type { ReturnedApplication, ReportEmploymentAnswer, UpdateRegistrationAnswer } from '@shared/answers';
export type { ReturnedApplication, ReportEmploymentAnswer, UpdateRegistrationAnswer };

const NOT_FOUND = '没有找到这条申请记录，请核对后再查';
/** 人社厅发〔2020〕79号 一(三): decided within the region's working days; a review gets the same time again. */
const reviewDaysOf = (app: ApplicationRecord): number => {
  const p = profileFor(app.region);
  return app.kind === 'flexible' ? p.flexibleReviewDays : app.kind === 'unemployment' ? p.unemploymentReviewDays : p.certificateReviewDays;
};

/**
 * One answer per requestId, and a requestId belongs to one action: its reuse with another action is
 * refused, never answered with the other action's result.
 */
async function idempotent<T>(deps: Deps, action: string, requestId: string, run: (tx: StoreTx, at: number) => Promise<Result<T>>): Promise<Result<T>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const key = ids.request(openid, requestId);
  const seen = (r: RequestRecord | null): Result<T> | null => {
    if (!r) return null;
    if (r.action !== action) return fail('CONFLICT', '这个提交编号已用于另一项业务，请刷新页面后重新操作');
    return ok(r.answer as T);
  };
  const prior = seen(await readRecord(deps.store, 'requests', key));
  if (prior) return prior;
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const again = seen(await readRecord(tx, 'requests', key));
    if (again) return again;
    const out = await run(tx, at);
    if (out.ok) await writeRecord(tx, 'requests', key, { openid, requestId, action, answer: out.data, at } satisfies RequestRecord);
    return out;
  });
}

/** The application, when the caller sent it or may act for its person; else null (answered NOT_FOUND). */
async function ownApplication(deps: Deps, tx: Pick<StoreTx, 'get'>, applicationId: string): Promise<ApplicationRecord | null> {
  const app = await readRecord(tx, 'applications', applicationId);
  if (!app) return null;
  if (app.openid === deps.caller.openid) return app;
  return (await accessTo(deps, app.personKey)) ? app : null;
}

/**
 * 退回补正: the caller's own returned application with their answers, so the form opens pre-filled
 * (issue 20). Only while it is `returned`, only to the sender or the person's bound or invited
 * accounts — the same rule as every citizen read. The caller's own data, so nothing is masked.
 */
export async function getReturnedApplication(input: unknown, deps: Deps): Promise<Result<ReturnedApplication>> {
  const v = validate(returnedQuerySchema, input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const app = await ownApplication(deps, deps.store, v.data.applicationId);
  if (!app) return fail('NOT_FOUND', NOT_FOUND);
  if (app.status !== 'returned') {
    return fail('CONFLICT', app.status === 'resubmitted' ? '这条申请已经修改并重新提交过了，请查看新的申请' : '这条申请没有被退回补正，不需要修改后重新提交');
  }
  const { commitment: _c, requestId: _r, ...form } = app.form as Record<string, unknown>;
  const view = applicationView(app);
  return ok({ applicationId: app.applicationId, caseNo: view.caseNo, kind: app.kind, returnedFor: view.returnedFor ?? '', form: { ...form, ...app.person } });
}

export async function withdrawApplication(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const v = validate(withdrawSchema, input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  return idempotent(deps, 'withdrawApplication', v.data.requestId, async (tx, at) => {
    const app = await ownApplication(deps, tx, v.data.applicationId);
    if (!app) return fail('NOT_FOUND', NOT_FOUND);
    // a returned application (退回补正) may be withdrawn too, instead of being corrected
    if (app.status !== 'pending_review' && app.status !== 'returned') {
      return fail('CONFLICT', app.status === 'withdrawn' ? '这条申请已经撤回' : app.status === 'resubmitted' ? '这条申请已修改并重新提交，请撤回新的申请' : '这条申请已经办结，不能撤回；如需变更，请在“我的登记”中办理');
    }
    const moved = transition(app, 'withdrawn', at, '申请人撤回');
    if (!moved.ok) return moved;
    const done: ApplicationRecord = { ...moved.data, dueDate: null };
    await writeRecord(tx, 'applications', done.applicationId, done);
    // the person may apply again at once: the lock that kept a second submission out is released
    // (a returned application holds none; removing the person's lock then would free another one's)
    if (app.status === 'pending_review') await tx.remove('locks', ids.applicationLock(app.kind, app.personKey));
    const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
    await writeMessageInTx(tx, {
      messageId: messageIds.withdrawn(app.applicationId), openid: app.openid, personKey: app.personKey, event: `${app.kind}.withdrawn`,
      title: `您已撤回${what}`, body: `您于 ${beijingDate(at)} 撤回了${what}，工作人员不再审核。您可以随时重新申请。`,
      at, applicationId: app.applicationId,
    });
    return ok(applicationView(done));
  });
}

export async function requestReview(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const v = validate(reviewRequestSchema, input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  return idempotent(deps, 'requestReview', v.data.requestId, async (tx, at) => {
    const app = await ownApplication(deps, tx, v.data.applicationId);
    if (!app) return fail('NOT_FOUND', NOT_FOUND);
    if (app.status !== 'rejected') return fail('CONFLICT', '只有未通过的申请可以申请复核');
    if (app.review) return fail('CONFLICT', '这条申请已经复核过一次；如对复核结果有异议，可依法申请行政复议或者提起行政诉讼');
    const lockKey = ids.applicationLock(app.kind, app.personKey);
    const lock = await tx.get<ApplicationLock>('locks', lockKey);
    if (lock && lock.applicationId !== app.applicationId) return fail('CONFLICT', '您已重新提交了同类申请，请在新的申请中查看进度');
    const due = addWorkingDays(beijingDate(at), reviewDaysOf(app));
    const moved = transition(app, 'pending_review', at, `申请复核：${v.data.reason}`);
    if (!moved.ok) return moved;
    const done: ApplicationRecord = {
      ...moved.data, dueDate: due.date, dueDateUncertain: due.uncertain, decision: null,
      // separation of duties: the review goes to another staff member than the one who decided
      review: { requestedAt: at, reason: v.data.reason, excludedStaff: app.decision?.by ?? null, previousDecision: app.decision },
      reviewReasons: [`申请人申请复核：${v.data.reason}`, ...app.reviewReasons],
    };
    await writeRecord(tx, 'applications', done.applicationId, done);
    await writeRecord(tx, 'locks', lockKey, { applicationId: app.applicationId, at });
    const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
    await writeMessageInTx(tx, {
      messageId: messageIds.reviewRequested(app.applicationId), openid: app.openid, personKey: app.personKey, event: `${app.kind}.review_requested`,
      title: `${what}复核申请已受理`, body: `将由原审核人以外的工作人员复核，于 ${due.date} 前答复。`,
      at, applicationId: app.applicationId,
    });
    return ok(applicationView(done));
  });
}

/** The caller's own active 失业登记 (a bound person of theirs). */
async function myActiveRegistration(deps: Deps, tx: StoreTx, kinds: readonly RegistrationKind[]): Promise<(RegistrationRecord & { openid?: string; person?: { name?: string } }) | null> {
  for (const personKey of await boundPersonKeys(deps)) {
    for (const kind of kinds) {
      const reg = await tx.get<RegistrationRecord & { openid?: string }>('registrations', registrationId(kind, personKey));
      if (reg && reg.status === 'active') return reg;
    }
  }
  return null;
}

async function tellStaffInTx(tx: StoreTx, deps: Deps, region: string, m: { id: string; title: string; body: string; at: number; applicationId: string }): Promise<void> {
  const staff = deps.staffDirectory ? await deps.staffDirectory.list() : [];
  let to = nearestStaff(staff, region, 'reviewer');
  if (to.length === 0) to = nearestStaff(staff, region, 'admin');
  for (const s of to) {
    await writeMessageInTx(tx, {
      messageId: messageIds.toStaff(m.id, s.openid), openid: s.openid, personKey: null, recipient: 'staff', event: 'registration.staff_notice',
      title: m.title, body: m.body, at: m.at, applicationId: m.applicationId,
    });
  }
}

/** 鞍人社〔2020〕21号 五: the person reports a job or a change; the 失业登记 ends with that code as their own declaration. */
export async function reportEmployment(input: unknown, deps: Deps): Promise<Result<ReportEmploymentAnswer>> {
  const v = validate(makeReportEmploymentSchema(beijingDate(deps.clock.now())), input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const { situation, unit, since } = v.data;
  return idempotent(deps, 'reportEmployment', v.data.requestId, async (tx, at) => {
    const reg = await myActiveRegistration(deps, tx, ['unemployment']);
    if (!reg) return fail('CONFLICT', '您目前没有有效的失业登记，无需申报；如已办理灵活就业登记，可在“我的登记”中查看');
    const reasonText = SELF_REPORT_LABELS[situation];
    const note = `本人申报：${reasonText}${unit ? `，${unit}` : ''}，${since} 起`;
    const ended = await endRegistrationInTx(tx, {
      kind: 'unemployment', personKey: reg.personKey, reasonCode: situation, reasonText, note, at,
      // recorded as the person's own declaration, not a staff decision
      by: `self:${deps.caller.openid}`, byName: '本人网上申报', messageId: messageIds.selfReport(reg.registrationId),
    });
    if (!ended) return fail('CONFLICT', '您的失业登记刚刚发生了变化，请刷新后查看');
    await tellStaffInTx(tx, deps, reg.region, {
      id: messageIds.selfReport(reg.registrationId), at, applicationId: reg.applicationId,
      title: '登记失业人员本人申报就业', body: `${maskName(String(reg.person?.name ?? ''))}（登记编号尾号 ${reg.applicationId.slice(-6)}）本人申报：${reasonText}，${since} 起。失业登记已按本人申报注销。`,
    });
    return ok({ registrationId: ended.registrationId, status: 'deregistered' as const, reasonCode: situation, reasonText, endedAt: beijingIso(at) });
  });
}

const CHANGE_WORDS: Record<string, string> = { phone: '手机号码', residenceAddress: '常住地址', jobIntentions: '求职意向', skills: '技能特长' };

/** Change phone, residence, job intentions or skills on the active registration; recorded in its history. */
export async function updateMyRegistration(input: unknown, deps: Deps): Promise<Result<UpdateRegistrationAnswer>> {
  const v = validate(updateRegistrationSchema, input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const { requestId, ...changes } = v.data;
  return idempotent(deps, 'updateMyRegistration', requestId, async (tx, at) => {
    const reg = await myActiveRegistration(deps, tx, ['unemployment', 'flexible']);
    if (!reg) return fail('CONFLICT', '您目前没有有效的登记；请先办理失业登记或灵活就业登记');
    const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
    const app = await readRecord(tx, 'applications', reg.applicationId);
    const oldCounty = (app?.person.residenceAddress as { regionCode?: string } | undefined)?.regionCode ?? reg.region;
    const newCounty = changes.residenceAddress?.regionCode ?? oldCounty;
    const regionChanged = newCounty !== oldCounty;
    const details = { ...((reg.details as Record<string, unknown> | undefined) ?? {}), ...Object.fromEntries(changed.map((k) => [k, (changes as Record<string, unknown>)[k]])) };
    // the history says what changed and when, never the values (they are personal data)
    const history = [...((reg.changes as unknown[] | undefined) ?? []), { at, fields: changed, by: deps.caller.openid }];
    await writeRecord(tx, 'registrations', registrationId(reg.kind, reg.personKey), { ...reg, details, changes: history });
    if (app) {
      // staff call the number on the application: it must be the current one
      const person = { ...app.person, ...(changes.phone ? { phone: changes.phone } : {}), ...(changes.residenceAddress ? { residenceAddress: changes.residenceAddress } : {}) };
      await writeRecord(tx, 'applications', app.applicationId, { ...app, person });
    }
    const words = changed.map((k) => CHANGE_WORDS[k] ?? k).join('、');
    await writeMessageInTx(tx, {
      messageId: messageIds.registrationUpdated(reg.registrationId, at), openid: reg.openid ?? deps.caller.openid!, personKey: reg.personKey, event: 'registration.updated',
      title: `${REGISTRATION_KIND_LABEL[reg.kind]}信息已更新`, body: `您于 ${beijingDate(at)} 更新了${words}。`, at, applicationId: reg.applicationId,
    });
    if (regionChanged) {
      // 登记失业地 stays where the person registered; both offices are told of the move
      for (const region of new Set([reg.region, newCounty])) {
        await tellStaffInTx(tx, deps, region, {
          id: messageIds.moved(reg.registrationId, at, region), at, applicationId: reg.applicationId,
          title: '登记人员常住地变更', body: `${maskName(String(reg.person?.name ?? ''))}的常住地已由 ${regionName(oldCounty) ?? oldCounty} 变更为 ${regionName(newCounty) ?? newCounty}，请按需做好服务衔接。`,
        });
      }
    }
    return ok({ registrationId: reg.registrationId, kind: reg.kind, changed, regionChanged });
  });
}
