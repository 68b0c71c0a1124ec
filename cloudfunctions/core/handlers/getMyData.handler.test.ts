/** getMyData in process (test/support/handler-rig.ts): the bound person sees what is held about them; a sender or a stranger sees no one. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getMyData } from './getMyData.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at: Date.parse('2026-03-01T10:00:00+08:00'), via: 'face' });
  await put(rig, 'applications', 'app-own', applicationRecord({ applicationId: 'app-own', personKey: 'pk-me', openid: 'o-me' }));
});
afterAll(() => rig.close());

it('answers the bound person\'s applications, and nobody\'s to an account bound to nobody', async () => {
  const r = await getMyData({}, rig.citizen('o-me'));
  expect(r.ok && JSON.stringify(r.data)).toContain('app-own');
  const none = await getMyData({}, rig.citizen('o-sender'));
  expect(none.ok && JSON.stringify(none.data)).not.toContain('app-own');
});
