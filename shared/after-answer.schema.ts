/**
 * Inputs of what a citizen can do after the first answer (人社厅发〔2020〕79号 二(六): the closed loop
 * "申请—登记—服务—退出"): withdraw a pending application, ask for a review (复核) of a rejection, report
 * a job or a change (鞍人社〔2020〕21号 五: 鼓励登记失业人员主动报告求职经历和就业状态), change one's
 * details on an active registration. One schema each, run by the page and by the cloud.
 */
import { isCalendarDate } from './id-number';
import { DEREGISTRATION_REASONS } from './codes';
import { addressSchema, phoneSchema, requestIdSchema } from './person.schema';
import { blankToUndefined, optionalText, text, withFieldLabels, z } from './zod-kit';

const applicationId = text('请提供申请编号', (s) => (/^[A-Za-z0-9_-]{1,64}$/.test(s) ? undefined : '申请编号格式不正确'));

export const withdrawSchema = withFieldLabels(z.object({ requestId: requestIdSchema, applicationId }), { applicationId: '申请编号' });

/** getReturnedApplication: the returned application to correct (退回补正). */
export const returnedQuerySchema = withFieldLabels(z.object({ applicationId }), { applicationId: '申请编号' });

/** 复核: the person says why in their own words (5–500 characters). */
export const reviewRequestSchema = withFieldLabels(z.object({
  requestId: requestIdSchema,
  applicationId,
  reason: text('请写明申请复核的理由', (s) => (s.length < 5 ? '请用一两句话写明申请复核的理由' : s.length > 500 ? '理由不超过500个字' : undefined)),
}), { applicationId: '申请编号', reason: '复核理由' });

/**
 * The situations a person may report themselves: the AJC00A codes of a change in their own life
 * (11–14 work, 21 pension, 23 loss of the ability to work, 24 school / army / emigration). Codes that
 * only staff may establish (25, 26, 31, 32, 90) are not offered.
 */
export const SELF_REPORT_CODES = ['11', '12', '13', '14', '21', '23', '24'] as const;
export type SelfReportCode = (typeof SELF_REPORT_CODES)[number];

export const SELF_REPORT_LABELS: Readonly<Record<SelfReportCode, string>> = Object.freeze(
  Object.fromEntries(SELF_REPORT_CODES.map((c) => [c, DEREGISTRATION_REASONS.find((r) => r.code === c)!.label])) as Record<SelfReportCode, string>,
);

/** Situations where naming the employer or business helps staff (optional still). */
export const UNIT_SITUATIONS: readonly SelfReportCode[] = ['11', '12', '14'];

export function makeReportEmploymentSchema(today: string) {
  return withFieldLabels(z.object({
    requestId: requestIdSchema,
    situation: z.enum(SELF_REPORT_CODES, { error: '请选择您的情况' }),
    unit: optionalText('单位或经营名称不超过100个字，可不填', (s) => (s.length > 100 ? '单位或经营名称不超过100个字' : undefined)),
    since: text('请填写开始的日期', (s) => (!isCalendarDate(s) ? '日期格式如 2026-03-01' : s > today ? '开始日期不能晚于今天' : undefined)),
    // never silently: the person confirms that the registration ends
    confirmEnds: z.literal(true, { error: '请确认：提交后您的失业登记将按本人申报注销' }),
  }), { situation: '您的情况', unit: '单位或经营名称', since: '开始日期', confirmEnds: '确认注销' });
}

/** Details a registered person may change (人社厅发〔2020〕79号 二(六)); at least one is given. */
export const updateRegistrationSchema = withFieldLabels(z.object({
  requestId: requestIdSchema,
  phone: z.preprocess(blankToUndefined, phoneSchema.optional()),
  residenceAddress: z.preprocess((v) => (v === null ? undefined : v), addressSchema('常住地址').optional()),
  jobIntentions: z.preprocess(blankToUndefined, z.array(text('求职意向不能为空', (s) => (s.length > 30 ? '每条求职意向不超过30个字' : undefined)), { error: '求职意向格式不正确' }).max(3, { error: '求职意向最多3条' }).optional()),
  skills: optionalText('技能特长不超过200个字，可不填', (s) => (s.length > 200 ? '技能特长不超过200个字' : undefined)),
}).superRefine((v, ctx) => {
  if (v.phone === undefined && v.residenceAddress === undefined && v.jobIntentions === undefined && v.skills === undefined) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: '请至少修改一项信息' });
  }
}), { phone: '手机号码', residenceAddress: '常住地址', jobIntentions: '求职意向', skills: '技能特长' });
