/**
 * completeContactTask in process (test/support/handler-rig.ts): a reached first contact closes the task and
 * the citizen's timeline says what was offered; a second close is refused.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { completeContactTask } from './completeContactTask.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const created = Date.parse('2026-03-09T10:00:00+08:00');
  await put(rig, 'applications', 'app-1', applicationRecord({ status: 'approved', openid: 'o-me' }));
  await put(rig, 'tasks', 'contact:app-1', { taskId: 'contact:app-1', kind: 'contact', status: 'open', applicationId: 'app-1', personKey: 'pk-1', openid: 'o-me', region: '210204', dueDate: '2026-03-16', createdAt: created });
});
afterAll(() => rig.close());

it('closes the task with the offer on the person\'s timeline, once', async () => {
  const input = { taskId: 'contact:app-1', outcome: 'reached', channel: 'phone', offers: [{ service: 'job_referral', outcome: 'accepted' }] };
  expect(await completeContactTask(input, rig.staff())).toMatchObject({ ok: true, data: { taskId: 'contact:app-1', status: 'done', outcome: 'reached' } });
  expect(await rig.rt.store.get('tasks', 'contact:app-1')).toMatchObject({ status: 'done' });
  const app = await rig.rt.store.get('applications', 'app-1');
  expect(JSON.stringify(app?.timeline)).toContain('工作人员已与您电话联系，提供了职业介绍（推荐岗位）（您已接受）');
  expect(await completeContactTask(input, rig.staff())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
