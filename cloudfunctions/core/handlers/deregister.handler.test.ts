/**
 * deregister in process (test/support/handler-rig.ts): 注销 ends a registration in force in the
 * reviewer's region with the AJC00A reason, the name masked in the answer; a number with no
 * registration there answers NOT_FOUND.
 */
import { handlerRig, seedRegistration, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { deregister } from './deregister.handler';

const ID = makeIdNumber({ region: '210204', birth: '19880612', gender: '1' });
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const personKey = rig.staff().personKey(ID);
  await seedRegistration(rig, personKey, ID, 'o-sender');
});
afterAll(() => rig.close());

it('answers NOT_FOUND for a number with no registration in force in the region', async () => {
  expect(await deregister({ idType: '01', idNumber: ID, reasonCode: '11' }, rig.staff({ region: '2101' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('ends the registration with its reason, once', async () => {
  const r = await deregister({ idType: '01', idNumber: ID, reasonCode: '11' }, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { status: 'deregistered', reasonCode: '11', holderName: '张*明' } });
  expect(await deregister({ idType: '01', idNumber: ID, reasonCode: '11' }, rig.staff({ region: '2102' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
