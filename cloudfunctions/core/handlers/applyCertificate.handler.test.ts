/**
 * applyCertificate in process (test/support/handler-rig.ts): a checked person the identity base knows
 * gets the electronic 《就业创业证》 at once (大人社规发〔2025〕2号 一(二) 即时出证); asking again shows the same one;
 * a 补发 asked for here is sent to its own page; a form with a missing answer is a field error.
 */
import { COMMITMENTS } from '@shared/commitment';
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { govRecord, makePerson, requestId, type TestPerson } from '../../../test/support/people';
import { passRealPerson } from '../../../test/support/real-person';
import { applyCertificate } from './applyCertificate.handler';

const me = makePerson({ region: '210204' });
let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(undefined, { persons: [govRecord(me)] }); });
afterAll(() => rig.close());

const form = (p: TestPerson, o: Record<string, unknown> = {}) => ({ requestId: requestId(), ...p, commitment: { accepted: true, textVersion: COMMITMENTS.certificate.version }, ...o });

it('refuses a form with no phone, and a 补发 asked for here, as fields', async () => {
  const { phone: _p, ...noPhone } = form(me);
  expect(await applyCertificate(noPhone, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { phone: expect.any(String) } } });
  expect(await applyCertificate(form(me, { reissue: { kind: 'lost', statement: '手机丢失，证件电子版无法出示，申请补发' } }), rig.citizen('o-me')))
    .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { reissue: '补发请在“我的电子证”页面办理' } } });
});

it('issues the certificate at once, and shows the same one when asked again', async () => {
  expect(await passRealPerson(rig.citizen('o-me'), me)).toBe(true);
  const first = await applyCertificate(form(me), rig.citizen('o-me'));
  expect(first).toMatchObject({ ok: true, data: { status: 'approved', kind: 'certificate', certificate: { certificateNo: expect.any(String) } } });
  const again = await applyCertificate(form(me), rig.citizen('o-me'));
  expect(again.ok && again.data.certificate?.certificateNo).toBe(first.ok && first.data.certificate?.certificateNo);
});
