/**
 * Per-region deadlines, in working days (counted with shared/calendar.ts). The notices disagree
 * (docs/rules.md "Where the notices disagree"); the national notice is the ceiling, so a region may set
 * a *shorter* deadline than the default but never a longer one for 失业登记.
 */

export interface RegionProfile {
  /** online 失业登记 decided within N working days of submission */
  unemploymentReviewDays: number;
  /** online 灵活就业登记 decided within N working days of submission */
  flexibleReviewDays: number;
  /** a 《就业创业证》 application that needs a person decided within N working days */
  certificateReviewDays: number;
  /** staff contact a newly registered unemployed person within N working days of registration */
  contactWithinDays: number;
  /**
   * How registrations of 农村户籍 and other non-local persons enter the monthly 本期新增 (docs/rules.md "Where the
   * notices disagree"): 'included' — counted, and also reported on their own (大人社规发〔2025〕2号 三(一) 可纳入统计范围;
   * 鞍人社〔2020〕21号 六); 'separate' — kept out of 本期新增 and reported as supplementary figures, split by stable
   * employment at the place of residence ≥ 6 months / < 6 months (吉人社函字〔2018〕175号 四(三)).
   */
  nonLocalStatistics: 'included' | 'separate';
  /** 户籍性质 must be given (a 'separate' profile needs it to know who is 农村户籍) */
  householdTypeRequired: boolean;
}

export const DEFAULT_PROFILE: Readonly<RegionProfile> = Object.freeze({
  // 人社厅发〔2020〕79号 一(三): "要在3个工作日内办结失业登记申请" (national, the ceiling);
  // 大人社规发〔2025〕2号 三(二) says the same for online applications.
  unemploymentReviewDays: 3,
  // 大人社规发〔2025〕2号 二(二): "各就业服务机构应于5个工作日内完成线上审批工作" (灵活就业登记).
  flexibleReviewDays: 5,
  // The 证 is normally issued at once (大人社规发〔2025〕2号 一(二): "一站受理、即时出证"). No notice gives a
  // deadline for the cases a person must look at; we hold them to the 失业登记 ceiling of
  // 人社厅发〔2020〕79号 一(三) rather than leave them without one.
  certificateReviewDays: 3,
  // 人社厅发〔2020〕79号 一(三): "在办理失业登记后5个工作日内，通过电话、短信等方式主动联系登记失业人员";
  // 大人社规发〔2025〕2号 三(三) adds the monthly follow-up.
  contactWithinDays: 5,
  // 人社厅发〔2020〕79号 三(十) counts everyone registered in 城镇 within working age and says nothing of 户籍;
  // 大人社规发〔2025〕2号 三(一) and 鞍人社〔2020〕21号 六 count 农村进城务工人员 and non-local persons in. Default: counted.
  nonLocalStatistics: 'included',
  householdTypeRequired: false,
});

interface RegionOverride {
  /** 行政区划代码 prefix: '21' 辽宁, '2102' 大连, '210202' 中山区 */
  prefix: string;
  name: string;
  profile: Partial<RegionProfile>;
}

/**
 * Longest matching prefix wins, so a district can refine its city. Values not given fall back to
 * DEFAULT_PROFILE. Keep every entry's source in a comment beside it.
 */
const REGION_OVERRIDES: readonly RegionOverride[] = [
  {
    // 大连: 大人社规发〔2025〕2号 (大人社规发〔2025〕2号) §三(二) 3 working days for online 失业登记 and
    // §二(二) 5 for 灵活就业 — the same as the defaults, written out so that a change of the
    // defaults does not silently change 大连, whose own notice fixes these numbers.
    prefix: '2102',
    name: '大连市',
    profile: { unemploymentReviewDays: 3, flexibleReviewDays: 5 },
  },
  {
    // 鞍山: 鞍人社〔2020〕21号 (鞍人社〔2020〕21号) §三 says "在 7 个工作日内办结失业登记", but 人社厅发〔2020〕79号
    // (人社厅发〔2020〕79号, national) §一(三) requires 3. The higher-level notice wins
    // (docs/rules.md "Where the notices disagree"), so 鞍山 keeps 3; the entry records that decision.
    prefix: '2103',
    name: '鞍山市',
    profile: { unemploymentReviewDays: 3 },
  },
  {
    // 吉林: 吉人社函字〔2018〕175号 四(三) "农村户籍人员和其他非本地户籍人员进行失业登记的，不计入登记失业人员本期新增人数统计和
    // 登记失业率计算，作为补充数据另行统计，其中在常住地稳定就业满6个月的和不满6个月的分别统计". The province's own
    // rule for its statistics; the national notice does not forbid a supplementary split. 户籍性质 is then needed.
    prefix: '22',
    name: '吉林省',
    profile: { nonLocalStatistics: 'separate', householdTypeRequired: true },
  },
];

