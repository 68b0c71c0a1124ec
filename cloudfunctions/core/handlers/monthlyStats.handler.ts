/** The monthly statistics of the staff member's region (docs/product.md "Monthly statistics", 人社厅发〔2020〕79号 三). */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { statsPeriod } from '@shared/dates';
import { isRuralOrNonLocal } from '@shared/region-profiles';
import { regionName } from '@shared/regions';
import { regionQueryPrefix, staffMaySee } from '../access';
import { statsSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema';
import type { Deps, StaffMember } from '../deps';
import { answersOf, type ApplicationRecord, type RegistrationRecord } from '../records';
import { registrationId, type RegistrationPerson } from '../registrations';
import { monthlyStats as computeStats, type StatsRegistration } from '../stats';
import { ratingSummary, type RatingSummary } from '../ratings';
import { findRecords } from '../collections';
import { audit } from '../audit';
import { staffOf } from '../staff-scope';
import { defineHandler } from './handler';

type Episode = RegistrationRecord & { person?: RegistrationPerson; unemployedSince?: string | null; personCategories?: string[]; history?: Episode[] };

/**
 * Every 失业登记 of the region begun before `before`, each counted where it was registered (登记失业地, the
 * region of its application) — not where the person's latest registration is. A person registered in 鞍山,
 * deregistered there and registered again in 大连 has one registration document (region 大连) holding the
 * 鞍山 one in its history; reading documents by their current region would count the 鞍山 registration
 * in 大连 and lose it in 鞍山. So the registrations are found through their approved applications, one
 * per registration, whose region never changes.
 */
async function registrationsOfRegion(deps: Deps, staff: StaffMember, before: number): Promise<StatsRegistration[]> {
  const region = regionQueryPrefix(staff);
  if (region === null) return [];
  const apps = await findRecords(deps.store, 'applications', { kind: 'unemployment', status: 'approved', region: { prefix: region } }, { limit: 100000 });
  const byPerson = new Map<string, Map<string, ApplicationRecord>>();
  for (const a of apps) (byPerson.get(a.personKey) ?? byPerson.set(a.personKey, new Map()).get(a.personKey)!).set(a.applicationId, a);
  const out: StatsRegistration[] = [];
  for (const [personKey, ofPerson] of byPerson) {
    const doc = await deps.store.get<Episode>('registrations', registrationId('unemployment', personKey));
    if (!doc) continue;
    for (const x of [doc, ...(doc.history ?? [])]) {
      const app = x ? ofPerson.get(x.applicationId) : undefined;
      if (!x || !app || !staffMaySee(staff, x) || x.since >= before) continue;
      const answers = answersOf(app);
      out.push({
        region: x.region, since: x.since, endedAt: x.endedAt ?? null, birthDate: x.person?.birthDate ?? '', unemployedSince: x.unemployedSince ?? null, personCategories: x.personCategories ?? [],
        ruralOrNonLocal: isRuralOrNonLocal({ householdType: answers.householdType, hukouAddress: answers.hukouAddress }, x.region), stableAtResidence: typeof answers.stableEmploymentAtResidence === 'string' ? answers.stableEmploymentAtResidence : null,
      });
    }
  }
  return out;
}

/** 人社厅发〔2020〕79号 三: 上月21日至本月20日, by region (the region of each registration). */
export const monthlyStats = defineHandler(statsSchema, async (input, deps): Promise<Result<ReturnType<typeof computeStats> & { regionNames: Record<string, string>; ratings: RatingSummary }>> => {
  const staff = staffOf(deps);
  const p = statsPeriod(input.month);
  const regs = await registrationsOfRegion(deps, staff, p.to);
  const prefix = regionQueryPrefix(staff);
  const deregs = (prefix === null ? [] : await findRecords(deps.store, 'deregistrations', { region: { prefix }, at: { gte: p.from, lt: p.to } }, { limit: 100000 }))
    .filter((d) => staffMaySee(staff, d));
  const stats = computeStats(input.month, regs, deregs.map((d) => ({ region: d.region, at: d.at, reasonCode: d.reasonCode })));
  const regionNames = Object.fromEntries(Object.keys(stats.byRegion).map((c) => [c, regionName(c) ?? c]));
  const ratings = await ratingSummary(deps.store, staff, p.from, p.to);
  await audit(deps, 'monthlyStats', { month: input.month });
  return ok({ ...stats, regionNames, ratings });
}, { labels: STAFF_FIELD_LABELS });
