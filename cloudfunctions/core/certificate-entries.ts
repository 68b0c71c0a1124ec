/**
 * The entries a 补发 writes on the certificate from this service's own records (大人社规发〔2025〕2号 一(四):
 * 最近一次就业登记、失业登记、接受就业服务和享受就业政策等信息进行记载): the person's latest 灵活就业登记, or
 * the job their 失业登记 ended in (AJC00A 11–14); their latest 失业登记 with how it ended; the latest
 * contact in which a service was offered; the latest policy this service itself carried out for the
 * person on their 失业登记 — a 就业困难人员认定 staff recognised (core/hardship.ts), a 失业保险金 claim handed
 * to the unemployment-insurance system (core/insurance-claims.ts, 人社厅发〔2020〕79号 一(五)). What the
 * service holds no record of is written as 无记录 — never invented (a claim still queued or failed, a
 * 认定 requested or refused, is not a policy the person has).
 */
import { labelOf, DEREGISTRATION_REASONS, SERVICE_OFFERS } from '@shared/codes';
import type { CertificateEntries, ProvincialCertificate } from '@shared/certificate-entries';
import type { ContactAttempt } from '@shared/contact-record';
import { beijingDate } from '@shared/dates';
import { serviceRecordOf } from './contact-record';
import type { HardshipState } from './hardship';
import type { InsuranceClaimState } from './insurance-claims';
import type { ApplicationRecord } from './records';
import { registrationId } from './registrations';
import type { StoreTx } from './store.port';
import { readRecord } from './collections';

/** AJC00A codes whose end of a 失业登记 is a job (就业): the employment entry names it. */
const ENDED_IN_A_JOB = new Set(['11', '12', '13', '14']);

export async function localEntriesInTx(read: Pick<StoreTx, 'get'>, personKey: string, at: number): Promise<CertificateEntries> {
  const unemployment = await readRecord(read, 'registrations', registrationId('unemployment', personKey));
  const flexible = await readRecord(read, 'registrations', registrationId('flexible', personKey));
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

  const policy = unemployment ? policyOf(await readRecord(read, 'applications', unemployment.applicationId)) : null;

  return {
    employment: latestJob ? { what: latestJob.what, since: latestJob.since, until: latestJob.until ?? null } : null,
    unemployment: unemployment
      ? { since: beijingDate(unemployment.since), until: day(unemployment.endedAt), endReason: unemployment.endReasonCode ? labelOf(DEREGISTRATION_REASONS, unemployment.endReasonCode) ?? null : null }
      : null,
    service,
    policy,
    recordedOn: beijingDate(at),
    source: 'local',
  };
}

/** 就业困难人员认定 and the 失业保险金 handoff: the names the certificate writes for them. */
export const POLICY_NAMES = Object.freeze({
  hardship: '就业困难人员认定',
  insuranceClaim: '失业保险金申领（已转交失业保险经办机构）',
});

/** The latest policy this service carried out on the application of a 失业登记, or null. */
function policyOf(app: ApplicationRecord | null): CertificateEntries['policy'] {
  if (!app) return null;
  const hardship = app.hardship as HardshipState | undefined;
  const claim = app.insuranceClaim as InsuranceClaimState | undefined;
  const done: Array<{ name: string; at: string }> = [];
  if (hardship?.status === 'recognized') done.push({ name: POLICY_NAMES.hardship, at: hardship.at });
  if (claim?.status === 'sent') done.push({ name: POLICY_NAMES.insuranceClaim, at: claim.at });
  // Beijing ISO times of one offset compare as text
  const latest = done.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0];
  return latest ? { name: latest.name, since: latest.at.slice(0, 10) } : null;
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
