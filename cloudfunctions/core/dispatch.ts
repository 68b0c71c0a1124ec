/** Every action's handler behind one dispatcher: the local gateway, tests and the benchmark use it. */
import { makeDispatch } from './dispatch.core';
import { HANDLERS } from './handlers';

export type { Answer, DispatchOptions } from './dispatch.core';
export const dispatch = makeDispatch(HANDLERS);
