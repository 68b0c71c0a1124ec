/** The review queue of the staff member's region (docs/product.md "After registration"), or one application found by its 办件编号. */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { caseNoOf, parseCaseNo } from '@shared/case-no';
import { beijingDate, beijingIso, startOfBeijingDay, addDays } from '@shared/dates';
import { maskIdNumber, maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import { CASE_NO_MESSAGE, queueQuerySchema } from '@shared/staff.schema';
import type { ApplicationRecord } from '../records';
import { findRecords } from '../collections';
import { audit } from '../audit';
import { staffOf } from '../staff-scope';
import type { QueueItem } from '@shared/answers';
import { parseWith } from '../parse';
import { defineParsed } from './handler';
export type { QueueItem };

function queueItemOf(a: ApplicationRecord, today: string): QueueItem {
  const reminders = (a.reminders as number[] | undefined) ?? [];
  return {
    applicationId: a.applicationId, caseNo: caseNoOf(a.kind, a.applicationId, beijingDate(a.submittedAt)), kind: a.kind, status: a.status,
    holderName: maskName(a.person.name), idNumberMasked: maskIdNumber(a.person.idNumber),
    region: a.region, regionName: regionName(a.region) ?? a.region, submittedAt: beijingIso(a.submittedAt),
    dueDate: a.dueDate, dueDateUncertain: a.dueDateUncertain, overdue: a.status === 'pending_review' && !!a.dueDate && a.dueDate < today, reasons: a.reviewReasons,
    reminderCount: reminders.length, lastRemindedAt: reminders.length ? beijingIso(reminders[reminders.length - 1]) : null,
  };
}

/**
 * Pending applications of the staff member's region, earliest due date first, overdue and 催办 marked;
 * or, given `caseNo` (办件编号), the application of that number in the region whatever its state — found
 * through the kind and the submission day the number names. Own cases are left out either way; the
 * read is audited (a search with the number and what it found).
 */
export const listReviewQueue = defineParsed((input) => parseWith(queueQuerySchema, input ?? {}, { labels: { caseNo: '办件编号' } }), async (input, deps): Promise<Result<{ items: QueueItem[]; today: string; caseNo?: string }>> => {
  const staff = staffOf(deps);
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const caseNo = input.caseNo;
  const named = caseNo ? parseCaseNo(caseNo) : undefined;
  if (caseNo && !named) return fail('VALIDATION_FAILED', CASE_NO_MESSAGE, { caseNo: CASE_NO_MESSAGE });
  const found = prefix === null
    ? []
    : named
      ? (await findRecords(deps.store, 'applications', { kind: named.kind, region: { prefix }, submittedAt: { gte: startOfBeijingDay(named.day), lt: startOfBeijingDay(addDays(named.day, 1)) } }, { limit: 5000 }))
        .filter((a) => caseNoOf(a.kind, a.applicationId, beijingDate(a.submittedAt)) === caseNo)
      : await findRecords(deps.store, 'applications', { status: 'pending_review', region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const apps: ApplicationRecord[] = [];
  for (const a of found) {
    // the staff member's own cases go to a colleague (separation of duties): not in their queue
    if (staffMaySee(staff, a) && !(await isOwnCase(deps.store, staff, { personKey: a.personKey, filedBy: a.openid }))) apps.push(a);
  }
  const items = apps.map((a) => queueItemOf(a, today));
  await audit(deps, 'listReviewQueue', caseNo ? { count: items.length, caseNo, applicationIds: items.map((i) => i.applicationId), personKeys: apps.map((a) => a.personKey) } : { count: items.length });
  return ok({ items, today, ...(caseNo ? { caseNo } : {}) });
});
