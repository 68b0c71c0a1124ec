/**
 * Working days on the official calendar: public holidays and the 调休 make-up working days of the
 * State Council's yearly notice (国务院办公厅关于部分节假日安排的通知). Review deadlines are stated in
 * working days — 3 for online 失业登记 (人社厅发〔2020〕79号 一(三), 大人社规发〔2025〕2号 三(二)), 5 for 灵活就业
 * (大人社规发〔2025〕2号 二(二)) — so a deadline that ignores 调休 is wrong twice a year.
 *
 * Source of the data: chinese-days (2004–2026 at 1.5.7). We read its published data file
 * (`chinese-days/dist/chinese-days.json`: `holidays` and `workdays` keyed by `YYYY-MM-DD`) rather
 * than calling its `isWorkday`, and compute the day of the week ourselves, because its functions
 * parse 'YYYY-MM-DD' as UTC midnight and then read the *local* weekday and date: on a device west
 * of UTC (e.g. TZ=America/Los_Angeles) `isWorkday('2026-10-12')`, a Monday, answers false. A table
 * lookup by string has no time zone at all, on the phone, in the cloud and in CI.
 *
 * Coverage: chinese-days silently treats any year it has no data for as plain Mon–Fri
 * (`isWorkday('2027-01-01')` is true) — docs/toolchain.md, docs/forms.md "Working days". We therefore *detect*
 * the covered years from the data actually present: a year is covered when the data file has at
 * least one holiday entry dated in it (every yearly notice declares 元旦 and 春节, so a year with
 * no holiday entry at all is a year whose notice is not in the data). Upgrading chinese-days
 * extends coverage with no code change. Years listed in `calendar-overrides.json` are covered too;
 * any other year is answered Mon–Fri and every result that depends on it says `uncertain: true`.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import shippedOverrides from './calendar-overrides.json';
import { addDays, compareDates, dayOfWeek, isValidDate } from './dates';

/** One year's official arrangement, as published in the State Council's notice. */
export interface YearOverride {
  /** every day off, including weekend days inside a holiday block */
  holidays: string[];
  /** the 调休 make-up working days (usually Saturdays or Sundays) */
  workdays: string[];
  /** the notice's title and 文号, so a reviewer can check the entry */
  source: string;
}

/** The format of `calendar-overrides.json`. Keys starting with `_` are comments. */
export interface CalendarOverrides {
  _about?: string;
  years: Record<string, YearOverride>;
}

export interface WorkingDayResult {
  /** `YYYY-MM-DD` */
  date: string;
  /** true when a day counted lies in a year the official calendar does not cover */
  uncertain: boolean;
}

export interface WorkingDayCount {
  /** signed count of working days, see `workingDaysBetween` */
  days: number;
  uncertain: boolean;
}

export interface CalendarCoverage {
  /** covered years, ascending: chinese-days' data plus the override file */
  years: number[];
  /** 1 January of the first year after the earliest covered year that is not covered (e.g. `2027-01-01`) */
  uncertainFrom: string;
}

export interface Calendar {
  isWorkingDay(date: string): boolean;
  /** whether the official arrangement for the year of `date` is known */
  isCovered(date: string): boolean;
  addWorkingDays(start: string, n: number): WorkingDayResult;
  workingDaysBetween(a: string, b: string): WorkingDayCount;
  coveredYears(): number[];
  calendarCoverage(): CalendarCoverage;
}

