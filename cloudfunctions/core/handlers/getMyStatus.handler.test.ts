/** getMyStatus in process (test/support/handler-rig.ts): the home page's line — registration in force, waiting applications with due dates. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getMyStatus } from './getMyStatus.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at, via: 'face' });
  await put(rig, 'registrations', 'flexible:pk-me', { registrationId: 'flexible:pk-me:1', kind: 'flexible', personKey: 'pk-me', status: 'active', applicationId: 'app-flex', region: '210204', since: at - 86_400_000 * 3, endedAt: null, endReasonCode: null });
  await put(rig, 'applications', 'app-wait', applicationRecord({ applicationId: 'app-wait', personKey: 'pk-me', openid: 'o-me' }));
});
afterAll(() => rig.close());

it('shows the registration in force since its day and the application waiting with its due date', async () => {
  expect(await getMyStatus({}, rig.citizen('o-me'))).toEqual({ ok: true, data: {
    registrations: [{ kind: 'flexible', applicationId: 'app-flex', since: '2026-03-07' }], nextFollowUp: null,
    pending: [{ applicationId: 'app-wait', kind: 'unemployment', submittedAt: '2026-03-10T10:00:00.000+08:00', dueDate: '2026-03-13' }], certificate: null,
  } });
  expect(await getMyStatus({}, rig.citizen('o-stranger'))).toEqual({ ok: true, data: { registrations: [], nextFollowUp: null, pending: [], certificate: null } });
});
