/** listContactTasks in process (test/support/handler-rig.ts): the region's open contact tasks with the phone masked; another city sees none; audited. */
import { handlerRig, seedContactTask, type HandlerRig } from '../../../test/support/handler-rig';
import { listContactTasks } from './listContactTasks.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedContactTask(rig);
});
afterAll(() => rig.close());

it('lists the first-contact task of the region with the phone masked, and none to another city', async () => {
  const r = await listContactTasks({}, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { items: [{ taskId: 'contact:app-1', kindLabel: '登记后首次联系', holderName: '张*明', dueDate: '2026-03-16', overdue: false }] } });
  expect(JSON.stringify(r)).not.toContain('13912345678');
  expect(await listContactTasks({}, rig.staff({ region: '2101' }))).toMatchObject({ ok: true, data: { items: [] } });
  expect(await rig.rt.store.find('audit', { action: 'listContactTasks' })).toHaveLength(2);
});
