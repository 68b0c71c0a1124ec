import type { ActionName, Result } from '@shared/api';
import type { Deps } from '../deps';

/** A handler is `(input, deps) => Promise<Result>` (docs/architecture.md). */
export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;
export type HandlerMap = Partial<Record<ActionName, Handler>>;
