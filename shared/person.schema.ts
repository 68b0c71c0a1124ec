/**
 * The person block every form starts with (docs/forms.md "Person"; the 个人基本信息 of the 鞍人社〔2020〕21号 / 渝人社办〔2020〕79号
 * 失业人员登记表). The client and the cloud parse with the same schema, so a field says the same thing
 * on both sides.
 */
import {
  DISABILITY_LEVELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  HEALTH_DISABLED,
  HEALTH_STATUSES,
  ID_TYPES,
  POLITICAL_STATUSES,
  TAIWAN_PASS,
  TAIWAN_PASS_MESSAGE,
  codesOf,
  labelOf,
} from './codes';
import { ID_TYPES_WITH_BIRTH_DATE, ageOn, birthdayAt, isCalendarDate, normalizeIdNumber } from './id-number';
import { isCountyCode } from './regions';
import { blankToUndefined, charCount, hasIssue, isRecord, optionalEnum, optionalText, rows, text, whenClean, z } from './zod-kit';

/** What a schema needs to know about the moment of the application. */
export interface SchemaContext {
  /** YYYY-MM-DD, Beijing date of the application, from the server clock port */
  today: string;
}

/** Working age starts at 16 (鞍人社〔2020〕21号 一: 年满16周岁（含）; 人社厅发〔2020〕79号 三(十)). */
export const MIN_AGE = 16;

export const UNDER_AGE_MESSAGE = '未满16周岁，暂不能办理';

/** A context with a malformed date is a bug in the caller (the clock port), not bad input: fail loudly. */
export function assertContext(ctx: SchemaContext): void {
  if (!isRecord(ctx) || !isCalendarDate(ctx.today)) {
    throw new TypeError('SchemaContext.today must be a YYYY-MM-DD date');
  }
}

// ---- single fields ---------------------------------------------------------------------------

