/**
 * One age rule (issue 12 §11): the intake's 年满16周岁 (鞍人社〔2020〕21号 一) and the statistics' 16–24 周岁
 * (大人社规发〔2025〕2号 三(四)) used two functions that disagreed for a 29 February birthday (one said the
 * birthday of a common year is 28 February, the other 1 March). `ageOn` is the only one now.
 */
import * as dates from './dates';
import { ageOn } from './id-number';
import { monthlyStats } from '../cloudfunctions/core/stats';

describe('one age rule', () => {
  it('someone born on 29 February has their birthday on 1 March of a common year', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('there is no second age function to disagree with it', () => {
    expect('yearsBetween' in dates).toBe(false);
  });

  it('the statistics count 16–24 周岁 by the same rule, at the period\'s last day', () => {
    // period 2026-03: last day 2026-03-20; born 2001-03-21 is still 24, born 2001-03-20 is 25
    const reg = (birthDate: string) => ({ region: '210204', since: Date.parse('2026-01-05T02:00:00Z'), endedAt: null, birthDate, unemployedSince: '2025-12', personCategories: [], ruralOrNonLocal: false, stableAtResidence: null });
    const s = monthlyStats('2026-03', [reg('2001-03-21'), reg('2001-03-20')], []);
    expect(s.youth16to24).toBe(1);
  });
});
