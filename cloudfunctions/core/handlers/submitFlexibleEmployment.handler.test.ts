/**
 * submitFlexibleEmployment in process (test/support/handler-rig.ts): a person with no employer insurance,
 * contract filing or business of their own is registered at once (吉人社函字〔2018〕175号 二(三)) by the office
 * of the work place; a business of their own sends it to staff with the reason; a missing occupation is a field error.
 */
import { COMMITMENTS } from '@shared/commitment';
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { govRecord, makePerson, requestId, type TestPerson } from '../../../test/support/people';
import { passRealPerson } from '../../../test/support/real-person';
import { submitFlexibleEmployment } from './submitFlexibleEmployment.handler';

const free = makePerson({ region: '210204' });
const owner = makePerson({ region: '210204' });
let rig: HandlerRig;
beforeAll(() => {
  rig = handlerRig(undefined, { persons: [govRecord(free), govRecord(owner, { businessRegistration: { name: '大连某商贸有限公司', since: '2025-06-01' } })] });
});
afterAll(() => rig.close());

const form = (p: TestPerson, o: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p, employmentForm: '自由职业', occupation: '平面设计', startDate: '2026-01-05', workRegion: '210203',
  commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version }, ...o,
});

it('refuses a form with no occupation, field by field', async () => {
  expect(await submitFlexibleEmployment(form(free, { occupation: '' }), rig.citizen('o-free'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { occupation: expect.any(String) } } });
});

it('registers at once, with the office of the work place', async () => {
  expect(await passRealPerson(rig.citizen('o-free'), free)).toBe(true);
  const r = await submitFlexibleEmployment(form(free), rig.citizen('o-free'));
  expect(r).toMatchObject({ ok: true, data: { status: 'approved', kind: 'flexible' } });
  const [app] = await rig.rt.store.find<{ region: string }>('applications', { openid: 'o-free' });
  expect(app.region).toBe('210203');
});

it('sends a person with a business of their own to staff, with the reason', async () => {
  expect(await passRealPerson(rig.citizen('o-owner'), owner)).toBe(true);
  const r = await submitFlexibleEmployment(form(owner), rig.citizen('o-owner'));
  expect(r).toMatchObject({ ok: true, data: { status: 'pending_review' } });
});
