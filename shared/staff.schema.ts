/**
 * Inputs of the staff actions (docs/api.md), one schema each, run by the staff pages and by the
 * cloud. The reason codes come from shared/codes.ts, so a reason 人社厅发〔2020〕79号 一(二) forbids cannot
 * even be expressed.
 */
import { normalizeCaseNo } from './case-no';
import { DEREGISTRATION_REASONS, ID_TYPES, REJECTION_REASONS, TAIWAN_PASS, TAIWAN_PASS_MESSAGE, codesOf } from './codes';
import { isValidCompactDate, isValidMonth } from './dates';
import { normalizeIdNumber } from './id-number';
import { bypassProblem, forbiddenReasonProblem, sentenceProblem } from './staff-text';
import { blankToUndefined, isRecord, optionalText, text, whenClean, z } from './zod-kit';

const applicationId = text('请提供申请编号', (s) => (/^[A-Za-z0-9_-]{1,64}$/.test(s) ? undefined : '申请编号格式不正确'));
const note = (max: number) => z.preprocess(blankToUndefined, text('说明不能为空', (s) => (s.length > max ? `说明不超过${max}个字` : undefined)).optional());

/** decideApplication: approve, or reject with a code of REJECTION_REASONS; R90 needs a note (docs/forms.md). */
export const decideSchema = z
  .object({
    applicationId,
    decision: z.enum(['approve', 'reject', 'return'], { error: '请选择“通过”“不通过”或“退回补正”' }),
    reasonCode: z.preprocess(blankToUndefined, z.enum(codesOf(REJECTION_REASONS), { error: '请从列表中选择不通过的原因' }).optional()),
    note: note(200),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reasonCode) ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: '不通过时须选择原因' });
    const needsNote = REJECTION_REASONS.find((r) => r.code === v.reasonCode && 'needsNote' in r && r.needsNote);
    if (v.decision === 'reject' && needsNote && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '选择“其他”时须填写说明' });
    // 人社厅发〔2020〕79号 一(二), 大人社规发〔2025〕2号 三(一): the forbidden reasons may not come back through the note (shared/staff-text.ts).
    // 退回补正 says what to correct, in a real sentence; never a request for documents (人社厅发〔2020〕79号 一(二))
    if (v.decision === 'return') {
      const problem = !v.note ? '退回补正时须写明需要修改的内容' : sentenceProblem(v.note, '退回补正的说明');
      if (problem) ctx.addIssue({ code: 'custom', path: ['note'], message: problem });
    }
    // every decision's note reaches the citizen (approval too: "经办人员审核通过：…" on the timeline), so every one is screened
    const forbidden = forbiddenReasonProblem(v.note);
    if (forbidden) ctx.addIssue({ code: 'custom', path: ['note'], message: forbidden });
  });

export type DecideInput = z.output<typeof decideSchema>;

/** The AJC00A codes that end a registration only on the evidence the record holds (人社厅发〔2020〕79号 一(四)). */
export const EVIDENCE_CODES: readonly string[] = DEREGISTRATION_REASONS.filter((r) => 'needsVerificationNote' in r && r.needsVerificationNote).map((r) => r.code);
/** AJC00A 90 其他: the note says what the other situation is. */
export const OTHER_DEREGISTRATION_CODE = '90';

/**
 * The person staff name by their document: 证件类型 (AAC058, shared/codes.ts ID_TYPES; 居民身份证 when not
 * given) and its number, checked by the same rules and with the same messages as the citizen forms
 * (shared/id-number.ts `normalizeIdNumber`: GB 11643 check digit, 居住证 prefixes, 通行证 letters) and
 * replaced by its normal form (15→18, x→X). A number with a wrong check digit never reaches a lookup.
 */
const personIdFields = {
  idType: z.preprocess(blankToUndefined, z.enum(codesOf(ID_TYPES), { error: (iss) => (iss.input === TAIWAN_PASS.code ? TAIWAN_PASS_MESSAGE : '请选择证件类型') }).optional()),
  idNumber: z.string({ error: '请填写证件号码' }),
};

