/**
 * A submission's input (申领电子证, 失业登记, 灵活就业): the form's schema, plus what rides along beside
 * the form — `onBehalfOf` (a helper submitting for the person, core/person-access.ts) and
 * `correctsApplicationId` (退回补正) — checked first, then the form, each refused with its field
 * message (docs/api.md VALIDATION_FAILED).
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import type { z } from '@shared/zod-kit';
import { parseWith } from './parse';
import { splitSubmissionExtras } from './submit';

export interface SubmissionInput<T> {
  form: T;
  onBehalfOf?: string;
  correctsApplicationId?: string;
}

export function parseSubmission<S extends z.ZodType>(schema: S, input: unknown): Result<SubmissionInput<z.output<S>>> {
  const split = splitSubmissionExtras(input);
  if (split.error) return fail('VALIDATION_FAILED', split.error.message, { [split.error.field]: split.error.message });
  const form = parseWith(schema, split.input);
  if (!form.ok) return form;
  return ok({ form: form.data, onBehalfOf: split.onBehalfOf, correctsApplicationId: split.correctsApplicationId });
}
