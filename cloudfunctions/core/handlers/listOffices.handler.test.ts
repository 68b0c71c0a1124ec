/** listOffices in process (test/support/handler-rig.ts): a region's offices with address and phone; a region code that is not one is a field error. */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { listOffices } from './listOffices.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('answers the offices of a 大连 district, each with an address and a phone', async () => {
  const r = await listOffices({ region: '210204' }, rig.citizen(null));
  expect(r).toMatchObject({ ok: true, data: { region: '210204' } });
  expect(r.ok && r.data.offices.length).toBeGreaterThan(0);
  expect(r.ok && r.data.offices.every((o) => o.address && o.phone)).toBe(true);
  expect(await listOffices({ region: 'abc' }, rig.citizen(null))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { region: expect.any(String) } } });
});
