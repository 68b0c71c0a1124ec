/**
 * 失业登记 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件 失业人员登记表, 人社厅发〔2020〕79号 一) and 灵活就业登记 (吉人社函字〔2018〕175号 二(三),
 * 大人社规发〔2025〕2号 二(二)) with their written commitments. The machine never rejects: all checks pass →
 * approved at once (秒办, 渝人社办〔2020〕79号; 吉人社函字〔2018〕175号 "通过即为办理成功"), otherwise staff review with the
 * reasons shown and a due date in working days.
 */
import type { ApplicationView, Check, Result } from '@shared/api';
import { fail } from '@shared/api';
import { stampCommitment } from '@shared/commitment';
import { beijingDate } from '@shared/dates';
import { makeFlexibleSchema } from '@shared/flexible.schema';
import { contactPromise, reviewDaysFor } from '@shared/region-profiles';
import { makeUnemploymentSchema } from '@shared/unemployment.schema';
import { validate } from '@shared/validate';
import { employmentChecks, identityCheck, pensionCheck } from '../checks';
import type { Deps } from '../deps';
import type { ApplicationRecord, PersonRecord } from '../records';
import { registrationStatusInTx } from '../registrations';
import type { StoreTx } from '../store.port';
import { schemaPerDay } from '../schema-cache';
import { splitSubmissionExtras, submitApplication } from '../submit';
import { applicationView, certificateView } from '../views';
import { readRecord } from '../collections';
import { registrationRegion, unemploymentConditionChecks } from '../unemployment-conditions';

const unemploymentSchema = schemaPerDay(makeUnemploymentSchema);
const flexibleSchema = schemaPerDay(makeFlexibleSchema);

async function decorate(deps: Deps, tx: StoreTx | null, app: ApplicationRecord): Promise<ApplicationView> {
  const read = tx ?? deps.store;
  const cert = app.status === 'approved' ? await readRecord(read, 'certificates', app.personKey) : null;
  return applicationView(app, cert ? certificateView(cert, await registrationStatusInTx(read, app.personKey)) : undefined);
}

async function personChecks(deps: Deps, person: PersonRecord): Promise<Check[]> {
  const [identity, pension, employment] = await Promise.all([
    identityCheck(deps.gov, person.idNumber, person.name),
    pensionCheck(deps.gov, person.idNumber),
    employmentChecks(deps.gov, person.idNumber),
  ]);
  return [identity, pension, ...employment];
}

export async function submitUnemploymentRegistration(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const split = splitSubmissionExtras(input);
  if (split.error) return fail('VALIDATION_FAILED', split.error.message, { [split.error.field]: split.error.message });
  input = split.input;
  const now = deps.clock.now();
  const v = validate(unemploymentSchema(beijingDate(now)), input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const { requestId, commitment, ...form } = v.data as Record<string, unknown> & { requestId: string; commitment: { accepted: true; textVersion: string; signature?: string } };
  const person = form as unknown as PersonRecord;
  const region = registrationRegion(form);
  return submitApplication({
    kind: 'unemployment',
    action: 'submitUnemploymentRegistration',
    requestId,
    onBehalfOf: split.onBehalfOf,
    correctsApplicationId: split.correctsApplicationId,
    person,
    form: { ...form, commitment: stampCommitment('unemployment', commitment, now) },
    region,
    reviewDays: reviewDaysFor('unemployment', region),
    runChecks: async () => [...(await personChecks(deps, person)), ...unemploymentConditionChecks(form)],
    message: (app) => app.status === 'approved'
      ? { title: '失业登记已办结', body: `您的失业登记已于 ${beijingDate(app.submittedAt)} 办结。${contactPromise(app.region)}，提供政策、岗位和培训服务。` }
      : { title: '失业登记已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。需核实：${app.reviewReasons.join('；')}` },
    decorate: (tx, app) => decorate(deps, tx, app),
  }, deps);
}

export async function submitFlexibleEmployment(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const split = splitSubmissionExtras(input);
  if (split.error) return fail('VALIDATION_FAILED', split.error.message, { [split.error.field]: split.error.message });
  input = split.input;
  const now = deps.clock.now();
  const v = validate(flexibleSchema(beijingDate(now)), input);
  if (!v.ok) return fail('VALIDATION_FAILED', v.message, v.fields);
  const { requestId, commitment, ...form } = v.data as Record<string, unknown> & { requestId: string; commitment: { accepted: true; textVersion: string; signature?: string } };
  const person = form as unknown as PersonRecord;
  const region = String(form.workRegion);
  return submitApplication({
    kind: 'flexible',
    action: 'submitFlexibleEmployment',
    requestId,
    onBehalfOf: split.onBehalfOf,
    correctsApplicationId: split.correctsApplicationId,
    person,
    form: { ...form, commitment: stampCommitment('flexible', commitment, now) },
    region,
    reviewDays: reviewDaysFor('flexible', region),
    // 吉人社函字〔2018〕175号 二(三): 无用人单位就业参保登记、无劳动用工备案、无工商注册登记 + 书面承诺 (the schema requires it).
    runChecks: async () => [...(await personChecks(deps, person)), { name: 'commitment', passed: true, detail: '书面承诺：已阅读并承诺' }],
    message: (app) => app.status === 'approved'
      ? { title: '灵活就业登记已办结', body: `您的灵活就业登记已于 ${beijingDate(app.submittedAt)} 办结。` }
      : { title: '灵活就业登记已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。需核实：${app.reviewReasons.join('；')}` },
    decorate: (tx, app) => decorate(deps, tx, app),
  }, deps);
}