interface DayTable {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const library = chineseDaysData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

const LIBRARY: DayTable = {
  holidays: new Set(Object.keys(library.holidays)),
  workdays: new Set(Object.keys(library.workdays)),
};

/** Years with at least one holiday entry in chinese-days' data (see the header for why that means "covered"). */
const LIBRARY_YEARS: ReadonlySet<number> = new Set([...LIBRARY.holidays].map((d) => Number(d.slice(0, 4))));

const YEAR_KEY = /^\d{4}$/;

/**
 * Validates an overrides object (the parsed JSON file). Throws `Error` naming the first problem:
 * a broken override file is a deployment bug that must stop the function at load, not a
 * deadline silently computed on the wrong calendar.
 */
export function parseOverrides(raw: unknown): CalendarOverrides {
  const where = 'calendar overrides';
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where}: not an object`);
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (key !== 'years' && !key.startsWith('_')) throw new Error(`${where}: unknown key "${key}"`);
  }
  const years = top.years;
  if (!years || typeof years !== 'object' || Array.isArray(years)) throw new Error(`${where}: "years" must be an object`);
  const out: Record<string, YearOverride> = {};
  for (const [year, entry] of Object.entries(years as Record<string, unknown>)) {
    if (year.startsWith('_')) continue;
    const at = `${where}: year "${year}"`;
    if (!YEAR_KEY.test(year)) throw new Error(`${at}: the key must be a four-digit year`);
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`${at}: not an object`);
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!['holidays', 'workdays', 'source'].includes(key) && !key.startsWith('_')) {
        throw new Error(`${at}: unknown key "${key}"`);
      }
    }
    if (typeof e.source !== 'string' || e.source.trim() === '') throw new Error(`${at}: "source" must name the notice`);
    const lists = {} as { holidays: string[]; workdays: string[] };
    for (const list of ['holidays', 'workdays'] as const) {
      const v = e[list] ?? [];
      if (!Array.isArray(v)) throw new Error(`${at}: "${list}" must be an array`);
      for (const d of v) {
        if (typeof d !== 'string' || !isValidDate(d)) throw new Error(`${at}: "${list}" has ${JSON.stringify(d)}, not a YYYY-MM-DD date`);
        if (!d.startsWith(`${year}-`)) throw new Error(`${at}: "${list}" has ${d}, which is not in ${year}`);
      }
      lists[list] = [...(v as string[])];
    }
    const both = lists.holidays.filter((d) => lists.workdays.includes(d));
    if (both.length) throw new Error(`${at}: ${both.join(', ')} listed as both holiday and workday`);
    out[year] = { holidays: lists.holidays, workdays: lists.workdays, source: e.source };
  }
  return typeof top._about === 'string' ? { _about: top._about, years: out } : { years: out };
}

function assertDate(date: string): void {
  if (!isValidDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

/**
 * A calendar from chinese-days' data plus override layers; a later layer replaces an earlier
 * layer's entry for the same year (one year = one notice). Production uses `defaultCalendar`
 * (the shipped file); tests build their own, e.g. `makeCalendar({ years: { '2027': … } })`, or
 * `makeCalendar(SHIPPED_OVERRIDES, extra)` to add to the shipped file.
 */
export function makeCalendar(...layers: CalendarOverrides[]): Calendar {
  const byYear = new Map<number, YearOverride>();
  for (const layer of layers) {
    for (const [year, entry] of Object.entries(parseOverrides(layer).years)) byYear.set(Number(year), entry);
  }
  const override: DayTable = {
    holidays: new Set([...byYear.values()].flatMap((e) => e.holidays)),
    workdays: new Set([...byYear.values()].flatMap((e) => e.workdays)),
  };
  const years = [...new Set([...LIBRARY_YEARS, ...byYear.keys()])].sort((a, b) => a - b);
  const covered = new Set(years);

  const isCovered = (date: string): boolean => {
    assertDate(date);
    return covered.has(Number(date.slice(0, 4)));
  };

  const isWorkingDay = (date: string): boolean => {
    assertDate(date);
    // override entries first: they correct or extend the library
    if (override.holidays.has(date)) return false;
    if (override.workdays.has(date)) return true;
    if (LIBRARY.holidays.has(date)) return false;
    if (LIBRARY.workdays.has(date)) return true;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  };

  /**
   * The due date `n` working days after `start`, the day of submission.
   *
   * - The submission day itself never counts, whatever kind of day it is (民法典 第二百零一条:
   *   "开始的当日不计入，自下一日开始计算"). Submitted Wednesday with n = 3 → due the following Monday.
   * - Submitted on a weekend or holiday: counting starts with the next working day, which is day 1.
   *   We do *not* first move the submission to the next working day and then skip that day too
   *   (which would give one more day): 人社厅发〔2020〕79号 一(三)'s 3 working days is a ceiling for the
   *   citizen's benefit, and an online application is in the system the moment it is submitted.
   * - No cut-off hour: an application at 23:59 counts from the next day like one at 09:00; the
   *   caller passes the Beijing date of the submission (`beijingDate(submittedAt)`).
   * - `uncertain` is true when any day counted (start+1 … due) lies in an uncovered year; for n = 0
   *   the due date is `start` itself and `uncertain` says whether its year is covered.
   */
  const addWorkingDays = (start: string, n: number): WorkingDayResult => {
    assertDate(start);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number >= 0, got ${n}`);
    if (n === 0) return { date: start, uncertain: !isCovered(start) };
    let date = start;
    let uncertain = false;
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (!isCovered(date)) uncertain = true;
      if (isWorkingDay(date)) left -= 1;
    }
    return { date, uncertain };
  };

  /**
   * Working days after `a` up to and including `b` — the inverse of `addWorkingDays`:
   * `workingDaysBetween(a, addWorkingDays(a, n).date).days === n`. Negative when `b` is before
   * `a` (the working days after `b` up to and including `a`), so a review queue can say
   * "还剩 2 个工作日" or "已超期 1 个工作日" with the same call. `uncertain` as in `addWorkingDays`.
   */
  const workingDaysBetween = (a: string, b: string): WorkingDayCount => {
    const order = compareDates(a, b);
    if (order === 0) return { days: 0, uncertain: false };
    const [from, to] = order < 0 ? [a, b] : [b, a];
    let days = 0;
    let uncertain = false;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      if (!isCovered(d)) uncertain = true;
      if (isWorkingDay(d)) days += 1;
    }
    return { days: order < 0 ? days : -days, uncertain };
  };

  const calendarCoverage = (): CalendarCoverage => {
    let first = years.length ? years[0] : 1;
    while (covered.has(first)) first += 1;
    return { years: [...years], uncertainFrom: `${String(first).padStart(4, '0')}-01-01` };
  };

  return {
    isWorkingDay,
    isCovered,
    addWorkingDays,
    workingDaysBetween,
    coveredYears: () => [...years],
    calendarCoverage,
  };
}

/** The shipped `calendar-overrides.json`, validated at load. */
export const SHIPPED_OVERRIDES: CalendarOverrides = parseOverrides(shippedOverrides);

/** The calendar every rule uses: chinese-days + the shipped override file. */
export const defaultCalendar: Calendar = makeCalendar(SHIPPED_OVERRIDES);

export const isWorkingDay = (date: string): boolean => defaultCalendar.isWorkingDay(date);
export const isCovered = (date: string): boolean => defaultCalendar.isCovered(date);
export const addWorkingDays = (start: string, n: number): WorkingDayResult => defaultCalendar.addWorkingDays(start, n);
export const workingDaysBetween = (a: string, b: string): WorkingDayCount => defaultCalendar.workingDaysBetween(a, b);
export const coveredYears = (): number[] => defaultCalendar.coveredYears();
export const calendarCoverage = (): CalendarCoverage => defaultCalendar.calendarCoverage();
