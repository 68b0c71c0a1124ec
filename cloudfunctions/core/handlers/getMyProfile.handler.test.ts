/** getMyProfile in process (test/support/handler-rig.ts): the bound person's latest own submission pre-fills the next form; nothing for anyone else. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getMyProfile } from './getMyProfile.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at, via: 'face' });
  await put(rig, 'applications', 'app-own', applicationRecord({ applicationId: 'app-own', personKey: 'pk-me', openid: 'o-me' }));
});
afterAll(() => rig.close());

it('answers the person fields of the own latest submission, and null to an account bound to nobody', async () => {
  expect(await getMyProfile({}, rig.citizen('o-me'))).toEqual({ ok: true, data: { person: { name: '张小明', idNumber: '210204198806120011', phone: '13912345678' } } });
  expect(await getMyProfile({}, rig.citizen('o-stranger'))).toEqual({ ok: true, data: { person: null } });
});
