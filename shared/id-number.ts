/**
 * ID-number rules per 证件类型 (docs/forms.md `idNumber`; 人社厅发〔2020〕79号 附件, AAC002/AAC044 rules).
 * Pure functions: "today" is always passed in (the clock is a port, docs/architecture.md), never read here.
 */
import { TAIWAN_PASS, TAIWAN_PASS_MESSAGE, type IdTypeCode } from './codes';

export type NormalizeResult =
  | { ok: true; value: string; birthDate?: string; gender?: '1' | '2' }
  | { ok: false; message: string };

export interface NormalizeOptions {
  /** Beijing date YYYY-MM-DD; when given, a birth date after it is refused. */
  today?: string;
}

/** GB 11643 weights of the first 17 digits (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The first two digits of a 公民身份号码: the GB/T 2260 provinces (71 台湾) and 81/82/83 of the 居住证. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
]);

/**
 * 港澳台居民居住证 numbers start with 810000 (香港), 820000 (澳门) or 830000 (台湾) and otherwise follow
 * GB 11643 (《港澳台居民居住证申领发放办法》, 2018).
 */
export const RESIDENCE_PERMIT_PREFIXES: readonly string[] = ['810000', '820000', '830000'];

/** Longest raw input looked at; anything longer is refused before any work is done. */
const MAX_RAW = 40;

/**
 * ISO 7064 MOD 11-2 check character of up to 17 digits (weight of a digit = 2^(its position from
 * the right, the check character being position 1) mod 11). GB 11643 uses it over 17 digits; the
 * certificate number (certificate-number.ts) over 16.
 */
export function mod11_2(digits: string): string {
  if (!/^\d{1,17}$/.test(digits)) throw new TypeError('mod11_2 needs 1 to 17 digits');
  const offset = 17 - digits.length;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[offset + i];
  return CHECK_CHARS[sum % 11];
}

/** The GB 11643 check character of 17 digits; throws on anything else (a bug in the caller). */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError('idCheckChar needs exactly 17 digits');
  return mod11_2(first17);
}

/**
 * A 15-digit first-generation number as 18 digits: '19' inserted before the 2-digit year, then the
 * check character appended (GB 11643-1999 replaced the 15-digit GB 11643-1989 numbers this way).
 * Returns undefined when the input is not 15 digits.
 */
