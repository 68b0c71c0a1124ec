/**
 * The SQL that `find` and `count` run on the MySQL store (store.mysql.ts). Comparison follows the
 * document database (and store.sqlite.ts): a number never equals a string, a boolean never equals
 * a number, null matches a missing field, ranges stay within their own type, strings compare by
 * code point.
 */
import type { Collection, Condition, FindOptions, Scalar, Where } from '../../core/store.port';
import { checkCondition, checkField, RANGE_OPS } from '../store.documents';
import { jtype, jx, MYSQL_COLUMNS, numberExpr, stringExpr, tableOf, type ColumnType } from './schema';

const DEFAULT_LIMIT = 1000;

function columnOf(collection: Collection, field: string, type: ColumnType): string | null {
  return (MYSQL_COLUMNS[collection] ?? []).some((c) => c.field === field && c.type === type) ? `${type}_${field}` : null;
}

const sExpr = (collection: Collection, field: string) => (field === '_id' ? 'id' : columnOf(collection, field, 's') ?? stringExpr(field));
const nExpr = (collection: Collection, field: string) => columnOf(collection, field, 'n') ?? numberExpr(field);

/** Which type a condition pins the field to (lets ORDER BY use the index instead of a type rank). */
function conditionType(cond: Condition): ColumnType | null {
  if (typeof cond === 'string') return 's';
  if (typeof cond === 'number') return 'n';
  if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
    if ('prefix' in cond) return 's';
    if ('in' in cond) return null;
    const v = Object.values(cond)[0];
    return typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : null;
  }
  return null;
}

function conditionSql(collection: Collection, field: string, cond: Condition, params: unknown[]): string {
  if (field !== '_id') checkField(field);
  const isId = field === '_id';
  const s = sExpr(collection, field);
  const scalar = (v: Scalar): string => {
    if (v === null) return isId ? '0' : `(${jx(field)} IS NULL OR ${jtype(field)} = 'NULL')`;
    if (typeof v === 'string') {
      params.push(v);
      return `${s} = ?`;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`${field}: numbers in conditions must be finite`);
      if (isId) return '0';
      params.push(v);
      return `${nExpr(collection, field)} = ?`;
    }
    if (typeof v === 'boolean') {
      if (isId) return '0';
      return `(${jtype(field)} = 'BOOLEAN' AND JSON_UNQUOTE(${jx(field)}) = '${v ? 'true' : 'false'}')`;
    }
    throw new TypeError(`${field}: unsupported condition value`);
  };

  const c = checkCondition(field, cond);
  if (c.kind === 'scalar') return scalar(c.value);

  if (c.kind === 'prefix') {
    const p = c.prefix;
    if (c.upper !== null) {
      params.push(p, c.upper);
      return `(${s} >= ? AND ${s} < ?)`;
    }
    params.push(p, Buffer.byteLength(p, 'utf8'), p);
    return `(${s} >= ? AND SUBSTRING(${s}, 1, ?) = CAST(? AS BINARY))`;
  }

  if (c.kind === 'in') {
    const parts: string[] = [];
    if (c.strings.length) {
      params.push(c.strings);
      parts.push(`${s} IN (?)`);
    }
    if (c.numbers.length && !isId) {
      params.push(c.numbers);
      parts.push(`${nExpr(collection, field)} IN (?)`);
    }
    for (const v of c.values) if (v === null || typeof v === 'boolean') parts.push(scalar(v));
    return parts.length ? `(${parts.join(' OR ')})` : '0';
  }

  if (c.numeric && isId) return '0';
  const x = c.numeric ? nExpr(collection, field) : s;
  return `(${c.bounds.map(([k, v]) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${field}: range bounds must be finite`);
    params.push(v);
    return `${x} ${RANGE_OPS[k]} ?`;
  }).join(' AND ')})`;
}

function whereSql(collection: Collection, where: Where): { clause: string; params: unknown[] } {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new TypeError('where must be an object');
  const params: unknown[] = [];
  const parts = Object.entries(where).map(([field, cond]) => conditionSql(collection, field, cond, params));
  return { clause: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * ORDER BY one field, ties by id. Values of mixed types sort as in SQLite (missing/null, then
 * numbers, then strings); when the query's condition already pins the field to one type, the
 * order is by that column alone, which an index can deliver without sorting.
 */
function orderSql(collection: Collection, where: Where, options: FindOptions): string {
  if (!options.orderBy) return 'id ASC';
  const { field, direction } = options.orderBy;
  if (direction !== 'asc' && direction !== 'desc') throw new TypeError('direction must be asc or desc');
  const dir = direction.toUpperCase();
  if (field === '_id') return `id ${dir}`;
  checkField(field);
  const pinned = field in where ? conditionType(where[field]) : null;
  const s = sExpr(collection, field);
  const n = nExpr(collection, field);
  if (pinned === 's') return `${s} ${dir}, id ASC`;
  if (pinned === 'n') return `${n} ${dir}, id ASC`;
  // An indexed field has one type (its column): order by the column, which the index delivers
  // (store.port.ts: the order across value types is not part of the contract).
  const hasS = columnOf(collection, field, 's') !== null;
  const hasN = columnOf(collection, field, 'n') !== null;
  if (hasS && !hasN) return `${s} ${dir}, id ASC`;
  if (hasN && !hasS) return `${n} ${dir}, id ASC`;
  return `(${s} IS NOT NULL) ${dir}, ${n} ${dir}, ${s} ${dir}, id ASC`;
}

/** The SELECT that `find` runs (exported so tests can EXPLAIN it). `sql` is null when the limit is 0. */
export function findSql(collection: Collection, where: Where, options: FindOptions = {}): { sql: string | null; params: unknown[] } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError('limit must be a non-negative integer');
  const table = tableOf(collection);
  const { clause, params } = whereSql(collection, where);
  const order = orderSql(collection, where, options);
  if (limit === 0) return { sql: null, params: [] };
  return { sql: `SELECT id, data FROM ${table}${clause} ORDER BY ${order} LIMIT ${limit}`, params };
}

export function countSql(collection: Collection, where: Where): { sql: string; params: unknown[] } {
  const table = tableOf(collection);
  const { clause, params } = whereSql(collection, where);
  return { sql: `SELECT COUNT(*) AS n FROM ${table}${clause}`, params };
}
