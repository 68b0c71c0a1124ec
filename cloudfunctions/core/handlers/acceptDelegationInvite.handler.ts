/**
 * Family help (docs/identity.md "Family help"): the helper, bound after their own check, accepts an
 * invitation within 24 hours; from then on they may submit for the person (`onBehalfOf`) and follow
 * their applications — never hold their QR in a verifiable form, never 补发. The person's accounts
 * are told (个人信息保护法 第四十四条).
 */
import { fail, ok } from '@shared/api';
import type { DelegationView } from '@shared/answers';
import { maskName } from '@shared/mask';
import { ids, readRecord, writeRecord, type InviteRecord } from '../collections';
import { CHECK_FIRST, delegationView } from '../delegations';
import { writeMessageInTx } from '../messages';
import { bindingOf, boundPersonKeys, otherBoundOpenids, type BindingRecord, type DelegationRecord } from '../person-access';
import { defineParsed } from './handler';

export type { DelegationView };

const BAD_CODE = '邀请码无效，请让家人重新发送邀请';
const GONE = '邀请不存在或已被使用、撤销，请让家人重新发送邀请';

export const acceptDelegationInvite = defineParsed((input) => {
  const code = (input as { inviteCode?: unknown } | null)?.inviteCode;
  return typeof code !== 'string' || code.length < 10 || code.length > 64 ? fail('VALIDATION_FAILED', BAD_CODE, { inviteCode: BAD_CODE }) : ok({ inviteCode: code });
}, async ({ inviteCode }, deps) => {
  const openid = deps.caller.openid!;
  const [helperKey] = await boundPersonKeys(deps);
  if (!helperKey) return fail('FORBIDDEN', CHECK_FIRST);
  const helper = (await bindingOf(deps, openid, helperKey)) as BindingRecord;
  const link = await deps.store.get<InviteRecord>('verifications', ids.invite(inviteCode));
  const d = link ? await readRecord(deps.store, 'delegations', link.delegationId) : null;
  const now = deps.clock.now();
  if (!d || d.status !== 'invited') return fail('NOT_FOUND', GONE);
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
  if (!done) return fail('NOT_FOUND', GONE);
  return ok(delegationView(accepted, 'helper', now));
});
