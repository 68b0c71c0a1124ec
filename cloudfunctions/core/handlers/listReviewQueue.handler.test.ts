/**
 * listReviewQueue in process (test/support/handler-rig.ts): a reviewer sees the pending applications
 * of their region only, names and numbers masked, and the read is audited.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { listReviewQueue } from './listReviewQueue.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-dl', applicationRecord({ applicationId: 'app-dl', region: '210204' }));
  await put(rig, 'applications', 'app-sy', applicationRecord({ applicationId: 'app-sy', region: '210102', personKey: 'pk-sy' }));
});
afterAll(() => rig.close());

it('lists the region\'s pending application masked, leaves another city\'s out, and audits the read', async () => {
  const r = await listReviewQueue({}, rig.staff({ region: '2102' }));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.items.map((i) => i.applicationId)).toEqual(['app-dl']);
  expect(r.data.items[0]).toMatchObject({ holderName: '张*明', dueDate: '2026-03-13', overdue: false });
  expect(r.data.items[0].idNumberMasked).not.toContain('198806120011');
  expect(await rig.rt.store.find('audit', { action: 'listReviewQueue' })).toHaveLength(1);
});
