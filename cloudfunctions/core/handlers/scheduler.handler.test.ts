/**
 * runScheduler in process (test/support/handler-rig.ts): an application past its due date is escalated
 * to the region's admins once — a second run writes nothing again — and the report says what was done.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { runScheduler } from './scheduler.handler';

const ADMIN = { openid: 'staff-admin-1', name: '周督办', region: '2102', role: 'admin' };
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig(undefined, { staff: [ADMIN] });
  await put(rig, 'applications', 'app-late', applicationRecord({ applicationId: 'app-late', dueDate: '2026-03-05' }));
});
afterAll(() => rig.close());

it('escalates an overdue review to the admins once, and reports it', async () => {
  const first = await runScheduler({}, rig.rt.depsFor({ openid: null, staff: null }));
  expect(first).toMatchObject({ ok: true, data: { escalations: 1, reminders: 0, at: expect.stringMatching(/^2026-03-10T10:00/) } });
  const told = await rig.rt.store.find('messages', { openid: ADMIN.openid });
  expect(told).toHaveLength(1);
  expect(await runScheduler({}, rig.rt.depsFor({ openid: null, staff: null }))).toMatchObject({ ok: true, data: { escalations: 0 } });
});
