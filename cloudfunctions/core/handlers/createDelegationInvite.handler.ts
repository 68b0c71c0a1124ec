/**
 * Family help (docs/identity.md "Family help"): the person, bound after their own check, invites a
 * family member; the code is good for 24 hours (core/delegations.ts) and is stored only as its key.
 * Takes no input.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { ids, writeRecord, type InviteRecord } from '../collections';
import { CHECK_FIRST, INVITE_TTL_MS } from '../delegations';
import type { Deps } from '../deps';
import { bindingOf, boundPersonKeys, type BindingRecord, type DelegationRecord } from '../person-access';

export async function createDelegationInvite(_input: unknown, deps: Deps): Promise<Result<{ delegationId: string; inviteCode: string; expiresAt: string }>> {
  const openid = deps.caller.openid!;
  const [personKey] = await boundPersonKeys(deps);
  if (!personKey) return fail('FORBIDDEN', CHECK_FIRST);
  const binding = (await bindingOf(deps, openid, personKey)) as BindingRecord;
  const now = deps.clock.now();
  const inviteCode = randomBytes(18).toString('base64url');
  const d: DelegationRecord = {
    delegationId: deps.newId(), personKey, personName: binding.name, ownerOpenid: openid, helperOpenid: null, helperName: null,
    status: 'invited', createdAt: now, expiresAt: now + INVITE_TTL_MS, acceptedAt: null, revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await writeRecord(tx, 'delegations', d.delegationId, d);
    await tx.put('verifications', ids.invite(inviteCode), { delegationId: d.delegationId, at: now } satisfies InviteRecord);
    await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: openid, action: 'createDelegationInvite', personKey, delegationId: d.delegationId });
  });
  return ok({ delegationId: d.delegationId, inviteCode, expiresAt: beijingIso(d.expiresAt) });
}
