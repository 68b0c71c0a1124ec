/**
 * What the document stores (store.sqlite.ts, store.mysql.ts) hold alike: a document is JSON text
 * with no `_id` and at least one field (CloudBase refuses an empty one), field names that go into
 * SQL text are plain dotted names, and a prefix condition is the range [prefix, successor).
 */
import type { Condition, Doc, Scalar } from '../core/store.port';

// Field names go into SQL text (JSON paths), so only plain dotted names are allowed: no quotes, no injection.
const FIELD_RE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export function checkField(field: string): void {
  if (typeof field !== 'string' || !FIELD_RE.test(field)) throw new TypeError(`invalid field name: ${JSON.stringify(field)}`);
}

/**
 * Documents are stored as JSON text: what comes back is a JSON copy (Dates become ISO strings,
 * undefined fields vanish), the same as what the CloudBase adapter stores. `_id` is never part
 * of a stored document (store.port.ts), so a doc taken from `find` can be written back as is.
 * An empty document is refused because CloudBase's doc.set refuses one too.
 */
export function serialise(doc: object): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be a plain object');
  // Copy only when there is an `_id` to leave out (a doc taken from `find`): the copy of a large
  // document costs about as much as its JSON.
  let plain: object = doc;
  if (Object.prototype.hasOwnProperty.call(doc, '_id')) {
    const { _id: _ignored, ...rest } = doc as Doc;
    plain = rest;
  }
  const json = JSON.stringify(plain);
  if (json === '{}') throw new TypeError('a document must have at least one field (CloudBase refuses empty documents)');
  return json;
}

/**
 * The smallest string greater than every string that starts with `p`: `p` with its last code
 * point incremented (UTF-8 byte order = code point order, which is how both SQL stores compare
 * text). null when there is none.
 */
export function successor(p: string): string | null {
  const cps = [...p];
  if (cps.length === 0) return null;
  const last = cps[cps.length - 1].codePointAt(0)!;
  if (last >= 0x10ffff) return null;
  const next = last === 0xd7ff ? 0xe000 : last + 1; // skip the surrogate range
  return cps.slice(0, -1).join('') + String.fromCodePoint(next);
}

export const RANGE_OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
export type RangeOp = keyof typeof RANGE_OPS;

/** A `find`/`count` condition (store.port.ts Condition), checked and sorted by kind. */
export type CheckedCondition =
  | { kind: 'scalar'; value: Scalar }
  | { kind: 'prefix'; prefix: string; upper: string | null }
  | { kind: 'in'; values: Scalar[]; strings: string[]; numbers: number[] }
  | { kind: 'range'; bounds: Array<readonly [RangeOp, string | number]>; numeric: boolean };

/**
 * The shape of a condition, the same for every store: a scalar, `{ prefix }` (with the upper end
 * of its range, see successor), `{ in }` of strings, finite numbers, booleans and null, or a range
 * whose bounds are all strings or all numbers. A malformed one is a TypeError.
 */
export function checkCondition(field: string, cond: Condition): CheckedCondition {
  if (cond === null || typeof cond !== 'object') return { kind: 'scalar', value: cond };
  if (Array.isArray(cond)) throw new TypeError(`${field}: arrays are not conditions; use { in: [...] }`);
  if ('prefix' in cond) {
    const p = cond.prefix;
    if (typeof p !== 'string') throw new TypeError(`${field}: prefix must be a string`);
    return { kind: 'prefix', prefix: p, upper: successor(p) };
  }
  if ('in' in cond) {
    const values = cond.in;
    if (!Array.isArray(values)) throw new TypeError(`${field}: in must be an array`);
    for (const v of values) {
      if (!(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) {
        throw new TypeError(`${field}: in takes strings, finite numbers, booleans or null`);
      }
    }
    const strings = values.filter((v): v is string => typeof v === 'string');
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return { kind: 'in', values, strings, numbers };
  }
  const keys = Object.keys(cond);
  if (keys.length === 0 || keys.some((k) => !(k in RANGE_OPS))) {
    throw new TypeError(`${field}: a condition is a scalar, { prefix }, { in } or a range of gt/gte/lt/lte`);
  }
  const bounds = keys.map((k) => [k as RangeOp, (cond as Record<string, string | number>)[k]] as const);
  const kinds = new Set(bounds.map(([, v]) => typeof v));
  if (kinds.size !== 1 || !(kinds.has('string') || kinds.has('number'))) {
    throw new TypeError(`${field}: range bounds must be all strings or all numbers`);
  }
  return { kind: 'range', bounds, numeric: kinds.has('number') };
}
