/**
 * The staff back office (docs/product.md "After registration", "Data to the national platform",
 * "Monthly statistics"). Staff see only their region (行政区划代码 prefix); a record outside it
 * answers NOT_FOUND, exactly like a record that does not exist. Every read of a person's record
 * is audited (who, what, when).
 */
import type { ApplicationView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { outcomeEvent } from '@shared/events';
import { caseNoOf, parseCaseNo } from '@shared/case-no';
import { CONTACT_CHANNELS, DEREGISTRATION_REASONS, REJECTION_REASONS, SERVICE_OFFERS, labelOf } from '@shared/codes';
import { attemptText, evidenceProblem, refusalEvidence, unreachableEvidence, type ContactAttempt, type RefusalEvidence, type UnreachableEvidence } from '@shared/contact-record';
import { beijingDate, beijingIso, compactToIso, isoToCompact, startOfBeijingDay, addDays, statsPeriod } from '@shared/dates';
import { INDICATORS, exportRecordOf, exportRuleViolations, toCsv, uniqueId, type ExportRecord } from '@shared/export.rules';
import { maskContactFields, maskIdNumber, maskName } from '@shared/mask';
import { isRuralOrNonLocal } from '@shared/region-profiles';
import { regionName } from '@shared/regions';
import { OWN_CASE_MESSAGE, isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import { CASE_NO_MESSAGE, decideSchema, deregisterSchema, EVIDENCE_CODES, evidenceQuerySchema, exportSchema, queueQuerySchema, statsSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema';
import { ruleFirstMessage } from '@shared/staff-text';
import { validate } from '@shared/validate';
import { approveInTx, rejectInTx, returnInTx } from '../approval';
import { serviceRecordOf } from '../contact-record';
import type { Deps, StaffMember } from '../deps';
import { writeMessageInTx } from '../messages';
import type { ApplicationRecord, RegistrationRecord } from '../records';
import { endRegistrationInTx, registrationId, type RegistrationPerson } from '../registrations';
import { monthlyStats as computeStats, type StatsRegistration } from '../stats';
import { applicationView } from '../views';
import { ratingSummary, type RatingSummary } from '../ratings';
import { findRecords, readRecord, writeRecord } from '../collections';

const NOT_FOUND = '没有找到这条记录，或不在您所辖区域';
/** 注销 and its evidence: no registration of that number in force in the caller's region (absent and elsewhere alike). */
const NO_ACTIVE_REGISTRATION = '没有查到这个证件号码在您所辖区域内有效的失业登记，请核对证件类型和号码';

function staffOf(deps: Deps): StaffMember {
  // dispatch lets only staff of the right role reach these handlers
  return deps.caller.staff!;
}

const OWN_CASE = () => fail('FORBIDDEN', OWN_CASE_MESSAGE);

export async function audit(deps: Deps, action: string, target: Record<string, unknown>): Promise<void> {
  const s = deps.caller.staff;
  await writeRecord(deps.store, 'audit', deps.newId(), {
    at: deps.clock.now(), staffOpenid: s?.openid ?? deps.caller.openid, staffName: s?.name ?? '', staffRegion: s?.region ?? '', action, ...target,
  });
}

export interface QueueItem {
  applicationId: string;
  /** 办件编号 (shared/case-no.ts): what the person quotes on the phone */
  caseNo: string;
  kind: ApplicationRecord['kind'];
  status: ApplicationRecord['status'];
  holderName: string;
  idNumberMasked: string;
  region: string;
  regionName: string;
  submittedAt: string;
  dueDate: string | null;
  dueDateUncertain: boolean;
  overdue: boolean;
  reasons: string[];
  /** 催办 (remindOffice): how many times the person chased it, and when last (Beijing time); 0 / null when never */
  reminderCount: number;
  lastRemindedAt: string | null;
}

function queueItemOf(a: ApplicationRecord, today: string): QueueItem {
  const reminders = (a.reminders as number[] | undefined) ?? [];
  return {
    applicationId: a.applicationId, caseNo: caseNoOf(a.kind, a.applicationId, beijingDate(a.submittedAt)), kind: a.kind, status: a.status,
    holderName: maskName(a.person.name), idNumberMasked: maskIdNumber(a.person.idNumber),
    region: a.region, regionName: regionName(a.region) ?? a.region, submittedAt: beijingIso(a.submittedAt),
    dueDate: a.dueDate, dueDateUncertain: a.dueDateUncertain, overdue: a.status === 'pending_review' && !!a.dueDate && a.dueDate < today, reasons: a.reviewReasons,
    reminderCount: reminders.length, lastRemindedAt: reminders.length ? beijingIso(reminders[reminders.length - 1]) : null,
  };
}

/**
 * Pending applications of the staff member's region, earliest due date first, overdue and 催办 marked;
 * or, given `caseNo` (办件编号), the application of that number in the region whatever its state — found
 * through the kind and the submission day the number names. Own cases are left out either way; the
 * read is audited (a search with the number and what it found).
 */
export async function listReviewQueue(input: unknown, deps: Deps): Promise<Result<{ items: QueueItem[]; today: string; caseNo?: string }>> {
  const staff = staffOf(deps);
  const v = validate(queueQuerySchema, input ?? {}, { caseNo: '办件编号' });
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const caseNo = v.data.caseNo;
  const named = caseNo ? parseCaseNo(caseNo) : undefined;
  if (caseNo && !named) return fail('VALIDATION_FAILED', CASE_NO_MESSAGE, { caseNo: CASE_NO_MESSAGE });
  const found = prefix === null
    ? []
    : named
      ? (await findRecords(deps.store, 'applications', { kind: named.kind, region: { prefix }, submittedAt: { gte: startOfBeijingDay(named.day), lt: startOfBeijingDay(addDays(named.day, 1)) } }, { limit: 5000 }))
        .filter((a) => caseNoOf(a.kind, a.applicationId, beijingDate(a.submittedAt)) === caseNo)
      : await findRecords(deps.store, 'applications', { status: 'pending_review', region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const apps: ApplicationRecord[] = [];
  for (const a of found) {
    // the staff member's own cases go to a colleague (separation of duties): not in their queue
    if (staffMaySee(staff, a) && !(await isOwnCase(deps.store, staff, { personKey: a.personKey, filedBy: a.openid }))) apps.push(a);
  }
  const items = apps.map((a) => queueItemOf(a, today));
  await audit(deps, 'listReviewQueue', caseNo ? { count: items.length, caseNo, applicationIds: items.map((i) => i.applicationId), personKeys: apps.map((a) => a.personKey) } : { count: items.length });
  return ok({ items, today, ...(caseNo ? { caseNo } : {}) });
}

/** The whole application for a decision: every check, the form, the commitment. Audited. */
export async function getApplicationDetail(input: unknown, deps: Deps): Promise<Result<ApplicationView & { form: Record<string, unknown>; region: string; regionName: string }>> {
  const staff = staffOf(deps);
  const id = (input as { applicationId?: unknown } | null)?.applicationId;
  if (typeof id !== 'string' || !id) return fail('VALIDATION_FAILED', '请提供申请编号', { applicationId: '请提供申请编号' });
  const app = await readRecord(deps.store, 'applications', id);
  if (!app || !staffMaySee(staff, app)) return fail('NOT_FOUND', NOT_FOUND);
  if (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid })) return OWN_CASE();
  await audit(deps, 'getApplicationDetail', { applicationId: id, personKey: app.personKey });
  const { signature: _sig, ...commitment } = (app.form.commitment ?? {}) as Record<string, unknown>;
  // every contact field masked alike; the full values only through the audited revealContact
  const form = { ...maskContactFields({ ...app.form, phone: app.person.phone }), idNumber: maskIdNumber(app.person.idNumber), ...(app.form.commitment ? { commitment } : {}) };
  return ok({ ...applicationView(app), holderName: app.person.name, form, region: app.region, regionName: regionName(app.region) ?? app.region });
}

/** approve, or reject with a reason of the fixed list; on the timeline and told to the citizen. */
export async function decideApplication(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const staff = staffOf(deps);
  const v = validate(decideSchema, input, STAFF_FIELD_LABELS);
  if (!v.ok) return fail('VALIDATION_FAILED', ruleFirstMessage(v.fields, v.message), v.fields);
  const { applicationId, decision, reasonCode, note } = v.data;
  const at = deps.clock.now();
  const result = await deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId);
    if (!app || !staffMaySee(staff, app)) return fail('NOT_FOUND', NOT_FOUND);
    if (await isOwnCase(tx, staff, { personKey: app.personKey, filedBy: app.openid })) return OWN_CASE();
    if (app.status !== 'pending_review') return fail('CONFLICT', '这条申请已经办结，不能重复审核');
    // 复核 goes to another staff member than the one who decided (requestReview)
    const review = app.review as { excludedStaff?: string | null } | undefined;
    if (review?.excludedStaff && review.excludedStaff === staff.openid) return fail('FORBIDDEN', '这条申请是对您作出的决定申请复核，须由其他工作人员办理');
    const atIso = beijingIso(at);
    const decided = decision === 'approve'
      ? await approveInTx(tx, app, at, deps, { by: 'staff', note })
      : decision === 'return'
        ? await returnInTx(tx, app, at, note!)
        : await rejectInTx(tx, app, at, `${labelOf(REJECTION_REASONS, reasonCode) ?? ''}${note ? `：${note}` : ''}`);
    if (!decided.ok) return decided;
    const done: ApplicationRecord = { ...decided.data, decision: { decision, ...(reasonCode ? { reasonCode } : {}), ...(note ? { note } : {}), at: atIso, by: staff.openid } };
    await writeRecord(tx, 'applications', done.applicationId, done);
    const what = APPLICATION_KIND_SUBJECT[app.kind];
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: app.openid, personKey: app.personKey, event: outcomeEvent(app.kind, done.status),
      title: decision === 'approve' ? `您的${what}已审核通过` : decision === 'return' ? `您的${what}需要修改后重新提交` : `您的${what}未通过审核`,
      body: decision === 'approve'
        ? `审核通过时间 ${beijingDate(at)}。${done.certificateNo ? `电子证号 ${done.certificateNo}。` : ''}`
        : decision === 'return'
          ? `工作人员请您修改：${note}。不需要补交任何材料。请打开这条申请，点“修改后重新提交”，原来填写的内容已为您保留。`
          : `原因：${labelOf(REJECTION_REASONS, reasonCode)}${note ? `（${note}）` : ''}。如有疑问，可携带身份证件到就近的公共就业服务机构咨询。如对结果有异议，可在小程序中申请复核（由其他工作人员办理）；也可依法申请行政复议或者提起行政诉讼。`,
      at, applicationId: app.applicationId,
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'decideApplication', applicationId, personKey: app.personKey, decision, reasonCode: reasonCode ?? null });
    return ok(applicationView(done));
  });
  return result;
}

