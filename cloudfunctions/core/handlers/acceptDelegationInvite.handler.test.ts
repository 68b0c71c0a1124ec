/**
 * acceptDelegationInvite in process (test/support/handler-rig.ts): a checked helper accepts a family
 * member's invitation once; a malformed code is a field error; the person cannot help themself; a used
 * code is as unknown as one never given.
 */
import { bindAccount, handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { acceptDelegationInvite } from './acceptDelegationInvite.handler';
import { createDelegationInvite } from './createDelegationInvite.handler';

let rig: HandlerRig;
let code = '';
beforeAll(async () => {
  rig = handlerRig();
  await bindAccount(rig, 'o-elder', makeIdNumber({ birth: '19580301' }), '王秀兰');
  await bindAccount(rig, 'o-daughter', makeIdNumber({ gender: '2' }), '李春梅');
  const r = await createDelegationInvite({}, rig.citizen('o-elder'));
  code = r.ok ? r.data.inviteCode : '';
});
afterAll(() => rig.close());

it('refuses a malformed code as a field error, and the person accepting their own invitation', async () => {
  expect(await acceptDelegationInvite({ inviteCode: 'short' }, rig.citizen('o-daughter'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { inviteCode: '邀请码无效，请让家人重新发送邀请' } } });
  expect(await acceptDelegationInvite({ inviteCode: code }, rig.citizen('o-elder'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这是您本人的邀请，不能代办自己的业务' } });
});

it('makes the helper\'s delegation active, once', async () => {
  expect(await acceptDelegationInvite({ inviteCode: code }, rig.citizen('o-daughter'))).toMatchObject({ ok: true, data: { role: 'helper', status: 'active', otherName: '王*兰' } });
  expect(await acceptDelegationInvite({ inviteCode: code }, rig.citizen('o-daughter'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
