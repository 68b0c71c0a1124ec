/** getWorkbench in process (test/support/handler-rig.ts): the 工作台 counts of the region — one review waiting, one contact task open. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getWorkbench } from './getWorkbench.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const created = Date.parse('2026-03-09T10:00:00+08:00');
  await put(rig, 'applications', 'app-1', applicationRecord({ status: 'approved', openid: 'o-me' }));
  await put(rig, 'tasks', 'contact:app-1', { taskId: 'contact:app-1', kind: 'contact', status: 'open', applicationId: 'app-1', personKey: 'pk-1', openid: 'o-me', region: '210204', dueDate: '2026-03-16', createdAt: created });
  await put(rig, 'applications', 'app-2', applicationRecord({ applicationId: 'app-2', personKey: 'pk-2', dueDate: '2026-03-09' }));
});
afterAll(() => rig.close());

it('counts the region\'s waiting review (overdue) and open task, and nothing for another city', async () => {
  expect(await getWorkbench({}, rig.staff({ region: '2102' }))).toEqual({ ok: true, data: { today: '2026-03-10', reviews: { open: 1, dueToday: 0, overdue: 1, reminded: 0 }, tasks: { open: 1, dueToday: 0, overdue: 0 } } });
  expect(await getWorkbench({}, rig.staff({ region: '2101' }))).toMatchObject({ ok: true, data: { reviews: { open: 0 }, tasks: { open: 0 } } });
});