/** 注销失业登记 with an AJC00A code; 31/32 only with a verification note, never automatically (人社厅发〔2020〕79号 一(四)). */
export async function deregister(input: unknown, deps: Deps): Promise<Result<{ registrationId: string; status: 'deregistered'; reasonCode: string; reasonText: string; endedAt: string; holderName: string }>> {
  const staff = staffOf(deps);
  const v = validate(deregisterSchema, input, { idType: '证件类型', idNumber: '证件号码', ...STAFF_FIELD_LABELS });
  if (!v.ok) return fail('VALIDATION_FAILED', ruleFirstMessage(v.fields, v.message), v.fields);
  const personKey = deps.personKey(v.data.idNumber);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const reg = await tx.get<RegistrationRecord & { person: RegistrationPerson }>('registrations', registrationId('unemployment', personKey));
    if (!reg || !staffMaySee(staff, reg)) return fail('NOT_FOUND', NO_ACTIVE_REGISTRATION);
    if (await isOwnCase(tx, staff, { personKey, filedBy: typeof reg.openid === 'string' ? reg.openid : null })) return OWN_CASE();
    if (reg.status !== 'active') return fail('CONFLICT', '该人员的失业登记已经注销');
    // 人社厅发〔2020〕79号 一(四): 31/32 only on what the record of contacts and services shows (shared/contact-record.ts).
    const attempts = (await serviceRecordOf(tx, reg.applicationId))?.attempts ?? [];
    const lacking = evidenceProblem(v.data.reasonCode, attempts);
    if (lacking) return fail('VALIDATION_FAILED', lacking, { reasonCode: lacking });
    const evidence = EVIDENCE_CODES.includes(v.data.reasonCode) ? evidenceSummary(v.data.reasonCode, attempts) : undefined;
    const ended = await endRegistrationInTx(tx, {
      kind: 'unemployment', personKey, reasonCode: v.data.reasonCode, note: v.data.note, at,
      by: staff.openid, byName: staff.name, messageId: deps.newId(),
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'deregister', personKey, reasonCode: v.data.reasonCode, ...(evidence ? { evidence, verification: v.data.note } : {}) });
    return ok({
      registrationId: ended!.registrationId, status: 'deregistered' as const, reasonCode: v.data.reasonCode,
      reasonText: labelOf(DEREGISTRATION_REASONS, v.data.reasonCode) ?? '', endedAt: beijingIso(at), holderName: maskName(reg.person.name),
    });
  });
}

