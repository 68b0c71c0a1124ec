/**
 * Small helpers the shared schemas are built from. Importing this module also switches zod's generic
 * messages to Chinese (docs/forms.md: zod 4 ships `z.locales.zhCN()`); every field still carries its own
 * message that says how to fix the value, so the generic ones show only for shapes no form produces.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest string any rule looks into; longer input is refused by length before any pattern runs. */
export const MAX_INPUT_CHARS = 2000;

/** Number of characters as a person counts them (code points: 𠀀 is one character, not two). */
export function charCount(s: string): number {
  if (s.length > MAX_INPUT_CHARS) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Characters no field of any form may hold (docs/security.md "Control and direction characters"):
 * C0 controls but the line feed of multi-line text, DEL, C1 controls, the bidi embeddings,
 * overrides, isolates and marks (U+202E turns "gpj.exe" into "exe.jpg" on screen), the invisible
 * zero-width space, word joiner and BOM, and lone surrogates (not text at all). The zero-width
 * joiner and non-joiner stay allowed in free text: emoji sequences (👩‍👩‍👧) and some scripts need
 * them; names refuse them by their own character set (person.schema.ts `nameProblem`).
 */
const FORBIDDEN_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHAR_MESSAGE = '内容中有看不见的控制字符或方向符号（常见于从别处复制的文字），请删除后重新填写';

/** The message for text holding a forbidden character, else undefined. */
export function controlCharProblem(s: string): string | undefined {
  return FORBIDDEN_CHARS.test(s) ? CONTROL_CHAR_MESSAGE : undefined;
}

/**
 * Every text value is NFC-normalised (one spelling for é or a CJK compatibility ideograph, so
 * equal text compares equal and the export carries one form) and its line ends made `\n`.
 */
export function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * A required text field: `missing` is the message when it is absent, empty or not text (it should say
 * what to fill in); `rule` returns the message of the first thing wrong with the trimmed value, or
 * undefined. One field, at most one message. Control and direction characters are refused in every
 * text field before its own rule runs.
 */
export function text(
  missing: string,
  rule: (s: string) => string | undefined = () => undefined,
  normalize: (s: string) => string = (s) => s,
) {
  return z
    .string({ error: missing })
    .overwrite((s) => (s.length > MAX_INPUT_CHARS ? s : normalize(normalizeText(s.trim()))))
    .superRefine((s, ctx) => {
      const message = s === '' ? missing : s.length > MAX_INPUT_CHARS ? `${missing}（内容过长）` : controlCharProblem(s) ?? rule(s);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
}

/** Treats '', whitespace-only text and null as "not given", which is what a cleared form control sends. */
export function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** An optional text field: blank means absent; when given, `rule` applies as in `text`. */
export function optionalText(
  invalid: string,
  rule: (s: string) => string | undefined = () => undefined,
  normalize?: (s: string) => string,
) {
  return z.preprocess(blankToUndefined, text(invalid, rule, normalize).optional());
}

/** An optional code field (blank means absent). */
export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());
}

type Payload = { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] };

/**
 * `when` for a cross-field rule: run it only when the value is an object and none of `keys` has an issue
 * yet. zod skips object refinements once any field fails; this lets a form with one bad field still get
 * every cross-field message that does not depend on that field, in one round trip.
 */
export function whenClean(keys: readonly string[]) {
  return (payload: Payload): boolean =>
    isRecord(payload.value) &&
    !payload.issues.some((issue) => issue.path !== undefined && issue.path.length > 0 && keys.includes(String(issue.path[0])));
}

/** True when a field already has an issue (used inside cross-field rules that read several fields). */
export function hasIssue(payload: Payload, key: string): boolean {
  return payload.issues.some((issue) => issue.path !== undefined && issue.path.length > 0 && String(issue.path[0]) === key);
}

/**
 * A list a form shows as fixed rows (职业资格 ×3, 求职意向 ×3). Blank rows are allowed and left out of the
 * output; they are not removed before checking, so an error keeps the index of the row the person sees
 * (`qualifications.1.title` is the second row even when the first is blank).
 */
export function rows<S extends z.ZodType>(
  item: S,
  isBlank: (row: unknown) => boolean,
  max: number,
  messages: { invalid: string; tooMany: string },
) {
  return z.preprocess(
    blankToUndefined,
    z
      .array(z.preprocess((row) => (isBlank(row) ? undefined : row), item.optional()), { error: messages.invalid })
      .max(max, messages.tooMany)
      .transform((list) => {
        const kept = list.filter((row) => row !== undefined) as z.output<S>[];
        return kept.length === 0 ? undefined : kept;
      })
      .optional(),
  );
}

/** Attaches the form's field labels to its schema (zod metadata), for validate()'s summary line. */
export function withFieldLabels<T extends z.ZodType>(schema: T, fieldLabels: Readonly<Record<string, string>>): T {
  return schema.meta({ fieldLabels }) as T;
}
