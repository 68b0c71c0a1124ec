/**
 * 好差评 in the monthly statistics (issue 17: "staff statistics show the ratings"): the ratings given
 * in the statistics period on applications of the staff member's region — how many, the average, how
 * many of each score, and the latest comments (no names: a comment is about the service). Which
 * applications count is the one region rule of core/access.ts (`staffMaySee`): a city written as six
 * digits (210200) sees its districts, a malformed scope sees nothing.
 */
import { regionQueryPrefix, staffMaySee } from './access';
import type { StaffMember } from './deps';
import type { StorePort } from './store.port';
import type { ApplicationRecord } from './records';
import type { RatingSummary } from '@shared/answers';
export type { RatingSummary };

type Rated = ApplicationRecord & { rating?: { score: number; comment?: string; ratedAt: number } };

export async function ratingSummary(store: StorePort, staff: StaffMember, from: number, to: number): Promise<RatingSummary> {
  // Rated applications are finished ones; the rating time decides the period (not the submission's).
  // The query narrows by the scope's prefix; the answer is filtered by the one rule.
  const prefix = regionQueryPrefix(staff);
  const apps = prefix === null ? [] : await store.find<Rated>('applications', { region: { prefix }, status: { in: ['approved', 'rejected'] } }, { limit: 100000 });
  const rated = apps.filter((a) => staffMaySee(staff, a) && a.rating && a.rating.ratedAt >= from && a.rating.ratedAt < to).sort((a, b) => b.rating!.ratedAt - a.rating!.ratedAt);
  const byScore: RatingSummary['byScore'] = [0, 0, 0, 0, 0];
  for (const a of rated) byScore[a.rating!.score - 1] += 1;
  const sum = rated.reduce((s, a) => s + a.rating!.score, 0);
  return {
    count: rated.length,
    average: rated.length ? Math.round((sum / rated.length) * 10) / 10 : null,
    byScore,
    comments: rated.filter((a) => a.rating!.comment).slice(0, 5).map((a) => ({ score: a.rating!.score, comment: a.rating!.comment! })),
  };
}
