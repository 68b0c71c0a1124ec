/** revokeShareCode in process (test/support/handler-rig.ts): the holder ends a share at once; for another account it does not exist. */
import { handlerRig, seedHolder, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { createShareCode } from './createShareCode.handler';
import { revokeShareCode } from './revokeShareCode.handler';

let rig: HandlerRig;
let code: string;
beforeAll(async () => {
  rig = handlerRig();
  await seedHolder(rig, 'o-me', makeIdNumber());
  const r = await createShareCode({ requestId: requestId(), purpose: 'job' }, rig.citizen('o-me'));
  code = r.ok ? r.data.code ?? '' : '';
});
afterAll(() => rig.close());

it('answers NOT_FOUND to another account, and revokes the holder\'s code', async () => {
  expect(await revokeShareCode({ requestId: requestId(), code }, rig.citizen('o-stranger'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个分享码' } });
  const r = await revokeShareCode({ requestId: requestId(), code }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { status: 'revoked', revokedAt: expect.any(String) } });
  expect(r.ok && r.data.code).toBeFalsy();
});