export type ReviewKind = 'certificate' | 'unemployment' | 'flexible';

/** Where each kind's review deadline comes from, for the words staff read (docs/rules.md). */
export const REVIEW_DEADLINE_SOURCE: Readonly<Record<ReviewKind, string>> = Object.freeze({
  unemployment: '人社厅发〔2020〕79号 一(三)',
  flexible: '大人社规发〔2025〕2号 二(二)',
  certificate: '本地办结时限',
});

/** Working days staff have to decide an application of `kind` in `regionCode` (the one lookup every path uses). */
export function reviewDaysFor(kind: ReviewKind, regionCode: string): number {
  const p = profileFor(regionCode);
  return kind === 'unemployment' ? p.unemploymentReviewDays : kind === 'flexible' ? p.flexibleReviewDays : p.certificateReviewDays;
}

/** The citizen's words for the first contact after a 失业登记 (人社厅发〔2020〕79号 一(三)), with the region's days. */
export function contactPromise(regionCode: string): string {
  return contactPromiseIn(profileFor(regionCode).contactWithinDays);
}

/** The same promise for a region's `contactWithinDays` (the caller looked the profile up). */
export const contactPromiseIn = (days: number): string => `工作人员将在${days}个工作日内与您联系`;

/** The short note under 就业服务 on the citizen's progress stepper (ApplicationView.contactPromise). */
export const contactNoteIn = (days: number): string => `办结后${days}个工作日内联系您`;

/** The deadlines for a 行政区划代码 (any length: '21', '2102', '210202', …). Unknown regions get DEFAULT_PROFILE. */
export function profileFor(regionCode: string): RegionProfile {
  let best: RegionOverride | undefined;
  for (const o of REGION_OVERRIDES) {
    if (regionCode.startsWith(o.prefix) && (!best || o.prefix.length > best.prefix.length)) best = o;
  }
  const profile = { ...DEFAULT_PROFILE, ...(best?.profile ?? {}) };
  // 人社厅发〔2020〕79号 一(三) is the national ceiling for 失业登记: no regional entry may exceed it.
  profile.unemploymentReviewDays = Math.min(profile.unemploymentReviewDays, DEFAULT_PROFILE.unemploymentReviewDays);
  return profile;
}

/** 户籍性质 that makes a person 农村户籍 for the statistics (codes.ts HOUSEHOLD_TYPES). */
export const RURAL_HOUSEHOLD = '农村居民家庭';

/**
 * 农村户籍 or 非本地户籍 for the statistics of the region where the person registers: 户籍性质 农村居民家庭, or a
 * 户籍地 outside the city (地级市, first 4 digits of the 行政区划代码) of the registration (吉人社函字〔2018〕175号 四(三)).
 */
export function isRuralOrNonLocal(p: { householdType?: unknown; hukouAddress?: unknown }, registrationRegion: string): boolean {
  if (p.householdType === RURAL_HOUSEHOLD) return true;
  const hukou = (p.hukouAddress as { regionCode?: unknown } | undefined)?.regionCode;
  return typeof hukou === 'string' && hukou.length >= 4 && hukou.slice(0, 4) !== registrationRegion.slice(0, 4);
}

/** Whether the 失业登记 form must ask how long the person has been in stable work at the place of residence. */
export function asksStableEmployment(p: { householdType?: unknown; hukouAddress?: unknown }, registrationRegion: string): boolean {
  return profileFor(registrationRegion).nonLocalStatistics === 'separate' && isRuralOrNonLocal(p, registrationRegion);
}
