/** The 工作台 counts of the staff member's region: reviews and contact tasks open, due today, overdue. */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { regionQueryPrefix } from '../access';
import type { Deps } from '../deps';
import { STAFF_CONTACT_KINDS } from '../contact-record';
import { audit } from '../audit';
import type { WorkbenchCounts } from '@shared/answers';
export type { WorkbenchCounts };

/**
 * The 工作台 counts of the staff member's region (issue 20): reviews waiting, due today, overdue; contact
 * tasks (first contact, monthly call, 核实就业状态) open, due today, overdue; reviews the person chased
 * (催办, remindOffice.handler.ts). Counts only — no person is
 * named — so nothing to audit per person; the read itself is audited like every staff read.
 */
export async function getWorkbench(_input: unknown, deps: Deps): Promise<Result<WorkbenchCounts>> {
  const staff = deps.caller.staff!;
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const zero = { open: 0, dueToday: 0, overdue: 0 };
  if (prefix === null) return ok({ today, reviews: { ...zero, reminded: 0 }, tasks: zero });
  const region = { prefix };
  const kinds = { in: [...STAFF_CONTACT_KINDS] };
  const [rOpen, rToday, rLate, rReminded, tOpen, tToday, tLate] = await Promise.all([
    deps.store.count('applications', { status: 'pending_review', region }),
    deps.store.count('applications', { status: 'pending_review', region, dueDate: today }),
    deps.store.count('applications', { status: 'pending_review', region, dueDate: { lt: today } }),
    deps.store.count('applications', { status: 'pending_review', region, reminded: true }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region, dueDate: today }),
    deps.store.count('tasks', { status: 'open', kind: kinds, region, dueDate: { lt: today } }),
  ]);
  await audit(deps, 'getWorkbench', {});
  return ok({ today, reviews: { open: rOpen, dueToday: rToday, overdue: rLate, reminded: rReminded }, tasks: { open: tOpen, dueToday: tToday, overdue: tLate } });
}