function evidenceSummary(code: string, attempts: ContactAttempt[]): string[] {
  if (code === '32') return unreachableEvidence(attempts).attempts.map((a) => attemptText({ ...a, reached: false, offers: [] }));
  const dates = new Set(refusalEvidence(attempts).refusals.map((r) => r.date));
  return attempts.filter((a) => a.reached && a.offers.length && dates.has(a.date)).map(attemptText);
}

export interface DeregistrationEvidence {
  registrationId: string;
  holderName: string;
  idNumberMasked: string;
  region: string;
  regionName: string;
  /** Beijing date the registration began */
  since: string;
  /** every recorded attempt, oldest first, in plain Chinese with who made it */
  attempts: Array<{ date: string; channel: string; channelLabel: string; reached: boolean; offers: Array<{ service: string; label: string; outcome: 'accepted' | 'refused' }>; note: string | null; byName: string; text: string }>;
  unreachable: UnreachableEvidence;
  refusals: RefusalEvidence;
  /** per evidence code: whether the record allows it, and if not why (the rule named) */
  codes: Record<string, { allowed: boolean; message: string }>;
}

/**
 * What the system holds about contacts and services of a person's active 失业登记, shown to staff on the
 * 注销 page before they confirm (人社厅发〔2020〕79号 一(四)). Own region only; audited like every staff read.
 */
