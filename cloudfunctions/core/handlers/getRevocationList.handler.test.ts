/**
 * getRevocationList in process (test/support/handler-rig.ts): the staff scanner's signed revocation list
 * and the public keys to check it offline.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { getRevocationList } from './getRevocationList.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('answers a signed list with the keys to check it, valid from now', async () => {
  const r = await getRevocationList({}, rig.staff({ role: 'verifier' }));
  expect(r).toMatchObject({ ok: true, data: { list: expect.any(String), issuedAt: expect.stringMatching(/^2026-03-10T10:00/), count: 0 } });
  expect(r.ok && r.data.jwks.keys.length).toBeGreaterThan(0);
});
