/**
 * createDelegationInvite in process (test/support/handler-rig.ts): only an account bound to its person
 * (after their own check) may invite a helper; the invitation is good for 24 hours.
 */
import { bindAccount, handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { createDelegationInvite } from './createDelegationInvite.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await bindAccount(rig, 'o-elder', makeIdNumber({ birth: '19580301' }), '王秀兰');
});
afterAll(() => rig.close());

it('asks an account not yet checked to check first', async () => {
  expect(await createDelegationInvite({}, rig.citizen('o-unchecked'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '请先完成本人实人核验（刷脸或到窗口核验）后再办理家人代办' } });
});

it('gives the person a code that is good for 24 hours', async () => {
  const r = await createDelegationInvite({}, rig.citizen('o-elder'));
  expect(r).toMatchObject({ ok: true, data: { inviteCode: expect.stringMatching(/^[\w-]{20,}$/), expiresAt: expect.stringMatching(/^2026-03-11T10:00:/) } });
});
