/**
 * completeContactTask in process (test/support/handler-rig.ts): a reached first contact closes the task and
 * the citizen's timeline says what was offered; a second close is refused.
 */
import { handlerRig, seedContactTask, type HandlerRig } from '../../../test/support/handler-rig';
import { completeContactTask } from './completeContactTask.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedContactTask(rig);
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
