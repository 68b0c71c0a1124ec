/** 注销失业登记 by staff (人社厅发〔2020〕79号 一(四)), own region only, on what the record of contacts and services shows. */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { DEREGISTRATION_REASONS, labelOf } from '@shared/codes';
import { attemptText, evidenceProblem, refusalEvidence, unreachableEvidence, type ContactAttempt } from '@shared/contact-record';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { isOwnCase, staffMaySee } from '../access';
import { deregisterSchema, EVIDENCE_CODES, STAFF_FIELD_LABELS } from '@shared/staff.schema';
import { ruleFirstMessage } from '@shared/staff-text';
import { serviceRecordOf } from '../contact-record';
import type { RegistrationRecord } from '../records';
import { endRegistrationInTx, registrationId, type RegistrationPerson } from '../registrations';
import { writeRecord } from '../collections';
import { NO_ACTIVE_REGISTRATION, OWN_CASE, staffOf } from '../staff-scope';
import { defineHandler } from './handler';

/** 注销失业登记 with an AJC00A code; 31/32 only with a verification note, never automatically (人社厅发〔2020〕79号 一(四)). */
export const deregister = defineHandler(deregisterSchema, async (input, deps): Promise<Result<{ registrationId: string; status: 'deregistered'; reasonCode: string; reasonText: string; endedAt: string; holderName: string }>> => {
  const staff = staffOf(deps);
  const personKey = deps.personKey(input.idNumber);
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const reg = await tx.get<RegistrationRecord & { person: RegistrationPerson }>('registrations', registrationId('unemployment', personKey));
    if (!reg || !staffMaySee(staff, reg)) return fail('NOT_FOUND', NO_ACTIVE_REGISTRATION);
    if (await isOwnCase(tx, staff, { personKey, filedBy: typeof reg.openid === 'string' ? reg.openid : null })) return OWN_CASE();
    if (reg.status !== 'active') return fail('CONFLICT', '该人员的失业登记已经注销');
    // 人社厅发〔2020〕79号 一(四): 31/32 only on what the record of contacts and services shows (shared/contact-record.ts).
    const attempts = (await serviceRecordOf(tx, reg.applicationId))?.attempts ?? [];
    const lacking = evidenceProblem(input.reasonCode, attempts);
    if (lacking) return fail('VALIDATION_FAILED', lacking, { reasonCode: lacking });
    const evidence = EVIDENCE_CODES.includes(input.reasonCode) ? evidenceSummary(input.reasonCode, attempts) : undefined;
    const ended = await endRegistrationInTx(tx, {
      kind: 'unemployment', personKey, reasonCode: input.reasonCode, note: input.note, at,
      by: staff.openid, byName: staff.name, messageId: deps.newId(),
    });
    await writeRecord(tx, 'audit', deps.newId(), { at, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'deregister', personKey, reasonCode: input.reasonCode, ...(evidence ? { evidence, verification: input.note } : {}) });
    return ok({
      registrationId: ended!.registrationId, status: 'deregistered' as const, reasonCode: input.reasonCode,
      reasonText: labelOf(DEREGISTRATION_REASONS, input.reasonCode) ?? '', endedAt: beijingIso(at), holderName: maskName(reg.person.name),
    });
  });
}, { labels: { idType: '证件类型', idNumber: '证件号码', ...STAFF_FIELD_LABELS }, message: ruleFirstMessage });

function evidenceSummary(code: string, attempts: ContactAttempt[]): string[] {
  if (code === '32') return unreachableEvidence(attempts).attempts.map((a) => attemptText({ ...a, reached: false, offers: [] }));
  const dates = new Set(refusalEvidence(attempts).refusals.map((r) => r.date));
  return attempts.filter((a) => a.reached && a.offers.length && dates.has(a.date)).map(attemptText);
}
