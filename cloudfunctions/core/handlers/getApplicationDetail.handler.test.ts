/**
 * getApplicationDetail in process (test/support/handler-rig.ts): the whole application for a decision
 * in the reviewer's region, the number masked and the read audited; elsewhere NOT_FOUND.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getApplicationDetail } from './getApplicationDetail.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord({ form: { residenceAddress: { regionCode: '210204', detail: '中山路1号' } } }));
});
afterAll(() => rig.close());

it('shows a reviewer of the region the application with the number masked, and audits it', async () => {
  const r = await getApplicationDetail({ applicationId: 'app-1' }, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { applicationId: 'app-1', holderName: '张小明', region: '210204' } });
  expect(r.ok && r.data.form.idNumber).not.toBe('210204198806120011');
  expect(await rig.rt.store.find('audit', { action: 'getApplicationDetail' })).toHaveLength(1);
});

it('answers NOT_FOUND to a reviewer of another city', async () => {
  expect(await getApplicationDetail({ applicationId: 'app-1' }, rig.staff({ region: '2101' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
