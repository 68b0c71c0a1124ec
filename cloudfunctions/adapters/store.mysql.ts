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
 * Serverless pool: CloudBase advises one connection per warm instance; the pool defaults to 2
 * (`connectionLimit`) because a read outside a running transaction must not see its writes, which
 * needs a second connection, and a single one would wait on itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import mysql from 'mysql2/promise';
import {
  StoreUnavailableError,
  TransactionConflictError,
  type Collection,
  type Condition,
  type Doc,
  type FindOptions,
  type Scalar,
  type StorePort,
  type StoreTx,
  type Where,
} from '../core/store.port';

const DEFAULT_LIMIT = 1000;

// Every collection of the port has a table: a Record, so a collection added to store.port.ts
// without one here does not compile (and then needs a migration that creates it).
const TABLES: Record<Collection, true> = {
  applications: true, certificates: true, registrations: true, requests: true, persons: true, bindings: true,
  delegations: true, counters: true, outbox: true, messages: true, subscriptions: true, audit: true, locks: true,
  verifications: true, tasks: true, keys: true, staff: true, deregistrations: true, services: true,
};
export const COLLECTIONS = Object.keys(TABLES) as readonly Collection[];

type ColumnType = 's' | 'n';
/** A generated column: the field's value when it has that JSON type, else NULL. */
interface Column { field: string; type: ColumnType }
interface Index { name: string; columns: readonly string[]; unique?: boolean }

/**
 * Generated columns per collection, named `s_<field>` (strings) or `n_<field>` (numbers). The
 * product's queries (grep `store.find` / `store.count` in cloudfunctions/core):
 * - applications: personKey IN … and openid = … (citizen reads); status = pending_review
 *   [+ region prefix] ordered by dueDate (staff queue, scheduler reminders)
 * - bindings: openid = … (whose records a citizen may read), personKey = …
 * - delegations: helperOpenid = … + status (those a citizen was invited to help), personKey = …
 * - audit: personKey = … (listWhoReadMyData)
 * - certificates: certificateNo = … (staff scan of the QR)
 * - outbox: status = pending, nextAttemptAt ≤ now, in order; status = sending, leaseUntil ≤ now
 * - messages: openid = …
 * - tasks: status = open [+ kind, region prefix], dueDate ≤ …, in order
 * - registrations: kind = unemployment + region prefix (monthly statistics)
 * - deregistrations: region prefix + at range (export, statistics)
 */
export const MYSQL_COLUMNS: Readonly<Partial<Record<Collection, readonly Column[]>>> = {
  applications: [{ field: 'personKey', type: 's' }, { field: 'openid', type: 's' }, { field: 'status', type: 's' }, { field: 'dueDate', type: 's' }],
  certificates: [{ field: 'certificateNo', type: 's' }],
  outbox: [{ field: 'status', type: 's' }, { field: 'nextAttemptAt', type: 'n' }],
  bindings: [{ field: 'openid', type: 's' }, { field: 'personKey', type: 's' }],
  delegations: [{ field: 'helperOpenid', type: 's' }, { field: 'personKey', type: 's' }],
  audit: [{ field: 'personKey', type: 's' }],
  messages: [{ field: 'openid', type: 's' }],
  tasks: [{ field: 'status', type: 's' }, { field: 'dueDate', type: 's' }],
  registrations: [{ field: 'kind', type: 's' }, { field: 'region', type: 's' }],
  deregistrations: [{ field: 'region', type: 's' }, { field: 'serial', type: 's' }],
};

export const MYSQL_INDEXES: Readonly<Partial<Record<Collection, readonly Index[]>>> = {
  applications: [
    { name: 'ix_person', columns: ['s_personKey', 'id'] }, { name: 'ix_openid', columns: ['s_openid', 'id'] },
    { name: 'ix_status_due', columns: ['s_status', 's_dueDate', 'id'] },
  ],
  // one certificate number, one certificate (the number is printed and scanned: 大人社规发〔2025〕2号 一(四))
  certificates: [{ name: 'ux_certificate_no', columns: ['s_certificateNo'], unique: true }],
  outbox: [{ name: 'ix_status_next', columns: ['s_status', 'n_nextAttemptAt', 'id'] }],
  bindings: [{ name: 'ix_openid', columns: ['s_openid', 'id'] }, { name: 'ix_person', columns: ['s_personKey', 'id'] }],
  delegations: [{ name: 'ix_helper', columns: ['s_helperOpenid', 'id'] }, { name: 'ix_person', columns: ['s_personKey', 'id'] }],
  // listWhoReadMyData: the audit entries about a person
  audit: [{ name: 'ix_person', columns: ['s_personKey', 'id'] }],
  messages: [{ name: 'ix_openid', columns: ['s_openid', 'id'] }],
  tasks: [{ name: 'ix_status_due', columns: ['s_status', 's_dueDate', 'id'] }],
  registrations: [{ name: 'ix_kind_region', columns: ['s_kind', 's_region', 'id'] }],
  // AAB301 + AAZ341 is the record's unique id in the national table (人社厅发〔2020〕79号 附件)
  deregistrations: [{ name: 'ux_region_serial', columns: ['s_region', 's_serial'], unique: true }],
};

