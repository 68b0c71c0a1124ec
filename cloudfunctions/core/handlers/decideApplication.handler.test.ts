/**
 * decideApplication in process (test/support/handler-rig.ts): a refusal with a reason of the fixed list
 * ends the application and tells the person why and how to ask for a review; a refusal without a
 * reason is a field error.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { decideApplication } from './decideApplication.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord());
});
afterAll(() => rig.close());

it('asks for the reason of a refusal', async () => {
  expect(await decideApplication({ applicationId: 'app-1', decision: 'reject' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { reasonCode: '不通过时须选择原因' } } });
});

it('refuses with the reason, and the person is told it with the way to a review', async () => {
  const r = await decideApplication({ applicationId: 'app-1', decision: 'reject', reasonCode: 'R04' }, rig.staff());
  expect(r).toMatchObject({ ok: true, data: { applicationId: 'app-1', status: 'rejected' } });
  const [message] = await rig.rt.store.find('messages', { openid: 'o-sender' });
  expect(message).toMatchObject({ title: '您的失业登记未通过审核' });
  expect(String(message.body)).toContain('原因：重复申请');
  expect(String(message.body)).toContain('申请复核');
  expect(await decideApplication({ applicationId: 'app-1', decision: 'approve' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
