/**
 * The SQL that `find` and `count` run on the SQLite store (store.sqlite.ts): the port's conditions
 * (store.port.ts) written as WHERE terms over the JSON documents, shaped so that the partial
 * indexes of schema.ts apply.
 */
import type { Condition, FindOptions, Scalar, Where } from '../../core/store.port';
import { checkCondition, RANGE_OPS } from '../store.documents';
import { checkCollection, COLLECTION_INDEXES, fieldExpr } from './schema';

const DEFAULT_LIMIT = 1000;

function typeExpr(field: string): string {
  return `json_type(data, '$.${field}')`;
}

const NUMERIC = `IN ('integer', 'real')`;
/** Per collection, the fields that lead one of its indexes (an equality on one of them picks it). */
const LEADING: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(COLLECTION_INDEXES).map(([c, lists]) => [c, new Set((lists ?? []).map((fields) => fields[0]))]),
);
const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * One condition → SQL. Comparisons follow the document database (MongoDB/CloudBase) rather than
 * SQLite's loose typing: json_extract turns true/false into 1/0 and SQLite orders every number
 * below every string, so number and boolean tests also check json_type, and ranges are bounded
 * to their own type (numbers: `< ''`, the smallest text; strings: `>= ''`). Null equality
 * matches a missing field too, as in CloudBase.
 */
function conditionSql(field: string, cond: Condition, params: unknown[], demote: boolean): string {
  const x = fieldExpr(field);
  // `+x` (a no-op on the value) keeps a range/prefix term from being used to pick an index.
  const r = demote ? `+${x}` : x;
  const isId = field === '_id';
  const scalar = (v: Scalar): string => {
    if (v === null) return `${x} IS NULL`;
    if (typeof v === 'string') {
      params.push(v);
      return `${x} = ?`;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`${field}: numbers in conditions must be finite`);
      if (isId) return '0';
      params.push(v);
      return `(${x} = ? AND ${typeExpr(field)} ${NUMERIC})`;
    }
    if (typeof v === 'boolean') {
      if (isId) return '0';
      params.push(v ? 1 : 0);
      return `(${x} = ? AND ${typeExpr(field)} = '${v ? 'true' : 'false'}')`;
    }
    throw new TypeError(`${field}: unsupported condition value`);
  };

  const c = checkCondition(field, cond);
  if (c.kind === 'scalar') return scalar(c.value);

  if (c.kind === 'prefix') {
    const p = c.prefix;
    if (c.upper !== null) {
      params.push(p, c.upper);
      return `(${r} >= ? AND ${r} < ?)`;
    }
    // Empty prefix (any string), or a prefix ending in U+10FFFF, which has no successor.
    params.push(p, [...p].length, p);
    return `(${r} >= ? AND substr(${x}, 1, ?) = ?)`;
  }

  if (c.kind === 'in') {
    if (c.values.length === 0) return '0';
    const parts: string[] = [];
    if (c.strings.length) {
      params.push(...c.strings);
      parts.push(`${x} IN (${c.strings.map(() => '?').join(', ')})`);
    }
    if (c.numbers.length && !isId) {
      params.push(...c.numbers);
      parts.push(`(${x} IN (${c.numbers.map(() => '?').join(', ')}) AND ${typeExpr(field)} ${NUMERIC})`);
    }
    for (const v of c.values) if (v === null || typeof v === 'boolean') parts.push(scalar(v));
    return parts.length ? `(${parts.join(' OR ')})` : '0';
  }

  if (c.numeric && isId) return '0'; // ids are strings: no number is in range
  const parts = c.bounds.map(([k, v]) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${field}: range bounds must be finite`);
    params.push(v);
    return `${r} ${RANGE_OPS[k]} ?`;
  });
  const has = (...ops: string[]) => c.bounds.some(([k]) => ops.includes(k));
  if (c.numeric) {
    if (!has('lt', 'lte')) parts.push(`${r} < ''`);
    parts.push(`${typeExpr(field)} ${NUMERIC}`);
  } else if (!has('gt', 'gte')) {
    parts.push(`${r} >= ''`);
  }
  return `(${parts.join(' AND ')})`;
}

function whereSql(collection: string, where: Where): { clause: string; params: unknown[] } {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new TypeError('where must be an object');
  const params: unknown[] = [];
  const entries = Object.entries(where);
  // SQLite's planner, without statistics on expressions, rates a range on one indexed field
  // above equality on another (it picked `region` prefix 2102 — a whole city — over
  // `status = pending_review`). Equality on an indexed field is the better bet, so when there
  // is one, range and prefix terms are only filters.
  const leading = LEADING.get(collection) ?? NO_FIELDS;
  const demote = entries.some(([f, c]) => leading.has(f) && c !== null && typeof c !== 'object');
  const parts = entries.map(([field, cond]) => conditionSql(field, cond, params, demote));
  return { clause: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * The collection is written into the SQL as a literal (validated: COLLECTION_RE), not bound:
 * SQLite picks a partial index only when the query's WHERE provably implies the index's, and a
 * bound parameter proves nothing at prepare time.
 *
 * The SELECT that `find` runs (exported so tests can EXPLAIN it and see the indexes used).
 * `sql` is null when the limit is 0. Ties in the order field are broken by id, so paging and
 * tests see a stable order (the CloudBase adapter does the same).
 */
export function findSql(collection: string, where: Where, options: FindOptions = {}): { sql: string | null; params: unknown[] } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError('limit must be a non-negative integer');
  checkCollection(collection);
  const { clause, params } = whereSql(collection, where);
  let order = 'id ASC';
  if (options.orderBy) {
    const { field, direction } = options.orderBy;
    if (direction !== 'asc' && direction !== 'desc') throw new TypeError('direction must be asc or desc');
    order = field === '_id' ? `id ${direction.toUpperCase()}` : `${fieldExpr(field)} ${direction.toUpperCase()}, id ASC`;
  }
  if (limit === 0) return { sql: null, params: [] };
  return {
    sql: `SELECT id, data FROM docs WHERE collection = '${collection}'${clause} ORDER BY ${order} LIMIT ${limit}`,
    params,
  };
}

/** The count that `count` runs (same WHERE as findSql). */
export function countSql(collection: string, where: Where): { sql: string; params: unknown[] } {
  checkCollection(collection);
  const { clause, params } = whereSql(collection, where);
  return { sql: `SELECT count(*) AS n FROM docs WHERE collection = '${collection}'${clause}`, params };
}
