/** A contact attempt that closes its task and tells the citizen on the timeline (core/contact-tasks.ts recordAttempt). */
import type { Deps } from '../deps';
import { recordAttempt } from '../contact-tasks';

/** Closes a contact or follow-up task with its outcome (recorded as an attempt). */
export async function completeContactTask(input: unknown, deps: Deps) {
  return recordAttempt(input, deps, true);
}
