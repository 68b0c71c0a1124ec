/** listWhoReadMyData in process (test/support/handler-rig.ts): a staff read of the person's record, with the office and the purpose, the staff name masked. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getApplicationDetail } from './getApplicationDetail.handler';
import { listWhoReadMyData } from './listWhoReadMyData.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at: Date.parse('2026-03-01T10:00:00+08:00'), via: 'face' });
  await put(rig, 'applications', 'app-own', applicationRecord({ applicationId: 'app-own', personKey: 'pk-me', openid: 'o-me' }));
  await getApplicationDetail({ applicationId: 'app-own' }, rig.staff({ name: '李审核', region: '210204' }));
});
afterAll(() => rig.close());

it('tells the person that a reviewer read the application to review it, name masked', async () => {
  expect(await listWhoReadMyData({}, rig.citizen('o-me'))).toMatchObject({ ok: true, data: { reads: [{ who: '李*核', purpose: '审核您的申请', office: expect.stringContaining('公共就业服务机构') }] } });
  expect(await listWhoReadMyData({}, rig.citizen('o-stranger'))).toEqual({ ok: true, data: { reads: [] } });
});