export async function getDeregistrationEvidence(input: unknown, deps: Deps): Promise<Result<DeregistrationEvidence>> {
  const staff = staffOf(deps);
  const v = validate(evidenceQuerySchema, input, { idType: '证件类型', idNumber: '证件号码' });
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const personKey = deps.personKey(v.data.idNumber);
  const reg = await deps.store.get<RegistrationRecord & { person: RegistrationPerson }>('registrations', registrationId('unemployment', personKey));
  if (!reg || !staffMaySee(staff, reg)) return fail('NOT_FOUND', NO_ACTIVE_REGISTRATION);
  if (await isOwnCase(deps.store, staff, { personKey, filedBy: typeof reg.openid === 'string' ? reg.openid : null })) return OWN_CASE();
  if (reg.status !== 'active') return fail('CONFLICT', '该人员的失业登记已经注销');
  await audit(deps, 'getDeregistrationEvidence', { personKey, registrationId: reg.registrationId });
  const attempts = [...((await serviceRecordOf(deps.store, reg.applicationId))?.attempts ?? [])].sort((a, b) => a.at - b.at);
  const codes = Object.fromEntries(EVIDENCE_CODES.map((c) => {
    const problem = evidenceProblem(c, attempts);
    return [c, { allowed: !problem, message: problem ?? `系统记录满足代码${c}的条件；注销前仍须写明核实情况` }];
  }));
  return ok({
    registrationId: reg.registrationId, holderName: maskName(reg.person.name), idNumberMasked: maskIdNumber(reg.person.idNumber),
    region: reg.region, regionName: regionName(reg.region) ?? reg.region, since: beijingDate(reg.since),
    attempts: attempts.map((a) => ({
      date: a.date, channel: a.channel, channelLabel: labelOf(CONTACT_CHANNELS, a.channel) ?? a.channel, reached: a.reached,
      offers: a.offers.map((o) => ({ ...o, label: labelOf(SERVICE_OFFERS, o.service) ?? o.service })), note: a.note, byName: a.byName, text: attemptText(a),
    })),
    unreachable: unreachableEvidence(attempts), refusals: refusalEvidence(attempts), codes,
  });
}

