/**
 * createShareCode in process (test/support/handler-rig.ts): the holder gets an 8-character code for one
 * purpose, the same code again for the same requestId; a purpose not on the list is a field error.
 */
import { handlerRig, seedHolder, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { createShareCode } from './createShareCode.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedHolder(rig, 'o-me', makeIdNumber());
});
afterAll(() => rig.close());

it('gives the holder an active code for the purpose, the same one for the same request', async () => {
  const input = { requestId: requestId(), purpose: 'job', hours: 24 };
  const r = await createShareCode(input, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { status: 'active', purpose: 'job', purposeLabel: '求职应聘', views: 0, expiresAt: expect.stringMatching(/^2026-03-11T10:00/) } });
  expect(r.ok && r.data.code).toMatch(/^[A-Z0-9]{8}$/);
  expect(await createShareCode(input, rig.citizen('o-me'))).toEqual(r);
});

it('asks for a purpose of the list, and tells an account without a certificate', async () => {
  expect(await createShareCode({ requestId: requestId(), purpose: 'marketing' }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { purpose: expect.stringContaining('求职应聘') } } });
  expect(await createShareCode({ requestId: requestId(), purpose: 'job' }, rig.citizen('o-stranger'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
