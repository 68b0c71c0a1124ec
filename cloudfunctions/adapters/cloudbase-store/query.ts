/**
 * Port conditions (store.port.ts) → a CloudBase where() object, for the store's find and count
 * (store.cloudbase.ts): db.command for equality, ranges and in, db.RegExp for a prefix.
 */
import type { Condition, Where } from '../../core/store.port';
import { checkCondition, checkField } from '../store.documents';
import type { CloudbaseCommandValue, CloudbaseDatabase } from './sdk';

/** Port conditions → a CloudBase where() object. */
export function toQuery(db: CloudbaseDatabase, where: Where): Record<string, unknown> {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new TypeError('where must be an object');
  const _ = db.command;
  const out: Record<string, unknown> = {};
  for (const [field, cond] of Object.entries(where)) {
    if (field !== '_id') checkField(field);
    out[field] = toCondition(db, field, cond);
  }
  return out;
  function toCondition(db: CloudbaseDatabase, field: string, cond: Condition): unknown {
    if (cond === null || typeof cond !== 'object') return _.eq(checkScalar(field, cond));
    if (!Array.isArray(cond) && 'in' in cond) {
      if (!Array.isArray(cond.in)) throw new TypeError(`${field}: in must be an array`);
      return _.in(cond.in.map((v) => checkScalar(field, v)));
    }
    const c = checkCondition(field, cond);
    if (c.kind === 'prefix') {
      // Anchored, metacharacters escaped, no flags: a plain case-sensitive "starts with".
      return db.RegExp({ regexp: '^' + escapeRegExp(c.prefix), options: '' });
    }
    if (c.kind !== 'range') throw new TypeError(`${field}: a condition is a scalar, { prefix }, { in } or a range of gt/gte/lt/lte`);
    const parts = c.bounds.map(([k, v]) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${field}: range bounds must be finite`);
      return _[k](v);
    });
    return parts.slice(1).reduce<unknown>((acc, p) => (acc as CloudbaseCommandValue).and(p), parts[0]);
  }
}

function checkScalar(field: string, v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  throw new TypeError(`${field}: conditions take strings, finite numbers, booleans or null`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
