/**
 * Parse at the edge (docs/architecture.md "Parse at the edge, keep the type"): an action's untrusted
 * input turned into the handler's typed input, or refused with the VALIDATION_FAILED body of
 * docs/api.md — the field messages of the shared schema (shared/validate.ts), nothing read or stored.
 */
import type { Result } from '@shared/api';
import { fail } from '@shared/api';
import { validate } from '@shared/validate';
import type { z } from '@shared/zod-kit';

export interface SchemaOptions {
  /** the field labels of the summary line, when the schema carries none (shared/validate.ts) */
  labels?: Readonly<Record<string, string>>;
  /** the refusal's message from the field messages and the summary (staff forms: the rule first) */
  message?: (fields: Readonly<Record<string, string>>, summary: string) => string;
}

/** `validate` answered as the VALIDATION_FAILED body every handler gives (docs/api.md). */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, options: SchemaOptions = {}): Result<z.output<S>> {
  const v = options.labels ? validate(schema, input, options.labels) : validate(schema, input);
  if (v.ok) return { ok: true, data: v.data as z.output<S> };
  return fail('VALIDATION_FAILED', options.message ? options.message(v.fields, v.message) : v.message, v.fields);
}
