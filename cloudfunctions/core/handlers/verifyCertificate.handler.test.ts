/**
 * verifyCertificate in process (test/support/handler-rig.ts): staff scanning the holder's fresh code learn
 * it is genuine and current, the name masked, and the holder gets a receipt; a code that is not ours is
 * named as such; a missing code is a field error.
 */
import { mod11_2 } from '@shared/id-number';
import { qrForCertificate } from '../certificate-qr';
import type { CertificateRecord } from '../records';
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { verifyCertificate } from './verifyCertificate.handler';

/** a 《就业创业证》 number of the national format (shared/certificate-number.ts) */
const NO = '2102042026000001' + mod11_2('2102042026000001');
let rig: HandlerRig;
const cert = {
  certificateNo: NO, personKey: 'pk-me', version: 1, status: 'valid', name: '张小明', idType: '01', idNumber: '210204198806120011',
  issuingRegion: '210204', issuedAt: Date.parse('2026-03-01T10:00:00+08:00'), applicationId: 'app-1', history: [],
} satisfies CertificateRecord;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'certificates', 'pk-me', cert);
  await put(rig, 'applications', 'app-1', applicationRecord({ personKey: 'pk-me', openid: 'o-me', status: 'approved' }));
});
afterAll(() => rig.close());

it('says a fresh code is genuine, masks the name, audits the scan and sends the holder a receipt', async () => {
  const { qrToken } = await qrForCertificate(cert, rig.citizen('o-me'));
  const r = await verifyCertificate({ token: qrToken }, rig.staff({ role: 'verifier', name: '王核验' }));
  expect(r).toMatchObject({ ok: true, data: { valid: true, certificateNo: NO, holderName: '张*明', status: 'valid' } });
  expect(await rig.rt.store.find('audit', { action: 'verifyCertificate' })).toEqual([expect.objectContaining({ result: 'valid', staffName: '王核验' })]);
  expect(await rig.rt.store.find('messages', { openid: 'o-me' })).toEqual([expect.objectContaining({ title: '电子证核验提醒' })]);
});

it('names a code that is not a certificate code, and asks for one when none is given', async () => {
  expect(await verifyCertificate({ token: 'not-a-code' }, rig.staff({ role: 'verifier' }))).toMatchObject({ ok: true, data: { valid: false, reason: 'malformed', reasonText: '不是有效的电子证二维码' } });
  expect(await verifyCertificate({}, rig.staff({ role: 'verifier' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { token: '请扫描电子证上的二维码' } } });
});