// Field names go into SQL text (JSON paths), so only plain dotted names are allowed.
const FIELD_RE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
const MAX_ID_BYTES = 255;
const MAX_INDEXED_BYTES = 1024;

export const tableOf = (collection: Collection | string): string => {
  if (!(COLLECTIONS as readonly string[]).includes(collection)) throw new TypeError(`invalid collection name: ${JSON.stringify(collection)}`);
  return `doc_${collection}`;
};

const jsonPath = (field: string) => `'$.${field.split('.').map((p) => `"${p}"`).join('.')}'`;
const jx = (field: string) => `JSON_EXTRACT(data, ${jsonPath(field)})`;
const jtype = (field: string) => `JSON_TYPE(${jx(field)})`;
const NUMERIC_TYPES = `('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')`;
/** the field's string value (bytes) or NULL */
const stringExpr = (field: string) => `(CASE WHEN ${jtype(field)} = 'STRING' THEN CAST(JSON_UNQUOTE(${jx(field)}) AS BINARY) END)`;
/** the field's number value or NULL (`+ 0`: numeric context, accepted by both servers) */
const numberExpr = (field: string) => `(CASE WHEN ${jtype(field)} IN ${NUMERIC_TYPES} THEN ${jx(field)} + 0 END)`;

// ---------------------------------------------------------------------------------------------
// Migrations: versioned, applied once, in order, under a server-wide lock (GET_LOCK) so two cold
// starts or a deploy and a function never both run one. DDL auto-commits in MySQL, so every step
// is written to be safe to run again (CREATE TABLE IF NOT EXISTS) should a run die half way.

export interface Migration { version: number; description: string; statements: () => string[] }

function createTableSql(collection: Collection): string {
  const cols = (MYSQL_COLUMNS[collection] ?? []).map((c) =>
    c.type === 's'
      ? `s_${c.field} VARBINARY(${MAX_INDEXED_BYTES}) GENERATED ALWAYS AS ${stringExpr(c.field)} STORED`
      : `n_${c.field} DOUBLE GENERATED ALWAYS AS ${numberExpr(c.field)} STORED`);
  const keys = (MYSQL_INDEXES[collection] ?? []).map((ix) => `${ix.unique ? 'UNIQUE KEY' : 'KEY'} ${ix.name} (${ix.columns.join(', ')})`);
  return [
    `CREATE TABLE IF NOT EXISTS ${tableOf(collection)} (`,
    `  id VARBINARY(${MAX_ID_BYTES}) NOT NULL,`,
    `  data LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,`,
    ...cols.map((c) => `  ${c},`),
    `  PRIMARY KEY (id),`,
    ...keys.map((k) => `  ${k},`),
    `  CONSTRAINT ${tableOf(collection)}_json CHECK (JSON_VALID(data))`,
    `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ].join('\n');
}

// A migration never changes once it has run anywhere: a new index or column is a new version
// (ALTER TABLE …), and MYSQL_COLUMNS / MYSQL_INDEXES then describe the schema after it.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'one table per collection, generated columns and keys for the product queries', statements: () => COLLECTIONS.map(createTableSql) },
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

type Conn = mysql.PoolConnection | mysql.Connection;

/** Applies the migrations this database lacks; returns the versions applied now. */
export async function migrate(conn: Conn, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const [locked] = await conn.query<mysql.RowDataPacket[]>("SELECT GET_LOCK('jiuye.schema', 60) AS got");
  if (locked[0]?.got !== 1) throw new Error('could not take the schema lock within 60 s');
  try {
    await conn.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INT NOT NULL PRIMARY KEY,
      description VARCHAR(200) NOT NULL,
      applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`);
    const done = new Set(await appliedVersions(conn));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements()) await conn.query(sql);
      await conn.query('INSERT INTO schema_migrations (version, description) VALUES (?, ?)', [m.version, m.description]);
      applied.push(m.version);
    }
    return applied;
  } finally {
    await conn.query("SELECT RELEASE_LOCK('jiuye.schema')");
  }
}

async function appliedVersions(conn: Conn): Promise<number[]> {
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => Number(r.version));
  } catch (e) {
    if ((e as { errno?: number }).errno === 1146) return []; // no such table: nothing applied
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------

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

const RETRYABLE_ERRNO = new Set([1213, 1205]);
const LOST_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'PROTOCOL_SEQUENCE_TIMEOUT']);
const LOST_ERRNO = new Set([2006, 2013, 1927, 4031, 1053]); // gone away, lost during query, killed, idle timeout, shutdown

