/**
 * getReturnedApplication in process (test/support/handler-rig.ts): the sender of a returned application
 * gets their answers back to correct them, without the commitment; another account gets NOT_FOUND;
 * an application that was not returned is refused with what to do instead.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getReturnedApplication } from './getReturnedApplication.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-ret', applicationRecord({
    applicationId: 'app-ret', status: 'returned', form: { reason: '从各类单位辞职', requestId: 'r-1', commitment: { accepted: true } },
    decision: { decision: 'return', note: '请补充常住地址门牌号', at: '2026-03-10T11:00:00.000+08:00', by: 'staff-rev-1' },
  }));
  await put(rig, 'applications', 'app-pending', applicationRecord({ applicationId: 'app-pending' }));
});
afterAll(() => rig.close());

it('gives the sender their answers to correct, the person included and the commitment left out', async () => {
  const r = await getReturnedApplication({ applicationId: 'app-ret' }, rig.citizen('o-sender'));
  expect(r).toMatchObject({ ok: true, data: { applicationId: 'app-ret', kind: 'unemployment', form: { reason: '从各类单位辞职', name: '张小明' } } });
  expect(r.ok && r.data.form).not.toHaveProperty('commitment');
});

it('answers NOT_FOUND to another account, and CONFLICT for one that was not returned', async () => {
  expect(await getReturnedApplication({ applicationId: 'app-ret' }, rig.citizen('o-other'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await getReturnedApplication({ applicationId: 'app-pending' }, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条申请没有被退回补正，不需要修改后重新提交' } });
});
