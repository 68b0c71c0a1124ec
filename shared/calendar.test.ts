import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { getDayDetail } from 'chinese-days';
import shippedFile from './calendar-overrides.json';
import {
  addWorkingDays,
  calendarCoverage,
  coveredYears,
  defaultCalendar,
  isWorkingDay,
  makeCalendar,
  parseOverrides,
  SHIPPED_OVERRIDES,
  workingDaysBetween,
} from './calendar';
import type { CalendarOverrides } from './calendar';
import { addDays } from './dates';
import { DEFAULT_PROFILE, profileFor } from './region-profiles';

/** What `getDayDetail` calls a day that is in neither of its tables. */
const PLAIN_DAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const data = chineseDaysData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * A stand-in for the 2027 notice, to test the override mechanism only: it is NOT the official
 * 2027 arrangement (not published when this was written). 元旦 2027-01-01 is a Friday.
 */
const FAKE_2027: CalendarOverrides = {
  years: {
    '2027': {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
      source: 'test fixture, not the official notice',
    },
  },
};

describe("chinese-days' data, as we rely on it", () => {
  it('has 2026-10-10 (Saturday) as a 调休 make-up working day of National Day', () => {
    expect(data.workdays['2026-10-10']).toMatch(/国庆节/);
    expect(data.holidays['2026-10-10']).toBeUndefined();
    // the library's own API says the same
    expect(getDayDetail('2026-10-10')).toMatchObject({ work: true, name: expect.stringMatching(/国庆节/) });
  });

  it('has 2026-10-01 … 10-07 off and Spring Festival 2026-02-15 … 02-23 off, with 02-14 and 02-28 worked', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(data.holidays[d]).toMatch(/国庆节/);
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(data.holidays[d]).toMatch(/春节/);
    expect(data.workdays['2026-02-14']).toMatch(/春节/);
    expect(data.workdays['2026-02-28']).toMatch(/春节/);
  });

  it("reads the same holiday and make-up tables as the library's own functions", () => {
    // We compare table membership, not isWorkday: the library takes the weekday from the local
    // time zone, so west of UTC its isWorkday is wrong on plain days (why calendar.ts reads the
    // data file and computes weekdays itself); its table lookups are consistent in every zone.
    const disagree: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const detail = getDayDetail(d);
      const inData = d in data.holidays || d in data.workdays;
      const tabled = !PLAIN_DAY.test(detail.name);
      if (tabled !== inData || (tabled && detail.work !== (d in data.workdays))) disagree.push(d);
      if (tabled && isWorkingDay(d) !== detail.work) disagree.push(d);
    }
    expect(disagree).toEqual([]);
  });
});

// 2027 is the first year without an official arrangement in chinese-days 1.5.7 and in the shipped
// override file. When either gains 2027, these tests fail on purpose: move them to the next year.
describe('coverage', () => {
  it('detects the years present in the data instead of assuming them', () => {
    const years = coveredYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
    // one year each, no gaps, ascending
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0] + i));
    expect(calendarCoverage()).toEqual({ years, uncertainFrom: '2027-01-01' });
  });

  it('treats 2027-01-01 as a Friday working day while 2027 is not covered, and says so', () => {
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(defaultCalendar.isCovered('2027-01-01')).toBe(false);
    expect(defaultCalendar.isCovered('2026-12-31')).toBe(true);
  });

  it('ships a valid override file', () => {
    expect(() => parseOverrides(shippedFile)).not.toThrow();
    expect(typeof (shippedFile as { _about?: unknown })._about).toBe('string');
    for (const entry of Object.values(SHIPPED_OVERRIDES.years)) expect(entry.source.length).toBeGreaterThan(0);
  });
});

