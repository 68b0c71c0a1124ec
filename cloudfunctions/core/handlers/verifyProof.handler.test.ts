/**
 * verifyProof in process (test/support/handler-rig.ts): a genuine 失业登记证明 QR reads as valid with the
 * registration's state now and the holder's name masked; a tampered one fails its signature; no token is a field error.
 */
import { handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { proofClaims } from '../proof';
import { verifyProof } from './verifyProof.handler';

const ID = makeIdNumber();
let rig: HandlerRig;
let token = '';
beforeAll(async () => {
  rig = handlerRig();
  const deps = rig.staff();
  const personKey = deps.personKey(ID);
  await put(rig, 'applications', 'app-1', { applicationId: 'app-1', kind: 'unemployment', status: 'approved', openid: 'o-me', personKey, region: '210204', person: { name: '张小明' } });
  await put(rig, 'registrations', `unemployment:${personKey}`, {
    registrationId: `unemployment:${personKey}:1`, kind: 'unemployment', personKey, status: 'active', applicationId: 'app-1', openid: 'o-me',
    region: '210204', since: Date.parse('2026-02-02T09:00:00+08:00'), endedAt: null, endReasonCode: null, person: { name: '张小明' },
  });
  const now = deps.clock.now();
  token = await (await deps.qrKeys!.current(now)).signJson({ ...proofClaims({ applicationId: 'app-1', kind: 'unemployment' }, now) });
});
afterAll(() => rig.close());

it('asks for the QR as a field', async () => {
  expect(await verifyProof({}, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { token: '请扫描登记证明上的二维码' } } });
});

it('reads a genuine proof as valid, the registration in force and the name masked', async () => {
  expect(await verifyProof({ token }, rig.staff())).toMatchObject({ ok: true, data: { valid: true, kind: 'unemployment', holderName: '张*明', registrationStatus: 'active' } });
});

it('refuses a tampered proof on its signature', async () => {
  const [h, p, s] = token.split('.');
  // one character in the middle of the signature changed: same length, every bit of it significant
  const forged = [h, p, s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11)].join('.');
  expect(await verifyProof({ token: forged }, rig.staff())).toMatchObject({ ok: true, data: { valid: false, reason: 'bad_signature' } });
});
