/**
 * The schema parts of shared/registrations.ts, apart so that the words and rules there carry no zod
 * into the pages that only need them (the weapp main package: 我的电子证).
 */
import { CONFIRM_LABEL, INCOME_BELOW_MINIMUM, type RegistrationKind } from './registrations';
import { z } from './zod-kit';

/**
 * The confirmation field of a form: absent, or the literal `true` (a tick the person gave after
 * reading `endsWarning`). Whether it is needed depends on what the person holds, which only the
 * cloud knows; it answers 409 with the warning when it is needed and missing.
 */
export function confirmationSchema(opening: RegistrationKind) {
  return z.literal(true, { error: CONFIRM_LABEL[opening] }).optional();
}

/**
 * 月收入是否不低于当地最低生活保障标准 (灵活就业 form). Below it the person is not 处于就业状态 (鞍人社〔2020〕21号 五(二));
 * "从事一定收入的劳动，但收入低于当地最低生活保障标准" is a 失业原因 of the 失业人员登记表: they are told to keep (or
 * file) the 失业登记 instead. Needed when the 灵活就业 would end a 失业登记 (AJC00A 13 records this income).
 */
/** 月收入是否不低于当地最低生活保障标准 (灵活就业 form): see INCOME_BELOW_MINIMUM in shared/registrations.ts. */
export function incomeSchema() {
  return z.boolean({ error: '请选择月收入是否不低于当地最低生活保障标准' }).optional().refine((v) => v !== false, INCOME_BELOW_MINIMUM);
}
