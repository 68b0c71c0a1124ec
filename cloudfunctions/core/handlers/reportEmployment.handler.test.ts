/**
 * reportEmployment in process (test/support/handler-rig.ts): a registered person reports a job; their
 * 失业登记 ends with that reason as their own declaration (鞍人社〔2020〕21号 五); a start date after today is
 * a field error; a person with no registration in force is told there is nothing to report.
 */
import { bindAccount, handlerRig, seedRegistration, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { reportEmployment } from './reportEmployment.handler';

const ID = makeIdNumber();
let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  const personKey = await bindAccount(rig, 'o-me', ID);
  await seedRegistration(rig, personKey, ID, 'o-me');
});
afterAll(() => rig.close());

const report = (o: Record<string, unknown> = {}) => ({ requestId: requestId(), situation: '11', unit: '大连某公司', since: '2026-03-01', confirmEnds: true, ...o });

it('refuses a start date after today, field by field', async () => {
  expect(await reportEmployment(report({ since: '2026-03-11' }), rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { since: '开始日期不能晚于今天' } } });
});

it('tells an account with no registration in force that there is nothing to report', async () => {
  expect(await reportEmployment(report(), rig.citizen('o-nobody'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

it('ends the registration with the reported reason, as the person\'s own declaration', async () => {
  const r = await reportEmployment(report(), rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { status: 'deregistered', reasonCode: '11' } });
  expect(await reportEmployment(report(), rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
