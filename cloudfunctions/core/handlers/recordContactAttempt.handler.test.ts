/**
 * recordContactAttempt in process (test/support/handler-rig.ts): an attempt that did not reach the person
 * is recorded with the task left open; without a note saying how and when it is a field error.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { recordContactAttempt } from './recordContactAttempt.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const created = Date.parse('2026-03-09T10:00:00+08:00');
  await put(rig, 'applications', 'app-1', applicationRecord({ status: 'approved', openid: 'o-me' }));
  await put(rig, 'tasks', 'contact:app-1', { taskId: 'contact:app-1', kind: 'contact', status: 'open', applicationId: 'app-1', personKey: 'pk-1', openid: 'o-me', region: '210204', dueDate: '2026-03-16', createdAt: created });
});
afterAll(() => rig.close());

it('records an unreachable attempt and leaves the task open; asks for the note', async () => {
  expect(await recordContactAttempt({ taskId: 'contact:app-1', outcome: 'unreachable' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { note: '未能联系上时，请写明联系方式和时间' } } });
  const r = await recordContactAttempt({ taskId: 'contact:app-1', outcome: 'unreachable', channel: 'phone', note: '上午10点拨打手机无人接听' }, rig.staff());
  expect(r).toMatchObject({ ok: true, data: { status: 'open', outcome: 'unreachable', attempt: { reached: false } } });
  expect(await rig.rt.store.get('tasks', 'contact:app-1')).toMatchObject({ status: 'open' });
});
