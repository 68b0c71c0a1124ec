/**
 * One way to run a shared schema on untrusted input, on the client (to mark fields) and in the cloud
 * (to refuse with `VALIDATION_FAILED` and the same per-field messages, docs/api.md). Never throws.
 */
import { z } from './zod-kit'; // also sets the Chinese locale, once

export type ValidationResult<T> =
  | { ok: true; data: T }
  | { ok: false; fields: Record<string, string>; message: string };

/**
 * The field labels a form schema carries (`withFieldLabels` in zod-kit.ts), for the summary line.
 * They travel with the schema rather than being imported here, so a page that validates one small
 * form does not pull every form's schema into its bundle.
 */
function labelsOf(schema: z.ZodType): Readonly<Record<string, string>> {
  const meta = schema.meta() as { fieldLabels?: Record<string, string> } | undefined;
  return meta?.fieldLabels ?? {};
}

export const NOT_AN_OBJECT_MESSAGE = '提交的内容格式不正确，请刷新页面后重新填写';
const SUMMARY_PREFIX = '填写的内容有误，请按提示修改';

/** Keys that would reach Object.prototype if used as property names of the field map. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? '_' : UNSAFE_KEYS.has(String(p)) ? `_${String(p)}` : String(p))).join('.');
}

/**
 * Parses `input` with `schema`. On failure: `fields` maps each dot path (`hukouAddress.regionCode`,
 * `qualifications.0.title`) to one Chinese message — the first issue of that path — and `message` sums
 * up which fields to fix. Issues with no path (input not an object at all) give no field, only `message`.
 */
export function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
  labels: Readonly<Record<string, string>> = labelsOf(schema),
): ValidationResult<T> {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch {
    // A schema bug or an input zod cannot walk (e.g. a getter that throws): refuse, never crash the caller.
    return { ok: false, fields: {}, message: NOT_AN_OBJECT_MESSAGE };
  }
  if (result.success) return { ok: true, data: result.data };

  const fields: Record<string, string> = {};
  const named: string[] = [];
  let rootMessage: string | undefined;
  for (const issue of result.error.issues) {
    if (issue.path.length === 0) {
      rootMessage ??= issue.code === 'invalid_type' ? NOT_AN_OBJECT_MESSAGE : issue.message;
      continue;
    }
    const key = pathKey(issue.path);
    if (Object.prototype.hasOwnProperty.call(fields, key)) continue;
    fields[key] = issue.message;
    const top = String(issue.path[0]);
    const label = Object.prototype.hasOwnProperty.call(labels, top) ? labels[top] : undefined;
    if (label && !named.includes(label)) named.push(label);
  }
  const count = Object.keys(fields).length;
  if (count === 0) return { ok: false, fields, message: rootMessage ?? NOT_AN_OBJECT_MESSAGE };
  const list = named.length > 5 ? `${named.slice(0, 5).join('、')}等${named.length}项` : named.join('、');
  const message = list ? `${SUMMARY_PREFIX}：${list}` : `${SUMMARY_PREFIX}（共${count}处）`;
  return { ok: false, fields, message };
}
