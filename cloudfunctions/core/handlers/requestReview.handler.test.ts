/**
 * requestReview in process (test/support/handler-rig.ts): a rejection goes back to the queue once, with
 * a new due date and the deciding reviewer excluded; a reason too short is a field error; a second
 * review is refused with the legal remedies named.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { requestId } from '../../../test/support/people';
import { requestReview } from './requestReview.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-1', applicationRecord({
    status: 'rejected', dueDate: null, decision: { decision: 'reject', reasonCode: 'R1', at: '2026-03-09T10:00:00.000+08:00', by: 'staff-rev-1' },
  }));
});
afterAll(() => rig.close());

it('asks for a reason of at least a sentence', async () => {
  expect(await requestReview({ requestId: requestId(), applicationId: 'app-1', reason: '不服' }, rig.citizen('o-sender')))
    .toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { reason: '请用一两句话写明申请复核的理由' } } });
});

it('puts the application back for review once, by someone else than the reviewer who decided', async () => {
  const r = await requestReview({ requestId: requestId(), applicationId: 'app-1', reason: '我已在规定时间内辞职，材料齐全' }, rig.citizen('o-sender'));
  expect(r).toMatchObject({ ok: true, data: { status: 'pending_review' } });
  const stored = await rig.rt.store.get<{ review: { excludedStaff: string } }>('applications', 'app-1');
  expect(stored?.review.excludedStaff).toBe('staff-rev-1');
  expect(await requestReview({ requestId: requestId(), applicationId: 'app-1', reason: '我已在规定时间内辞职，材料齐全' }, rig.citizen('o-sender')))
    .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '只有未通过的申请可以申请复核' } });
});
