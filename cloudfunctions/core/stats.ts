/**
 * Monthly statistics (人社厅发〔2020〕79号 三 调整城镇登记失业统计制度; 大人社规发〔2025〕2号 三(四) 服务重点), computed from
 * records as a pure function — the handler only loads them. Period: the 21st of the previous month
 * 00:00 to the 20th of this month 24:00, Beijing time (shared/dates.ts `statsPeriod`).
 *  - 新登记: 失业登记 approved within the period
 *  - 注销 by AJC00A reason: deregistrations within the period
 *  - 期末登记失业人员: registrations open at the end of the period
 *    of them 16–24 周岁 (age at the period's last day), 失业半年以上 and 五年以上 (counted from 失业时间;
 *    "以上" includes the bound, 民法典 第一千二百五十九条), and each 人员类别 (就业困难人员 groups, 大人社规发〔2025〕2号 三(四)).
 *  - every figure also per 行政区划代码 (county), the county of the registration (登记失业地);
 *  - 农村户籍 and non-local persons (`ruralOrNonLocal`) reported on their own, by 在常住地稳定就业 ≥ 6 / < 6 months;
 *    where the region's profile says 'separate' (吉人社函字〔2018〕175号 四(三)) they are kept out of 本期新增 and of the
 *    期末 figures the 登记失业率 is computed from; elsewhere ('included', 大人社规发〔2025〕2号 三(一)) they stay in too.
 * Scope (人社厅发〔2020〕79号 三(十)): 劳动年龄内 — the form refuses anyone under 16 and a registration ends (AJC00A 21)
 * when the pension starts; every office here is a county-level 城镇 public employment service.
 */
import { monthsBetween, statsPeriod } from '@shared/dates';
import { ageOn } from '@shared/id-number';
import { profileFor } from '@shared/region-profiles';
import type { Figures, MonthlyStats } from '@shared/answers';
export type { Figures, MonthlyStats };

export interface StatsRegistration {
  region: string;
  since: number;
  endedAt: number | null;
  birthDate: string;
  /** YYYY-MM */
  unemployedSince: string | null;
  personCategories: string[];
  /** 农村户籍 or 非本地户籍 (region-profiles.ts isRuralOrNonLocal) */
  ruralOrNonLocal: boolean;
  /** STABLE_EMPLOYMENT_AT_RESIDENCE code, when the form asked */
  stableAtResidence: string | null;
}

export interface StatsDeregistration { region: string; at: number; reasonCode: string }

const empty = (): Figures => ({
  newRegistrations: 0, deregistrations: 0, deregistrationsByReason: {}, registeredAtPeriodEnd: 0,
  youth16to24: 0, unemployedOver6Months: 0, unemployedOver5Years: 0, byCategory: {},
  ruralOrNonLocal: { newRegistrations: 0, stable6MonthsOrMore: 0, stableUnder6Months: 0, stableNotAsked: 0, registeredAtPeriodEnd: 0, inMainFigures: true },
});

export function monthlyStats(month: string, regs: StatsRegistration[], deregs: StatsDeregistration[]): MonthlyStats {
  const p = statsPeriod(month);
  const lastDay = p.toDate;
  const total = empty();
  const byRegion: Record<string, Figures> = {};
  const both = (region: string, f: (x: Figures) => void) => { f(total); f((byRegion[region] ??= empty())); };
  for (const r of regs) {
    const separate = r.ruralOrNonLocal && profileFor(r.region).nonLocalStatistics === 'separate';
    const isNew = r.since >= p.from && r.since < p.to;
    const openAtEnd = r.since < p.to && (r.endedAt === null || r.endedAt >= p.to);
    if (r.ruralOrNonLocal) {
      both(r.region, (x) => {
        const s = x.ruralOrNonLocal;
        if (separate) s.inMainFigures = false;
        if (isNew) {
          s.newRegistrations++;
          if (r.stableAtResidence === '6m_or_more') s.stable6MonthsOrMore++;
          else if (r.stableAtResidence === 'under_6m') s.stableUnder6Months++;
          else s.stableNotAsked++;
        }
        if (openAtEnd) s.registeredAtPeriodEnd++;
      });
    }
    // 吉人社函字〔2018〕175号 四(三): not in 本期新增 nor in the figures of the 登记失业率 — the supplementary ones above only
    if (separate) continue;
    if (isNew) both(r.region, (x) => { x.newRegistrations++; });
    if (!openAtEnd) continue;
    // the one age rule (shared/id-number.ts ageOn), the same the intake uses for 年满16周岁
    const age = r.birthDate ? ageOn(r.birthDate, lastDay) : NaN;
    const months = r.unemployedSince ? monthsBetween(`${r.unemployedSince}-01`, lastDay) : 0;
    both(r.region, (x) => {
      x.registeredAtPeriodEnd++;
      if (age >= 16 && age <= 24) x.youth16to24++;
      if (months >= 6) x.unemployedOver6Months++;
      if (months >= 60) x.unemployedOver5Years++;
      for (const c of r.personCategories) x.byCategory[c] = (x.byCategory[c] ?? 0) + 1;
    });
  }
  for (const d of deregs) {
    if (d.at < p.from || d.at >= p.to) continue;
    both(d.region, (x) => {
      x.deregistrations++;
      x.deregistrationsByReason[d.reasonCode] = (x.deregistrationsByReason[d.reasonCode] ?? 0) + 1;
    });
  }
  return { month, period: { from: p.fromDate, to: p.toDate }, ...total, byRegion };
}

