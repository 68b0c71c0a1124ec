/**
 * reissueCertificate in process (test/support/handler-rig.ts): 补发 (大人社规发〔2025〕2号 一(四)) gives the
 * holder version 2 of the same number with a fresh QR, once per requestId; an account that holds no
 * certificate is told so, and a statement too short is a field error.
 */
import { handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { reissueCertificate } from './reissueCertificate.handler';

const ID = makeIdNumber({ region: '210204', birth: '19880612', gender: '1' });
const STATEMENT = '2026年3月8日在公交车上遗失手机，电子证随之无法出示，特此说明';
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const pk = rig.citizen('o-me').personKey(ID);
  const at = Date.parse('2026-03-01T10:00:00+08:00');
  // bound at a counter (the holder's identity confirmed by staff): the holder may ask for 补发
  await put(rig, 'bindings', `o-me:${pk}`, { openid: 'o-me', personKey: pk, name: '张小明', at, via: 'counter', counter: { staffOpenid: 'staff-1', documentType: '01', at } });
  await put(rig, 'certificates', pk, {
    certificateNo: '2102040000001', personKey: pk, version: 1, status: 'valid', name: '张小明', idType: '01', idNumber: ID,
    issuingRegion: '210204', issuedAt: at, applicationId: 'app-1', history: [],
  });
});
afterAll(() => rig.close());

it('asks for a statement of at least 10 characters, and tells an account without a certificate', async () => {
  expect(await reissueCertificate({ requestId: requestId(), kind: 'lost', statement: '丢了' }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { statement: expect.stringContaining('至少10个字') } } });
  expect(await reissueCertificate({ requestId: requestId(), kind: 'lost', statement: STATEMENT }, rig.citizen('o-stranger'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('reissues the same number as version 2 with a fresh QR, and the same request again changes nothing', async () => {
  const input = { requestId: requestId(), kind: 'lost', statement: STATEMENT };
  const r = await reissueCertificate(input, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { certificateNo: '2102040000001', status: 'valid' } });
  expect(r.ok && typeof r.data.qrToken).toBe('string');
  expect(await reissueCertificate(input, rig.citizen('o-me'))).toMatchObject({ ok: true, data: { certificateNo: '2102040000001' } });
  expect(await rig.rt.store.get('certificates', rig.citizen('o-me').personKey(ID))).toMatchObject({ version: 2, history: [expect.objectContaining({ version: 1, reason: '遗失补发' })] });
});
