/** The handlers of the CloudBase function `scheduler` (the timer). */
import type { HandlerMap } from './handler';
import { runScheduler } from './scheduler.handler';

export const SCHEDULER_HANDLERS: HandlerMap = { runScheduler };
