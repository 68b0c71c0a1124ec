/**
 * viewSharedCertificate in process (test/support/handler-rig.ts): anyone with the code sees the purpose's
 * fields, the name masked, and the holder is told; a revoked code answers exactly like one never issued.
 */
import { SHARE_CODE_INVALID } from '@shared/share';
import { handlerRig, seedHolder, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { createShareCode } from './createShareCode.handler';
import { revokeShareCode } from './revokeShareCode.handler';
import { viewSharedCertificate } from './viewSharedCertificate.handler';

let rig: HandlerRig;
let code: string;
beforeAll(async () => {
  rig = handlerRig();
  await seedHolder(rig, 'o-me', makeIdNumber());
  const r = await createShareCode({ requestId: requestId(), purpose: 'job' }, rig.citizen('o-me'));
  code = r.ok ? r.data.code ?? '' : '';
});
afterAll(() => rig.close());

it('shows a job purpose\'s fields with the name masked, and tells the holder of the view', async () => {
  const r = await viewSharedCertificate({ code }, rig.citizen(null));
  expect(r).toMatchObject({ ok: true, data: { valid: true, purpose: 'job', holderName: '张*明', registration: { status: 'none' } } });
  expect(r.ok && r.data.certificateNo).toBeUndefined();
  expect(await rig.rt.store.find('messages', { openid: 'o-me' })).toEqual([expect.objectContaining({ title: '电子证分享码被查看' })]);
});

it('answers a revoked code exactly as a code never issued', async () => {
  await revokeShareCode({ requestId: requestId(), code }, rig.citizen('o-me'));
  const revoked = await viewSharedCertificate({ code }, rig.citizen(null));
  expect(revoked).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: SHARE_CODE_INVALID } });
  expect(await viewSharedCertificate({ code: 'ABCDEFGH' }, rig.citizen(null))).toEqual(revoked);
});
