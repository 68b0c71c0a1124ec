/**
 * One attempt of a MySQL store transaction (store.mysql.ts) on a connection of its own, and what
 * the adapter makes of the server's errors: deadlock (1213) and lock wait timeout (1205) are
 * retried, a lost connection before COMMIT too, a connection lost during COMMIT is not (it may
 * have landed).
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import type mysql from 'mysql2/promise';
import { StoreUnavailableError, TransactionConflictError, type Collection, type Doc, type StoreTx } from '../../core/store.port';
import { serialise } from '../store.documents';
import { MAX_ID_BYTES, MYSQL_INDEXES, tableOf } from './schema';

export const RETRYABLE_ERRNO = new Set([1213, 1205]);
const LOST_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'PROTOCOL_SEQUENCE_TIMEOUT']);
const LOST_ERRNO = new Set([2006, 2013, 1927, 4031, 1053]); // gone away, lost during query, killed, idle timeout, shutdown

export interface MysqlError { errno?: number; code?: string; fatal?: boolean; message?: string; sqlMessage?: string }
export const isLost = (e: MysqlError) => !!e && (e.fatal === true || LOST_CODES.has(e.code ?? '') || LOST_ERRNO.has(e.errno ?? 0));
export const isRetryable = (e: MysqlError) => !!e && (RETRYABLE_ERRNO.has(e.errno ?? 0) || isLost(e));

/** What one attempt gave: its value, or the error and whether running fn again is safe. */
export type TxOutcome<R> = { ok: true; value: R } | { ok: false; error: MysqlError; retry: boolean };

/** Runs fn once inside START TRANSACTION … COMMIT on a connection taken from the pool. */
export async function txOnce<R>(pool: mysql.Pool, inTransaction: AsyncLocalStorage<true>, fn: (tx: StoreTx) => Promise<R>): Promise<TxOutcome<R>> {
  let conn: mysql.PoolConnection;
  try {
    conn = await pool.getConnection();
  } catch (e) {
    return { ok: false, error: e as MysqlError, retry: isLost(e as MysqlError) };
  }
  let broken: MysqlError | null = null; // a retryable failure seen by a tx call (fn may have swallowed it)
  let active = true;
  let lost = false;
  const q = async <T>(sql: string, params: unknown[]): Promise<T> => {
    if (!active) throw new Error('transaction already finished: await every tx call inside fn');
    if (broken) throw broken;
    try {
      const [rows] = await conn.query(sql, params);
      return rows as T;
    } catch (e) {
      if (isRetryable(e as MysqlError)) broken = e as MysqlError;
      if (isLost(e as MysqlError)) lost = true;
      throw e;
    }
  };
  const tx: StoreTx = {
    async get<T extends object = Doc>(collection: Collection, id: string) {
      checkId(collection, id);
      const rows = await q<Array<{ data: string }>>(`SELECT data FROM ${tableOf(collection)} WHERE id = ? FOR UPDATE`, [id]);
      return rows.length ? (JSON.parse(rows[0].data) as T) : null;
    },
    async put(collection, id, doc) {
      checkId(collection, id);
      await putSql(q, collection, id, serialise(doc));
    },
    async create(collection, id, doc) {
      checkId(collection, id);
      return createSql(q, collection, id, serialise(doc));
    },
    async remove(collection, id) {
      checkId(collection, id);
      await q(`DELETE FROM ${tableOf(collection)} WHERE id = ?`, [id]);
    },
  };
  try {
    await conn.query('START TRANSACTION');
    let value: R;
    try {
      value = await inTransaction.run(true, () => fn(tx));
    } catch (e) {
      active = false;
      await rollback(conn, lost);
      if (broken) return { ok: false, error: broken, retry: true };
      throw e;
    }
    active = false;
    if (broken) {
      await rollback(conn, lost);
      return { ok: false, error: broken, retry: true };
    }
    try {
      await conn.query('COMMIT');
    } catch (e) {
      const err = e as MysqlError;
      if (isLost(err)) {
        lost = true;
        // The commit may have landed: rerunning fn could do its work twice. 503; the caller's
        // retry (same requestId) reads what landed.
        return { ok: false, error: err, retry: false };
      }
      await rollback(conn, false);
      if (RETRYABLE_ERRNO.has(err.errno ?? 0)) return { ok: false, error: err, retry: true };
      throw e;
    }
    return { ok: true, value };
  } catch (e) {
    if (isLost(e as MysqlError)) {
      lost = true;
      return { ok: false, error: e as MysqlError, retry: true };
    }
    throw e;
  } finally {
    if (lost) conn.destroy();
    else conn.release();
  }
}

export async function rollback(conn: mysql.PoolConnection, lost: boolean): Promise<void> {
  if (lost) return; // the server rolls back a transaction whose connection is gone
  try {
    await conn.query('ROLLBACK');
  } catch {
    // a connection that cannot roll back is destroyed by the caller's finally (lost is set by q)
  }
}

export function unavailable(e: MysqlError | null): Error {
  const what = e?.errno === 1213 ? 'deadlock' : e?.errno === 1205 ? 'lock wait timeout' : `connection: ${e?.code ?? e?.message ?? 'lost'}`;
  return new StoreUnavailableError(`database unavailable after retries (${what})`);
}

/** A failed statement outside a transaction: a lost server is "unavailable" (503), a lock conflict a conflict. */
export function toPortError(e: MysqlError): Error {
  if (isLost(e)) return new StoreUnavailableError(`database unavailable (${e.code ?? e.errno})`);
  if (RETRYABLE_ERRNO.has(e.errno ?? 0)) return new TransactionConflictError(`database conflict (${e.errno})`);
  return e as Error;
}

type Q = <T>(sql: string, params: unknown[]) => Promise<T>;

const hasSecondaryUnique = (collection: Collection) => (MYSQL_INDEXES[collection] ?? []).some((ix) => ix.unique);

async function putSql(q: Q, collection: Collection, id: string, json: string): Promise<void> {
  const t = tableOf(collection);
  if (!hasSecondaryUnique(collection)) {
    // (ON DUPLICATE KEY UPDATE data = ?: the value bound twice, because VALUES() is deprecated in
    // MySQL 8 and its replacement, row aliases, is not MariaDB syntax.)
    await q(`INSERT INTO ${t} (id, data) VALUES (?, ?) ON DUPLICATE KEY UPDATE data = ?`, [id, json, json]);
    return;
  }
  // With a second unique key, ON DUPLICATE KEY UPDATE would update whichever row holds the other
  // key — another document. Lock the id, then update it or insert it (a clash on the other key is
  // then an error, as it must be).
  const rows = await q<Array<{ id: Buffer }>>(`SELECT id FROM ${t} WHERE id = ? FOR UPDATE`, [id]);
  if (rows.length) await q(`UPDATE ${t} SET data = ? WHERE id = ?`, [json, id]);
  else await q(`INSERT INTO ${t} (id, data) VALUES (?, ?)`, [id, json]);
}

async function createSql(q: Q, collection: Collection, id: string, json: string): Promise<boolean> {
  try {
    await q(`INSERT INTO ${tableOf(collection)} (id, data) VALUES (?, ?)`, [id, json]);
    return true;
  } catch (e) {
    const err = e as MysqlError;
    // only the primary key means "this id exists"; a clash on another unique key is an error
    if (err.errno === 1062 && /PRIMARY'/.test(err.sqlMessage ?? err.message ?? '')) return false;
    throw e;
  }
}

export function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  tableOf(collection);
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
  if (Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) throw new TypeError(`id longer than ${MAX_ID_BYTES} bytes`);
}
