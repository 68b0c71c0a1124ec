import type { ActionName, Result } from '@shared/api';
import type { ActionOutput } from '@shared/contract';
import type { Deps } from '../deps';

/** A handler is `(input, deps) => Promise<Result>` (docs/architecture.md). */
export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;
/**
 * Handlers by action, each answering its action's output in shared/contract.ts: a handler whose answer
 * no longer matches the contract (a field renamed on either side) fails to compile here.
 */
export type HandlerMap = { [A in ActionName]?: (input: unknown, deps: Deps) => Promise<Result<ActionOutput<A>>> };
