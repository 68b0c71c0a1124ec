/**
 * Inputs of the staff actions (docs/api.md), one schema each, run by the staff pages and by the
 * cloud. The reason codes come from shared/codes.ts, so a reason 人社厅发〔2020〕79号 一(二) forbids cannot
 * even be expressed.
 */
import { DEREGISTRATION_REASONS, REJECTION_REASONS, codesOf } from './codes';
import { isValidCompactDate, isValidMonth } from './dates';
import { normalizeIdNumber } from './id-number';
import { blankToUndefined, isRecord, text, z } from './zod-kit';

const applicationId = text('请提供申请编号', (s) => (/^[A-Za-z0-9_-]{1,64}$/.test(s) ? undefined : '申请编号格式不正确'));
const note = (max: number) => z.preprocess(blankToUndefined, text('说明不能为空', (s) => (s.length > max ? `说明不超过${max}个字` : undefined)).optional());

/** decideApplication: approve, or reject with a code of REJECTION_REASONS; R90 needs a note (docs/forms.md). */
export const decideSchema = z
  .object({
    applicationId,
    decision: z.enum(['approve', 'reject'], { error: '请选择“通过”或“不通过”' }),
    reasonCode: z.preprocess(blankToUndefined, z.enum(codesOf(REJECTION_REASONS), { error: '请从列表中选择不通过的原因' }).optional()),
    note: note(200),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reasonCode) ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: '不通过时须选择原因' });
    const needsNote = REJECTION_REASONS.find((r) => r.code === v.reasonCode && 'needsNote' in r && r.needsNote);
    if (v.decision === 'reject' && needsNote && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '选择“其他”时须填写说明' });
  });

export type DecideInput = z.output<typeof decideSchema>;

/** The verification note of AJC00A 31/32 must say how it was verified (人社厅发〔2020〕79号 一(四)); 10 characters at least. */
export const VERIFICATION_NOTE_MIN = 10;

/** Characters that carry meaning (letters of any script, digits): what a recorded verification must have. */
export function realTextLength(s: string): number {
  return (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

export const deregisterSchema = z
  .object({
    idNumber: z.string({ error: '请填写证件号码' }).transform((s, ctx) => {
      const r = normalizeIdNumber('01', s.trim());
      if (r.ok) return r.value;
      // Not a citizen ID number: HK/Macau/Taiwan documents are matched as typed.
      if (/^[A-Z0-9]{8,18}$/i.test(s.trim())) return s.trim().toUpperCase();
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }),
    reasonCode: z.enum(codesOf(DEREGISTRATION_REASONS), { error: '请从列表中选择注销原因' }),
    note: note(100),
  })
  .superRefine((v, ctx) => {
    // 人社厅发〔2020〕79号 一(四): 不能简单以连续3次拒绝接受公共就业服务、连续6个月无法取得联系为由注销 — only with a recorded verification.
    const needs = DEREGISTRATION_REASONS.find((r) => r.code === v.reasonCode && 'needsVerificationNote' in r && r.needsVerificationNote);
    // counted in letters, digits and 汉字: ten dots or ten spaces record nothing (docs/security.md)
    if (needs && (!v.note || realTextLength(v.note) < VERIFICATION_NOTE_MIN)) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `以此原因注销须记录核实情况（不少于${VERIFICATION_NOTE_MIN}个字）` });
    }
  });

export type DeregisterInput = z.output<typeof deregisterSchema>;

/**
 * The years a staff query may name. Outside them there are no records (the service began long
 * after 1990), and 0001-01 or 99991231 would only reach date arithmetic that has no such year: a
 * 400 with the field's message, not a 500.
 */
export const STAFF_YEARS = { min: 1990, max: 2099 } as const;
const inYears = (year: number) => year >= STAFF_YEARS.min && year <= STAFF_YEARS.max;
const YEARS_TEXT = `${STAFF_YEARS.min}年至${STAFF_YEARS.max}年之间`;

const compactDate = (what: string) =>
  z.string({ error: `请填写${what}` }).superRefine((s, ctx) => {
    if (!isValidCompactDate(s)) ctx.addIssue({ code: 'custom', message: `${what}格式为 YYYYMMDD` });
    else if (!inYears(Number(s.slice(0, 4)))) ctx.addIssue({ code: 'custom', message: `${what}须在${YEARS_TEXT}` });
  });

export const exportSchema = z
  .object({ from: compactDate('开始日期'), to: compactDate('结束日期') })
  .refine((v) => !isRecord(v) || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });

export const statsSchema = z.object({
  month: z.string({ error: '请选择统计月份' }).superRefine((s, ctx) => {
    if (!isValidMonth(s)) ctx.addIssue({ code: 'custom', message: '统计月份格式为 YYYY-MM' });
    else if (!inYears(Number(s.slice(0, 4)))) ctx.addIssue({ code: 'custom', message: `统计月份须在${YEARS_TEXT}` });
  }),
});

export const STAFF_FIELD_LABELS: Readonly<Record<string, string>> = {
  applicationId: '申请编号', decision: '审核结果', reasonCode: '原因', note: '说明', from: '开始日期', to: '结束日期', month: '统计月份',
};

/** A staff task (contact within 5 working days after registration, 人社厅发〔2020〕79号 一(三)). */
export const taskRefSchema = z.object({
  taskId: text('请提供任务编号', (s) => (/^[A-Za-z0-9:_-]{1,80}$/.test(s) ? undefined : '任务编号格式不正确')),
});

/** Closing a contact task: reached, or not reached with what was tried (the note is then required). */
export const completeTaskSchema = z
  .object({
    taskId: text('请提供任务编号', (s) => (/^[A-Za-z0-9:_-]{1,80}$/.test(s) ? undefined : '任务编号格式不正确')),
    outcome: z.enum(['reached', 'unreachable'], { error: '请选择“已联系上”或“未能联系上”' }),
    note: note(200),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'unreachable' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '未能联系上时，请写明联系方式和时间' });
  });

export const TASK_FIELD_LABELS: Readonly<Record<string, string>> = { taskId: '任务编号', outcome: '联系结果', note: '说明' };
