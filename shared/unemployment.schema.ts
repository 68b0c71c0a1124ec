/**
 * 失业人员登记表 (`submitUnemploymentRegistration`): docs/forms.md, from the form of 鞍人社〔2020〕21号 附件1 and the richer
 * one of 渝人社办〔2020〕79号 (户籍性质, 人员类别, three 求职意向). No proof documents are asked for (人社厅发〔2020〕79号 一(二)).
 */
import {
  CATEGORIES_WITH_CERTIFICATE,
  HOUSEHOLD_TYPES,
  PERSON_CATEGORIES,
  PLACES_NEEDING_REGION,
  REASON_OTHER,
  REGISTRATION_PLACES,
  STABLE_EMPLOYMENT_AT_RESIDENCE,
  UNEMPLOYMENT_REASONS,
  codesOf,
} from './codes';
import { commitmentSchema } from './commitment';
import { asksStableEmployment, profileFor } from './region-profiles';
import { MAINLAND_EMPLOYMENT_NEEDED, isHkMacaoTaiwanResident } from './registrations';
import { confirmationSchema } from './registrations.schema';
import {
  PERSON_FIELD_LABELS,
  type SchemaContext,
  assertContext,
  countyCodeSchema,
  personShape,
  requestIdSchema,
  sixteenthBirthday,
  withPersonRules,
} from './person.schema';
import { blankToUndefined, charCount, hasIssue, optionalEnum, optionalText, rows, text, whenClean, z, withFieldLabels } from './zod-kit';

