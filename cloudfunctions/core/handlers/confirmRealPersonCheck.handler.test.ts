/**
 * confirmRealPersonCheck in process (test/support/handler-rig.ts): the account is bound to the person
 * only when the face check passed AND the identity base knows that name with that number; a token of
 * another account is refused; no token is a field error.
 */
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { govRecord, makePerson } from '../../../test/support/people';
import { bindingOf } from '../person-access';
import { confirmRealPersonCheck } from './confirmRealPersonCheck.handler';
import { startRealPersonCheck } from './startRealPersonCheck.handler';

const known = makePerson();
const unknown = makePerson();
let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(undefined, { persons: [govRecord(known)] }); });
afterAll(() => rig.close());

async function tokenFor(openid: string, p: { name: string; idNumber: string }): Promise<string> {
  const r = await startRealPersonCheck({ name: p.name, idNumber: p.idNumber }, rig.citizen(openid));
  return r.ok && 'checkToken' in r.data ? r.data.checkToken : '';
}

it('asks for the token as a field', async () => {
  expect(await confirmRealPersonCheck({}, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { checkToken: '核验凭据无效，请重新发起本人核验' } } });
});

it('binds the account to a person the identity base knows', async () => {
  const r = await confirmRealPersonCheck({ checkToken: await tokenFor('o-known', known) }, rig.citizen('o-known'));
  expect(r).toMatchObject({ ok: true, data: { passed: true, bound: true } });
  const deps = rig.citizen('o-known');
  expect(await bindingOf(deps, 'o-known', deps.personKey(known.idNumber))).toMatchObject({ name: known.name, via: 'face' });
});

it('binds nothing when the identity base does not know the person, or the token is another account\'s', async () => {
  const r = await confirmRealPersonCheck({ checkToken: await tokenFor('o-unknown', unknown) }, rig.citizen('o-unknown'));
  expect(r).toMatchObject({ ok: true, data: { passed: true, bound: false, counterRoute: expect.any(String) } });
  expect(await confirmRealPersonCheck({ checkToken: await tokenFor('o-a', known) }, rig.citizen('o-b'))).toMatchObject({ ok: false });
  const deps = rig.citizen('o-b');
  expect(await bindingOf(deps, 'o-b', deps.personKey(known.idNumber))).toBeNull();
});
