/** Staff side of 就业困难人员认定 (core/hardship.ts): the open requests of the region (not their own cases), masked, audited. Takes no input. */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import type { HardshipItem } from '@shared/answers';
import { maskIdNumber, maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { isOwnCase, regionQueryPrefix, staffMaySee } from '../access';
import { audit } from '../audit';
import { findRecords, readRecord } from '../collections';
import type { Deps } from '../deps';

export type { HardshipItem };

export async function listHardshipRequests(_input: unknown, deps: Deps): Promise<Result<{ items: HardshipItem[] }>> {
  const staff = deps.caller.staff!;
  const prefix = regionQueryPrefix(staff);
  const tasks = prefix === null ? [] : await findRecords(deps.store, 'tasks', { kind: 'hardship', status: 'open', region: { prefix } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 500 });
  const items: HardshipItem[] = [];
  for (const t of tasks) {
    if (!staffMaySee(staff, t)) continue;
    const app = await readRecord(deps.store, 'applications', t.applicationId);
    if (!app || (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid }))) continue;
    items.push({
      taskId: t.taskId, applicationId: t.applicationId, holderName: maskName(app.person.name), idNumberMasked: maskIdNumber(app.person.idNumber),
      categories: Array.isArray(t.categories) ? (t.categories as string[]) : [], region: t.region, regionName: regionName(t.region) ?? t.region, requestedOn: t.dueDate,
    });
  }
  await audit(deps, 'listHardshipRequests', { count: items.length });
  return ok({ items });
}