export interface UnemploymentSchemaOptions {
  /**
   * 户籍性质 is starred on 渝人社办〔2020〕79号's form but absent from 鞍人社〔2020〕21号's; docs/forms.md leaves it to the region's
   * profile. Default: optional.
   */
  householdTypeRequired?: boolean;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function formatMonth(ym: string): string {
  return `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;
}

export function unemploymentShape(ctx: SchemaContext) {
  assertContext(ctx);
  const thisMonth = ctx.today.slice(0, 7);
  return {
    requestId: requestIdSchema,
    ...personShape(ctx),
    // 失业时间* (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件: 年 月). Not in the future; the lower bound (month of the 16th birthday,
    // 鞍人社〔2020〕21号 一) needs the birth date and is checked with the person rules.
    unemployedSince: text('请填写失业时间（年-月），如 2024-06', (s) => {
      if (!YEAR_MONTH.test(s)) return '失业时间格式为 年-月，如 2024-06';
      if (s > thisMonth) return `失业时间不能晚于本月（${formatMonth(thisMonth)}）`;
      return undefined;
    }),
    // 登记失业地 (人社厅发〔2020〕79号 一(一): 户籍地、常住地、就业地、参保地).
    registrationPlace: z.enum(codesOf(REGISTRATION_PLACES), { error: '请选择在哪里登记失业：户籍地、常住地、就业地或参保地' }),
    registrationRegion: z.preprocess(blankToUndefined, countyCodeSchema('登记失业地').optional()),
    // 失业原因* (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件, 13 boxes); 其他 → 请填写.
    reason: z.enum(codesOf(UNEMPLOYMENT_REASONS), { error: '请选择失业原因' }),
    reasonOther: optionalText('请填写具体的失业原因，不超过100个字', (s) =>
      charCount(s) > 100 ? '具体的失业原因不超过100个字' : undefined,
    ),
    // 是否申领失业保险金* (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件). Never a condition of registering (人社厅发〔2020〕79号 一(二)).
    claimsUnemploymentInsurance: z.boolean({ error: '请选择是否申领失业保险金' }),
    // 户籍性质 (渝人社办〔2020〕79号 form); required where the region's profile says so (region-profiles.ts).
    householdType: optionalEnum(codesOf(HOUSEHOLD_TYPES), '请选择户籍性质'),
    // 在常住地稳定就业时间 (吉人社函字〔2018〕175号 四(三)): asked only where the profile reports non-local persons apart.
    stableEmploymentAtResidence: optionalEnum(codesOf(STABLE_EMPLOYMENT_AT_RESIDENCE), '请选择在常住地稳定就业是否满6个月'),
    // 人员类别 (渝人社办〔2020〕79号 form, 可多选).
    personCategories: z.preprocess(
      blankToUndefined,
      z
        .array(z.enum(codesOf(PERSON_CATEGORIES), { error: '请从列表中选择人员类别' }), {
          error: '请从列表中选择人员类别，可多选',
        })
        .max(PERSON_CATEGORIES.length, '人员类别不能重复选择')
        .refine((list) => new Set(list).size === list.length, '人员类别不能重复选择')
        .optional(),
    ),
    // 人员类别证件号码 (渝人社办〔2020〕79号 form). Optional, never required: 人社厅发〔2020〕79号 一(二) forbids asking for anything
    // beyond the ID to prove a status; it is kept only with a category that has such a certificate.
    categoryCertificateNo: optionalText('人员类别证件号码只能是字母、数字，不超过30位，可不填', (s) =>
      /^[A-Za-z0-9-]{1,30}$/.test(s) ? undefined : '人员类别证件号码只能是字母、数字，不超过30位，可不填',
    ),
    // 求职意向 (渝人社办〔2020〕79号 form: three rows; 鞍人社〔2020〕21号: two).
    jobIntentions: rows(
      text('求职意向每项是一段文字，不超过20个字', (s) => (charCount(s) > 20 ? '每项求职意向不超过20个字' : undefined)),
      (row) => blankToUndefined(row) === undefined,
      3,
      { invalid: '求职意向请按项填写，最多3项', tooMany: '求职意向最多填写3项' },
    ),
    // 其他需要说明的事项 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件).
    remarks: optionalText('其他需要说明的事项不超过500个字', (s) =>
      charCount(s) > 500 ? `其他需要说明的事项不超过500个字（现在${charCount(s)}个字）` : undefined,
    ),
    // 承诺 (鞍人社〔2020〕21号 附件1; 人社厅发〔2020〕79号 一(二) 告知承诺制).
    commitment: commitmentSchema('unemployment'),
    // 港澳台居民: 在内地（大陆）就业后失业 (鞍人社〔2020〕21号 一); required for them, dropped for others.
    employedInMainlandBefore: z.boolean({ error: MAINLAND_EMPLOYMENT_NEEDED }).optional(),
    // 灵活就业转失业 (吉人社函字〔2018〕175号 二(三)): the person's tick that their active 灵活就业登记 ends.
    endsFlexibleConfirmed: confirmationSchema('unemployment'),
  };
}

/**
 * The whole 失业人员登记表. Cross-field rules beyond the person's:
 * - reason 其他 → reasonOther required (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件: 其他：____（请填写）); dropped otherwise;
 * - registrationPlace 就业地/参保地 → registrationRegion (county) required (人社厅发〔2020〕79号 一(一)); for 户籍地/常住地
 *   the output's registrationRegion is that address's county, so every record names its region;
 * - categoryCertificateNo kept only with a category in CATEGORIES_WITH_CERTIFICATE;
 * - unemployedSince not before the month the person turned 16 (鞍人社〔2020〕21号 一: 年满16周岁（含）);
 * - householdType required when the region's option says so.
 */
export function makeUnemploymentSchema(ctx: SchemaContext, options: UnemploymentSchemaOptions = {}) {
  return withFieldLabels(unemploymentRules(ctx, options), UNEMPLOYMENT_FIELD_LABELS);
}

function unemploymentRules(ctx: SchemaContext, options: UnemploymentSchemaOptions) {
  return withPersonRules(z.object(unemploymentShape(ctx)), ctx)
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (v.reason === REASON_OTHER) {
          if (v.reasonOther === undefined) {
            payload.addIssue({ code: 'custom', message: '失业原因选了“其他”，请填写具体原因', path: ['reasonOther'] });
          }
        } else {
          delete v.reasonOther;
        }
      },
      { when: whenClean(['reason', 'reasonOther']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        const place = v.registrationPlace as string;
        if (PLACES_NEEDING_REGION.includes(place as never)) {
          if (v.registrationRegion === undefined) {
            payload.addIssue({
              code: 'custom',
              message: `请选择${place === 'employment' ? '就业地（失业前就业登记或劳动用工备案的地方）' : '参保地（失业前参加社会保险的地方）'}的省、市、县（区）`,
              path: ['registrationRegion'],
            });
          }
          return;
        }
        const address = (place === 'hukou' ? v.hukouAddress : v.residenceAddress) as { regionCode?: string } | undefined;
        const addressKey = place === 'hukou' ? 'hukouAddress' : 'residenceAddress';
        if (address && !hasIssue(payload, addressKey)) v.registrationRegion = address.regionCode;
        else delete v.registrationRegion;
      },
      { when: whenClean(['registrationPlace', 'registrationRegion']) },
    )
    .superRefine(
      (value) => {
        const v = value as Record<string, unknown>;
        const categories = (v.personCategories as string[] | undefined) ?? [];
        if (!categories.some((c) => CATEGORIES_WITH_CERTIFICATE.includes(c))) delete v.categoryCertificateNo;
      },
      { when: whenClean(['personCategories', 'categoryCertificateNo']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        // birthDate is filled in by the person rules; any issue on the ID or birth date means it is unknown.
        if (hasIssue(payload, 'idNumber') || hasIssue(payload, 'birthDate')) return;
        const sixteen = sixteenthBirthday(v.birthDate);
        if (!sixteen || sixteen > ctx.today) return; // under 16: already refused on idNumber / birthDate
        const firstMonth = sixteen.slice(0, 7);
        if ((v.unemployedSince as string) < firstMonth) {
          payload.addIssue({
            code: 'custom',
            message: `失业时间不能早于年满16周岁的月份（${formatMonth(firstMonth)}）`,
            path: ['unemployedSince'],
          });
        }
      },
      { when: whenClean(['unemployedSince', 'idType']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (!isHkMacaoTaiwanResident(v.idType, v.idNumber)) {
          delete v.employedInMainlandBefore;
        } else if (v.employedInMainlandBefore === undefined) {
          payload.addIssue({ code: 'custom', message: MAINLAND_EMPLOYMENT_NEEDED, path: ['employedInMainlandBefore'] });
        }
      },
      { when: whenClean(['employedInMainlandBefore', 'idType', 'idNumber']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        const region = registrationRegionOf(v);
        const profile = region ? profileFor(region) : undefined;
        if ((options.householdTypeRequired || profile?.householdTypeRequired) && v.householdType === undefined) {
          payload.addIssue({ code: 'custom', message: '请选择户籍性质', path: ['householdType'] });
        }
        if (region && asksStableEmployment(v, region)) {
          if (v.stableEmploymentAtResidence === undefined) {
            payload.addIssue({ code: 'custom', message: '请选择在常住地稳定就业是否满6个月（农村户籍或非本地户籍人员须填写，用于统计）', path: ['stableEmploymentAtResidence'] });
          }
        } else {
          delete v.stableEmploymentAtResidence;
        }
      },
      { when: whenClean(['householdType', 'stableEmploymentAtResidence', 'registrationPlace', 'registrationRegion', 'hukouAddress', 'residenceAddress']) },
    );
}

/** The county where the person registers, as the schema resolved it (registrationRegion, else the chosen address). */
function registrationRegionOf(v: Record<string, unknown>): string | undefined {
  if (typeof v.registrationRegion === 'string') return v.registrationRegion;
  const address = (v.registrationPlace === 'hukou' ? v.hukouAddress : v.residenceAddress) as { regionCode?: unknown } | undefined;
  return typeof address?.regionCode === 'string' ? address.regionCode : undefined;
}

export type UnemploymentRegistrationInput = z.input<ReturnType<typeof makeUnemploymentSchema>>;
export type UnemploymentRegistration = z.output<ReturnType<typeof makeUnemploymentSchema>>;

export const UNEMPLOYMENT_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_FIELD_LABELS,
  unemployedSince: '失业时间',
  registrationPlace: '登记失业地',
  registrationRegion: '登记失业地所在地区',
  reason: '失业原因',
  reasonOther: '具体失业原因',
  claimsUnemploymentInsurance: '是否申领失业保险金',
  householdType: '户籍性质',
  stableEmploymentAtResidence: '在常住地稳定就业时间',
  personCategories: '人员类别',
  categoryCertificateNo: '人员类别证件号码',
  jobIntentions: '求职意向',
  remarks: '其他需要说明的事项',
  commitment: '承诺',
  employedInMainlandBefore: '是否曾在内地（大陆）就业',
  endsFlexibleConfirmed: '确认终止灵活就业登记',
};
