/**
 * What a proactive message looks like on each channel: WeChat subscribe-message templates and
 * their field limits, the SMS template parameters, and the quiet hours. Pure and shared: the
 * mini-program asks for consent with the same template keys the cloud sends with.
 *
 * Why these channels: 人社厅发〔2020〕79号 一(三) asks that people are contacted "通过电话、短信等方式" and told
 * the result (及时反馈办理结果), 吉人社函字〔2018〕175号 "短信通知申请人办理结果"; 大人社规发〔2025〕2号 三(三) a monthly
 * follow-up. A WeChat subscribe message needs one user tap per send (docs/toolchain.md), so SMS is the
 * fallback when no consent is left, and the in-app list (`listMyMessages`) always has the message.
 */
import { addDays, beijingDate, beijingHour, beijingIso, startOfBeijingDay } from './dates';
import type { Instant } from './dates';

/**
 * The subscribe-message templates the service uses. The template ids are configuration
 * (cloud: env `SUBSCRIBE_TMPL_RESULT` / `SUBSCRIBE_TMPL_REMINDER`; client build:
 * `TARO_APP_SUBSCRIBE_TMPL_RESULT` / `TARO_APP_SUBSCRIBE_TMPL_REMINDER`), chosen in the
 * mini-program console from the public library with the keywords listed here, in this order.
 */
