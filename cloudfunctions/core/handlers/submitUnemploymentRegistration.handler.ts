/**
 * 失业登记 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件 失业人员登记表, 人社厅发〔2020〕79号 一) with its written
 * commitment. The machine never rejects: all checks pass → approved at once (秒办, 渝人社办〔2020〕79号),
 * otherwise staff review with the reasons shown and a due date in working days. The office is the one
 * of the place the person chose (人社厅发〔2020〕79号 一(一)): the parsed form names it (`registrationRegion`).
 */
import { fail, ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { contactPromise } from '@shared/region-profiles';
import { makeUnemploymentSchema } from '@shared/unemployment.schema';
import type { Deps } from '../deps';
import { submitRegistration } from '../registration-submit';
import { schemaPerDay } from '../schema-cache';
import { parseSubmission } from '../submission-input';
import { unemploymentConditionChecks } from '../unemployment-conditions';
import { defineParsed } from './handler';

const unemploymentSchema = schemaPerDay(makeUnemploymentSchema);
const NO_REGION = '请选择在哪里登记失业：户籍地、常住地、就业地或参保地';

/** The form, its region named: the schema gives every valid form one (the chosen county, or that of the address named). */
function parse(input: unknown, deps: Deps) {
  const p = parseSubmission(unemploymentSchema(beijingDate(deps.clock.now())), input);
  if (!p.ok) return p;
  const { registrationRegion } = p.data.form;
  if (!registrationRegion) return fail('VALIDATION_FAILED', NO_REGION, { registrationRegion: NO_REGION });
  return ok({ ...p.data, form: { ...p.data.form, registrationRegion } });
}

export const submitUnemploymentRegistration = defineParsed(parse, async (input, deps) => submitRegistration(deps, {
  kind: 'unemployment',
  action: 'submitUnemploymentRegistration',
  input,
  region: input.form.registrationRegion,
  formChecks: unemploymentConditionChecks,
  message: (app) => app.status === 'approved'
    ? { title: '失业登记已办结', body: `您的失业登记已于 ${beijingDate(app.submittedAt)} 办结。${contactPromise(app.region)}，提供政策、岗位和培训服务。` }
    : { title: '失业登记已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。需核实：${app.reviewReasons.join('；')}` },
}));
