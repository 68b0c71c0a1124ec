/**
 * Beijing-time date helpers. Every function takes the instant or date it works on as an argument
 * and never reads the clock: the clock is a port (docs/architecture.md "Functional core"), so the same call
 * gives the same answer in the mini-program, in a cloud function and in a test.
 *
 * Why a fixed UTC+8 and not the device's time zone: a citizen's phone, a CloudBase container
 * (UTC) and a developer's laptop disagree about "today", while the rules (deadlines in working
 * days, the statistics period of 人社厅发〔2020〕79号 三(九), age on the application date) are all stated in
 * Beijing dates. China has not observed daylight saving time since 1991, so Asia/Shanghai is
 * +08:00 for every date this product handles; we avoid Intl time-zone data on purpose (some
 * mini-program runtimes ship without it).
 *
 * Vocabulary:
 * - an *instant* is a point in time: epoch milliseconds, a `Date`, or an ISO-8601 date-time string
 *   that says its offset (`Z` or `±hh:mm`). A string without an offset is refused, because
 *   JavaScript reads it as device-local time — exactly the ambiguity these helpers exist to remove.
 * - a *date* is a Beijing calendar day, `YYYY-MM-DD`; a *month* is `YYYY-MM`.
 *
 * Invalid arguments throw `RangeError`: they are bugs in the caller (input from users is validated
 * by the shared schemas first), not outcomes to report to a citizen.
 */

export type Instant = number | string | Date;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** UTC+8, no DST (see above). */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
/** date-time with a mandatory offset; seconds and milliseconds optional */
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Epoch ms of 00:00 UTC on y-m-d. `setUTCFullYear` instead of `Date.UTC`, which maps years 0–99 to 19xx. */
function utcMidnight(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const ymd: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validYmd(...ymd)) throw new RangeError(`no such date: ${date}`);
  return ymd;
}

function parseMonth(month: string): [number, number] {
  const m = MONTH_RE.exec(month);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  }
  return [Number(m[1]), Number(m[2])];
}

