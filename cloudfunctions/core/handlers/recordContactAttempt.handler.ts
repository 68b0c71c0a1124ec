/** A contact attempt recorded with the task left open — the record AJC00A 31/32 rest on (core/contact-tasks.ts recordAttempt). */
import type { Deps } from '../deps';
import { recordAttempt } from '../contact-tasks';

/** Records an attempt and leaves the task open (e.g. not reached, to try again later this month). */
export async function recordContactAttempt(input: unknown, deps: Deps) {
  return recordAttempt(input, deps, false);
}
