/**
 * The applications a citizen may read, newest first. What a citizen reads: the records of the people they are bound to (identity base matched and a
 * real-person check passed), those they help (代办), and the applications they sent themselves —
 * and no more (core/person-access.ts decides). A record of anyone else answers NOT_FOUND, the same as
 * a record that does not exist, so the answer reveals nothing.
 */
import type { ApplicationView, Result } from '@shared/api';
import { ok } from '@shared/api';
import type { Deps } from '../deps';
import { readablePersonKeys } from '../person-access';
import { auditDelegateRead } from '../audit';
import { findRecords } from '../collections';
import { citizenViewOf } from '../citizen-view';

export async function listMyApplications(_input: unknown, deps: Deps): Promise<Result<{ applications: ApplicationView[] }>> {
  const { self, delegated } = await readablePersonKeys(deps);
  const keys = [...self, ...delegated];
  const order = { orderBy: { field: 'submittedAt', direction: 'desc' as const }, limit: 200 };
  const apps = keys.length ? await findRecords(deps.store, 'applications', { personKey: { in: keys } }, order) : [];
  // applications the caller sent for someone they are not bound to: that application only, redacted
  // (one sent as a helper is seen through the delegation, and no longer once it is revoked)
  const sent = (await findRecords(deps.store, 'applications', { openid: deps.caller.openid }, order)).filter((a) => !keys.includes(a.personKey) && !a.onBehalfOf);
  if (delegated.length) await auditDelegateRead(deps, 'listMyApplications', delegated);
  const views = await Promise.all([
    ...apps.map((a) => citizenViewOf(a, deps, self.includes(a.personKey) ? 'self' : 'delegate')),
    ...sent.map((a) => citizenViewOf(a, deps, 'sender')),
  ]);
  return ok({ applications: views.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) });
}
