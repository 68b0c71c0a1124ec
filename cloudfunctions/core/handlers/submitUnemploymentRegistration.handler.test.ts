/**
 * submitUnemploymentRegistration in process (test/support/handler-rig.ts): a person whose checks all pass
 * is registered at once (秒办) by the office of the place they chose (人社厅发〔2020〕79号 一(一)); a form
 * with a missing answer is a field error and stores nothing; without the person's own check nothing is filed.
 */
import { COMMITMENTS } from '@shared/commitment';
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { govRecord, makePerson, requestId, type TestPerson } from '../../../test/support/people';
import { passRealPerson } from '../../../test/support/real-person';
import { submitUnemploymentRegistration } from './submitUnemploymentRegistration.handler';

const me = { ...makePerson({ region: '210204' }), hukouAddress: { regionCode: '210202', detail: '人民路1号' } };
let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(undefined, { persons: [govRecord(me)] }); });
afterAll(() => rig.close());

const form = (p: TestPerson, o: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version }, ...o,
});

it('refuses a form with a missing answer field by field, storing nothing', async () => {
  const { unemployedSince: _u, ...rest } = form(me);
  const r = await submitUnemploymentRegistration(rest, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { unemployedSince: expect.any(String) } } });
  expect(await rig.rt.store.find('applications', {})).toEqual([]);
});

it('files nothing before the person\'s own check', async () => {
  expect(await submitUnemploymentRegistration(form(me), rig.citizen('o-unchecked'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('registers at once with the office of the place chosen: the 户籍地 county when that is the place', async () => {
  expect(await passRealPerson(rig.citizen('o-me'), me)).toBe(true);
  const r = await submitUnemploymentRegistration(form(me, { registrationPlace: 'hukou' }), rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { status: 'approved', kind: 'unemployment' } });
  const [app] = await rig.rt.store.find<{ region: string }>('applications', {});
  expect(app.region).toBe('210202');
});

it('stores the answers once, beside the commitment as accepted (its text, version and time)', async () => {
  const [app] = await rig.rt.store.find<Record<string, any>>('applications', {});
  expect(app.form).toBeUndefined();
  expect(app.person).toMatchObject({ name: me.name, unemployedSince: '2025-12', reason: '从各类单位辞职', registrationPlace: 'hukou' });
  expect(app.person).not.toHaveProperty('commitment');
  expect(app.person).not.toHaveProperty('requestId');
  expect(app.commitment).toMatchObject({ accepted: true, textVersion: COMMITMENTS.unemployment.version, text: COMMITMENTS.unemployment.text, acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
});
