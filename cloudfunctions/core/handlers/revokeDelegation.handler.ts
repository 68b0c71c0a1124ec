/**
 * Family help (docs/identity.md "Family help"): the person (any bound device) or the helper ends a
 * delegation at any time (个人信息保护法 第十五条); the other side is told. Anyone else: as if it did not exist.
 */
import { fail, ok } from '@shared/api';
import type { DelegationView } from '@shared/answers';
import { maskName } from '@shared/mask';
import { readRecord, writeRecord } from '../collections';
import { delegationView } from '../delegations';
import { writeMessageInTx } from '../messages';
import { bindingOf, otherBoundOpenids, type DelegationRecord } from '../person-access';
import { defineParsed } from './handler';

const CHOOSE = '请选择要撤销的代办';

export const revokeDelegation = defineParsed((input) => {
  const id = (input as { delegationId?: unknown } | null)?.delegationId;
  return typeof id !== 'string' || id.length === 0 || id.length > 64 ? fail('VALIDATION_FAILED', CHOOSE, { delegationId: CHOOSE }) : ok({ delegationId: id });
}, async ({ delegationId: id }, deps) => {
  const openid = deps.caller.openid!;
  const d = await readRecord(deps.store, 'delegations', id);
  // the person (any bound device) or the helper may end it; anyone else: as if it did not exist
  const asPerson = d ? !!(await bindingOf(deps, openid, d.personKey)) : false;
  if (!d || (!asPerson && d.helperOpenid !== openid)) return fail('NOT_FOUND', '没有找到这项代办');
  const now = deps.clock.now();
  if (d.status === 'revoked') return ok<DelegationView>(delegationView(d, asPerson ? 'person' : 'helper', now));
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
  return ok<DelegationView>(delegationView(revoked, asPerson ? 'person' : 'helper', now));
});