describe('review deadlines in working days', () => {
  it('人社厅发〔2020〕79号 一(三): 失业登记 submitted 2026-09-30 with 3 working days is due 2026-10-10, across National Day', () => {
    // 10-01…10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 make-up day (3)
    const days = profileFor('210202').unemploymentReviewDays;
    expect(days).toBe(3);
    expect(addWorkingDays('2026-09-30', days)).toEqual({ date: '2026-10-10', uncertain: false });
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('大人社规发〔2025〕2号 二(二): 灵活就业 submitted Thursday 2026-02-12 with 5 working days is due 2026-02-26, across Spring Festival', () => {
    // 02-13 Fri (1), 02-14 Sat make-up (2), 02-15…02-23 off, 02-24 (3), 02-25 (4), 02-26 (5)
    const days = profileFor('210203').flexibleReviewDays;
    expect(days).toBe(5);
    expect(addWorkingDays('2026-02-12', days)).toEqual({ date: '2026-02-26', uncertain: false });
  });

  it('counts from the next day for a Friday submission', () => {
    // an ordinary week: Fri 2026-03-06 → Mon 9 (1), Tue 10 (2), Wed 11 (3)
    expect(addWorkingDays('2026-03-06', 3)).toEqual({ date: '2026-03-11', uncertain: false });
    // the Friday before Spring Festival: 02-14 Sat make-up (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5)
    expect(addWorkingDays('2026-02-13', 5)).toEqual({ date: '2026-02-27', uncertain: false });
  });

  it('starts with the next working day when submitted on a holiday or weekend', () => {
    // Sat 2026-10-03 (in the National Day block): 10-08 (1), 10-09 (2), 10-10 (3)
    expect(addWorkingDays('2026-10-03', 3).date).toBe('2026-10-10');
    // Sun 2026-03-08: Mon 9 (1), Tue 10 (2), Wed 11 (3) — the same as a Friday submission
    expect(addWorkingDays('2026-03-08', 3).date).toBe('2026-03-11');
    // on the make-up Saturday itself, which does not count either: 10-12 (1), 10-13 (2), 10-14 (3)
    expect(addWorkingDays('2026-10-10', 3).date).toBe('2026-10-14');
  });

  it('flags a deadline computed into 2027 as uncertain', () => {
    // 12-31 Thu (1), 2027-01-01 Fri (2, as the library guesses), 01-04 Mon (3)
    expect(addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-04', uncertain: true });
    expect(addWorkingDays('2027-03-01', 3).uncertain).toBe(true);
    // ending on 12-31 counts no day of 2027
    expect(addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', uncertain: false });
  });

  it('an override for 2027 makes the deadline certain and moves it (2027-01-01 a holiday)', () => {
    const cal = makeCalendar(SHIPPED_OVERRIDES, FAKE_2027);
    // 12-31 Thu (1), 01-01…01-03 off, 01-04 Mon (2), 01-05 Tue (3)
    expect(cal.addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-05', uncertain: false });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isCovered('2027-06-01')).toBe(true);
    expect(cal.calendarCoverage().uncertainFrom).toBe('2028-01-01');
    expect(cal.coveredYears()).toContain(2027);
    // the default calendar is not changed by building another one
    expect(addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-04', uncertain: true });
  });

  it('lets an override make a weekend a working day and win over the library', () => {
    const cal = makeCalendar({
      years: { '2026': { holidays: ['2026-03-09'], workdays: ['2026-03-07'], source: 'test fixture' } },
    });
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(cal.isWorkingDay('2026-03-09')).toBe(false);
    // Fri 03-06 → Sat 07 (1), Tue 10 (2), Wed 11 (3)
    expect(cal.addWorkingDays('2026-03-06', 3).date).toBe('2026-03-11');
  });

  it('returns the start date for 0 working days and refuses a negative or fractional count', () => {
    expect(addWorkingDays('2026-10-03', 0)).toEqual({ date: '2026-10-03', uncertain: false });
    expect(() => addWorkingDays('2026-10-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-03', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026/10/03', 1)).toThrow(RangeError);
  });
});

describe('working days between two dates', () => {
  it('is the inverse of addWorkingDays', () => {
    const starts = ['2026-09-30', '2026-02-12', '2026-10-03', '2026-03-06', '2025-12-31', '2026-04-30'];
    for (const start of starts) {
      for (const n of [1, 3, 5, 10]) {
        const due = addWorkingDays(start, n);
        expect(workingDaysBetween(start, due.date)).toEqual({ days: n, uncertain: false });
      }
    }
  });

  it('counts the working days after the first date up to and including the second, negative backwards', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-07')).toEqual({ days: 0, uncertain: false });
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toEqual({ days: 1, uncertain: false });
    expect(workingDaysBetween('2026-10-10', '2026-09-30')).toEqual({ days: -3, uncertain: false });
    expect(workingDaysBetween('2026-10-10', '2026-10-10')).toEqual({ days: 0, uncertain: false });
  });

  it('is uncertain when the range reaches an uncovered year', () => {
    expect(workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({ days: 3, uncertain: true });
    expect(makeCalendar(FAKE_2027).workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({ days: 2, uncertain: false });
  });
});

describe('the override file format', () => {
  const year = (entry: Record<string, unknown>): unknown => ({ years: { '2027': entry } });

  it('accepts comments starting with _', () => {
    expect(() => parseOverrides({ _about: 'x', years: { _note: 'x', '2027': { _n: 1, holidays: [], workdays: [], source: 's' } } })).not.toThrow();
  });

  it.each([
    ['a date outside its year', year({ holidays: ['2026-12-31'], workdays: [], source: 's' }), /not in 2027/],
    ['an impossible date', year({ holidays: ['2027-02-29'], workdays: [], source: 's' }), /not a YYYY-MM-DD/],
    ['a day both off and worked', year({ holidays: ['2027-02-07'], workdays: ['2027-02-07'], source: 's' }), /both/],
    ['no source', year({ holidays: [], workdays: [] }), /source/],
    ['a misspelt key', year({ holiday: [], workdays: [], source: 's' }), /unknown key "holiday"/],
    ['a bad year key', { years: { '27': { holidays: [], workdays: [], source: 's' } } }, /four-digit/],
    ['no years', {}, /"years"/],
  ])('refuses %s', (_what, raw, message) => {
    expect(() => parseOverrides(raw)).toThrow(message);
    expect(() => makeCalendar(raw as CalendarOverrides)).toThrow(message);
  });
});

describe('regional deadlines', () => {
  it('defaults to 3 working days for 失业登记 and 5 for 灵活就业 (人社厅发〔2020〕79号 一(三), 大人社规发〔2025〕2号 二(二))', () => {
    expect(DEFAULT_PROFILE).toEqual({ unemploymentReviewDays: 3, flexibleReviewDays: 5, certificateReviewDays: 3, contactWithinDays: 5, nonLocalStatistics: 'included', householdTypeRequired: false });
    expect(profileFor('110101')).toEqual(DEFAULT_PROFILE);
    expect(profileFor('')).toEqual(DEFAULT_PROFILE);
  });

  it('gives 大连 (2102) its own notice\'s numbers and every 大连 district the same', () => {
    expect(profileFor('2102')).toEqual(DEFAULT_PROFILE);
    expect(profileFor('210202')).toEqual(DEFAULT_PROFILE);
  });

  it('keeps 鞍山 (2103) at 3, not 鞍人社〔2020〕21号\'s 7: the national 人社厅发〔2020〕79号 is the ceiling', () => {
    expect(profileFor('210302').unemploymentReviewDays).toBe(3);
  });
});
