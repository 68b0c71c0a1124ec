/**
 * For the CloudBase store (store.cloudbase.ts): ids and documents as CloudBase takes them, and
 * what its errors mean.
 */
import type { Doc } from '../../core/store.port';

export function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
}

/**
 * A JSON copy without `_id`: the same values SQLite stores (Dates become strings), and `set`
 * refuses data containing `_id` or empty data (Document.set; SDK asserts).
 */
export function normalise(doc: object): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be a plain object');
  const { _id: _ignored, ...rest } = doc as Doc;
  const copy = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  if (Object.keys(copy).length === 0) throw new TypeError('a document must have at least one field (CloudBase refuses empty documents)');
  return copy;
}

export function stripId(d: unknown): Doc {
  const { _id: _ignored, ...rest } = d as Record<string, unknown>;
  return rest;
}

/**
 * doc.get() on a missing doc rejects by default (Document.get: "默认情况下，如果获取不到记录，方法会
 * 抛出异常"); wx-server-sdk 4.0.2 rejects with an Error whose errMsg reads
 * "document.get:fail document with _id … does not exist".
 */
export function isNotFound(e: unknown): boolean {
  return /does not exist/.test(errorText(e));
}

/**
 * A transaction conflict: at commit the SDK rethrows the raw response `{ code:
 * 'DATABASE_TRANSACTION_CONFLICT' }` once its own retries are used up; inside doc calls the
 * server's message survives only in errMsg, hence the text match.
 */
export function isConflict(e: unknown): boolean {
  if (e && typeof e === 'object' && (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /transaction[ _]?conflict|write ?conflict/i.test(errorText(e));
}

export function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { errMsg?: unknown; message?: unknown; code?: unknown };
    return [o.code, o.errMsg, o.message].filter((x) => typeof x === 'string').join(' ') || String(e);
  }
  return String(e);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
