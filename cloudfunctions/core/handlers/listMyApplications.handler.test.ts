/**
 * listMyApplications in process (test/support/handler-rig.ts): the person's own applications through a
 * checked binding, an application sent for someone else redacted, and nobody else's.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { listMyApplications } from './listMyApplications.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at, via: 'face' });
  await put(rig, 'applications', 'app-own', applicationRecord({ applicationId: 'app-own', personKey: 'pk-me', openid: 'o-me', submittedAt: at - 86_400_000 }));
  await put(rig, 'applications', 'app-sent', applicationRecord({ applicationId: 'app-sent', personKey: 'pk-unbound', openid: 'o-me', submittedAt: at }));
  await put(rig, 'applications', 'app-other', applicationRecord({ applicationId: 'app-other', personKey: 'pk-other', openid: 'o-other' }));
});
afterAll(() => rig.close());

it('lists the own and the sent application, newest first, the sent one redacted, and never another person\'s', async () => {
  const r = await listMyApplications({}, rig.citizen('o-me'));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.applications.map((a) => a.applicationId)).toEqual(['app-sent', 'app-own']);
  expect(r.data.applications[0].checks[0].detail).toBe('需工作人员核实');
  expect(r.data.applications[1].checks[0].detail).toBe('证件号码与身份信息库不一致');
});
