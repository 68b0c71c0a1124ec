/**
 * 申领《就业创业证》 (大人社规发〔2025〕2号 一): basic information and the 个人信息书面申报承诺 only, no
 * materials online (§一(三)),
 * issued at once when the identity checks pass (§一(二) 即时出证). One certificate per person:
 * asking again shows the existing one.
 */
import type { ApplicationView, Result } from '@shared/api';
import { fail } from '@shared/api';
import { makeApplyCertificateSchema } from '@shared/certificate.schema';
import { stampCommitment } from '@shared/commitment';
import { beijingDate } from '@shared/dates';
import { reviewDaysFor } from '@shared/region-profiles';
import { identityCheck, provincialCertificateLookup } from '../checks';
import { cityOf, type ProvincialCertificate } from '@shared/certificate-entries';
import type { Deps } from '../deps';
import type { ApplicationRecord } from '../records';
import type { StoreTx } from '../store.port';
import { parseSubmission } from '../submission-input';
import { submitApplication } from '../submit';
import { applicationView, certificateView } from '../views';
import { registrationStatusInTx } from '../registrations';
import { schemaPerDay } from '../schema-cache';
import { readRecord } from '../collections';
import { defineParsed } from './handler';

const applySchema = schemaPerDay(makeApplyCertificateSchema);

/** 补发 of a number this city gave and the person never collected, or 换发 of another city's (大人社规发〔2025〕2号 一(四)). */
const ISSUED_AS = (prior: ProvincialCertificate, region: string) =>
  cityOf(prior.issuingRegion) === cityOf(region) ? '电子《就业创业证》已按原编号补发' : '电子《就业创业证》已换发';

const REISSUE_ELSEWHERE = '补发请在“我的电子证”页面办理';

/** The form and what rides beside it (core/submission-input.ts); a 补发 asked for here is sent to its own page. */
function parse(input: unknown, deps: Deps) {
  const p = parseSubmission(applySchema(beijingDate(deps.clock.now())), input);
  if (p.ok && p.data.form.reissue) return fail('VALIDATION_FAILED', REISSUE_ELSEWHERE, { reissue: REISSUE_ELSEWHERE });
  return p;
}

export const applyCertificate = defineParsed(parse, async ({ form: { requestId, reissue: _reissue, commitment, ...person }, onBehalfOf, correctsApplicationId }, deps): Promise<Result<ApplicationView>> => {
  const region = person.residenceAddress.regionCode;
  const personKey = deps.personKey(person.idNumber);

  let prior: ProvincialCertificate | null = null;
  const decorate = async (tx: StoreTx | null, app: ApplicationRecord): Promise<ApplicationView> => {
    const read = tx ?? deps.store;
    const cert = await readRecord(read, 'certificates', personKey);
    if (!cert || app.status !== 'approved') return applicationView(app);
    return applicationView(app, certificateView(cert, await registrationStatusInTx(read, personKey)));
  };

  return submitApplication({
    kind: 'certificate',
    action: 'applyCertificate',
    requestId,
    onBehalfOf,
    correctsApplicationId,
    person,
    // the 个人信息书面申报承诺 as accepted: its text and time (大人社规发〔2025〕2号 一(三))
    commitment: stampCommitment('certificate', commitment, deps.clock.now()),
    region,
    reviewDays: reviewDaysFor('certificate', region),
    runChecks: async () => {
      const [identity, lookup] = await Promise.all([
        identityCheck(deps.gov, person.idNumber, person.name),
        provincialCertificateLookup(deps.gov, person.idNumber, region),
      ]);
      prior = lookup.prior;
      return lookup.check ? [identity, lookup.check] : [identity];
    },
    found: () => (prior ? { priorCertificate: prior } : {}),
    existing: async (tx) => {
      const cert = await readRecord(tx, 'certificates', personKey);
      if (!cert) return null;
      return readRecord(tx, 'applications', cert.applicationId);
    },
    message: (app) => app.status === 'approved'
      ? { title: app.priorCertificate ? ISSUED_AS(app.priorCertificate, region) : '电子《就业创业证》已签发', body: `证号 ${app.certificateNo}。可在“我的电子证”中出示二维码。${app.priorCertificate ? '最近一次就业登记、失业登记、接受就业服务和享受就业政策信息已记载在证上。' : ''}` }
      : { title: '申领已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。原因：${app.reviewReasons.join('；')}` },
    decorate,
  }, deps);
});
