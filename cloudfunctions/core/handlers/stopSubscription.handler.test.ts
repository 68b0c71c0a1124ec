/** stopSubscription in process (test/support/handler-rig.ts): turning a template off leaves no notice of it; an unknown template is a field error. */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { recordSubscription } from './recordSubscription.handler';
import { stopSubscription } from './stopSubscription.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('turns WeChat notices of a template off', async () => {
  await recordSubscription({ templates: { reminder: 'accept' } }, rig.citizen('o-me'));
  expect(await stopSubscription({ template: 'reminder' }, rig.citizen('o-me'))).toEqual({ ok: true, data: { remaining: { reminder: 0 } } });
});

it('asks which notice to turn off', async () => {
  expect(await stopSubscription({ template: 'news' }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { template: '请选择要关闭的通知' } } });
});
