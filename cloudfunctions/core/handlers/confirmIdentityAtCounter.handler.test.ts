/**
 * confirmIdentityAtCounter in process (test/support/handler-rig.ts): staff of the district confirm the
 * person with the document and the account is bound; a document that says otherwise is not confirmed;
 * a code is used once.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { confirmIdentityAtCounter } from './confirmIdentityAtCounter.handler';
import { requestCounterCheck } from './requestCounterCheck.handler';

const ID = makeIdNumber();
let rig: HandlerRig;
let code: string;
beforeAll(async () => {
  rig = handlerRig();
  const r = await requestCounterCheck({ name: '张小明', idType: '01', idNumber: ID, region: '210204' }, rig.citizen('o-me'));
  code = r.ok ? r.data.code : '';
});
afterAll(() => rig.close());

it('refuses a document with another name, then confirms the right one once and binds the account', async () => {
  const staff = rig.staff({ role: 'verifier', region: '210204' });
  expect(await confirmIdentityAtCounter({ code, documentType: '01', documentNumber: ID, name: '李小明' }, staff)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await confirmIdentityAtCounter({ code, documentType: '01', documentNumber: ID, name: '张小明' }, staff)).toMatchObject({ ok: true, data: { confirmed: true, holderName: '张*明' } });
  expect(await rig.rt.store.find('bindings', { openid: 'o-me' })).toEqual([expect.objectContaining({ via: 'counter' })]);
  expect(await confirmIdentityAtCounter({ code, documentType: '01', documentNumber: ID, name: '张小明' }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
