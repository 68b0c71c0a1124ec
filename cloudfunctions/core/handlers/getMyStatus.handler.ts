import type { MyStatus, Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingDate, beijingIso } from '@shared/dates';
import type { Deps } from '../deps';
import { registrationId } from '../registrations';
import { taskId } from '../schedule';
import { boundPersonKeys } from '../person-access';
import { findRecords, readRecord } from '../collections';

/**
 * The home page's status line (issue "Citizen experience" §1): registrations in force and since
 * when, the next monthly follow-up (the open `followup:<applicationId>` task core/schedule.ts
 * keeps), applications waiting for staff with their due dates, and whether a certificate exists.
 * Own records only, like every citizen read; nothing here names or numbers the person.
 */
export async function getMyStatus(_input: unknown, deps: Deps): Promise<Result<MyStatus>> {
  const keys = await boundPersonKeys(deps);
  const status: MyStatus = { registrations: [], nextFollowUp: null, pending: [], certificate: null };
  if (keys.length === 0) return ok(status);
  const followUps: string[] = [];
  for (const key of keys) {
    for (const kind of ['unemployment', 'flexible'] as const) {
      const reg = await readRecord(deps.store, 'registrations', registrationId(kind, key));
      if (!reg || reg.status !== 'active') continue;
      status.registrations.push({ kind, applicationId: reg.applicationId, since: beijingDate(reg.since) });
      if (kind !== 'unemployment') continue;
      const task = await readRecord(deps.store, 'tasks', taskId('followup', reg.applicationId));
      if (task && task.status === 'open') followUps.push(task.dueDate);
    }
    if (!status.certificate) {
      const cert = await readRecord(deps.store, 'certificates', key);
      if (cert) status.certificate = { status: cert.status };
    }
  }
  status.nextFollowUp = followUps.sort()[0] ?? null;
  const pending = await findRecords(deps.store, 'applications', { personKey: { in: keys }, status: 'pending_review' }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 20 });
  status.pending = pending.map((a) => ({
    applicationId: a.applicationId, kind: a.kind, submittedAt: beijingIso(a.submittedAt),
    ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.dueDateUncertain ? { dueDateUncertain: true } : {}),
  }));
  return ok(status);
}
