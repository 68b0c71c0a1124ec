/**
 * The record of contacts and services of one 失业登记 (鞍人社〔2020〕21号 四: 全程记录提供服务、落实政策情况; 五: 实时录入服务
 * 情况及结果), and what it proves. 人社厅发〔2020〕79号 一(四): 不能简单以连续3次拒绝接受公共就业服务、连续6个月无法取得联系为由，
 * 注销失业人员失业登记 — so AJC00A 31 and 32 are allowed only when this record shows them:
 *  - 32: every one of at least DEREGISTER_32_MONTHS consecutive calendar months holds a recorded, failed contact
 *    attempt, with no successful contact since the first of them;
 *  - 31: at least DEREGISTER_31_REFUSALS contacts in a row on which services were offered and refused (each
 *    with its date), no offer accepted since the first of them.
 * Either way staff also state what they verified (shared/staff.schema.ts), and nothing applies these codes
 * on its own (no timer, no import). Attempts are stamped by the server clock when staff record them: a
 * record cannot be back-dated to reach six months in a day.
 *
 * Pure, no platform imports: the cloud decides with it and the staff page shows the same evidence.
 */
import { CONTACT_CHANNELS, FOLLOW_UP_EMPLOYMENT_STATUSES, SERVICE_OFFERS, codesOf, labelOf } from './codes';
import { forbiddenReasonProblem } from './staff-text';
import { blankToUndefined, optionalText, text, z } from './zod-kit';

export const DEREGISTER_32_MONTHS = 6;
export const DEREGISTER_31_REFUSALS = 3;

export type ServiceOutcome = 'accepted' | 'refused';

export interface ContactAttempt {
  /** epoch ms, server clock */
  at: number;
  /** Beijing date YYYY-MM-DD of `at` */
  date: string;
  /** the task the attempt was made for (contact: within 5 working days; followcall: the monthly follow-up) */
  taskId: string;
  taskKind: string;
  channel: string;
  reached: boolean;
  /** what staff wrote (what was tried, what was said) */
  note: string | null;
  /** services offered on a reached contact, each accepted or refused */
  offers: Array<{ service: string; outcome: ServiceOutcome }>;
  /** on a reached contact (大人社规发〔2025〕2号 三(三)): 就业状况, 技能水平, 就业意愿, and the next step agreed */
  employmentStatus?: string | null;
  skills?: string | null;
  intentions?: string | null;
  nextStep?: string | null;
  by: string;
  byName: string;
}

/** The stored record of one registration (collection `services`, id = the registration's applicationId). */
export interface ServiceRecord {
  [key: string]: unknown;
  applicationId: string;
  personKey: string;
  region: string;
  attempts: ContactAttempt[];
}

export interface UnreachableEvidence {
  /** YYYY-MM, oldest first: the consecutive months of failed attempts up to the latest attempt */
  months: string[];
  /** the failed attempts in those months */
  attempts: Array<{ date: string; channel: string }>;
  needed: number;
  satisfied: boolean;
}

export interface RefusalEvidence {
  /** the contacts of the current run of refusals, oldest first, each with its date and the services refused */
  refusals: Array<{ date: string; services: string[] }>;
  needed: number;
  satisfied: boolean;
}

const byTime = (attempts: readonly ContactAttempt[]) => [...attempts].sort((a, b) => a.at - b.at);

