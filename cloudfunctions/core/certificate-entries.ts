/**
 * The entries a 补发 writes on the certificate from this service's own records (大人社规发〔2025〕2号 一(四):
 * 最近一次就业登记、失业登记、接受就业服务和享受就业政策等信息进行记载): the person's latest 灵活就业登记, or
 * the job their 失业登记 ended in (AJC00A 11–14); their latest 失业登记 with how it ended; the latest
 * contact in which a service was offered. This service keeps no record of policies enjoyed, so that
 * entry is written as 无记录 — never invented.
 */
import { labelOf, DEREGISTRATION_REASONS, SERVICE_OFFERS } from '@shared/codes';
import type { CertificateEntries, ProvincialCertificate } from '@shared/certificate-entries';
import type { ContactAttempt } from '@shared/contact-record';
import { beijingDate } from '@shared/dates';
import { serviceRecordOf } from './contact-record';
import type { RegistrationRecord } from './records';
import { registrationId } from './registrations';
import type { StoreTx } from './store.port';

/** AJC00A codes whose end of a 失业登记 is a job (就业): the employment entry names it. */
const ENDED_IN_A_JOB = new Set(['11', '12', '13', '14']);

export async function localEntriesInTx(read: Pick<StoreTx, 'get'>, personKey: string, at: number): Promise<CertificateEntries> {
  const unemployment = await read.get<RegistrationRecord>('registrations', registrationId('unemployment', personKey));
  const flexible = await read.get<RegistrationRecord>('registrations', registrationId('flexible', personKey));
  const day = (ms: number | null | undefined) => (typeof ms === 'number' ? beijingDate(ms) : null);

  const jobs: Array<{ what: string; since: string; until?: string | null; at: number }> = [];
  if (flexible) jobs.push({ what: '灵活就业登记', since: beijingDate(flexible.since), until: day(flexible.endedAt), at: flexible.since });
  if (unemployment?.endedAt && unemployment.endReasonCode && ENDED_IN_A_JOB.has(unemployment.endReasonCode)) {
    jobs.push({ what: labelOf(DEREGISTRATION_REASONS, unemployment.endReasonCode) ?? '就业', since: beijingDate(unemployment.endedAt), at: unemployment.endedAt });
  }
  const latestJob = jobs.sort((a, b) => b.at - a.at)[0];

  let service: CertificateEntries['service'] = null;
  for (const reg of [unemployment, flexible]) {
    if (!reg) continue;
    const record = await serviceRecordOf(read, reg.applicationId);
    const served = (record?.attempts ?? []).filter((a: ContactAttempt) => a.reached).sort((a, b) => b.at - a.at)[0];
    if (!served || (service && service.date >= served.date)) continue;
    const offered = served.offers.map((o) => labelOf(SERVICE_OFFERS, o.service) ?? o.service);
    service = { date: served.date, what: offered.length ? `提供${offered.join('、')}` : '电话回访' };
  }

  return {
    employment: latestJob ? { what: latestJob.what, since: latestJob.since, until: latestJob.until ?? null } : null,
    unemployment: unemployment
      ? { since: beijingDate(unemployment.since), until: day(unemployment.endedAt), endReason: unemployment.endReasonCode ? labelOf(DEREGISTRATION_REASONS, unemployment.endReasonCode) ?? null : null }
      : null,
    service,
    policy: null,
    recordedOn: beijingDate(at),
    source: 'local',
  };
}

/** The provincial system's entries, as written on a 换发 (or a 补发 of a number never collected). */
export function provincialEntries(p: ProvincialCertificate, at: number): CertificateEntries {
  return {
    employment: p.employment ?? null,
    unemployment: p.unemployment ?? null,
    service: p.service ?? null,
    policy: p.policy ?? null,
    recordedOn: beijingDate(at),
    source: 'provincial',
  };
}
