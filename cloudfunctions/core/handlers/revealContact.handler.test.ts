/** revealContact in process (test/support/handler-rig.ts): the full phone for the call about to be made, audited; NOT_FOUND outside the region. */
import { handlerRig, seedContactTask, type HandlerRig } from '../../../test/support/handler-rig';
import { revealContact } from './revealContact.handler';

let rig: HandlerRig;
beforeAll(async () => {
  rig = handlerRig();
  await seedContactTask(rig);
});
afterAll(() => rig.close());

it('reveals the phone to staff of the region and audits it; another city gets NOT_FOUND', async () => {
  expect(await revealContact({ taskId: 'contact:app-1' }, rig.staff({ region: '2102' }))).toEqual({ ok: true, data: { taskId: 'contact:app-1', holderName: '张小明', phone: '13912345678' } });
  expect(await rig.rt.store.find('audit', { action: 'revealContact' })).toEqual([expect.objectContaining({ taskId: 'contact:app-1', personKey: 'pk-1' })]);
  expect(await revealContact({ taskId: 'contact:app-1' }, rig.staff({ region: '2101' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