export function convert15to18(id15: string): string | undefined {
  if (typeof id15 !== 'string' || !/^\d{15}$/.test(id15)) return undefined;
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** True when `ymd` is a YYYY-MM-DD date that exists on the Gregorian calendar. */
export function isCalendarDate(ymd: unknown): ymd is string {
  if (typeof ymd !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return false;
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const d = Number(ymd.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The birth date (YYYY-MM-DD) written in an 18- or 15-digit number, or undefined if it is not a real date. */
export function birthDateFromId(id: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  let ymd: string;
  if (/^\d{17}[\dXx]$/.test(id)) ymd = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  else if (/^\d{15}$/.test(id)) ymd = `19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`;
  else return undefined;
  // GB 11643 numbers were first issued in the 20th century; a year before 1800 is a typing error.
  return isCalendarDate(ymd) && ymd >= '1800-01-01' ? ymd : undefined;
}

/** '1' 男 when the sequence code's last digit (17th of 18, 15th of 15) is odd, else '2' 女 (GB 11643 §4.3). */
export function genderFromId(id: string): '1' | '2' | undefined {
  if (typeof id !== 'string') return undefined;
  let digit: string;
  if (/^\d{17}[\dXx]$/.test(id)) digit = id[16];
  else if (/^\d{15}$/.test(id)) digit = id[14];
  else return undefined;
  return Number(digit) % 2 === 1 ? '1' : '2';
}

/**
 * Full years of age on `date` (both YYYY-MM-DD). One turns N on the N-th birthday; someone born on
 * 29 February turns N on 1 March in a common year. Returns NaN for dates that do not exist.
 */
export function ageOn(birthDate: string, date: string): number {
  if (!isCalendarDate(birthDate) || !isCalendarDate(date)) return Number.NaN;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The date someone born on `birthDate` turns `years` old (29 Feb → 1 Mar in a common year). */
export function birthdayAt(birthDate: string, years: number): string {
  const y = Number(birthDate.slice(0, 4)) + years;
  const md = birthDate.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isCalendarDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-03-01`;
}

/**
 * Checks and normalises a 公民身份号码 (居民身份证, 社会保障号码, 居住证): trims, upper-cases `x`,
 * converts 15 digits to 18, and says in Chinese what is wrong. The order of the checks is the order a
 * person can fix them in: length, characters, region, birth date, then the check character.
 */
function normalizeCitizenNumber(
  raw: string,
  kind: 'citizen' | 'permit',
  today: string | undefined,
): NormalizeResult {
  let id = raw;
  const allowFifteen = kind === 'citizen';
  if (id.length !== 18 && !(allowFifteen && id.length === 15)) {
    return {
      ok: false,
      message: allowFifteen
        ? `证件号码位数不对：应为18位（老证件为15位），现在是${id.length}位`
        : `居住证号码位数不对：应为18位，现在是${id.length}位`,
    };
  }
  if (id.length === 15 && !/^\d{15}$/.test(id)) {
    return { ok: false, message: '15位证件号码只能由数字组成' };
  }
  if (id.length === 18 && !/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, message: '证件号码前17位只能是数字，最后一位是数字或X' };
  }
  const prefix6 = id.slice(0, 6);
  const isPermitPrefix = RESIDENCE_PERMIT_PREFIXES.includes(prefix6);
  if (kind === 'permit' && !isPermitPrefix) {
    return { ok: false, message: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头' };
  }
  if (kind === 'citizen' && !isPermitPrefix && !PROVINCE_PREFIXES.has(id.slice(0, 2))) {
    return { ok: false, message: '证件号码前两位不是有效的省级地区代码，请核对' };
  }
  const birthDate = birthDateFromId(id);
  if (!birthDate) return { ok: false, message: '证件号码中的出生日期不存在，请核对第7至14位' };
  if (today !== undefined && birthDate > today) {
    return { ok: false, message: '证件号码中的出生日期晚于今天，请核对第7至14位' };
  }
  if (id.length === 15) {
    id = convert15to18(id) as string;
  } else if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, message: '证件号码校验位不正确，请核对最后一位' };
  }
  return { ok: true, value: id, birthDate, gender: genderFromId(id) };
}

/**
 * Checks an ID number against its 证件类型 (AAC058 code) and returns it normalised, with the birth date
 * and gender it carries where it carries them (01, 17, 90). Never throws; messages are Chinese and say
 * what to fix.
 *
 * - 01 居民身份证: GB 11643, 18 digits (or 15, converted); 810000/820000/830000 are refused — those are
 *   居住证 numbers and need idType 17.
 * - 17 港澳台居民居住证: GB 11643 with a 810000/820000/830000 prefix.
 * - 04/05 港澳居民来往内地通行证: `^[HM]\d{8}(\d{2})?$`; H for 香港 (04), M for 澳门 (05).
 * - 06 台湾居民来往大陆通行证: refused (codes.ts TAIWAN_PASS: not a valid document under 鞍人社〔2020〕21号 二, and
 *   its number cannot pass the export's AAC002 rule).
 * - 90 社会保障卡: the 社会保障号码 is the 公民身份号码 (人社厅发〔2020〕79号 附件 AAC002 rules), so the 01 rules;
 *   a 居住证 holder's card carries the 居住证 number, so the 81/82/83 prefixes are accepted here.
 */
export function normalizeIdNumber(idType: string, raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: '请填写证件号码' };
  if (raw.length > MAX_RAW) return { ok: false, message: '证件号码太长了，请只填写证件上的号码' };
  // Spaces are what people type between digit groups; they are never part of a number.
  const id = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  const today = options.today;
  switch (idType) {
    case '01': {
      if (RESIDENCE_PERMIT_PREFIXES.includes(id.slice(0, 6)) && id.length === 18) {
        return {
          ok: false,
          message: '以810000、820000、830000开头的是港澳台居民居住证号码，请把证件类型选为“港澳台居民居住证”',
        };
      }
      return normalizeCitizenNumber(id, 'citizen', today);
    }
    case '90':
      return normalizeCitizenNumber(id, 'citizen', today);
    case '17':
      return normalizeCitizenNumber(id, 'permit', today);
    case '04':
    case '05': {
      const letter = idType === '04' ? 'H' : 'M';
      const who = idType === '04' ? '香港' : '澳门';
      if (!/^[HM]\d{8}(\d{2})?$/.test(id)) {
        return { ok: false, message: `通行证号码格式不对：应为字母${letter}加8位或10位数字` };
      }
      if (id[0] !== letter) {
        return { ok: false, message: `${who}居民的通行证号码以${letter}开头，请核对号码或证件类型` };
      }
      return { ok: true, value: id };
    }
    case TAIWAN_PASS.code:
      return { ok: false, message: TAIWAN_PASS_MESSAGE };
    default:
      return { ok: false, message: '请先选择证件类型' };
  }
}

/** The 证件类型 whose number carries the birth date and gender (GB 11643 numbers). */
export const ID_TYPES_WITH_BIRTH_DATE: readonly IdTypeCode[] = ['01', '17', '90'];
