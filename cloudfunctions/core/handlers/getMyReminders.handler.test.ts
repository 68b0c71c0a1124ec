/**
 * getMyReminders in process (test/support/handler-rig.ts): per template what WeChat consent the caller
 * holds, and the SMS fallback to the phone of their latest application, masked.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getMyReminders } from './getMyReminders.handler';
import { recordSubscription } from './recordSubscription.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord({ openid: 'o-me' }));
  await recordSubscription({ templates: { result: 'accept' } }, rig.citizen('o-me'));
});
afterAll(() => rig.close());

it('shows the consent held per template and the masked SMS phone', async () => {
  const r = await getMyReminders({}, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { smsPhone: '139****5678' } });
  expect(r.ok && r.data.channels.map((c) => [c.template, c.wechat, c.remaining])).toEqual([['result', 'once', 1], ['reminder', 'none', 0]]);
});

it('shows no SMS phone to an account with no application', async () => {
  expect(await getMyReminders({}, rig.citizen('o-new'))).toMatchObject({ ok: true, data: { smsPhone: null } });
});
