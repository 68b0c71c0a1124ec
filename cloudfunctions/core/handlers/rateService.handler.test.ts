/** rateService in process (test/support/handler-rig.ts): 好差评 once per finished application, not before it is finished. */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { requestId } from '../../../test/support/people';
import { rateService } from './rateService.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-done', applicationRecord({ applicationId: 'app-done', status: 'approved' }));
  await put(rig, 'applications', 'app-wait', applicationRecord({ applicationId: 'app-wait' }));
});
afterAll(() => rig.close());

it('takes one rating of a finished application, and refuses a second and one of an unfinished application', async () => {
  expect(await rateService({ requestId: requestId(), applicationId: 'app-done', score: 4, comment: '办得很快' }, rig.citizen('o-sender'))).toMatchObject({ ok: true, data: { rating: { score: 4, comment: '办得很快' } } });
  expect(await rateService({ requestId: requestId(), applicationId: 'app-done', score: 1 }, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('4星') } });
  expect(await rateService({ requestId: requestId(), applicationId: 'app-wait', score: 5 }, rig.citizen('o-sender'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '办结以后才能评价' } });
});
