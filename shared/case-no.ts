/**
 * 办件编号 (issue 17): a short number a person can read out on the phone, on every application answer
 * and its 回执. Made from the application itself — kind, the Beijing date it was submitted, and six
 * characters of a hash of its id in Crockford's base 32 (no I, L, O, U: nothing to mistake for 1 or 0)
 * — so it needs no counter and never changes: `SY-260512-K7Q2MA`. 32⁶ ≈ 1 billion values per kind
 * and day with six characters (30 bits): among 1,000 applications of one kind in one day the chance
 * that any two share a number is about 0.05 %. It is for reading out, not a key: the id stays what
 * tells applications apart.
 */
import type { ApplicationKind } from './api';
import { isValidCompactDate } from './dates';

const PREFIX: Record<ApplicationKind, string> = { certificate: 'SL', unemployment: 'SY', flexible: 'LH' };
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** FNV-1a, 32 bits: small, fast, the same on every platform (shared/ imports nothing platform-specific). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `beijingDay` is YYYY-MM-DD (the submission's Beijing date). */
export function caseNoOf(kind: ApplicationKind, applicationId: string, beijingDay: string): string {
  let h = fnv1a(applicationId);
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail += ALPHABET[h & 31];
    h >>>= 5;
  }
  return `${PREFIX[kind] ?? 'BJ'}-${beijingDay.slice(2, 4)}${beijingDay.slice(5, 7)}${beijingDay.slice(8, 10)}-${tail}`;
}

export const CASE_NO_PATTERN = /^(SL|SY|LH)-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

const KIND_OF_PREFIX: Record<string, ApplicationKind> = { SL: 'certificate', SY: 'unemployment', LH: 'flexible' };

/**
 * A 办件编号 as a person reads it out or types it — lower case, spaces, no hyphens — in its written form,
 * or undefined when it cannot be one. Crockford's letters read for digits (O → 0, I and L → 1) are
 * taken as the digits they stand for, in the tail only (the prefix is letters).
 */
export function normalizeCaseNo(raw: string): string | undefined {
  const s = raw.replace(/[\s\u3000-]/g, '').toUpperCase();
  const m = /^(SL|SY|LH)(\d{6})([0-9A-Z]{6})$/.exec(s);
  if (!m) return undefined;
  const tail = m[3].replace(/O/g, '0').replace(/[IL]/g, '1');
  const caseNo = `${m[1]}-${m[2]}-${tail}`;
  return CASE_NO_PATTERN.test(caseNo) ? caseNo : undefined;
}

/** The kind and the Beijing submission day (YYYY-MM-DD) a written 办件编号 names; undefined for a malformed one. */
export function parseCaseNo(caseNo: string): { kind: ApplicationKind; day: string } | undefined {
  if (!CASE_NO_PATTERN.test(caseNo)) return undefined;
  const d = caseNo.slice(3, 9);
  if (!isValidCompactDate(`20${d}`)) return undefined;
  return { kind: KIND_OF_PREFIX[caseNo.slice(0, 2)], day: `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}` };
}
