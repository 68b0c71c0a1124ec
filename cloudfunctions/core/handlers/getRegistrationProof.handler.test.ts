/**
 * getRegistrationProof in process (test/support/handler-rig.ts): the holder of a 失业登记 gets a PDF of
 * their 失业登记证明; a person with none gets NOT_FOUND that says where to check; the kind is a field.
 */
import { bindAccount, handlerRig, seedRegistration, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { getRegistrationProof } from './getRegistrationProof.handler';

const ID = makeIdNumber();
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const personKey = await bindAccount(rig, 'o-me', ID);
  await seedRegistration(rig, personKey, ID, 'o-me');
});
afterAll(() => rig.close());

it('asks which proof, and answers NOT_FOUND for a kind the person has no registration of', async () => {
  expect(await getRegistrationProof({}, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { kind: '请选择要开具的证明：失业登记证明或就业登记证明' } } });
  expect(await getRegistrationProof({ kind: 'flexible' }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await getRegistrationProof({ kind: 'unemployment' }, rig.citizen('o-stranger'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('gives the holder a PDF of their 失业登记证明', async () => {
  const r = await getRegistrationProof({ kind: 'unemployment' }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { fileName: '失业登记证明-20260310.pdf' } });
  expect(r.ok && Buffer.from(r.data.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
});
