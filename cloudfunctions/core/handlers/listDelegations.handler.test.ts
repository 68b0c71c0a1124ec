/**
 * listDelegations in process (test/support/handler-rig.ts): the person sees who helps them, the helper
 * whom they help, each with the other's name masked; a stranger sees none.
 */
import { bindAccount, handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { acceptDelegationInvite } from './acceptDelegationInvite.handler';
import { createDelegationInvite } from './createDelegationInvite.handler';
import { listDelegations } from './listDelegations.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await bindAccount(rig, 'o-elder', makeIdNumber({ birth: '19580301' }), '王秀兰');
  await bindAccount(rig, 'o-daughter', makeIdNumber({ gender: '2' }), '李春梅');
  const r = await createDelegationInvite({}, rig.citizen('o-elder'));
  await acceptDelegationInvite({ inviteCode: r.ok ? r.data.inviteCode : '' }, rig.citizen('o-daughter'));
});
afterAll(() => rig.close());

it('lists the delegation for both sides, the other side masked, and none for a stranger', async () => {
  expect(await listDelegations({}, rig.citizen('o-elder'))).toMatchObject({ ok: true, data: { delegations: [{ role: 'person', otherName: '李*梅', status: 'active' }] } });
  expect(await listDelegations({}, rig.citizen('o-daughter'))).toMatchObject({ ok: true, data: { delegations: [{ role: 'helper', otherName: '王*兰', status: 'active' }] } });
  expect(await listDelegations({}, rig.citizen('o-stranger'))).toEqual({ ok: true, data: { delegations: [] } });
});
