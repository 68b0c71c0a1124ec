/**
 * monthlyStats in process (test/support/handler-rig.ts): a 失业登记 approved in the region within
 * 上月21日至本月20日 counts as new there (人社厅发〔2020〕79号 三); another city's does not reach the figures.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { monthlyStats } from './monthlyStats.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const since = Date.parse('2026-03-02T09:00:00+08:00');
  for (const [personKey, region] of [['pk-dl', '210204'], ['pk-sy', '210102']]) {
    await put(rig, 'applications', `app-${personKey}`, applicationRecord({ applicationId: `app-${personKey}`, personKey, region, status: 'approved' }));
    await put(rig, 'registrations', `unemployment:${personKey}`, {
      registrationId: `unemployment:${personKey}:1`, kind: 'unemployment', personKey, status: 'active', applicationId: `app-${personKey}`,
      region, since, endedAt: null, endReasonCode: null, person: { name: '张小明', idType: '01', idNumber: '210204198806120011', gender: '1', birthDate: '1988-06-12' },
    });
  }
});
afterAll(() => rig.close());

it('counts the region\'s new registration in the period and not another city\'s', async () => {
  const r = await monthlyStats({ month: '2026-03' }, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { month: '2026-03', newRegistrations: 1, registeredAtPeriodEnd: 1 } });
  expect(r.ok && Object.keys(r.data.byRegion)).toEqual(['210204']);
  expect(await monthlyStats({ month: '2026-13' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});
