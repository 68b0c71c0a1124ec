/**
 * 失业登记退出数据 for the national platform (人社厅发〔2020〕79号 附件 《失业登记退出数据上报对接方案》
 * 二(一)): exactly the indicator fields of its table, in its order, and every validation rule of
 * its 校验规则 column. A record that breaks a rule is listed with the rule and left out, never
 * "fixed" silently.
 */
import { DEREGISTRATION_REASONS, ID_TYPES, TAIWAN_PASS, isCode } from './codes';
import { isValidCompactDate } from './dates';
import { idCheckChar, genderFromId } from './id-number';
import { isCountyCode } from './regions';

/** The indicator codes in the table's order (序号 1–11). */
export const INDICATORS = ['AAB301', 'AAZ341', 'AAC003', 'AAC002', 'AAC058', 'AAC044', 'ADC210', 'AJC00A', 'AAE011', 'AAE036', 'AAE013'] as const;
export type Indicator = (typeof INDICATORS)[number];
export type ExportRecord = Record<Indicator, string>;

export const INDICATOR_NAMES: Record<Indicator, string> = {
  AAB301: '失业登记注销地行政区划代码', AAZ341: '系统流水号', AAC003: '姓名', AAC002: '社会保障号码', AAC058: '证件类型',
  AAC044: '证件号码', ADC210: '注销失业登记时间', AJC00A: '注销失业登记原因', AAE011: '经办人', AAE036: '经办日期', AAE013: '备注',
};

const REQUIRED: Indicator[] = ['AAB301', 'AAZ341', 'AAC003', 'AAC002', 'AAC058', 'AAC044', 'ADC210', 'AJC00A', 'AAE011', 'AAE036'];
const MAX_LENGTH: Partial<Record<Indicator, number>> = { AAB301: 6, AAZ341: 18, AAC003: 50, AAC002: 18, AAC058: 2, AAC044: 22, ADC210: 8, AJC00A: 2, AAE011: 20, AAE013: 100 };
const SPACES = /[ \u3000]/;

/**
 * Every rule the record breaks, in table order, as `指标 规则` text. `today` is YYYYMMDD (系统当前日期);
 * `gender` is the person's recorded 性别 (1 男 2 女) for 公民身份号码与性别相符.
 */
export function exportRuleViolations(r: ExportRecord, ctx: { today: string; gender?: string }): string[] {
  const out: string[] = [];
  for (const k of REQUIRED) if (!r[k]) out.push(`${k} 必填`);
  for (const [k, max] of Object.entries(MAX_LENGTH) as Array<[Indicator, number]>) {
    if (r[k] && [...r[k]].length > max) out.push(`${k} 长度不超过${max}`);
  }
  // 1 AAB301: 代码标识 Y — a 行政区划代码 of the table
  if (r.AAB301 && !isCountyCode(r.AAB301)) out.push('AAB301 必须在行政区划代码表中');
  // 3 AAC003: 不能含有半角或全角空格
  if (r.AAC003 && SPACES.test(r.AAC003)) out.push('AAC003 不能含有半角或全角空格');
  // 4 AAC002
  const id = r.AAC002;
  if (id && !/^[A-Za-z]/.test(id)) {
    if (id.length !== 15 && id.length !== 18) out.push('AAC002 首位不是字母的，长度为15或18位');
    else if (id.length === 15 && !/^\d{15}$/.test(id)) out.push('AAC002 15位公民身份号码不能含有非数字字符');
    else if (id.length === 18) {
      if (!/^\d{17}/.test(id)) out.push('AAC002 18位公民身份号码前17位不能含有非数字字符');
      else if (idCheckChar(id.slice(0, 17)) !== id[17].toUpperCase()) out.push('AAC002 18位公民身份号码第18位必须符合校验规则');
    }
    const g = genderFromId(id);
    if (g && ctx.gender && g !== ctx.gender) out.push('AAC002 公民身份号码与性别相符');
  }
  // 5 AAC058, 8 AJC00A: 必须在代码表中
  if (r.AAC058 && !isCode([...ID_TYPES, TAIWAN_PASS], r.AAC058)) out.push('AAC058 必须在代码表中');
  if (r.AJC00A && !isCode(DEREGISTRATION_REASONS, r.AJC00A)) out.push('AJC00A 必须在代码表中');
  // 7 ADC210, 10 AAE036: 格式为YYYYMMDD的有效日期; 早于或等于系统当前日期
  for (const k of ['ADC210', 'AAE036'] as const) {
    if (!r[k]) continue;
    if (!isValidCompactDate(r[k])) out.push(`${k} 格式为YYYYMMDD的有效日期`);
    else if (r[k] > ctx.today) out.push(`${k} 早于或等于系统当前日期`);
  }
  // 9 AAE011: 不能含有半角或全角空格
  if (r.AAE011 && SPACES.test(r.AAE011)) out.push('AAE011 不能含有半角或全角空格');
  return out;
}

/**
 * 经办人 (AAE011) as the national platform takes it: 【数据】不能含有半角或全角空格. A staff directory entry typed
 * "王 经办" is the same person as "王经办"; a Latin name's words are joined with the 间隔号 · that 姓名 uses
 * (person.schema.ts). Applied when the deregistration is written, so whatever staff name the directory
 * holds, the export accepts the record (never "fixed" at export time).
 */
export function exportStaffName(name: string): string {
  return name
    .trim()
    .replace(/([A-Za-z])[ \u3000]+(?=[A-Za-z])/g, '$1·')
    .replace(/[ \u3000]+/g, '');
}

/** What a stored deregistration holds that the export needs (core/registrations.ts DeregistrationRecord). */
export interface DeregistrationFacts {
  region: string;
  serial: string;
  name: string;
  idType: string;
  idNumber: string;
  /** Beijing date YYYY-MM-DD */
  date: string;
  reasonCode: string;
  staffName: string;
  note: string;
}

/** The indicator record of one deregistration (the one mapping, used by the export and by its tests). */
export function exportRecordOf(d: DeregistrationFacts): ExportRecord {
  const compact = d.date.replace(/-/g, '');
  return {
    AAB301: d.region, AAZ341: d.serial, AAC003: d.name, AAC002: d.idNumber, AAC058: d.idType, AAC044: d.idNumber,
    ADC210: compact, AJC00A: d.reasonCode, AAE011: d.staffName, AAE036: compact, AAE013: d.note,
  };
}

/** 各地业务唯一标识号：失业登记注销地行政区划代码+系统流水号. */
export const uniqueId = (r: ExportRecord) => r.AAB301 + r.AAZ341;

/**
 * A cell a spreadsheet would run as a formula (CSV injection, OWASP): text starting with = + - @,
 * a tab or a carriage return. Prefixed with an apostrophe in the CSV only — the export's JSON
 * records keep the text as written (docs/security.md "CSV formula injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const s = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n\t]/.test(s) || s !== value ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 CSV, indicator codes as the header in the table's order (BOM so spreadsheet tools read it as UTF-8). */
export function toCsv(records: ExportRecord[]): string {
  const cell = csvCell;
  return '\uFEFF' + [INDICATORS.join(','), ...records.map((r) => INDICATORS.map((k) => cell(r[k] ?? '')).join(','))].join('\r\n') + '\r\n';
}
