/**
 * A citizen acting on one of their own applications (催办, 好差评): the person who sent it for themself,
 * bound or not, or an account bound to the person. Anyone else's answers NOT_FOUND, the same as one that
 * does not exist.
 */
import type { Deps } from './deps';
import type { ApplicationRecord } from './records';
import { accessTo, boundPersonKeys } from './person-access';
import type { StoreTx } from './store.port';
import { readRecord } from './collections';

export const NOT_FOUND_TEXT = '没有找到这条申请记录，请核对后再查';

export function idOf(input: unknown): string | undefined {
  const id = (input as { applicationId?: unknown } | null)?.applicationId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

export async function ownApplication(deps: Deps, applicationId: string): Promise<ApplicationRecord | null> {
  const app = await readRecord(deps.store, 'applications', applicationId);
  if (!app) return null;
  // The person who sent it for themself, bound or not: a sender whose name and number could not be
  // matched is the one whose application waits for staff (and is offered 催办 and 好差评 on it), as
  // getProgress shows it to them.
  if (app.openid === deps.caller.openid && !app.onBehalfOf) return app;
  const keys = await boundPersonKeys(deps);
  return keys.includes(app.personKey) ? app : null;
}

/**
 * The application, when the caller sent it or may act for its person (bound, or invited to help:
 * core/person-access.ts `accessTo`); else null, answered NOT_FOUND (退回补正, 撤回, 复核).
 */
export async function applicationActedOn(deps: Deps, read: Pick<StoreTx, 'get'>, applicationId: string): Promise<ApplicationRecord | null> {
  const app = await readRecord(read, 'applications', applicationId);
  if (!app) return null;
  if (app.openid === deps.caller.openid) return app;
  return (await accessTo(deps, app.personKey)) ? app : null;
}
