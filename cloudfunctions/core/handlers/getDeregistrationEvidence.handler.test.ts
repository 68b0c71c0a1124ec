/**
 * getDeregistrationEvidence in process (test/support/handler-rig.ts): before a 注销 staff see that a
 * registration with no recorded contacts does not allow AJC00A 31 or 32 (人社厅发〔2020〕79号 一(四)); the
 * name and number masked, the read audited.
 */
import { handlerRig, seedRegistration, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { getDeregistrationEvidence } from './getDeregistrationEvidence.handler';

const ID = makeIdNumber({ region: '210204', birth: '19880612', gender: '1' });
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const personKey = rig.staff().personKey(ID);
  await seedRegistration(rig, personKey, ID, 'o-sender');
});
afterAll(() => rig.close());

it('shows no attempts and neither 31 nor 32 allowed, masked and audited', async () => {
  const r = await getDeregistrationEvidence({ idType: '01', idNumber: ID }, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { holderName: '张*明', since: '2026-02-02', attempts: [], codes: { 31: { allowed: false }, 32: { allowed: false } } } });
  expect(r.ok && r.data.idNumberMasked).not.toBe(ID);
  expect(await rig.rt.store.find('audit', { action: 'getDeregistrationEvidence' })).toHaveLength(1);
  expect(await getDeregistrationEvidence({ idType: '01', idNumber: ID }, rig.staff({ region: '2101' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
