/** getMyCertificate in process (test/support/handler-rig.ts): the bound person's certificate with a fresh QR; none without a binding. */
import { handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getMyCertificate } from './getMyCertificate.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  await put(rig, 'bindings', 'o-me:pk-me', { openid: 'o-me', personKey: 'pk-me', name: '张小明', at, via: 'face' });
  await put(rig, 'certificates', 'pk-me', {
    certificateNo: '2102040000001', personKey: 'pk-me', version: 1, status: 'valid', name: '张小明', idType: '01', idNumber: '210204198806120011',
    issuingRegion: '210204', issuedAt: at, applicationId: 'app-1', history: [],
  });
});
afterAll(() => rig.close());

it('answers the valid certificate of the bound person with a QR token that expires', async () => {
  const r = await getMyCertificate({}, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { certificateNo: '2102040000001', status: 'valid' } });
  expect(r.ok && typeof r.data.qrToken === 'string' && (r.data.qrExpiresAt ?? '') > '2026-03-10T10:00').toBe(true);
});

it('tells an account bound to nobody that it has no certificate yet', async () => {
  expect(await getMyCertificate({}, rig.citizen('o-stranger'))).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '您还没有电子《就业创业证》，可先申领' } });
});
