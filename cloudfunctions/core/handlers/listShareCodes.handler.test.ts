/** listShareCodes in process (test/support/handler-rig.ts): the holder sees their codes; another account sees none of them. */
import { handlerRig, seedHolder, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { createShareCode } from './createShareCode.handler';
import { listShareCodes } from './listShareCodes.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedHolder(rig, 'o-me', makeIdNumber());
  await createShareCode({ requestId: requestId(), purpose: 'policy', hours: 2 }, rig.citizen('o-me'));
});
afterAll(() => rig.close());

it('lists the holder\'s share with what it shows, and nothing to another account', async () => {
  expect(await listShareCodes({}, rig.citizen('o-me'))).toMatchObject({ ok: true, data: { shares: [{ purpose: 'policy', status: 'active', shows: expect.stringContaining('证号') }] } });
  expect(await listShareCodes({}, rig.citizen('o-stranger'))).toEqual({ ok: true, data: { shares: [] } });
});
