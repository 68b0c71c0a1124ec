/**
 * The store port on MySQL (CloudBase MySQL / TDSQL-C, or any server speaking the MySQL protocol:
 * TDSQL, GoldenDB, TiDB, OceanBase's MySQL mode) with mysql2. Held to the same contract as the
 * SQLite adapter (test/contract/store.contract.ts), run against a real MariaDB server by the tests
 * (test/support/mariadb.ts). docs/store.md: versions, deployment, which store to choose.
 *
 * Layout: one InnoDB table per collection, `doc_<collection>` (id, data): the document stays one
 * JSON text (byte for byte what was put), and the fields the product queries are STORED generated
 * columns with ordinary B-tree indexes (MYSQL_COLUMNS / MYSQL_INDEXES below: one entry per `find`
 * or `count` in cloudfunctions/core). Relational truth that the document ids alone do not state is
 * a unique key of its own: a certificate number names one certificate; AAB301 + AAZ341 (region +
 * serial) names one national-export record (人社厅发〔2020〕79号 附件). The other uniqueness rules —
 * one active registration per person and kind, one certificate per person, one answer per
 * requestId — are deterministic ids, i.e. the primary key of their table.
 *
 * SQL is kept to what both MariaDB ≥ 10.6 and MySQL ≥ 8.0.16 accept (no JSON column type — MySQL
 * reorders its keys and MariaDB's is text anyway; no `VALUES()`/row aliases, no `IF NOT EXISTS`
 * on indexes, no CAST AS DOUBLE): ids and indexed strings are VARBINARY, so comparisons are by
 * UTF-8 bytes (= code points, as SQLite and CloudBase compare) with no collation padding or case
 * folding.
 *
 * Transactions: REPEATABLE READ with locking reads (`SELECT … FOR UPDATE`) for every `tx.get`, so a
 * read-then-write is atomic against other transactions; a read of a missing id locks the gap, so
 * two transactions that both saw "missing" and both insert deadlock and one is retried. Deadlock
 * (1213), lock wait timeout (1205) and a lost connection before COMMIT roll back and rerun `fn`, a
 * bounded number of times, then `StoreUnavailableError` (the dispatcher answers 503 in Chinese). A
 * connection lost during COMMIT is not retried (the commit may have landed): also 503, and the
 * client's retry with the same requestId gets the first answer.
 *
 * Modules: mysql/schema.ts (tables, generated columns, keys, migrations), mysql/queries.ts
 * (find/count SQL), mysql/transaction.ts (one attempt of a transaction, error handling). This file
 * opens the pool, retries transactions and puts the port together.
 *
 * Serverless pool: CloudBase advises one connection per warm instance; the pool defaults to 2
 * (`connectionLimit`) because a read outside a running transaction must not see its writes, which
 * needs a second connection, and a single one would wait on itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import mysql from 'mysql2/promise';
import type { Collection, Doc, FindOptions, StorePort, StoreTx, Where } from '../core/store.port';
import { countSql, findSql } from './mysql/queries';
import { appliedVersions, migrate, MIGRATIONS, tableOf } from './mysql/schema';
import { checkId, isLost, toPortError, txOnce, unavailable, type MysqlError } from './mysql/transaction';

export { COLLECTIONS, MIGRATIONS, MYSQL_COLUMNS, MYSQL_INDEXES, SCHEMA_VERSION, migrate, tableOf, type Migration } from './mysql/schema';
export { countSql, findSql } from './mysql/queries';

export interface MysqlStoreOptions {
  /** mysql://user:pass@host:port/db (MYSQL_URL) */
  url?: string;
  /** or the pieces (CloudBase MySQL: the VPC address and a user from the secret configuration) */
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  socketPath?: string;
  /** default 2 (see the header) */
  connectionLimit?: number;
  /** innodb_lock_wait_timeout of each connection, seconds; default 5 (a function has 10 s) */
  lockWaitSeconds?: number;
  /** attempts of one transaction on deadlock / lock wait timeout / lost connection; default 8 */
  attempts?: number;
  /** 'apply' (default): run missing migrations at open; 'verify': refuse to serve on an older schema */
  migrations?: 'apply' | 'verify';
  /** seen on each retry (tests, logs) */
  onRetry?: (info: { attempt: number; errno?: number; code?: string }) => void;
}

export interface MysqlStore extends StorePort {
  /** the pool (tests and the benchmark use it to inspect the server) */
  readonly pool: mysql.Pool;
}

export function openMysqlStore(opts: MysqlStoreOptions): Promise<MysqlStore> {
  return openStore(opts);
}

