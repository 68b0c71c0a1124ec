import type { ActionName, Result } from '@shared/api';
import type { ActionOutput } from '@shared/contract';
import type { z } from '@shared/zod-kit';
import type { Deps } from '../deps';
import { parseWith, type SchemaOptions } from '../parse';
import type { Parse, ParsedHandler } from '../parsed-handler';

export type { ParsedHandler };

/**
 * A handler is `(input, deps) => Promise<Result>` (docs/architecture.md). One made with
 * `defineHandler` or `defineParsed` also carries its parse step and its body: dispatch runs `parse`
 * first and answers its refusal as it is (VALIDATION_FAILED with the field messages, nothing read or
 * stored), and only then calls `handle` with the parsed, typed input. Called directly (an in-process
 * test), it does the same two steps.
 */
export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;

/** A handler whose input `parse` produces (a hand-written check where no shared schema says it). */
export function defineParsed<T, O>(parse: Parse<T>, handle: (input: T, deps: Deps) => Promise<Result<O>>): ParsedHandler<T, O> {
  const run = async (input: unknown, deps: Deps): Promise<Result<O>> => {
    const p = parse(input, deps);
    return p.ok ? handle(p.data, deps) : p;
  };
  return Object.assign(run, { parse, handle });
}

/**
 * A handler whose input is a shared schema's output (as cal.com's `.input(schema)`): `schema` is the
 * schema, or the schema of this call (a form whose rules count from today, core/schema-cache.ts).
 */
export function defineHandler<S extends z.ZodType, O>(
  schema: S | ((deps: Deps) => S),
  handle: (input: z.output<S>, deps: Deps) => Promise<Result<O>>,
  options: SchemaOptions = {},
): ParsedHandler<z.output<S>, O> {
  return defineParsed((input, deps) => parseWith(typeof schema === 'function' ? schema(deps) : schema, input, options), handle);
}

/**
 * Handlers by action, each answering its action's output in shared/contract.ts: a handler whose answer
 * no longer matches the contract (a field renamed on either side) fails to compile here. A parsed
 * handler is one too (it parses when called directly); a read that takes nothing keeps
 * `(input: unknown, deps)`.
 */
export type HandlerMap = { [A in ActionName]?: (input: unknown, deps: Deps) => Promise<Result<ActionOutput<A>>> };
