/**
 * What decides how a 失业登记 is handled, from the form alone: the conditions the machine cannot decide
 * from outside data (鞍人社〔2020〕21号 一), which send the application to a person with the reason, never
 * refuse it. The office of the place the person chose (人社厅发〔2020〕79号 一(一)) is the parsed form's
 * `registrationRegion` (shared/unemployment.schema.ts).
 */
import type { Check } from '@shared/api';
import { HEALTH_DISABLED } from '@shared/codes';
import { WORK_ABILITY_REVIEW, isHkMacaoTaiwanResident } from '@shared/registrations';

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
