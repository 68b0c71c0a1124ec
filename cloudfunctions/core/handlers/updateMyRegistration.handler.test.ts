/**
 * updateMyRegistration in process (test/support/handler-rig.ts): a registered person changes their phone;
 * the application staff call from carries the new one, and the history names the field, never the value;
 * a change of nothing is a field error.
 */
import { applicationRecord, bindAccount, handlerRig, put, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber, requestId } from '../../../test/support/people';
import { updateMyRegistration } from './updateMyRegistration.handler';

const ID = makeIdNumber();
let rig: HandlerRig;
let personKey: string;
beforeAll(async () => {
  rig = handlerRig();
  personKey = await bindAccount(rig, 'o-me', ID);
  await put(rig, 'applications', 'app-1', applicationRecord({ openid: 'o-me', personKey, status: 'approved' }));
  await put(rig, 'registrations', `unemployment:${personKey}`, {
    registrationId: `unemployment:${personKey}:1`, kind: 'unemployment', personKey, status: 'active', applicationId: 'app-1', openid: 'o-me',
    region: '210204', since: Date.parse('2026-02-02T09:00:00+08:00'), endedAt: null, endReasonCode: null,
  });
});
afterAll(() => rig.close());

it('asks for at least one change', async () => {
  expect(await updateMyRegistration({ requestId: requestId() }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { phone: '请至少修改一项信息' } } });
});

it('changes the phone on the registration and on the application staff call from', async () => {
  const r = await updateMyRegistration({ requestId: requestId(), phone: '13700001111' }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { kind: 'unemployment', changed: ['phone'], regionChanged: false } });
  const app = await rig.rt.store.get<{ person: { phone: string } }>('applications', 'app-1');
  expect(app?.person.phone).toBe('13700001111');
  const reg = await rig.rt.store.get<{ changes: Array<{ fields: string[] }> }>('registrations', `unemployment:${personKey}`);
  expect(reg?.changes).toEqual([expect.objectContaining({ fields: ['phone'] })]);
  expect(JSON.stringify(reg?.changes)).not.toContain('13700001111');
});
