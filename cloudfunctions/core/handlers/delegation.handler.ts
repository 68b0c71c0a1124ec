/**
 * Family help (代办 / 亲情服务), the way 电子社保卡's 亲情服务 lets a family member act for an older
 * person (docs/identity.md "Family help"): the person, bound after their own check, invites; the
 * helper accepts after their own check; from then on the helper may submit for the person
 * (`onBehalfOf` on a submission) and follow their applications — never hold their QR in a
 * verifiable form, never 补发. Every action of the helper is recorded and told to the person
 * (个人信息保护法 第四十四条); the person revokes at any time; an invitation expires after 24 hours.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { findRecords, ids, readRecord, writeRecord, type InviteRecord } from '../collections';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import { bindingOf, boundPersonKeys, otherBoundOpenids, type BindingRecord, type DelegationRecord } from '../person-access';
import type { DelegationView } from '@shared/answers';
export type { DelegationView };

export const INVITE_TTL_MS = 24 * 3_600_000;
const CHECK_FIRST = '请先完成本人实人核验（刷脸或到窗口核验）后再办理家人代办';

const effectiveStatus = (d: DelegationRecord, now: number): DelegationRecord['status'] => (d.status === 'invited' && now > d.expiresAt ? 'expired' : d.status);

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

export async function acceptDelegationInvite(input: unknown, deps: Deps): Promise<Result<DelegationView>> {
  const code = (input as { inviteCode?: unknown } | null)?.inviteCode;
  if (typeof code !== 'string' || code.length < 10 || code.length > 64) return fail('VALIDATION_FAILED', '邀请码无效，请让家人重新发送邀请', { inviteCode: '邀请码无效，请让家人重新发送邀请' });
  const openid = deps.caller.openid!;
  const [helperKey] = await boundPersonKeys(deps);
  if (!helperKey) return fail('FORBIDDEN', CHECK_FIRST);
  const helper = (await bindingOf(deps, openid, helperKey)) as BindingRecord;
  const link = await deps.store.get<InviteRecord>('verifications', ids.invite(code));
  const d = link ? await readRecord(deps.store, 'delegations', link.delegationId) : null;
  const now = deps.clock.now();
  if (!d || d.status !== 'invited') return fail('NOT_FOUND', '邀请不存在或已被使用、撤销，请让家人重新发送邀请');
  if (now > d.expiresAt) return fail('CONFLICT', '邀请已过期（24小时内有效），请让家人重新发送邀请');
  if (await bindingOf(deps, openid, d.personKey)) return fail('CONFLICT', '这是您本人的邀请，不能代办自己的业务');
  const owners = await otherBoundOpenids(deps, d.personKey, openid);
  const accepted: DelegationRecord = { ...d, helperOpenid: openid, helperName: helper.name, status: 'active', acceptedAt: now };
  const done = await deps.store.transaction(async (tx) => {
    const again = await readRecord(tx, 'delegations', d.delegationId);
    if (!again || again.status !== 'invited') return false;
    await writeRecord(tx, 'delegations', d.delegationId, accepted);
    await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: openid, action: 'acceptDelegationInvite', personKey: d.personKey, delegationId: d.delegationId, helperName: maskName(helper.name) });
    for (const owner of owners) {
      await writeMessageInTx(tx, {
        messageId: deps.newId(), openid: owner, personKey: d.personKey, event: 'delegation.accepted',
        title: '家人代办已生效', body: `${maskName(helper.name)} 已接受您的代办邀请，可以代您提交申请、查看办理进度；不能出示或补发您的电子证。每次代办都会通知您，您可随时在“家人代办”中撤销。`,
        at: now, canWait: false,
      });
    }
    return true;
  });
  if (!done) return fail('NOT_FOUND', '邀请不存在或已被使用、撤销，请让家人重新发送邀请');
  return ok(viewAs(accepted, 'helper', now));
}

function viewAs(d: DelegationRecord, role: 'person' | 'helper', now: number): DelegationView {
  return {
    delegationId: d.delegationId, role, otherName: maskName((role === 'person' ? d.helperName : d.personName) ?? ''),
    status: effectiveStatus(d, now), createdAt: beijingIso(d.createdAt), expiresAt: beijingIso(d.expiresAt),
    ...(d.acceptedAt ? { acceptedAt: beijingIso(d.acceptedAt) } : {}),
  };
}

export async function listDelegations(_input: unknown, deps: Deps): Promise<Result<{ delegations: DelegationView[] }>> {
  const now = deps.clock.now();
  const keys = await boundPersonKeys(deps);
  const mine = keys.length ? await findRecords(deps.store, 'delegations', { personKey: { in: keys } }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 }) : [];
  const helping = await findRecords(deps.store, 'delegations', { helperOpenid: deps.caller.openid }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 });
  return ok({ delegations: [...mine.map((d) => viewAs(d, 'person', now)), ...helping.filter((d) => !keys.includes(d.personKey)).map((d) => viewAs(d, 'helper', now))] });
}

export async function revokeDelegation(input: unknown, deps: Deps): Promise<Result<DelegationView>> {
  const id = (input as { delegationId?: unknown } | null)?.delegationId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return fail('VALIDATION_FAILED', '请选择要撤销的代办', { delegationId: '请选择要撤销的代办' });
  const openid = deps.caller.openid!;
  const d = await readRecord(deps.store, 'delegations', id);
  // the person (any bound device) or the helper may end it; anyone else: as if it did not exist
  const asPerson = d ? !!(await bindingOf(deps, openid, d.personKey)) : false;
  if (!d || (!asPerson && d.helperOpenid !== openid)) return fail('NOT_FOUND', '没有找到这项代办');
  const now = deps.clock.now();
  if (d.status === 'revoked') return ok(viewAs(d, asPerson ? 'person' : 'helper', now));
  const owners = await otherBoundOpenids(deps, d.personKey, '');
  const revoked: DelegationRecord = { ...d, status: 'revoked', revokedAt: now };
  await deps.store.transaction(async (tx) => {
    await writeRecord(tx, 'delegations', id, revoked);
    await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: openid, action: 'revokeDelegation', personKey: d.personKey, delegationId: id, by: asPerson ? 'person' : 'helper' });
    const tell = [...owners.filter((o) => o !== openid), ...(d.helperOpenid && d.helperOpenid !== openid ? [d.helperOpenid] : [])];
    for (const o of tell) {
      await writeMessageInTx(tx, {
        messageId: deps.newId(), openid: o, personKey: d.personKey, event: 'delegation.revoked',
        title: '家人代办已撤销', body: `${maskName(d.personName)} 与 ${maskName(d.helperName ?? '')} 之间的代办授权已撤销，代办人不能再代为提交或查看。`,
        at: now, canWait: false,
      });
    }
  });
  return ok(viewAs(revoked, asPerson ? 'person' : 'helper', now));
}
