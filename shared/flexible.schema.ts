/**
 * 灵活就业登记 (`submitFlexibleEmployment`, docs/forms.md): declared by the person with a written 承诺书 when no
 * unit insurance, labour-contract filing or business registration exists (吉人社函字〔2018〕175号 二(三), §三(一)3;
 * 大人社规发〔2025〕2号 二(二) online declaration).
 */
import { EMPLOYMENT_FORMS, EMPLOYMENT_FORM_OTHER, EMPLOYMENT_FORM_PLATFORM, codesOf } from './codes';
import { commitmentSchema } from './commitment';
import { confirmationSchema, incomeSchema } from './registrations.schema';
import {
  PERSON_FIELD_LABELS,
  type SchemaContext,
  assertContext,
  countyCodeSchema,
  pastDateProblem,
  personShape,
  requestIdSchema,
  sixteenthBirthday,
  withPersonRules,
} from './person.schema';
import { charCount, hasIssue, optionalText, text, whenClean, z, withFieldLabels } from './zod-kit';

export function flexibleShape(ctx: SchemaContext) {
  assertContext(ctx);
  return {
    requestId: requestIdSchema,
    ...personShape(ctx),
    employmentForm: z.enum(codesOf(EMPLOYMENT_FORMS), { error: '请选择灵活就业形式' }),
    employmentFormOther: optionalText('请填写具体的灵活就业形式，不超过50个字', (s) =>
      charCount(s) > 50 ? '具体的灵活就业形式不超过50个字' : undefined,
    ),
    occupation: text('请填写从事的工作，如 网约配送、家政服务，不超过50个字', (s) =>
      charCount(s) > 50 ? '从事的工作不超过50个字' : undefined,
    ),
    startDate: text('请填写就业开始时间（年-月-日），如 2025-03-01', (s) => pastDateProblem(s, ctx.today, '就业开始时间')),
    workRegion: countyCodeSchema('工作地'),
    platform: optionalText('请填写服务平台名称，不超过50个字', (s) =>
      charCount(s) > 50 ? '服务平台名称不超过50个字' : undefined,
    ),
    // 承诺书 (吉人社函字〔2018〕175号 二(三): 结合本人书面承诺可认定其就业失业状态).
    commitment: commitmentSchema('flexible'),
    // Whether the income reaches the local 最低生活保障标准 (shared/registrations.ts INCOME_BELOW_MINIMUM).
    incomeAtLeastMinimumLiving: incomeSchema(),
    // The person's tick that their active 失业登记 ends (shared/registrations.ts SUPERSEDES).
    endsUnemploymentConfirmed: confirmationSchema('flexible'),
  };
}

/**
 * The 灵活就业 declaration. Cross-field rules beyond the person's:
 * - employmentForm 其他 → employmentFormOther required; dropped otherwise;
 * - employmentForm 新就业形态（平台）→ platform required; dropped otherwise (docs/forms.md: for 新就业形态);
 * - startDate not before the 16th birthday (鞍人社〔2020〕21号 一: working age starts at 16).
 */
export function makeFlexibleSchema(ctx: SchemaContext) {
  return withFieldLabels(flexibleRules(ctx), FLEXIBLE_FIELD_LABELS);
}

function flexibleRules(ctx: SchemaContext) {
  return withPersonRules(z.object(flexibleShape(ctx)), ctx)
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (v.employmentForm === EMPLOYMENT_FORM_OTHER) {
          if (v.employmentFormOther === undefined) {
            payload.addIssue({
              code: 'custom',
              message: '灵活就业形式选了“其他”，请填写具体形式',
              path: ['employmentFormOther'],
            });
          }
        } else {
          delete v.employmentFormOther;
        }
      },
      { when: whenClean(['employmentForm', 'employmentFormOther']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (v.employmentForm === EMPLOYMENT_FORM_PLATFORM) {
          if (v.platform === undefined) {
            payload.addIssue({
              code: 'custom',
              message: '新就业形态请填写服务平台名称，如 美团、滴滴出行',
              path: ['platform'],
            });
          }
        } else {
          delete v.platform;
        }
      },
      { when: whenClean(['employmentForm', 'platform']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (hasIssue(payload, 'idNumber') || hasIssue(payload, 'birthDate')) return;
        const sixteen = sixteenthBirthday(v.birthDate);
        if (!sixteen || sixteen > ctx.today) return; // under 16: already refused on idNumber / birthDate
        if ((v.startDate as string) < sixteen) {
          payload.addIssue({
            code: 'custom',
            message: `就业开始时间不能早于年满16周岁的日期（${sixteen}）`,
            path: ['startDate'],
          });
        }
      },
      { when: whenClean(['startDate', 'idType']) },
    );
}

export type FlexibleEmploymentInput = z.input<ReturnType<typeof makeFlexibleSchema>>;
export type FlexibleEmployment = z.output<ReturnType<typeof makeFlexibleSchema>>;

export const FLEXIBLE_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_FIELD_LABELS,
  employmentForm: '灵活就业形式',
  employmentFormOther: '具体灵活就业形式',
  occupation: '从事工作',
  startDate: '就业开始时间',
  workRegion: '工作地',
  platform: '服务平台名称',
  commitment: '承诺书',
  incomeAtLeastMinimumLiving: '月收入是否不低于当地最低生活保障标准',
  endsUnemploymentConfirmed: '确认终止失业登记',
};
