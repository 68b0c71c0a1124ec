/**
 * startRealPersonCheck in process (test/support/handler-rig.ts): a name and a valid 居民身份证 number start
 * a face check; a wrong check digit is a field error; an account starting too many checks in an hour is
 * stopped and shown the counter route.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { CHECK_STARTS_PER_HOUR, startRealPersonCheck } from './startRealPersonCheck.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('refuses a number with a wrong check digit and a missing name, field by field', async () => {
  const id = makeIdNumber();
  const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  const r = await startRealPersonCheck({ idNumber: wrong }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请先填写姓名和身份证号码', fields: { name: '请填写与证件一致的姓名', idNumber: expect.any(String) } } });
});

it('starts a face check, and stops an account past the hourly limit with the counter route', async () => {
  const person = { name: '张小明', idNumber: makeIdNumber() };
  const first = await startRealPersonCheck(person, rig.citizen('o-many'));
  expect(first).toMatchObject({ ok: true, data: { checkToken: expect.any(String) } });
  for (let i = 1; i < CHECK_STARTS_PER_HOUR; i++) await startRealPersonCheck(person, rig.citizen('o-many'));
  const limited = await startRealPersonCheck(person, rig.citizen('o-many'));
  expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  expect(!limited.ok && limited.error.message).toContain('到窗口核验');
});
