/**
 * revokeDelegation in process (test/support/handler-rig.ts): the person ends a delegation at once; for
 * a stranger it does not exist; no delegation chosen is a field error.
 */
import { bindAccount, handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { acceptDelegationInvite } from './acceptDelegationInvite.handler';
import { createDelegationInvite } from './createDelegationInvite.handler';
import { revokeDelegation } from './revokeDelegation.handler';

let rig: HandlerRig;
let delegationId = '';
beforeAll(async () => {
  rig = handlerRig();
  await bindAccount(rig, 'o-elder', makeIdNumber({ birth: '19580301' }), '王秀兰');
  await bindAccount(rig, 'o-daughter', makeIdNumber({ gender: '2' }), '李春梅');
  const r = await createDelegationInvite({}, rig.citizen('o-elder'));
  delegationId = r.ok ? r.data.delegationId : '';
  await acceptDelegationInvite({ inviteCode: r.ok ? r.data.inviteCode : '' }, rig.citizen('o-daughter'));
});
afterAll(() => rig.close());

it('asks which delegation, and answers NOT_FOUND to a stranger', async () => {
  expect(await revokeDelegation({}, rig.citizen('o-elder'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { delegationId: '请选择要撤销的代办' } } });
  expect(await revokeDelegation({ delegationId }, rig.citizen('o-stranger'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('lets the person end it; ending it again answers the same', async () => {
  const r = await revokeDelegation({ delegationId }, rig.citizen('o-elder'));
  expect(r).toMatchObject({ ok: true, data: { role: 'person', status: 'revoked' } });
  expect(await revokeDelegation({ delegationId }, rig.citizen('o-elder'))).toEqual(r);
});