/** The 人社厅发〔2020〕79号 export: exactly its indicator fields; records that break a rule listed with the rule. */
export async function exportDeregistrations(input: unknown, deps: Deps): Promise<Result<{ indicators: readonly string[]; records: ExportRecord[]; rejected: Array<{ record: ExportRecord; rule: string; rules: string[] }>; csv: string }>> {
  const staff = staffOf(deps);
  const v = validate(exportSchema, input, STAFF_FIELD_LABELS);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const from = startOfBeijingDay(compactToIso(v.data.from));
  const to = startOfBeijingDay(addDays(compactToIso(v.data.to), 1));
  const prefix = regionQueryPrefix(staff);
  const rows = (prefix === null ? [] : await findRecords(deps.store, 'deregistrations', { region: { prefix }, at: { gte: from, lt: to } }, { orderBy: { field: 'at', direction: 'asc' }, limit: 100000 }))
    .filter((d) => staffMaySee(staff, d));
  const today = isoToCompact(beijingDate(deps.clock.now()));
  const records: ExportRecord[] = [];
  const rejected: Array<{ record: ExportRecord; rule: string; rules: string[] }> = [];
  const seen = new Set<string>();
  for (const d of rows) {
    const record: ExportRecord = exportRecordOf(d);
    const rules = exportRuleViolations(record, { today, gender: d.gender });
    if (seen.has(uniqueId(record))) rules.push('AAZ341 不可重复');
    seen.add(uniqueId(record));
    if (rules.length) rejected.push({ record: { ...record, AAC002: maskIdNumber(record.AAC002), AAC044: maskIdNumber(record.AAC044) }, rule: rules[0], rules });
    else records.push(record);
  }
  await audit(deps, 'exportDeregistrations', { from: v.data.from, to: v.data.to, exported: records.length, rejected: rejected.length });
  return ok({ indicators: INDICATORS, records, rejected, csv: toCsv(records) });
}

type Episode = RegistrationRecord & { person?: RegistrationPerson; unemployedSince?: string | null; personCategories?: string[]; history?: Episode[] };

/**
 * Every 失业登记 of the region begun before `before`, each counted where it was registered (登记失业地, the
 * region of its application) — not where the person's latest registration is. A person registered in 鞍山,
 * deregistered there and registered again in 大连 has one registration document (region 大连) holding the
 * 鞍山 one in its history; reading documents by their current region would count the 鞍山 registration
 * in 大连 and lose it in 鞍山. So the registrations are found through their approved applications, one
 * per registration, whose region never changes.
 */
async function registrationsOfRegion(deps: Deps, staff: StaffMember, before: number): Promise<StatsRegistration[]> {
  const region = regionQueryPrefix(staff);
  if (region === null) return [];
  const apps = await findRecords(deps.store, 'applications', { kind: 'unemployment', status: 'approved', region: { prefix: region } }, { limit: 100000 });
  const byPerson = new Map<string, Map<string, ApplicationRecord>>();
  for (const a of apps) (byPerson.get(a.personKey) ?? byPerson.set(a.personKey, new Map()).get(a.personKey)!).set(a.applicationId, a);
  const out: StatsRegistration[] = [];
  for (const [personKey, ofPerson] of byPerson) {
    const doc = await deps.store.get<Episode>('registrations', registrationId('unemployment', personKey));
    if (!doc) continue;
    for (const x of [doc, ...(doc.history ?? [])]) {
      const app = x ? ofPerson.get(x.applicationId) : undefined;
      if (!x || !app || !staffMaySee(staff, x) || x.since >= before) continue;
      out.push({
        region: x.region, since: x.since, endedAt: x.endedAt ?? null, birthDate: x.person?.birthDate ?? '', unemployedSince: x.unemployedSince ?? null, personCategories: x.personCategories ?? [],
        ruralOrNonLocal: isRuralOrNonLocal({ householdType: app.form.householdType, hukouAddress: app.form.hukouAddress }, x.region), stableAtResidence: typeof app.form.stableEmploymentAtResidence === 'string' ? app.form.stableEmploymentAtResidence : null,
      });
    }
  }
  return out;
}

/** 人社厅发〔2020〕79号 三: 上月21日至本月20日, by region (the region of each registration). */
export async function monthlyStats(input: unknown, deps: Deps): Promise<Result<ReturnType<typeof computeStats> & { regionNames: Record<string, string>; ratings: RatingSummary }>> {
  const staff = staffOf(deps);
  const v = validate(statsSchema, input, STAFF_FIELD_LABELS);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const p = statsPeriod(v.data.month);
  const regs = await registrationsOfRegion(deps, staff, p.to);
  const prefix = regionQueryPrefix(staff);
  const deregs = (prefix === null ? [] : await findRecords(deps.store, 'deregistrations', { region: { prefix }, at: { gte: p.from, lt: p.to } }, { limit: 100000 }))
    .filter((d) => staffMaySee(staff, d));
  const stats = computeStats(v.data.month, regs, deregs.map((d) => ({ region: d.region, at: d.at, reasonCode: d.reasonCode })));
  const regionNames = Object.fromEntries(Object.keys(stats.byRegion).map((c) => [c, regionName(c) ?? c]));
  const ratings = await ratingSummary(deps.store, staff, p.from, p.to);
  await audit(deps, 'monthlyStats', { month: v.data.month });
  return ok({ ...stats, regionNames, ratings });
}
