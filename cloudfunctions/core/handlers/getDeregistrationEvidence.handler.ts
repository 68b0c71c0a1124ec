/** The record of contacts and services staff see before a 注销 (人社厅发〔2020〕79号 一(四)). */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { CONTACT_CHANNELS, SERVICE_OFFERS, labelOf } from '@shared/codes';
import { attemptText, evidenceProblem, refusalEvidence, unreachableEvidence } from '@shared/contact-record';
import { beijingDate } from '@shared/dates';
import { maskIdNumber, maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { isOwnCase, staffMaySee } from '../access';
import { EVIDENCE_CODES, evidenceQuerySchema } from '@shared/staff.schema';
import { serviceRecordOf } from '../contact-record';
import type { RegistrationRecord } from '../records';
import { registrationId, type RegistrationPerson } from '../registrations';
import { audit } from '../audit';
import { NO_ACTIVE_REGISTRATION, OWN_CASE, staffOf } from '../staff-scope';
import type { DeregistrationEvidence } from '@shared/answers';
import { defineHandler } from './handler';
export type { DeregistrationEvidence };

/**
 * What the system holds about contacts and services of a person's active 失业登记, shown to staff on the
 * 注销 page before they confirm (人社厅发〔2020〕79号 一(四)). Own region only; audited like every staff read.
 */
export const getDeregistrationEvidence = defineHandler(evidenceQuerySchema, async (input, deps): Promise<Result<DeregistrationEvidence>> => {
  const staff = staffOf(deps);
  const personKey = deps.personKey(input.idNumber);
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
}, { labels: { idType: '证件类型', idNumber: '证件号码' } });