export const TEMPLATE_KEYS = ['result', 'reminder'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export function isTemplateKey(k: unknown): k is TemplateKey {
  return typeof k === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(k);
}

/** LONG_TERM_TEMPLATES=result,reminder → the templates this deployment holds as 长期订阅 (unknown names ignored). */
export function longTermTemplatesFromEnv(value: string | undefined): TemplateKey[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(isTemplateKey);
}

/** WeChat keyword types with a length or format rule (subscribe message docs, "模板参数值限制"). */
export type FieldKind = 'thing' | 'phrase' | 'time' | 'date' | 'character_string';

/** Maximum characters per keyword type; `time`/`date` are checked by format instead. */
export const FIELD_LIMITS: Readonly<Record<Exclude<FieldKind, 'time' | 'date'>, number>> = Object.freeze({
  thing: 20,
  phrase: 5,
  character_string: 32,
});

export interface TemplateSpec {
  /** what to look for in the public template library */
  title: string;
  /** data key (as the chosen template names it) → keyword type */
  fields: Readonly<Record<string, FieldKind>>;
  /** the mini-program page the message opens */
  page: string;
}

export const SUBSCRIBE_TEMPLATES: Readonly<Record<TemplateKey, TemplateSpec>> = Object.freeze({
  // 办理结果通知: 办理事项 / 办理结果 / 办理时间 / 申请编号 / 温馨提示
  result: { title: '办理结果通知', fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time', character_string4: 'character_string', thing5: 'thing' }, page: 'pages/index/index' },
  // 服务提醒: 提醒事项 / 日期 / 备注
  reminder: { title: '服务提醒', fields: { thing1: 'thing', date2: 'date', thing3: 'thing' }, page: 'pages/index/index' },
});

/** When the client asks for consent (one tap = one future send). */
export const TEMPLATES_FOR_MOMENT: Readonly<Record<'submit' | 'result', readonly TemplateKey[]>> = Object.freeze({
  // on submitting: the result will come (at once or after review)
  submit: ['result', 'reminder'],
  // on reading a result: the services list, follow-ups and any later change
  result: ['reminder', 'result'],
});

/** Characters, not UTF-16 units: a 生僻字 outside the BMP is one character to WeChat too. */
function clipChars(s: string, max: number): string {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max - 1).join('') + '…';
}

/** `2026年3月10日` — the `date` keyword format. */
export function templateDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2026年3月10日 10:05` — the `time` keyword format (24-hour clock, Beijing). */
export function templateTime(at: Instant): string {
  const iso = beijingIso(at);
  return `${templateDate(beijingDate(at))} ${iso.slice(11, 16)}`;
}

/**
 * One value made to fit its keyword type. `phrase` must be at most 5 Chinese characters with no
 * digits or letters: anything else is replaced by a neutral word rather than sent and refused.
 */
export function fitField(kind: FieldKind, value: string): string {
  switch (kind) {
    case 'thing':
      return clipChars(value || '-', FIELD_LIMITS.thing);
    case 'phrase':
      return /^[\u4e00-\u9fff]{1,5}$/.test(value) ? value : '有更新';
    case 'character_string': {
      const s = value.replace(/[^0-9A-Za-z_\-:.]/g, '');
      return (s || '-').slice(0, FIELD_LIMITS.character_string);
    }
    case 'time':
    case 'date':
      return value;
  }
}

/** The content of a push, independent of channel; built when the message is written. */
export interface PushContent {
  template: TemplateKey;
  /** 办理事项 / 提醒事项, e.g. 失业登记 */
  subject: string;
  /** 办理结果 (≤ 5 Chinese characters), e.g. 已通过 */
  outcome: string;
  /** a Beijing date the message is about (deadline, follow-up day); defaults to the message day */
  date?: string;
  /** a short hint (温馨提示 / 备注) */
  note: string;
  /** an application id shown as 申请编号 */
  reference?: string;
}

/** Subscribe-message `data`, every value within its keyword's limit. */
export function subscribeData(c: PushContent, at: Instant): Record<string, { value: string }> {
  const spec = SUBSCRIBE_TEMPLATES[c.template];
  const raw: Record<string, string> = c.template === 'result'
    ? { thing1: c.subject, phrase2: c.outcome, time3: templateTime(at), character_string4: c.reference ?? '-', thing5: c.note }
    : { thing1: c.subject, date2: templateDate(c.date ?? beijingDate(at)), thing3: c.note };
  const data: Record<string, { value: string }> = {};
  for (const [key, kind] of Object.entries(spec.fields)) data[key] = { value: fitField(kind, raw[key] ?? '') };
  return data;
}

/**
 * SMS template parameters (Tencent Cloud SendSms `TemplateParamSet`). Templates to register
 * (签名 + 正文, 通知类), env `SMS_TMPL_RESULT` / `SMS_TMPL_REMINDER`:
 *   result:   您的{1}办理结果：{2}。详情请在微信小程序“就业登记自助服务”中查看。
 *   reminder: 您有一条{1}提醒（{2}），请在微信小程序“就业登记自助服务”中查看。
 * Tencent Cloud limits each variable of a notification template to 12 characters (its 正文模板
 * 变量 rules), so every parameter is clipped to 12.
 */
export const SMS_PARAM_MAX = 12;

export function smsParams(c: PushContent, at: Instant): string[] {
  const p = c.template === 'result' ? [c.subject, c.outcome] : [c.subject, c.date ?? beijingDate(at)];
  return p.map((s) => clipChars(s, SMS_PARAM_MAX));
}

/**
 * Quiet hours 22:00–08:00 Beijing time: a push that can wait is held until 08:00. The decision
 * (docs/product.md "Reminders"): every push to a phone can wait — results included — because the
 * in-app list already has the message the moment it is written, and a citizen submitting at
 * 23:00 sees the answer on screen; nothing this service says is worth waking someone at 03:00.
 */
export const QUIET_HOURS = Object.freeze({ from: 22, to: 8 });

export function isQuietHour(at: Instant): boolean {
  const h = beijingHour(at);
  return h >= QUIET_HOURS.from || h < QUIET_HOURS.to;
}

/** 08:00 Beijing after `at` when `at` is in the quiet hours, else `at` itself (epoch ms). */
export function quietHoursEnd(at: number): number {
  if (!isQuietHour(at)) return at;
  const today = beijingDate(at);
  const day = beijingHour(at) >= QUIET_HOURS.from ? addDays(today, 1) : today;
  return startOfBeijingDay(day) + QUIET_HOURS.to * 3_600_000;
}