function nextMonth(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** AJC00A 32: the run of failed attempts since the last successful contact, by consecutive month. */
export function unreachableEvidence(attempts: readonly ContactAttempt[]): UnreachableEvidence {
  const sorted = byTime(attempts);
  const lastReached = sorted.map((a) => a.reached).lastIndexOf(true);
  const run = sorted.slice(lastReached + 1).filter((a) => !a.reached);
  const monthsWithAttempt = [...new Set(run.map((a) => a.date.slice(0, 7)))].sort();
  // the chain of consecutive months that ends with the latest attempt's month
  let chain: string[] = [];
  for (const m of monthsWithAttempt) chain = chain.length && nextMonth(chain[chain.length - 1]) === m ? [...chain, m] : [m];
  const inChain = new Set(chain);
  return {
    months: chain,
    attempts: run.filter((a) => inChain.has(a.date.slice(0, 7))).map((a) => ({ date: a.date, channel: a.channel })),
    needed: DEREGISTER_32_MONTHS,
    satisfied: chain.length >= DEREGISTER_32_MONTHS,
  };
}

/** AJC00A 31: the contacts in a row, latest last, on which services were offered and all refused. */
export function refusalEvidence(attempts: readonly ContactAttempt[]): RefusalEvidence {
  const withOffers = byTime(attempts).filter((a) => a.reached && a.offers.length > 0);
  let run: ContactAttempt[] = [];
  for (const a of withOffers) run = a.offers.some((o) => o.outcome === 'accepted') ? [] : [...run, a];
  return {
    refusals: run.map((a) => ({ date: a.date, services: a.offers.map((o) => o.service) })),
    needed: DEREGISTER_31_REFUSALS,
    satisfied: run.length >= DEREGISTER_31_REFUSALS,
  };
}

/**
 * Why the record does not allow `reasonCode` (31/32), naming the rule for staff; undefined when it does,
 * or when the code needs no evidence.
 */
export function evidenceProblem(reasonCode: string, attempts: readonly ContactAttempt[]): string | undefined {
  if (reasonCode === '32') {
    const e = unreachableEvidence(attempts);
    if (e.satisfied) return undefined;
    return `依据人社厅发〔2020〕79号 一(四)，不能仅以连续6个月无法联系为由注销：系统记录中连续未能联系上的月份为${e.months.length}个月，须连续${e.needed}个月每月都有未能联系上的联系记录`;
  }
  if (reasonCode === '31') {
    const e = refusalEvidence(attempts);
    if (e.satisfied) return undefined;
    return `依据人社厅发〔2020〕79号 一(四)，不能仅以连续3次拒绝接受公共就业服务为由注销：系统记录中连续拒绝的次数为${e.refusals.length}次，须连续${e.needed}次提供服务均被拒绝，且每次都有记录和日期`;
  }
  return undefined;
}

/** Plain Chinese for one attempt, for the staff page and the audit. */
export function attemptText(a: Pick<ContactAttempt, 'date' | 'channel' | 'reached' | 'offers'>): string {
  const how = labelOf(CONTACT_CHANNELS, a.channel) ?? a.channel;
  if (!a.reached) return `${a.date} ${how}：未能联系上`;
  const offers = a.offers.map((o) => `${labelOf(SERVICE_OFFERS, o.service) ?? o.service}${o.outcome === 'accepted' ? '（接受）' : '（拒绝）'}`);
  return `${a.date} ${how}：已联系上${offers.length ? `，提供 ${offers.join('、')}` : ''}`;
}

// ---- the staff input ---------------------------------------------------------------------------

const taskIdSchema = text('请提供任务编号', (s) => (/^[A-Za-z0-9:_-]{1,80}$/.test(s) ? undefined : '任务编号格式不正确'));

/**
 * One contact attempt as staff record it (`recordContactAttempt`, and `completeContactTask` which also closes
 * the task): reached or not, how, what was tried (required when not reached), and for a reached contact the
 * services offered with the person's answer. The time is the server's.
 */
export const contactAttemptSchema = z
  .object({
    taskId: taskIdSchema,
    outcome: z.enum(['reached', 'unreachable'], { error: '请选择“已联系上”或“未能联系上”' }),
    channel: z.preprocess(blankToUndefined, z.enum(codesOf(CONTACT_CHANNELS), { error: '请从列表中选择联系方式' }).default('phone')),
    note: z.preprocess(blankToUndefined, text('说明不能为空', (s) => (s.length > 200 ? '说明不超过200个字' : undefined)).optional()),
    offers: z.preprocess(
      blankToUndefined,
      z
        .array(
          z.object(
            {
              service: z.enum(codesOf(SERVICE_OFFERS), { error: '请从列表中选择提供的服务' }),
              outcome: z.enum(['accepted', 'refused'], { error: '请选择本人“接受”或“拒绝”' }),
            },
            { error: '请选择提供的服务和本人的答复' },
          ),
          { error: '请选择提供的服务和本人的答复' },
        )
        .max(SERVICE_OFFERS.length, '每项服务只记录一次')
        .refine((list) => new Set(list.map((o) => o.service)).size === list.length, '每项服务只记录一次')
        .default([]),
    ),
    // what was learned on a reached contact (大人社规发〔2025〕2号 三(三))
    employmentStatus: z.preprocess(blankToUndefined, z.enum(codesOf(FOLLOW_UP_EMPLOYMENT_STATUSES), { error: '请从列表中选择就业状况' }).optional()),
    skills: optionalText('技能水平不超过100个字', (s) => (s.length > 100 ? '技能水平不超过100个字' : undefined)),
    intentions: optionalText('就业意愿不超过100个字', (s) => (s.length > 100 ? '就业意愿不超过100个字' : undefined)),
    nextStep: optionalText('下一步不超过200个字', (s) => (s.length > 200 ? '下一步不超过200个字' : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'unreachable' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '未能联系上时，请写明联系方式和时间' });
    if (v.outcome === 'unreachable' && v.offers.length) ctx.addIssue({ code: 'custom', path: ['offers'], message: '未能联系上时不能记录服务的答复' });
    if (v.outcome === 'unreachable' && (v.employmentStatus || v.skills || v.intentions)) {
      ctx.addIssue({ code: 'custom', path: ['employmentStatus'], message: '未能联系上时不能记录本人的就业状况、技能和意愿' });
    }
    // 下一步 goes on the person's timeline (工作人员已与您联系…；下一步：…): the reasons and requests the notices forbid
    // (人社厅发〔2020〕79号 一(二), 大人社规发〔2025〕2号 三(一)) may not reach them this way either (shared/staff-text.ts)
    const forbidden = forbiddenReasonProblem(v.nextStep);
    if (forbidden) ctx.addIssue({ code: 'custom', path: ['nextStep'], message: forbidden });
  });

export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

export const CONTACT_ATTEMPT_FIELD_LABELS: Readonly<Record<string, string>> = {
  taskId: '任务编号', outcome: '联系结果', channel: '联系方式', note: '说明', offers: '提供的服务',
  employmentStatus: '就业状况', skills: '技能水平', intentions: '就业意愿', nextStep: '下一步',
};
