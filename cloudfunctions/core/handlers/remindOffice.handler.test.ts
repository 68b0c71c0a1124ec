/**
 * remindOffice in process (test/support/handler-rig.ts): the sender chases a review past its due date once
 * a day, and it is kept on the application for the staff queue; another account gets NOT_FOUND.
 */
import { applicationRecord, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { remindOffice } from './remindOffice.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await put(rig, 'applications', 'app-late', applicationRecord({ applicationId: 'app-late', dueDate: '2026-03-05' }));
});
afterAll(() => rig.close());

it('records the 催办 once today, marked on the application; another account gets NOT_FOUND', async () => {
  expect(await remindOffice({ applicationId: 'app-late' }, rig.citizen('o-other'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await remindOffice({ applicationId: 'app-late' }, rig.citizen('o-sender'))).toMatchObject({ ok: true, data: { alreadyToday: false, reminders: 1 } });
  expect(await remindOffice({ applicationId: 'app-late' }, rig.citizen('o-sender'))).toMatchObject({ ok: true, data: { alreadyToday: true, reminders: 1 } });
  expect(await rig.rt.store.get('applications', 'app-late')).toMatchObject({ reminded: true });
});
