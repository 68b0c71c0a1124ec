/**
 * The way both registrations (失业登记, 灵活就业登记) go to core/submit.ts: the written commitment stamped
 * with its text and time, the person looked up — identity, pension, employment records
 * (core/checks.ts) — plus the kind's own checks, due within the region's working days when staff
 * review it, and the answer showing the certificate once approved.
 */
import type { ApplicationView, Check, Result } from '@shared/api';
import { stampCommitment, type Commitment } from '@shared/commitment';
import { reviewDaysFor } from '@shared/region-profiles';
import type { RegistrationKind } from '@shared/registrations';
import { employmentChecks, identityCheck, pensionCheck } from './checks';
import { readRecord } from './collections';
import type { Deps } from './deps';
import type { ApplicationRecord, PersonRecord } from './records';
import { registrationStatusInTx } from './registrations';
import type { SubmissionInput } from './submission-input';
import { submitApplication } from './submit';
import { applicationView, certificateView } from './views';

async function personChecks(deps: Deps, person: PersonRecord): Promise<Check[]> {
  const [identity, pension, employment] = await Promise.all([
    identityCheck(deps.gov, person.idNumber, person.name),
    pensionCheck(deps.gov, person.idNumber),
    employmentChecks(deps.gov, person.idNumber),
  ]);
  return [identity, pension, ...employment];
}

export interface RegistrationSubmission<F extends PersonRecord> {
  kind: RegistrationKind;
  action: 'submitUnemploymentRegistration' | 'submitFlexibleEmployment';
  input: SubmissionInput<F & { requestId: string; commitment: Commitment }>;
  /** county code whose staff handle it */
  region: string;
  /** what the kind checks from the form itself, after the person's outside data */
  formChecks(form: F): Check[];
  message(app: ApplicationRecord): { title: string; body: string };
}

export async function submitRegistration<F extends PersonRecord>(deps: Deps, s: RegistrationSubmission<F>): Promise<Result<ApplicationView>> {
  const { requestId, commitment, ...rest } = s.input.form;
  const form = rest as unknown as F;
  return submitApplication({
    kind: s.kind,
    action: s.action,
    requestId,
    onBehalfOf: s.input.onBehalfOf,
    correctsApplicationId: s.input.correctsApplicationId,
    person: form,
    commitment: stampCommitment(s.kind, commitment, deps.clock.now()),
    region: s.region,
    reviewDays: reviewDaysFor(s.kind, s.region),
    runChecks: async () => [...(await personChecks(deps, form)), ...s.formChecks(form)],
    message: s.message,
    decorate: async (tx, app) => {
      const read = tx ?? deps.store;
      const cert = app.status === 'approved' ? await readRecord(read, 'certificates', app.personKey) : null;
      return applicationView(app, cert ? certificateView(cert, await registrationStatusInTx(read, app.personKey)) : undefined);
    },
  }, deps);
}
