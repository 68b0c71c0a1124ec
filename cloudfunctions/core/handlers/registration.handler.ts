/**
 * 失业登记 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件 失业人员登记表, 人社厅发〔2020〕79号 一) and 灵活就业登记 (吉人社函字〔2018〕175号 二(三),
 * 大人社规发〔2025〕2号 二(二)) with their written commitments. The machine never rejects: all checks pass →
 * approved at once (秒办, 渝人社办〔2020〕79号; 吉人社函字〔2018〕175号 "通过即为办理成功"), otherwise staff review with the
 * reasons shown and a due date in working days.
 */
import type { ApplicationView, Check, Result } from '@shared/api';
import { fail } from '@shared/api';
import { HEALTH_DISABLED } from '@shared/codes';
import { stampCommitment } from '@shared/commitment';
import { WORK_ABILITY_REVIEW, isHkMacaoTaiwanResident } from '@shared/registrations';
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

type Address = { regionCode: string; detail: string };

const unemploymentSchema = schemaPerDay(makeUnemploymentSchema);
const flexibleSchema = schemaPerDay(makeFlexibleSchema);

/** 人社厅发〔2020〕79号 一(一): 户籍地、常住地、就业地或参保地 — the place decides which office handles it. */
export function registrationRegion(form: Record<string, unknown>): string {
  const place = form.registrationPlace;
  if (place === 'hukou') return (form.hukouAddress as Address).regionCode;
  if ((place === 'employment' || place === 'insurance') && typeof form.registrationRegion === 'string') return form.registrationRegion;
  return (form.residenceAddress as Address).regionCode;
}

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

/**
 * The conditions of 失业登记 the machine cannot decide from outside data (鞍人社〔2020〕21号 一: 有劳动能力; 港澳台居民
 * 在内地（大陆）就业后失业): what the person declared sends the application to a person, with the reason — never a
 * refusal. Nothing is added when there is nothing to look at.
 */
export function unemploymentConditionChecks(form: Record<string, unknown>): Check[] {
  const checks: Check[] = [];
  if (form.health === HEALTH_DISABLED && form.disabilityLevel === '1') {
    checks.push({ name: 'workAbility', passed: false, detail: WORK_ABILITY_REVIEW });
  }
  if (isHkMacaoTaiwanResident(form.idType, form.idNumber)) {
    checks.push(form.employedInMainlandBefore === true
      ? { name: 'mainlandEmployment', passed: true, detail: '内地（大陆）就业经历：本人承诺曾在内地（大陆）就业，现已失业' }
      : { name: 'mainlandEmployment', passed: false, detail: '内地（大陆）就业经历：申报未曾在内地（大陆）就业，需工作人员核实是否可参照办理失业登记（鞍人社〔2020〕21号 一）' });
  }
  return checks;
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
