/**
 * recordContactAttempt in process (test/support/handler-rig.ts): an attempt that did not reach the person
 * is recorded with the task left open; without a note saying how and when it is a field error.
 */
import { handlerRig, seedContactTask, type HandlerRig } from '../../../test/support/handler-rig';
import { recordContactAttempt } from './recordContactAttempt.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedContactTask(rig);
});
afterAll(() => rig.close());

it('records an unreachable attempt and leaves the task open; asks for the note', async () => {
  expect(await recordContactAttempt({ taskId: 'contact:app-1', outcome: 'unreachable' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { note: '未能联系上时，请写明联系方式和时间' } } });
  const r = await recordContactAttempt({ taskId: 'contact:app-1', outcome: 'unreachable', channel: 'phone', note: '上午10点拨打手机无人接听' }, rig.staff());
  expect(r).toMatchObject({ ok: true, data: { status: 'open', outcome: 'unreachable', attempt: { reached: false } } });
  expect(await rig.rt.store.get('tasks', 'contact:app-1')).toMatchObject({ status: 'open' });
});
