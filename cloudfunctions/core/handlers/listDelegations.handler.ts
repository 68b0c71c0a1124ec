/** Family help (docs/identity.md "Family help"): the delegations of the caller's persons, and those they help with. Takes no input. */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import type { DelegationView } from '@shared/answers';
import { findRecords } from '../collections';
import { delegationView } from '../delegations';
import type { Deps } from '../deps';
import { boundPersonKeys } from '../person-access';

export async function listDelegations(_input: unknown, deps: Deps): Promise<Result<{ delegations: DelegationView[] }>> {
  const now = deps.clock.now();
  const keys = await boundPersonKeys(deps);
  const mine = keys.length ? await findRecords(deps.store, 'delegations', { personKey: { in: keys } }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 }) : [];
  const helping = await findRecords(deps.store, 'delegations', { helperOpenid: deps.caller.openid }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 });
  return ok({ delegations: [...mine.map((d) => delegationView(d, 'person', now)), ...helping.filter((d) => !keys.includes(d.personKey)).map((d) => delegationView(d, 'helper', now))] });
}
