/** The open contact and follow-up tasks of the staff member's region, earliest due first, phones masked (人社厅发〔2020〕79号 一(三)(四); core/contact-tasks.ts). */
import { checkLabel } from '@shared/check-labels';
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { maskName, maskPhone } from '@shared/mask';
import { regionName } from '@shared/regions';
import { isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import type { Deps } from '../deps';
import { CONTACT_KIND_LABELS, STAFF_CONTACT_KINDS, isStaffContactKind } from '../contact-record';
import { registrationId } from '../registrations';
import type { TaskRecord } from '../schedule';
import { audit } from '../audit';
import { findRecords, readRecord } from '../collections';
import type { ContactTaskItem } from '@shared/answers';
export type { ContactTaskItem };

function findingRecord(f: unknown): ContactTaskItem['record'] | undefined {
  const r = f as { source?: unknown; name?: unknown; since?: unknown } | undefined;
  if (!r || typeof r.source !== 'string') return undefined;
  // the same heading as the check at intake and on the citizen's page (shared/check-labels.ts)
  const sourceLabel = checkLabel(r.source);
  return { source: r.source, sourceLabel, name: typeof r.name === 'string' ? r.name : null, since: typeof r.since === 'string' ? r.since : null };
}

export async function listContactTasks(_input: unknown, deps: Deps): Promise<Result<{ items: ContactTaskItem[]; today: string }>> {
  const staff = deps.caller.staff!;
  const today = beijingDate(deps.clock.now());
  const prefix = regionQueryPrefix(staff);
  const tasks = prefix === null ? [] : await findRecords(deps.store, 'tasks', { status: 'open', kind: { in: [...STAFF_CONTACT_KINDS] }, region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const items: ContactTaskItem[] = [];
  for (const t of tasks) {
    if (!staffMaySee(staff, t)) continue;
    const app = await readRecord(deps.store, 'applications', t.applicationId);
    if (!app || !isStaffContactKind(t.kind)) continue;
    if (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid })) continue;
    // a follow-up call of a registration that has ended is no longer owed
    if ((t.kind === 'followcall' || t.kind === 'verify_employment') && !(await registrationActive(deps, t))) continue;
    items.push({
      taskId: t.taskId, kind: t.kind, kindLabel: CONTACT_KIND_LABELS[t.kind], applicationId: t.applicationId, holderName: maskName(app.person.name),
      phoneMasked: app.person.phone ? maskPhone(String(app.person.phone)) : '', region: t.region, regionName: regionName(t.region) ?? t.region,
      dueDate: t.dueDate, dueDateUncertain: !!t.dueDateUncertain, overdue: t.dueDate < today,
      ...(t.finding ? { finding: String((t.finding as { text?: unknown }).text ?? ''), record: findingRecord(t.finding) } : {}),
    });
  }
  await audit(deps, 'listContactTasks', { count: items.length });
  return ok({ items, today });
}

async function registrationActive(deps: Deps, t: TaskRecord): Promise<boolean> {
  if (!t.personKey) return false;
  const kind = t.registrationKind === 'flexible' ? 'flexible' : 'unemployment';
  const reg = await readRecord(deps.store, 'registrations', registrationId(kind, t.personKey));
  return !!reg && reg.status === 'active' && reg.applicationId === t.applicationId;
}
