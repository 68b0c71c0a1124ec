/**
 * exportDeregistrations in process (test/support/handler-rig.ts): the 人社厅发〔2020〕79号 export of a
 * period — a field error for a reversed range; the indicator fields as the CSV header; audited.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { exportDeregistrations } from './exportDeregistrations.handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

it('refuses an end before the start, with the field named', async () => {
  expect(await exportDeregistrations({ from: '20260310', to: '20260301' }, rig.staff())).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { to: '结束日期不能早于开始日期' } } });
});

it('exports an empty period as the indicator header only, and audits the export', async () => {
  const r = await exportDeregistrations({ from: '20260301', to: '20260310' }, rig.staff());
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.records).toEqual([]);
  expect(r.data.csv.split(/\r?\n/)[0]).toContain(r.data.indicators[0]);
  expect(await rig.rt.store.find('audit', { action: 'exportDeregistrations' })).toEqual([expect.objectContaining({ exported: 0, rejected: 0 })]);
});