function formatDate(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Epoch milliseconds of an instant; throws on anything that is not one. */
export function toEpochMs(instant: Instant): number {
  let ms: number;
  if (typeof instant === 'number') {
    ms = instant;
  } else if (instant instanceof Date) {
    ms = instant.getTime();
  } else if (typeof instant === 'string') {
    const m = INSTANT_RE.exec(instant);
    // the date part is checked by hand: Date.parse rolls some impossible dates over
    if (!m || !isValidDate(m[1])) {
      throw new RangeError(`not an ISO-8601 date-time with an offset: ${JSON.stringify(instant)}`);
    }
    ms = Date.parse(instant);
  } else {
    throw new RangeError(`not an instant: ${String(instant)}`);
  }
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}

/** The instant shifted so that its UTC fields read Beijing wall-clock time. */
function beijingWall(instant: Instant): Date {
  return new Date(toEpochMs(instant) + BEIJING_OFFSET_MS);
}

/** The Beijing calendar date of an instant, `YYYY-MM-DD` (2026-01-01T16:00:00Z → 2026-01-02). */
export function beijingDate(instant: Instant): string {
  const w = beijingWall(instant);
  return formatDate(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
}

/** The Beijing month of an instant, `YYYY-MM`. */
export function beijingMonth(instant: Instant): string {
  return beijingDate(instant).slice(0, 7);
}

/** The Beijing hour of an instant, 0–23. */
export function beijingHour(instant: Instant): number {
  return beijingWall(instant).getUTCHours();
}

/**
 * ISO-8601 in Beijing time with an explicit offset, e.g. `2026-09-30T10:00:00.000+08:00`
 * (docs/api.md: "times are ISO-8601 with +08:00"). Sorts lexically like the instants it names.
 */
export function beijingIso(instant: Instant): string {
  const w = beijingWall(instant);
  return (
    `${formatDate(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate())}` +
    `T${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())}:${pad2(w.getUTCSeconds())}` +
    `.${String(w.getUTCMilliseconds()).padStart(3, '0')}+08:00`
  );
}

/** Epoch ms of 00:00 Beijing time on a Beijing date. */
export function startOfBeijingDay(date: string): number {
  const [y, m, d] = parseDate(date);
  return utcMidnight(y, m, d) - BEIJING_OFFSET_MS;
}

/** `true` for a real calendar date written `YYYY-MM-DD` (2026-02-29 is false, 2024-02-29 true). */
export function isValidDate(date: string): boolean {
  if (typeof date !== 'string') return false;
  const m = DATE_RE.exec(date);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `true` for a real calendar date written `YYYYMMDD` (the birth date inside an ID number; the export's `from`/`to`). */
export function isValidCompactDate(compact: string): boolean {
  if (typeof compact !== 'string') return false;
  const m = COMPACT_RE.exec(compact);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYYMMDD` → `YYYY-MM-DD`. Throws on an impossible date: validate with `isValidCompactDate` first. */
export function compactToIso(compact: string): string {
  if (!isValidCompactDate(compact)) throw new RangeError(`not a YYYYMMDD date: ${JSON.stringify(compact)}`);
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

/** `YYYY-MM-DD` → `YYYYMMDD` (人社厅发〔2020〕79号 附件: the export's dates are compact). */
export function isoToCompact(date: string): string {
  parseDate(date);
  return date.replace(/-/g, '');
}

/** `true` for `YYYY-MM` with a month 01–12. */
export function isValidMonth(month: string): boolean {
  try {
    parseMonth(month);
    return true;
  } catch {
    return false;
  }
}

/** The date `n` calendar days after (negative: before) `date`. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  const [y, m, d] = parseDate(date);
  const t = new Date(utcMidnight(y, m, d) + n * DAY_MS);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Day of the week of a date, 0 = Sunday … 6 = Saturday (as `Date#getDay`, but independent of the device's time zone). */
export function dayOfWeek(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(utcMidnight(y, m, d)).getUTCDay();
}

/** -1, 0 or 1 as `a` is before, the same as, or after `b` (both `YYYY-MM-DD`). */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  // zero-padded ISO dates order lexically
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The date `n` months after `date`, clamped to the end of the month when the day does not exist
 * (2026-01-31 + 1 month = 2026-02-28): 民法典 第二百零二条 — "到期月的对应日为期间的最后一日；
 * 没有对应日的，月末日为期间的最后一日".
 */
export function addMonths(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths needs a whole number of months, got ${n}`);
  const [y, m, d] = parseDate(date);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Whole months from `from` to `to`: the largest k with `addMonths(from, k) <= to` (negative when
 * `to` is before `from`). A month is complete on its corresponding day, or on the last day of a
 * shorter month (民法典 第二百零二条): 2026-01-15 → 2026-02-15 is 1, → 2026-02-14 is 0;
 * 2026-01-31 → 2026-02-28 is 1.
 *
 * Used for the priority groups "长期失业者（失业半年以上）" / "超长期失业者（失业五年以上）"
 * (大人社规发〔2025〕2号 三(四); counted per statistics period, 人社厅发〔2020〕79号 三). Whether "以上" includes the bound itself is the caller's
 * decision (民法典 第一千二百五十九条 says it does); this function only counts.
 */
export function monthsBetween(from: string, to: string): number {
  if (compareDates(to, from) < 0) return -monthsBetween(to, from);
  const [fy, fm] = parseDate(from);
  const [ty, tm] = parseDate(to);
  const k = (ty - fy) * 12 + (tm - fm);
  // addMonths(from, k) lies in to's month; one step back is always <= to
  return addMonths(from, k) <= to ? k : k - 1;
}

export interface StatsPeriod {
  /** epoch ms, inclusive: the 21st of the previous month, 00:00 Beijing */
  from: number;
  /** epoch ms, exclusive: the 21st of this month, 00:00 Beijing */
  to: number;
  /** `YYYY-MM-DD`, the first day of the period (the 21st of the previous month) */
  fromDate: string;
  /** `YYYY-MM-DD`, the last day of the period (the 20th of this month) */
  toDate: string;
}

/**
 * The monthly statistics period named by `month` (人社厅发〔2020〕79号 三(九): "统计报表期为上月21日至本月20日").
 * `2026-03` → 2026-02-21 00:00 up to, not including, 2026-03-21 00:00 Beijing,
 * so 2026-03-20 23:59:59.999 Beijing is inside and 2026-03-21 00:00 starts the next period.
 * `from` is inclusive and `to` exclusive so consecutive periods tile time with no gap or overlap.
 */
export function statsPeriod(month: string): StatsPeriod {
  const [y, m] = parseMonth(month);
  const prevY = m === 1 ? y - 1 : y;
  const prevM = m === 1 ? 12 : m - 1;
  const fromDate = formatDate(prevY, prevM, 21);
  const nextStart = formatDate(y, m, 21);
  return {
    from: startOfBeijingDay(fromDate),
    to: startOfBeijingDay(nextStart),
    fromDate,
    toDate: formatDate(y, m, 20),
  };
}

/** The statistics month (`YYYY-MM`) whose period contains `instant`: from the 21st on it is next month's. */
export function statsMonthOf(instant: Instant): string {
  const [y, m, d] = parseDate(beijingDate(instant));
  if (d <= 20) return `${pad4(y)}-${pad2(m)}`;
  return m === 12 ? `${pad4(y + 1)}-01` : `${pad4(y)}-${pad2(m + 1)}`;
}