function idNumberRule(v: { idType?: string; idNumber: string }, ctx: z.RefinementCtx): void {
  const r = normalizeIdNumber(v.idType ?? '01', v.idNumber);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message, path: ['idNumber'] });
  else v.idNumber = r.value;
}
const idClean = whenClean(['idType', 'idNumber']);

/** getDeregistrationEvidence: whose record of contacts and services to show before a deregistration. */
export const evidenceQuerySchema = z.object(personIdFields).superRefine(idNumberRule, { when: idClean });

export const deregisterSchema = z
  .object({
    ...personIdFields,
    reasonCode: z.enum(codesOf(DEREGISTRATION_REASONS), { error: '请从列表中选择注销原因' }),
    note: note(100),
  })
  .superRefine(idNumberRule, { when: idClean })
  .superRefine((v, ctx) => {
    // 人社厅发〔2020〕79号 一(四): 不能简单以连续3次拒绝接受公共就业服务、连续6个月无法取得联系为由注销 — besides the
    // recorded evidence (checked by the cloud against the record of services), staff state what they verified.
    if (EVIDENCE_CODES.includes(v.reasonCode)) {
      const problem = sentenceProblem(v.note, '核实情况（另一独立依据或所做的核实）');
      if (problem) ctx.addIssue({ code: 'custom', path: ['note'], message: `依据人社厅发〔2020〕79号 一(四)，以此原因注销须写明核实情况。${problem}` });
    }
    if (v.reasonCode === OTHER_DEREGISTRATION_CODE) {
      const problem = sentenceProblem(v.note, '“其他”原因的说明') ?? bypassProblem(v.note);
      if (problem) ctx.addIssue({ code: 'custom', path: ['note'], message: problem });
    }
  }, { when: whenClean(['reasonCode', 'note']) });

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

/**
 * listReviewQueue: the region's pending reviews, or — given `caseNo` — the application of that 办件编号
 * whatever its state (a person quotes it on the phone). Typed as read out: case, spaces and hyphens
 * do not matter (shared/case-no.ts `normalizeCaseNo`).
 */
export const CASE_NO_MESSAGE = '办件编号格式不对，应如 SY-260512-K7Q2MA（事项字母-提交日期-6位字母数字）';
export const queueQuerySchema = z.object({
  caseNo: optionalText(CASE_NO_MESSAGE, (s) => (s.length <= 40 && normalizeCaseNo(s) ? undefined : CASE_NO_MESSAGE), (s) => (s.length <= 40 ? normalizeCaseNo(s) ?? s : s)),
});

/** A staff task (contact within 5 working days after registration, 人社厅发〔2020〕79号 一(三)). */
export const taskRefSchema = z.object({
  taskId: text('请提供任务编号', (s) => (/^[A-Za-z0-9:_-]{1,80}$/.test(s) ? undefined : '任务编号格式不正确')),
});

/** decideHardship: 就业困难人员认定 by staff (shared/hardship.ts); not recognizing needs the reason in a sentence. */
export const decideHardshipSchema = taskRefSchema
  .extend({
    recognized: z.boolean({ error: '请选择“认定”或“不予认定”' }),
    note: note(200),
  })
  .superRefine((v, ctx) => {
    // the note reaches the person whatever the outcome (进度查询 shows it with the 认定结果): always screened
    const forbidden = forbiddenReasonProblem(v.note);
    if (forbidden) ctx.addIssue({ code: 'custom', path: ['note'], message: forbidden });
    if (v.recognized) return;
    const problem = !v.note ? '不予认定时须写明原因，申请人会看到' : sentenceProblem(v.note, '不予认定的原因');
    if (problem) ctx.addIssue({ code: 'custom', path: ['note'], message: problem });
  });

/** Closing a contact task and recording an attempt: shared/contact-record.ts `contactAttemptSchema`. */
export const TASK_FIELD_LABELS: Readonly<Record<string, string>> = { taskId: '任务编号', outcome: '联系结果', note: '说明' };
