/**
 * listHardshipRequests in process (test/support/handler-rig.ts): the open 就业困难人员认定 requests of the
 * staff member's region, the name and number masked; staff of another region see none.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { listHardshipRequests } from './listHardshipRequests.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord({ status: 'approved' }));
  await put(rig, 'tasks', 'hardship:app-1', {
    taskId: 'hardship:app-1', kind: 'hardship', status: 'open', applicationId: 'app-1', personKey: 'pk-1', openid: 'o-sender',
    region: '210204', dueDate: '2026-03-10', createdAt: 0, categories: ['01'],
  });
});
afterAll(() => rig.close());

it('lists the region\'s open requests masked, and none to staff of another region', async () => {
  const r = await listHardshipRequests({}, rig.staff({ region: '2102' }));
  expect(r).toMatchObject({ ok: true, data: { items: [{ taskId: 'hardship:app-1', holderName: '张*明', categories: ['01'] }] } });
  expect(JSON.stringify(r)).not.toContain('210204198806120011');
  expect(await listHardshipRequests({}, rig.staff({ region: '2101' }))).toEqual({ ok: true, data: { items: [] } });
});
