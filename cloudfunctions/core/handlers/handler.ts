import type { ActionName, Result } from '@shared/api';
import { fail } from '@shared/api';
import type { ActionOutput } from '@shared/contract';
import { validate } from '@shared/validate';
import type { z } from '@shared/zod-kit';
import type { Deps } from '../deps';

/**
 * A handler is `(input, deps) => Promise<Result>` (docs/architecture.md). One made with
 * `defineHandler` or `defineParsed` also carries its parse step and its body: dispatch runs `parse`
 * first and answers its refusal as it is (VALIDATION_FAILED with the field messages, nothing read or
 * stored), and only then calls `handle` with the parsed, typed input. Called directly (an in-process
 * test), it does the same two steps.
 */
export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;

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

/** A handler whose input `parse` produces (a hand-written check where no shared schema says it). */
export function defineParsed<T, O>(parse: Parse<T>, handle: (input: T, deps: Deps) => Promise<Result<O>>): ParsedHandler<T, O> {
  const run = async (input: unknown, deps: Deps): Promise<Result<O>> => {
    const p = parse(input, deps);
    return p.ok ? handle(p.data, deps) : p;
  };
  return Object.assign(run, { parse, handle });
}

export interface SchemaOptions {
  /** the field labels of the summary line, when the schema carries none (shared/validate.ts) */
  labels?: Readonly<Record<string, string>>;
  /** the refusal's message from the field messages and the summary (staff forms: the rule first) */
  message?: (fields: Readonly<Record<string, string>>, summary: string) => string;
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

/** `validate` answered as the VALIDATION_FAILED body every handler gives (docs/api.md). */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, options: SchemaOptions = {}): Result<z.output<S>> {
  const v = options.labels ? validate(schema, input, options.labels) : validate(schema, input);
  if (v.ok) return { ok: true, data: v.data as z.output<S> };
  return fail('VALIDATION_FAILED', options.message ? options.message(v.fields, v.message) : v.message, v.fields);
}

/**
 * Handlers by action, each answering its action's output in shared/contract.ts: a handler whose answer
 * no longer matches the contract (a field renamed on either side) fails to compile here. A parsed
 * handler is one too (it parses when called directly); a read that takes nothing keeps
 * `(input: unknown, deps)`.
 */
export type HandlerMap = { [A in ActionName]?: (input: unknown, deps: Deps) => Promise<Result<ActionOutput<A>>> };
