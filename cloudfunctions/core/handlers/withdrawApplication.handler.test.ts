/**
 * withdrawApplication in process (test/support/handler-rig.ts): the sender withdraws an application
 * waiting for review, once per requestId (the same requestId again answers the same), and may apply
 * again at once; another account gets NOT_FOUND.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { requestId } from '../../../test/support/people';
import { withdrawApplication } from './withdrawApplication.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord());
  await put(rig, 'locks', 'unemployment:pk-1', { applicationId: 'app-1', at: 0 });
});
afterAll(() => rig.close());

it('answers NOT_FOUND to another account', async () => {
  expect(await withdrawApplication({ requestId: requestId(), applicationId: 'app-1' }, rig.citizen('o-other'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('withdraws once: the same requestId answers the same, another one is told it is withdrawn already', async () => {
  const rid = requestId();
  const first = await withdrawApplication({ requestId: rid, applicationId: 'app-1' }, rig.citizen('o-sender'));
  expect(first).toMatchObject({ ok: true, data: { applicationId: 'app-1', status: 'withdrawn' } });
  // the person may apply again at once
  expect(await rig.rt.store.get('locks', 'unemployment:pk-1')).toBeNull();
  expect(await withdrawApplication({ requestId: rid, applicationId: 'app-1' }, rig.citizen('o-sender'))).toEqual(first);
  expect(await withdrawApplication({ requestId: requestId(), applicationId: 'app-1' }, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条申请已经撤回' } });
});

it('refuses a request with no application number, field by field', async () => {
  expect(await withdrawApplication({ requestId: requestId() }, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { applicationId: expect.any(String) } } });
});
