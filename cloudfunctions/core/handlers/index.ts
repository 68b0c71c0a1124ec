/**
 * Action → handler, for every function at once (the local gateway). A new action goes into the
 * registry of the function that serves it (`fn` in shared/api.ts); a test checks they agree.
 */
import { ACTIONS, type ActionName } from '@shared/api';
import type { Handler, HandlerMap } from './handler';
import { CITIZEN_HANDLERS } from './citizen.registry';
import { SCHEDULER_HANDLERS } from './scheduler.registry';
import { STAFF_HANDLERS } from './staff.registry';

export type { Handler, HandlerMap };

export const REGISTRIES = { citizen: CITIZEN_HANDLERS, staff: STAFF_HANDLERS, scheduler: SCHEDULER_HANDLERS } as const;

export const HANDLERS: HandlerMap = { ...CITIZEN_HANDLERS, ...STAFF_HANDLERS, ...SCHEDULER_HANDLERS };

/** Actions whose handler sits in another function's registry than ACTIONS says (should be none). */
export function misplacedHandlers(): string[] {
  const out: string[] = [];
  for (const [fn, reg] of Object.entries(REGISTRIES)) {
    for (const name of Object.keys(reg)) if (ACTIONS[name as ActionName]?.fn !== fn) out.push(`${name} in ${fn}`);
  }
  return out;
}
