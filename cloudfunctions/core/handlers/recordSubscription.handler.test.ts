/**
 * recordSubscription in process (test/support/handler-rig.ts): each accepted tap is one future notice
 * of that template, up to a bound; an unknown answer is a field error naming the template.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { MAX_REMAINING } from '../subscriptions';
import { recordSubscription } from './recordSubscription.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('counts one notice per accepted tap, and nothing for a refusal', async () => {
  expect(await recordSubscription({ templates: { result: 'accept', reminder: 'reject' } }, rig.citizen('o-me'))).toEqual({ ok: true, data: { remaining: { result: 1, reminder: 0 } } });
  expect(await recordSubscription({ templates: { result: 'accept' } }, rig.citizen('o-me'))).toEqual({ ok: true, data: { remaining: { result: 2 } } });
});

it('keeps at most a bounded number of unused consents', async () => {
  for (let i = 0; i < MAX_REMAINING + 3; i++) await recordSubscription({ templates: { reminder: 'accept' } }, rig.citizen('o-tapper'));
  expect(await recordSubscription({ templates: { reminder: 'accept' } }, rig.citizen('o-tapper'))).toEqual({ ok: true, data: { remaining: { reminder: MAX_REMAINING } } });
});

it('refuses an answer WeChat does not give, naming the template', async () => {
  expect(await recordSubscription({ templates: { result: 'yes' } }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'templates.result': '订阅结果格式有误，请重新选择是否接收通知' } } });
});
