/** requestCounterCheck in process (test/support/handler-rig.ts): an 8-digit code and where to take the document; a wrong number is a field error. */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { requestCounterCheck } from './requestCounterCheck.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('gives a code to take to the district\'s window with the document', async () => {
  const r = await requestCounterCheck({ name: '张小明', idType: '01', idNumber: makeIdNumber(), region: '210204' }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^\d{8}$/), where: expect.stringContaining('居民身份证原件') } });
});

it('asks for the number again when its check digit is wrong, and for the district', async () => {
  const r = await requestCounterCheck({ name: '张小明', idType: '01', idNumber: '210204198806120019' }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { idNumber: expect.any(String), region: '请选择您要去办理的区（县）' } } });
});
