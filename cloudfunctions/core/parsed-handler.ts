/**
 * A handler that carries its parse step (core/handlers/handler.ts `defineHandler`, `defineParsed`;
 * core/parse.ts): dispatch runs `parse`, then `handle` with the parsed input. Kept apart, with no
 * schema code, so that dispatch — in every function's bundle — brings neither a handler module nor zod.
 */
import type { Result } from '@shared/api';
import type { Deps } from './deps';

/** What turns the untrusted input into the handler's input, or refuses it; no effect of its own. */
export type Parse<T> = (input: unknown, deps: Deps) => Result<T>;

export interface ParsedHandler<T, O> {
  (input: unknown, deps: Deps): Promise<Result<O>>;
  readonly parse: Parse<T>;
  readonly handle: (input: T, deps: Deps) => Promise<Result<O>>;
}

export function isParsedHandler(h: unknown): h is ParsedHandler<unknown, unknown> {
  return typeof h === 'function' && typeof (h as { parse?: unknown }).parse === 'function' && typeof (h as { handle?: unknown }).handle === 'function';
}
