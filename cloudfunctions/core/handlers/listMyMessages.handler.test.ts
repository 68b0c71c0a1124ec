/** listMyMessages in process (test/support/handler-rig.ts): the account's own messages, newest first, in Beijing time. */
import { handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { listMyMessages } from './listMyMessages.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  await put(rig, 'messages', 'm1', { messageId: 'm1', openid: 'o-me', title: '您的失业登记已受理', body: '…', createdAt: at, applicationId: 'app-1' });
  await put(rig, 'messages', 'm2', { messageId: 'm2', openid: 'o-me', title: '您的失业登记已审核通过', body: '…', createdAt: at + 3_600_000 });
  await put(rig, 'messages', 'm3', { messageId: 'm3', openid: 'o-other', title: '别人的消息', body: '…', createdAt: at });
});
afterAll(() => rig.close());

it('lists only the caller\'s messages, newest first, and asks to sign in without an account', async () => {
  const r = await listMyMessages({}, rig.citizen('o-me'));
  expect(r.ok && r.data.messages.map((m) => [m.title, m.at])).toEqual([
    ['您的失业登记已审核通过', '2026-03-10T11:00:00.000+08:00'],
    ['您的失业登记已受理', '2026-03-10T10:00:00.000+08:00'],
  ]);
  expect(await listMyMessages({}, rig.citizen(null))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
