/**
 * getProgress in process (test/support/handler-rig.ts): the sender of an application for a person they
 * are not bound to reads that application, redacted; another account gets the same NOT_FOUND as for a
 * number that does not exist.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { getProgress } from './getProgress.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord());
});
afterAll(() => rig.close());

it('shows the sender their application, with what a source holds about the person hidden', async () => {
  const r = await getProgress({ applicationId: 'app-1' }, rig.citizen('o-sender'));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.applicationId).toBe('app-1');
  expect(r.data.checks).toEqual([{ name: '身份核验', passed: false, detail: '需工作人员核实' }]);
  expect(r.data.nextStep).toContain('只能查看本次申请');
});

it('answers NOT_FOUND to another account and for an unknown number alike; a missing number is a field error', async () => {
  const other = await getProgress({ applicationId: 'app-1' }, rig.citizen('o-other'));
  const unknown = await getProgress({ applicationId: 'app-none' }, rig.citizen('o-sender'));
  expect(other).toEqual(unknown);
  expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await getProgress({}, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { applicationId: '请提供要查询的申请编号' } } });
});
