/**
 * Who among the staff may see and act on what — one place (docs/security.md "Region scope",
 * "Separation of duties"). Every staff list, read, decision, export, statistic and task goes
 * through `staffMaySee`; a store query may narrow by `regionQueryPrefix` first, but the answer is
 * always filtered by `staffMaySee`, so a query shortcut can never widen what a person sees.
 *
 * A staff record comes from a directory that people maintain by hand: it is validated when it is
 * loaded (`validStaffRecord`), and a malformed one (empty or unknown region, unknown role) is not
 * staff at all — never "staff of everywhere".
 */
import type { Role } from '@shared/api';
import { regionName, regionPrefixMatches } from '@shared/regions';
import { ids, readRecord } from './collections';
import type { StaffMember } from './deps';
import type { StoreTx } from './store.port';

export const STAFF_ROLES: readonly Role[] = ['verifier', 'reviewer', 'admin'];

/** A 行政区划代码 scope: 2 (province), 4 (city) or 6 digits (county, or a city/province written 2102 00). */
const REGION_SCOPE = /^(\d{2}|\d{4}|\d{6})$/;

/** The scope as the shortest prefix it means: "210200" → "2102", "210000" → "21"; null when malformed or unknown. */
export function normalizedScope(region: unknown): string | null {
  if (typeof region !== 'string' || !REGION_SCOPE.test(region) || /^0+$/.test(region)) return null;
  let p = region;
  if (p.length === 6 && p.endsWith('0000')) p = p.slice(0, 2);
  else if (p.length === 6 && p.endsWith('00')) p = p.slice(0, 4);
  // the scope must name a real province, city or county of the code table
  if (!regionName(p.padEnd(6, '0'))) return null;
  return p;
}

/**
 * A staff record as a directory holds it → a member, or null when it must not be trusted: no
 * openid, a region that is empty, malformed or not in the code table, a role that does not exist,
 * or marked inactive. Used by every staff directory adapter and the local gateway.
 */
export function validStaffRecord(raw: unknown, openid?: string): StaffMember | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const id = openid ?? r.openid;
  if (typeof id !== 'string' || id.trim() === '') return null;
  if (r.active === false) return null;
  if (!STAFF_ROLES.includes(r.role as Role)) return null;
  if (typeof r.region !== 'string' || normalizedScope(r.region) === null) return null;
  return { openid: id, name: typeof r.name === 'string' ? r.name : '', region: r.region, role: r.role as Role };
}

/** The one rule: this staff member may see this record (its 行政区划代码 lies inside their scope). */
export function staffMaySee(staff: StaffMember | null | undefined, record: { region?: unknown } | null | undefined): boolean {
  if (!staff || !record || typeof record.region !== 'string') return false;
  const scope = normalizedScope(staff.region);
  return scope !== null && regionPrefixMatches(scope, record.region);
}

/**
 * A prefix a store query may narrow by (never wider than `staffMaySee`). Null: the member sees
 * nothing, so the caller runs no query.
 */
export function regionQueryPrefix(staff: StaffMember): string | null {
  return normalizedScope(staff.region);
}

export const OWN_CASE_MESSAGE = '这件业务与您本人有关（本人或本人账号代办的申请），按规定须由其他工作人员办理';

/**
 * Separation of duties (docs/security.md): no staff member decides, deregisters, reveals or closes
 * a task about a person bound to their own openid (the `bindings` a submission writes: whoever
 * filed for that person with this account), nor about an application their own openid filed.
 * Returns true when the case is the staff member's own.
 */
export async function isOwnCase(db: Pick<StoreTx, 'get'>, staff: StaffMember, subject: { personKey?: string | null; filedBy?: string | null }): Promise<boolean> {
  if (subject.filedBy && subject.filedBy === staff.openid) return true;
  if (subject.personKey && (await readRecord(db, 'bindings', ids.binding(staff.openid, subject.personKey)))) return true;
  return false;
}

/**
 * For a request for review (复核): the staff member who made the decision under review may not
 * review it again. The 复核 feature calls this to choose (or refuse) the reviewer.
 */
export function mayReviewDecision(staff: StaffMember, decision: { by?: string | null } | null | undefined): boolean {
  return !decision?.by || decision.by !== staff.openid;
}

/** The staff who may take a 复核 of `decision` about a record: in scope, of the role, not the one who decided. */
export function reviewersFor(staff: StaffMember[], record: { region: string }, decision: { by?: string | null } | null | undefined, role: Role = 'reviewer'): StaffMember[] {
  return staff.filter((s) => s.role === role && staffMaySee(s, record) && mayReviewDecision(s, decision));
}
