/** A contact attempt that closes its task and tells the citizen on the timeline (core/contact-tasks.ts recordAttempt). */
import { parseContactAttempt, recordAttempt } from '../contact-tasks';
import { defineParsed } from './handler';

/** Closes a contact or follow-up task with its outcome (recorded as an attempt). */
export const completeContactTask = defineParsed(parseContactAttempt, (input, deps) => recordAttempt(input, deps, true));
