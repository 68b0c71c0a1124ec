/**
 * The tasks of the post-registration schedule and the review deadlines (docs/product.md "After
 * registration", 人社厅发〔2020〕79号 一(三)(四), 大人社规发〔2025〕2号 三(三)): what a task record is, and
 * which staff a task or a notice goes to. What creates and works them:
 * - core/follow-ups.ts: approval of a 失业登记 → the contact task, the service lists, the monthly
 *   follow-up (人社厅发〔2020〕79号 一(三)(四));
 * - core/deadlines.ts: reviews and staff tasks near or past their due date → reminders and escalations
 *   (人社厅发〔2020〕79号 一(三)).
 *
 * "Once" is a deterministic id: `tasks/<kind>:<applicationId>` and message ids built from the
 * application, so a scheduler run repeated (or two at once) creates nothing twice.
 */
import { normalizedScope, staffMaySee } from './access';
import { ids, messageIds } from './collections';
import type { Deps, StaffMember } from './deps';
import { writeMessageInTx } from './messages';
import type { StoreTx } from './store.port';

export type TaskKind = 'contact' | 'followup' | 'followcall' | 'review_reminder' | 'review_escalation' | 'verify_employment' | 'contact_escalation' | 'task_reminder' | 'task_escalation' | 'insurance_claim' | 'hardship';

/** Per scheduled pass and run: rows worked at most, rows visited at most (core/paging.ts). */
export const PASS_BUDGET = 500;
export const PASS_SCAN_LIMIT = 5000;

export interface TaskRecord {
  [key: string]: unknown;
  taskId: string;
  kind: TaskKind;
  /** open: to do; done: staff did it; closed: no longer needed (registration ended) */
  status: 'open' | 'done' | 'closed';
  applicationId: string;
  personKey: string | null;
  /** the citizen concerned (contact, follow-up) */
  openid: string | null;
  region: string;
  /** Beijing date: the contact deadline, or the next follow-up day */
  dueDate: string;
  dueDateUncertain?: boolean;
  createdAt: number;
  /** follow-ups: the registration day months are counted from, and how many were sent */
  anchorDate?: string;
  count?: number;
  /** reminders/escalations: who was told */
  recipients?: string[];
}

/** `<kind>:<applicationId>` (core/collections.ts) */
export const taskId = ids.task;

/** Staff of `role` whose region is the longest prefix of `region` (the district's own, else the city's). */
export function nearestStaff(staff: StaffMember[], region: string, role: StaffMember['role']): StaffMember[] {
  // the one region rule (core/access.ts): a malformed staff region matches nothing
  const matching = staff.filter((s) => s.role === role && staffMaySee(s, { region }));
  const depth = (s: StaffMember) => normalizedScope(s.region)?.length ?? 0;
  const longest = Math.max(0, ...matching.map(depth));
  return matching.filter((s) => depth(s) === longest);
}

/**
 * A notice to the staff of `region` (its nearest reviewers, else its admins) inside the transaction:
 * a person's own report or change on their registration (本人申报就业, 常住地变更).
 */
export async function tellStaffInTx(tx: StoreTx, deps: Deps, region: string, m: { id: string; title: string; body: string; at: number; applicationId: string }): Promise<void> {
  const staff = deps.staffDirectory ? await deps.staffDirectory.list() : [];
  let to = nearestStaff(staff, region, 'reviewer');
  if (to.length === 0) to = nearestStaff(staff, region, 'admin');
  for (const s of to) {
    await writeMessageInTx(tx, {
      messageId: messageIds.toStaff(m.id, s.openid), openid: s.openid, personKey: null, recipient: 'staff', event: 'registration.staff_notice',
      title: m.title, body: m.body, at: m.at, applicationId: m.applicationId,
    });
  }
}
