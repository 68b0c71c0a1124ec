/** whoAmI in process (test/support/handler-rig.ts): a citizen is a citizen; staff are told their role, name and region. */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { whoAmI } from './whoAmI.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('answers citizen for an account that is not staff, and the role, name and region for staff', async () => {
  expect(await whoAmI({}, rig.citizen('o-citizen'))).toEqual({ ok: true, data: { role: 'citizen' } });
  expect(await whoAmI({}, rig.staff({ role: 'verifier', name: '王核验', region: '210204' }))).toEqual({ ok: true, data: { role: 'verifier', staffName: '王核验', region: '210204' } });
});
