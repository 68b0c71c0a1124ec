/**
 * The 实人核验 a client runs before every submission (startRealPersonCheck → face check →
 * confirmRealPersonCheck), for tests that call `dispatch` in-process or a child gateway directly.
 * The local check is a simulation that passes once started and confirmed (docs/identity.md).
 */
import type { Deps } from '../../cloudfunctions/core/deps';
import { dispatch } from '../../cloudfunctions/core/dispatch';

/** In-process: start and confirm with these deps; true when the check passed. */
export async function passRealPerson(deps: Deps, person: { name?: unknown; idNumber?: unknown }): Promise<boolean> {
  if (typeof person.name !== 'string' || typeof person.idNumber !== 'string') return false;
  const started = await dispatch('startRealPersonCheck', { name: person.name, idNumber: person.idNumber }, deps, { local: true });
  if (!started.body.ok) return false;
  const confirmed = await dispatch('confirmRealPersonCheck', { checkToken: (started.body.data as { checkToken?: string }).checkToken }, deps, { local: true });
  return confirmed.body.ok;
}

/** Over HTTP with a `post(action, body, openid)` of the test's own. */
export async function passRealPersonOver(post: (action: string, body: unknown, openid: string) => Promise<{ status: number; json: any }>, openid: string, person: { name?: unknown; idNumber?: unknown }): Promise<boolean> {
  if (typeof person.name !== 'string' || typeof person.idNumber !== 'string') return false;
  const started = await post('startRealPersonCheck', { name: person.name, idNumber: person.idNumber }, openid);
  if (!started.json?.ok) return false;
  const confirmed = await post('confirmRealPersonCheck', { checkToken: started.json.data.checkToken }, openid);
  return !!confirmed.json?.ok;
}
