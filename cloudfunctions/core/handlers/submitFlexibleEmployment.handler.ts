/**
 * 灵活就业登记 (吉人社函字〔2018〕175号 二(三), 大人社规发〔2025〕2号 二(二)) with its written commitment. The machine
 * never rejects: all checks pass → approved at once (吉人社函字〔2018〕175号 "通过即为办理成功"), otherwise staff
 * review with the reasons shown and a due date in working days, at the office of the work place.
 */
import { beijingDate } from '@shared/dates';
import { makeFlexibleSchema } from '@shared/flexible.schema';
import { submitRegistration } from '../registration-submit';
import { schemaPerDay } from '../schema-cache';
import { parseSubmission } from '../submission-input';
import { defineParsed } from './handler';

const flexibleSchema = schemaPerDay(makeFlexibleSchema);

export const submitFlexibleEmployment = defineParsed((input, deps) => parseSubmission(flexibleSchema(beijingDate(deps.clock.now())), input), async (input, deps) => submitRegistration(deps, {
  kind: 'flexible',
  action: 'submitFlexibleEmployment',
  input,
  region: input.form.workRegion,
  // 吉人社函字〔2018〕175号 二(三): 无用人单位就业参保登记、无劳动用工备案、无工商注册登记 + 书面承诺 (the schema requires it).
  formChecks: () => [{ name: 'commitment', passed: true, detail: '书面承诺：已阅读并承诺' }],
  message: (app) => app.status === 'approved'
    ? { title: '灵活就业登记已办结', body: `您的灵活就业登记已于 ${beijingDate(app.submittedAt)} 办结。` }
    : { title: '灵活就业登记已受理，待人工审核', body: `工作人员将在 ${app.dueDate} 前完成审核。需核实：${app.reviewReasons.join('；')}` },
}));
