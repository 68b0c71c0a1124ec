import {
  addDays,
  addMonths,
  beijingDate,
  beijingHour,
  beijingIso,
  beijingMonth,
  compactToIso,
  compareDates,
  dayOfWeek,
  isoToCompact,
  isValidCompactDate,
  isValidDate,
  isValidMonth,
  monthsBetween,
  startOfBeijingDay,
  statsMonthOf,
  statsPeriod,
} from './dates';

const at = (iso: string): number => Date.parse(iso);

// These helpers must not depend on the device's time zone. A test cannot switch zones itself
// (jest gives each test file a copy of process.env; TZ set there changes nothing), so run the
// suite under a zone west of UTC too: `TZ=America/Los_Angeles npx jest shared`.

describe('Beijing date of an instant', () => {
  it('puts 2026-01-01T16:00:00Z on 2026-01-02 in Beijing', () => {
    expect(beijingDate('2026-01-01T16:00:00Z')).toBe('2026-01-02');
    expect(beijingDate(at('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
    expect(beijingDate(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });

  it('keeps the last millisecond before Beijing midnight on the previous day', () => {
    expect(beijingDate('2026-01-01T15:59:59.999Z')).toBe('2026-01-01');
    expect(beijingDate('2026-12-31T23:59:59.999+08:00')).toBe('2026-12-31');
    expect(beijingDate('2027-01-01T00:00:00+08:00')).toBe('2027-01-01');
  });

  it('refuses a date-time string without an offset, which devices read in their own zone', () => {
    expect(() => beijingDate('2026-01-01T16:00:00')).toThrow(RangeError);
    expect(() => beijingDate('2026-01-01')).toThrow(RangeError);
    expect(() => beijingDate('2026-02-30T10:00:00+08:00')).toThrow(RangeError);
    expect(() => beijingDate(Number.NaN)).toThrow(RangeError);
    expect(() => beijingDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('Beijing ISO time, month and hour', () => {
  it('writes ISO-8601 with +08:00 that parses back to the same instant', () => {
    const t = at('2026-09-30T02:00:00Z');
    expect(beijingIso(t)).toBe('2026-09-30T10:00:00.000+08:00');
    expect(Date.parse(beijingIso(t))).toBe(t);
    expect(beijingIso('2026-12-31T16:00:00.123Z')).toBe('2027-01-01T00:00:00.123+08:00');
  });

  it('reads the month and hour in Beijing', () => {
    expect(beijingMonth('2026-01-31T16:00:00Z')).toBe('2026-02');
    expect(beijingHour('2026-01-31T16:00:00Z')).toBe(0);
    expect(beijingHour('2026-01-31T15:30:00Z')).toBe(23);
  });

  it('starts a Beijing day at 16:00 UTC of the day before', () => {
    expect(startOfBeijingDay('2026-03-21')).toBe(at('2026-03-20T16:00:00Z'));
    expect(beijingIso(startOfBeijingDay('2026-01-01'))).toBe('2026-01-01T00:00:00.000+08:00');
  });
});

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-1')).toBe(false);
    expect(isValidDate('20260101')).toBe(false);
  });

  it('reads compact YYYYMMDD dates (ID-number birth dates, the export period)', () => {
    expect(isValidCompactDate('19900228')).toBe(true);
    expect(isValidCompactDate('19900229')).toBe(false);
    expect(isValidCompactDate('1990-02-28')).toBe(false);
    expect(compactToIso('20080229')).toBe('2008-02-29');
    expect(() => compactToIso('20070229')).toThrow(RangeError);
    expect(isoToCompact('2026-03-20')).toBe('20260320');
  });

  it('adds days across month ends, year ends and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('compares dates', () => {
    expect(compareDates('2026-09-30', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-10-01', '2026-10-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(() => compareDates('2026-9-30', '2026-10-01')).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-09-30')).toBe(3);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2027-01-01')).toBe(5);
  });

  it('validates months', () => {
    expect(isValidMonth('2026-03')).toBe(true);
    expect(isValidMonth('2026-00')).toBe(false);
    expect(isValidMonth('2026-13')).toBe(false);
    expect(isValidMonth('2026-3')).toBe(false);
  });
});

describe('statistics period (人社厅发〔2020〕79号 三(九): 上月21日至本月20日)', () => {
  it('runs 2026-03 from 2026-02-21 00:00 to, not including, 2026-03-21 00:00 Beijing', () => {
    const p = statsPeriod('2026-03');
    expect(p).toEqual({
      from: at('2026-02-21T00:00:00+08:00'),
      to: at('2026-03-21T00:00:00+08:00'),
      fromDate: '2026-02-21',
      toDate: '2026-03-20',
    });
    const inside = (t: number): boolean => t >= p.from && t < p.to;
    expect(inside(at('2026-02-21T00:00:00+08:00'))).toBe(true);
    expect(inside(at('2026-02-20T23:59:59.999+08:00'))).toBe(false);
    expect(inside(at('2026-03-20T23:59:59+08:00'))).toBe(true);
    expect(inside(at('2026-03-20T23:59:59.999+08:00'))).toBe(true);
    expect(inside(at('2026-03-21T00:00:00+08:00'))).toBe(false);
    // the 21st 00:00 Beijing opens the next period
    expect(statsPeriod('2026-04').from).toBe(at('2026-03-21T00:00:00+08:00'));
  });

  it('crosses the year: 2026-01 starts on 2025-12-21', () => {
    expect(statsPeriod('2026-01')).toEqual({
      from: at('2025-12-21T00:00:00+08:00'),
      to: at('2026-01-21T00:00:00+08:00'),
      fromDate: '2025-12-21',
      toDate: '2026-01-20',
    });
  });

  it('tiles time with no gap and no overlap', () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
    for (let i = 1; i < months.length; i++) {
      expect(statsPeriod(months[i]).from).toBe(statsPeriod(months[i - 1]).to);
      expect(addDays(statsPeriod(months[i - 1]).toDate, 1)).toBe(statsPeriod(months[i]).fromDate);
    }
  });

  it('names the period an instant falls in', () => {
    expect(statsMonthOf('2026-03-20T23:59:59+08:00')).toBe('2026-03');
    expect(statsMonthOf('2026-03-21T00:00:00+08:00')).toBe('2026-04');
    expect(statsMonthOf('2026-12-20T15:59:59Z')).toBe('2026-12');
    expect(statsMonthOf('2026-12-20T16:00:00Z')).toBe('2027-01');
  });

  it('refuses a malformed month', () => {
    expect(() => statsPeriod('2026-3')).toThrow(RangeError);
    expect(() => statsPeriod('2026-13')).toThrow(RangeError);
  });
});

describe('months and years between dates (民法典 第二百零二条 month-end rule)', () => {
  it('completes a month on the corresponding day', () => {
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(monthsBetween('2025-09-20', '2026-03-20')).toBe(6);
    expect(monthsBetween('2025-09-21', '2026-03-20')).toBe(5);
  });

  it('completes a month on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2025-08-31', '2026-02-28')).toBe(6);
  });

  it('counts backwards as negative', () => {
    expect(monthsBetween('2026-03-20', '2025-09-20')).toBe(-6);
  });
});