async function openStore(opts: MysqlStoreOptions): Promise<MysqlStore> {
  const lockWait = Math.max(1, Math.floor(opts.lockWaitSeconds ?? 5));
  const attempts = Math.max(1, opts.attempts ?? 8);
  const base: mysql.PoolOptions = {
    host: opts.host, port: opts.port, user: opts.user, password: opts.password, database: opts.database, socketPath: opts.socketPath,
    connectionLimit: Math.max(1, opts.connectionLimit ?? 2),
    waitForConnections: true,
    queueLimit: 0,
    maxIdle: Math.max(1, opts.connectionLimit ?? 2),
    idleTimeout: 60_000,
    enableKeepAlive: true,
    charset: 'utf8mb4_bin',
    supportBigNumbers: true,
    bigNumberStrings: false,
    multipleStatements: false,
    connectTimeout: 5_000,
  };
  const pool = opts.url ? mysql.createPool({ ...base, uri: opts.url }) : mysql.createPool(base);
  // Every connection, fresh or re-made after a loss: the isolation the transactions rely on and a
  // lock wait that fits inside a function's timeout.
  pool.on('connection', (c) => {
    const raw = c as unknown as { query(sql: string): unknown };
    raw.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    raw.query(`SET SESSION innodb_lock_wait_timeout = ${lockWait}`);
    raw.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
  });

  try {
    const conn = await pool.getConnection();
    try {
      if ((opts.migrations ?? 'apply') === 'apply') await migrate(conn);
      else {
        const have = await appliedVersions(conn);
        const missing = MIGRATIONS.filter((m) => !have.includes(m.version)).map((m) => m.version);
        if (missing.length) throw new Error(`database schema is behind (missing migrations ${missing.join(', ')}): run npm run migrate:mysql at deploy`);
      }
    } finally {
      conn.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }

  const inTransaction = new AsyncLocalStorage<true>();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

  /** One statement outside a transaction, retried once on a lost connection (a read, or a write that is whole). */
  const run = async <T>(sql: string, params: unknown[]): Promise<T> => {
    ensureOpen();
    for (let attempt = 1; ; attempt++) {
      try {
        const [rows] = await pool.query(sql, params);
        return rows as T;
      } catch (e) {
        if (attempt < attempts && isLost(e as MysqlError)) {
          opts.onRetry?.({ attempt, errno: (e as MysqlError).errno, code: (e as MysqlError).code });
          continue;
        }
        throw toPortError(e as MysqlError);
      }
    }
  };

  const transaction = async <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) throw new Error('nested transaction: use the tx passed to fn, not the store');
    ensureOpen();
    let last: MysqlError | null = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const out = await txOnce(pool, inTransaction, fn);
      if (out.ok) return out.value;
      last = out.error;
      if (!out.retry) break;
      if (attempt < attempts) {
        opts.onRetry?.({ attempt, errno: last.errno, code: last.code });
        // jittered exponential back-off (≈ 10 ms … 1.3 s, ≈ 2.5 s in all): the other transactions
        // of a deadlock get to finish first, and a burst on one person's rows spreads out
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
    throw unavailable(last);
  };

  const write = <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) return Promise.reject(new Error('store write inside a transaction: use the tx passed to fn'));
    return transaction(fn);
  };

  return {
    pool,
    async get<T extends object = Doc>(collection: Collection, id: string) {
      checkId(collection, id);
      const rows = await run<Array<{ data: string }>>(`SELECT data FROM ${tableOf(collection)} WHERE id = ?`, [id]);
      return rows.length ? (JSON.parse(rows[0].data) as T) : null;
    },
    put: (collection, id, doc) => write((tx) => tx.put(collection, id, doc)),
    create: (collection, id, doc) => write((tx) => tx.create(collection, id, doc)),
    remove: (collection, id) => write((tx) => tx.remove(collection, id)),
    transaction,
    async find<T extends object = Doc>(collection: Collection, where: Where, options: FindOptions = {}) {
      const { sql, params } = findSql(collection, where, options);
      if (sql === null) return [];
      const rows = await run<Array<{ id: Buffer; data: string }>>(sql, params);
      return rows.map((r) => ({ ...(JSON.parse(r.data) as T), _id: r.id.toString('utf8') }));
    },
    async count(collection: Collection, where: Where) {
      const { sql, params } = countSql(collection, where);
      const rows = await run<Array<{ n: number | string }>>(sql, params);
      return Number(rows[0].n);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** MYSQL_URL and friends from the environment (gateway and CloudBase functions). */
export function mysqlOptionsFromEnv(env: NodeJS.ProcessEnv): MysqlStoreOptions {
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const common = {
    connectionLimit: num(env.MYSQL_POOL_SIZE),
    lockWaitSeconds: num(env.MYSQL_LOCK_WAIT_SECONDS),
  };
  if (env.MYSQL_URL) return { url: env.MYSQL_URL, ...common };
  if (!env.MYSQL_HOST) throw new Error('missing configuration MYSQL_URL (or MYSQL_HOST, MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE)');
  return { host: env.MYSQL_HOST, port: num(env.MYSQL_PORT) ?? 3306, user: env.MYSQL_USER, password: env.MYSQL_PASSWORD, database: env.MYSQL_DATABASE, ...common };
}
