/**
 * 申领《就业创业证》 (大人社规发〔2025〕2号 一): basic information only, no materials online (§一(三)),
 * issued at once when the identity checks pass (§一(二) 即时出证). One certificate per person:
 * asking again shows the existing one.
 */
import type { ApplicationView, Result } from '../../../shared/api';
import { fail } from '../../../shared/api';
import { makeApplyCertificateSchema } from '../../../shared/certificate.schema';
import { beijingDate } from '../../../shared/dates';
import { reviewDaysFor } from '../../../shared/region-profiles';
import { validate } from '../../../shared/validate';
import { identityCheck } from '../checks';
import type { Deps } from '../deps';
import type { ApplicationRecord, CertificateRecord, PersonRecord } from '../records';
import type { StoreTx } from '../store.port';
import { splitOnBehalfOf, submitApplication } from '../submit';
import { applicationView, certificateView } from '../views';
import { registrationStatusInTx } from '../registrations';
import { schemaPerDay } from '../schema-cache';

const applySchema = schemaPerDay(makeApplyCertificateSchema);

export async function applyCertificate(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const split = splitOnBehalfOf(input);
  if (split.error) return fail('VALIDATION_FAILED', split.error, { onBehalfOf: split.error });
  input = split.input;
  const today = beijingDate(deps.clock.now());
  const v = validate(applySchema(today), input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const { requestId, reissue, ...person } = v.data as { requestId: string; reissue?: unknown } & PersonRecord;
  if (reissue) return fail('VALIDATION_FAILED', '补发请在“我的电子证”页面办理', { reissue: '补发请在“我的电子证”页面办理' });
  const region = (person.residenceAddress as { regionCode: string }).regionCode;
  const personKey = deps.personKey(person.idNumber);

  const decorate = async (tx: StoreTx | null, app: ApplicationRecord): Promise<ApplicationView> => {
    const read = tx ?? deps.store;
    const cert = await read.get<CertificateRecord>('certificates', personKey);
    if (!cert || app.status !== 'approved') return applicationView(app);
    return applicationView(app, certificateView(cert, await registrationStatusInTx(read, personKey)));
  };

  return submitApplication({
    kind: 'certificate',
    action: 'applyCertificate',
    requestId,
    onBehalfOf: split.onBehalfOf,
    person,
    form: { ...person },
    region,
    reviewDays: reviewDaysFor('certificate', region),
    runChecks: async () => [await identityCheck(deps.gov, person.idNumber, person.name)],
    existing: async (tx) => {
      const cert = await tx.get<CertificateRecord>('certificates', personKey);
      if (!cert) return null;
      return tx.get<ApplicationRecord>('applications', cert.applicationId);
    },
    message: (app) => app.status === 'approved'
      ? { title: '电子《就业创业证》已签发', body: `证号 ${app.certificateNo}。可在“我的电子证”中出示二维码。` }
      : { title: '申领已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。原因：${app.reviewReasons.join('；')}` },
    decorate,
  }, deps);
}