/** Client-generated idempotency key (docs/api.md `requestId`). */
export const requestIdSchema = z
  .string({ error: '提交编号缺失，请刷新页面后重新提交' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号无效，请刷新页面后重新提交');

const NAME_MISSING = '请填写姓名，2–50个字';

/** Middle dots people type instead of `·` (U+00B7): •, ・, ･, ‧, ⋅. */
function normalizeNameDots(s: string): string {
  return s.replace(/[\u2022\u30FB\uFF65\u2027\u22C5]/g, '·');
}

/**
 * 姓名 (AAC003): 人社厅发〔2020〕79号 附件 rule 【数据】不能含有半角或全角空格, length ≤ 50; docs/forms.md: at least 2
 * characters, `·` allowed (少数民族 and foreign-origin names: 阿依古丽·买买提). Leading/trailing spaces
 * are trimmed; spaces inside are refused, since the national export would refuse them.
 */
export function nameProblem(s: string): string | undefined {
  if (/[\s\u3000]/.test(s)) return '姓名中不能有空格（包括全角空格），请删除空格';
  // docs/security.md "Names": invisible characters and look-alike radicals are refused, never
  // silently removed — the name must match the 社保卡 base and the export character for character
  if (/[\u200B-\u200D\u2060\uFEFF\u00AD\u034F\u180E]/.test(s)) return '姓名中有看不见的字符（常见于复制粘贴），请删除后重新填写';
  if (/[\u2E80-\u2FDF\u31C0-\u31EF]/.test(s)) return '姓名中有部首或笔画符号，请改用规范汉字输入';
  const n = charCount(s);
  if (n < 2) return '姓名至少2个字';
  if (n > 50) return '姓名不能超过50个字';
  if (!/^[\p{Script=Han}A-Za-z·]+$/u.test(s)) return '姓名只能用汉字、英文字母和间隔号“·”';
  if (/^·|·$|··/.test(s)) return '间隔号“·”只能写在两段姓名之间';
  return undefined;
}

export const nameSchema = text(NAME_MISSING, nameProblem, normalizeNameDots);

/** 手机 (docs/forms.md): mainland mobile. Spaces and dashes people type between digit groups are removed. */
export const phoneSchema = text('请填写手机号码，11位数字，以1开头', (s) =>
  /^1[3-9]\d{9}$/.test(s) ? undefined : '手机号码应为11位数字，以13至19开头，请核对',
  (s) => s.replace(/[\s\u3000-]/g, ''),
);

/** 固定电话: optional; area code (0 + 2–3 digits) optional, 7–8 digit number, optional extension. */
export const landlineSchema = optionalText('固定电话格式如 0411-84201528，可不填', (s) =>
  /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/.test(s) ? undefined : '固定电话格式如 0411-84201528（区号-号码），可不填',
  (s) => s.replace(/[\s\u3000]/g, ''),
);

export const emailSchema = optionalText('电子邮件格式如 name@example.com，可不填', (s) =>
  s.length <= 100 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s) ? undefined : '电子邮件格式如 name@example.com，可不填',
);

export const otherContactSchema = optionalText('其他联系方式不超过50个字，可不填', (s) =>
  charCount(s) > 50 ? '其他联系方式不超过50个字' : /[\u0000-\u001F\u007F]/.test(s) ? '其他联系方式含有无法识别的字符' : undefined,
);

/** A county-level 行政区划代码 picked from the region list (docs/forms.md: province/city/county picked, not typed). */
export function countyCodeSchema(what: string) {
  return text(`请选择${what}的省、市、县（区）`, (s) =>
    isCountyCode(s) ? undefined : `请从列表中选择${what}，选到县（区）一级`,
  );
}

/** 户籍地址 / 常住地址: `{ regionCode, detail }` (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件: 省 市 县 + 详细地址). */
export function addressSchema(what: string) {
  return z.object(
    {
      regionCode: countyCodeSchema(what),
      detail: text(`请填写${what}的详细地址（街道、小区、门牌号）`, (s) =>
        charCount(s) > 100 ? `${what}的详细地址不超过100个字` : undefined,
      ),
    },
    { error: `请选择${what}的省、市、县（区）并填写详细地址` },
  );
}

/** YYYY-MM-DD that exists and is not after `today`. */
export function pastDateProblem(s: string, today: string, what: string): string | undefined {
  if (!isCalendarDate(s)) return `${what}格式为 年-月-日，如 1990-03-15，请核对日期是否存在`;
  if (s > today) return `${what}不能晚于今天`;
  return undefined;
}

const qualificationSchema = z.object(
  {
    title: text('请填写职业（工种）资格或专业技术职务名称', (s) =>
      charCount(s) > 50 ? '职业资格名称不超过50个字' : undefined,
    ),
    // The level is optional: some titles have none (鞍人社〔2020〕21号 form: 名称及级别 in one cell).
    level: optionalText('等级（级别）不超过20个字，可不填', (s) => (charCount(s) > 20 ? '等级（级别）不超过20个字' : undefined)),
  },
  { error: '请填写职业（工种）资格或专业技术职务名称' },
);

/** A qualification row the person left empty is not a qualification. */
function isBlankQualification(row: unknown): boolean {
  return (
    blankToUndefined(row) === undefined ||
    (isRecord(row) && blankToUndefined(row.title) === undefined && blankToUndefined(row.level) === undefined)
  );
}

// ---- the block -------------------------------------------------------------------------------

/**
 * The person fields as a zod shape, to spread into a form's `z.object({...})`; apply `withPersonRules`
 * to the object for the cross-field rules.
 *
 * Addition to docs/forms.md: `birthDate` (YYYY-MM-DD). 港澳通行证 (04/05) numbers carry no birth
 * date, yet the age rule (鞍人社〔2020〕21号 一) needs one, so those two types must give it. For 01/17/90 the
 * parsed output's `birthDate` is the one in the ID number, whatever was sent; so after parsing every
 * person has a `birthDate`.
 */
export function personShape(ctx: SchemaContext) {
  assertContext(ctx);
  return {
    name: nameSchema,
    idType: z.enum(codesOf(ID_TYPES), { error: (iss) => (iss.input === TAIWAN_PASS.code ? TAIWAN_PASS_MESSAGE : '请选择证件类型') }),
    // Format depends on idType: checked (and normalised: 15→18, x→X) by withPersonRules.
    idNumber: text('请填写证件号码'),
    birthDate: optionalText('出生日期格式为 年-月-日，如 1990-03-15', (s) => pastDateProblem(s, ctx.today, '出生日期')),
    gender: z.enum(codesOf(GENDERS), { error: '请选择性别' }),
    ethnicity: z.enum(codesOf(ETHNICITIES), { error: '请选择民族' }),
    politicalStatus: optionalEnum(codesOf(POLITICAL_STATUSES), '请从列表中选择政治面貌，可不填'),
    education: z.enum(codesOf(EDUCATIONS), { error: '请选择学历（文化程度）' }),
    health: z.enum(codesOf(HEALTH_STATUSES), { error: '请选择健康状况' }),
    disabilityLevel: optionalEnum(codesOf(DISABILITY_LEVELS), '请选择伤残等级（一级至十级）'),
    hukouAddress: addressSchema('户籍地址'),
    residenceAddress: addressSchema('常住地址'),
    phone: phoneSchema,
    landline: landlineSchema,
    email: emailSchema,
    otherContact: otherContactSchema,
    qualifications: rows(qualificationSchema, isBlankQualification, 3, {
      invalid: '职业资格请按项填写，最多3项',
      tooMany: '职业资格最多填写3项',
    }),
  };
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * The person cross-field rules, on any object schema holding the person fields:
 * - idNumber must match idType (id-number.ts) and is replaced by its normal form (15→18, x→X);
 * - gender must agree with the number's 17th digit (docs/forms.md `gender`; 人社厅发〔2020〕79号 附件 AAC002
 *   【数据】公民身份号码与性别相符) — the message goes on `gender`;
 * - birthDate: taken from the number for 01/17/90, required for 04/05;
 * - age ≥ 16 on ctx.today (鞍人社〔2020〕21号 一) — on `idNumber` when the date came from it, else `birthDate`;
 * - disabilityLevel required iff health = 6 残疾 (鞍人社〔2020〕21号 相关说明 2); dropped otherwise, so a value left
 *   over from an earlier choice in the form is not stored.
 */
export function withPersonRules<T extends AnyObject>(schema: T, ctx: SchemaContext): T {
  assertContext(ctx);
  return schema
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        const idType = v.idType as string;
        const result = normalizeIdNumber(idType, v.idNumber, { today: ctx.today });
        if (!result.ok) {
          payload.addIssue({ code: 'custom', message: result.message, path: ['idNumber'] });
          return;
        }
        v.idNumber = result.value;
        let ageField: 'idNumber' | 'birthDate' = 'idNumber';
        if (ID_TYPES_WITH_BIRTH_DATE.includes(idType as never)) {
          v.birthDate = result.birthDate;
          if (result.gender && v.gender !== result.gender && !hasIssue(payload, 'gender')) {
            payload.addIssue({
              code: 'custom',
              message: `性别与证件号码不一致：号码显示为${labelOf(GENDERS, result.gender)}，请核对性别或证件号码`,
              path: ['gender'],
            });
          }
        } else {
          ageField = 'birthDate';
          if (hasIssue(payload, 'birthDate')) return;
          if (v.birthDate === undefined) {
            payload.addIssue({
              code: 'custom',
              message: '持通行证办理的，请填写出生日期（年-月-日）',
              path: ['birthDate'],
            });
            return;
          }
        }
        const birthDate = v.birthDate as string;
        if (ageOn(birthDate, ctx.today) < MIN_AGE) {
          payload.addIssue({ code: 'custom', message: UNDER_AGE_MESSAGE, path: [ageField] });
        }
      },
      { when: whenClean(['idType', 'idNumber']) },
    )
    .superRefine(
      (value, payload) => {
        const v = value as Record<string, unknown>;
        if (v.health === HEALTH_DISABLED) {
          if (v.disabilityLevel === undefined) {
            payload.addIssue({
              code: 'custom',
              message: '健康状况为残疾的，请选择伤残等级（一级至十级）',
              path: ['disabilityLevel'],
            });
          }
        } else {
          delete v.disabilityLevel;
        }
      },
      { when: whenClean(['health', 'disabilityLevel']) },
    ) as T;
}

/** The date a person turns 16, from a parsed person (undefined if the birth date is unknown). */
export function sixteenthBirthday(birthDate: unknown): string | undefined {
  return isCalendarDate(birthDate) ? birthdayAt(birthDate, MIN_AGE) : undefined;
}

/** The person block on its own (the 《就业创业证》 application adds only `requestId` and `reissue`). */
export function makePersonSchema(ctx: SchemaContext) {
  return withPersonRules(z.object(personShape(ctx)), ctx);
}

export type Person = z.output<ReturnType<typeof makePersonSchema>>;
export type PersonInput = z.input<ReturnType<typeof makePersonSchema>>;

export { PERSON_FIELD_LABELS } from './person.labels';
