/** A contact attempt recorded with the task left open — the record AJC00A 31/32 rest on (core/contact-tasks.ts recordAttempt). */
import { parseContactAttempt, recordAttempt } from '../contact-tasks';
import { defineParsed } from './handler';

/** Records an attempt and leaves the task open (e.g. not reached, to try again later this month). */
export const recordContactAttempt = defineParsed(parseContactAttempt, (input, deps) => recordAttempt(input, deps, false));
