/**
 * decideHardship in process (test/support/handler-rig.ts): staff recognize the person once and the
 * person is told; a request outside the region is NOT_FOUND; no outcome chosen is a field error.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { decideHardship } from './decideHardship.handler';

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

it('asks for the outcome, and answers NOT_FOUND outside the region', async () => {
  expect(await decideHardship({ taskId: 'hardship:app-1' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { recognized: '请选择“认定”或“不予认定”' } } });
  expect(await decideHardship({ taskId: 'hardship:app-1', recognized: true }, rig.staff({ region: '2101' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('recognizes the person once, and keeps it on the application', async () => {
  expect(await decideHardship({ taskId: 'hardship:app-1', recognized: true }, rig.staff())).toEqual({ ok: true, data: { taskId: 'hardship:app-1', status: 'recognized' } });
  const app = await rig.rt.store.get<{ hardship: { status: string } }>('applications', 'app-1');
  expect(app?.hardship.status).toBe('recognized');
  expect(await decideHardship({ taskId: 'hardship:app-1', recognized: true }, rig.staff())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
