/** getWorkbench in process (test/support/handler-rig.ts): the 工作台 counts of the region — one review waiting, one contact task open. */
import { applicationRecord, handlerRig, put, seedContactTask, type HandlerRig } from '../../../test/support/handler-rig';
import { getWorkbench } from './getWorkbench.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedContactTask(rig);
  await put(rig, 'applications', 'app-2', applicationRecord({ applicationId: 'app-2', personKey: 'pk-2', dueDate: '2026-03-09' }));
});
afterAll(() => rig.close());

it('counts the region\'s waiting review (overdue) and open task, and nothing for another city', async () => {
  expect(await getWorkbench({}, rig.staff({ region: '2102' }))).toEqual({ ok: true, data: { today: '2026-03-10', reviews: { open: 1, dueToday: 0, overdue: 1, reminded: 0 }, tasks: { open: 1, dueToday: 0, overdue: 0 } } });
  expect(await getWorkbench({}, rig.staff({ region: '2101' }))).toMatchObject({ ok: true, data: { reviews: { open: 0 }, tasks: { open: 0 } } });
});