interface MysqlError { errno?: number; code?: string; fatal?: boolean; message?: string; sqlMessage?: string }
const isLost = (e: MysqlError) => !!e && (e.fatal === true || LOST_CODES.has(e.code ?? '') || LOST_ERRNO.has(e.errno ?? 0));
const isRetryable = (e: MysqlError) => !!e && (RETRYABLE_ERRNO.has(e.errno ?? 0) || isLost(e));

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

  const txOnce = async <R>(fn: (tx: StoreTx) => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; error: MysqlError; retry: boolean }> => {
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
  };

  const transaction = async <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) throw new Error('nested transaction: use the tx passed to fn, not the store');
    ensureOpen();
    let last: MysqlError | null = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const out = await txOnce(fn);
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

async function rollback(conn: mysql.PoolConnection, lost: boolean): Promise<void> {
  if (lost) return; // the server rolls back a transaction whose connection is gone
  try {
    await conn.query('ROLLBACK');
  } catch {
    // a connection that cannot roll back is destroyed by the caller's finally (lost is set by q)
  }
}

function unavailable(e: MysqlError | null): Error {
  const what = e?.errno === 1213 ? 'deadlock' : e?.errno === 1205 ? 'lock wait timeout' : `connection: ${e?.code ?? e?.message ?? 'lost'}`;
  return new StoreUnavailableError(`database unavailable after retries (${what})`);
}

/** A failed statement outside a transaction: a lost server is "unavailable" (503), a lock conflict a conflict. */
function toPortError(e: MysqlError): Error {
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

function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  tableOf(collection);
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
  if (Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) throw new TypeError(`id longer than ${MAX_ID_BYTES} bytes`);
}

/** As store.sqlite.ts: JSON text, no `_id`, no empty document (CloudBase refuses one). */
function serialise(doc: object): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be a plain object');
  let plain: object = doc;
  if (Object.prototype.hasOwnProperty.call(doc, '_id')) {
    const { _id: _ignored, ...rest } = doc as Doc;
    plain = rest;
  }
  const json = JSON.stringify(plain);
  if (json === '{}') throw new TypeError('a document must have at least one field (CloudBase refuses empty documents)');
  return json;
}

// ---------------------------------------------------------------------------------------------
// find / count → SQL. Comparison follows the document database (and store.sqlite.ts): a number
// never equals a string, a boolean never equals a number, null matches a missing field, ranges
// stay within their own type, strings compare by code point.

function checkField(field: string): void {
  if (typeof field !== 'string' || !FIELD_RE.test(field)) throw new TypeError(`invalid field name: ${JSON.stringify(field)}`);
}

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

  if (cond === null || typeof cond !== 'object') return scalar(cond);
  if (Array.isArray(cond)) throw new TypeError(`${field}: arrays are not conditions; use { in: [...] }`);

  if ('prefix' in cond) {
    const p = cond.prefix;
    if (typeof p !== 'string') throw new TypeError(`${field}: prefix must be a string`);
    const upper = successor(p);
    if (upper !== null) {
      params.push(p, upper);
      return `(${s} >= ? AND ${s} < ?)`;
    }
    params.push(p, Buffer.byteLength(p, 'utf8'), p);
    return `(${s} >= ? AND SUBSTRING(${s}, 1, ?) = CAST(? AS BINARY))`;
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
    const parts: string[] = [];
    if (strings.length) {
      params.push(strings);
      parts.push(`${s} IN (?)`);
    }
    if (numbers.length && !isId) {
      params.push(numbers);
      parts.push(`${nExpr(collection, field)} IN (?)`);
    }
    for (const v of values) if (v === null || typeof v === 'boolean') parts.push(scalar(v));
    return parts.length ? `(${parts.join(' OR ')})` : '0';
  }

  const ops = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
  const keys = Object.keys(cond);
  if (keys.length === 0 || keys.some((k) => !(k in ops))) {
    throw new TypeError(`${field}: a condition is a scalar, { prefix }, { in } or a range of gt/gte/lt/lte`);
  }
  const bounds = keys.map((k) => [k as keyof typeof ops, (cond as Record<string, unknown>)[k]] as const);
  const kinds = new Set(bounds.map(([, v]) => typeof v));
  if (kinds.size !== 1 || !(kinds.has('string') || kinds.has('number'))) {
    throw new TypeError(`${field}: range bounds must be all strings or all numbers`);
  }
  if (kinds.has('number') && isId) return '0';
  const x = kinds.has('number') ? nExpr(collection, field) : s;
  return `(${bounds.map(([k, v]) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${field}: range bounds must be finite`);
    params.push(v);
    return `${x} ${ops[k]} ?`;
  }).join(' AND ')})`;
}

/** The smallest string above every string that starts with `p` (as store.sqlite.ts), or null. */
function successor(p: string): string | null {
  const cps = [...p];
  if (cps.length === 0) return null;
  const last = cps[cps.length - 1].codePointAt(0)!;
  if (last >= 0x10ffff) return null;
  const next = last === 0xd7ff ? 0xe000 : last + 1;
  return cps.slice(0, -1).join('') + String.fromCodePoint(next);
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
