/**
 * The store port on an embedded SQLite file (better-sqlite3): what `npm start` and the tests run
 * on, with no cloud account. Behaviour matches store.cloudbase.ts; both are held to the same
 * contract (test/contract/store.contract.ts).
 *
 * Layout: one table `docs(collection, id, data)` of JSON documents. One table rather than one per
 * collection because the port's collections are a closed list of small-to-medium sets and one
 * table keeps the schema (and its indexes) in one place; the primary key leads with `collection`
 * and every secondary index is partial on one collection, so a query on one collection never
 * scans another.
 *
 * Concurrency: better-sqlite3 is synchronous and the port is async, so a transaction can be
 * suspended at an `await` while other callers run. Transactions therefore queue on one writer
 * connection (BEGIN IMMEDIATE … COMMIT), one at a time; reads outside a transaction go to a
 * second, read-only connection, which in WAL mode sees the last committed state and never a
 * running transaction's writes.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import {
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

const DEFAULT_FILE = 'store.sqlite';
const DEFAULT_LIMIT = 1000;
const BUSY_TIMEOUT_MS = 5000;
const DEFAULT_MAX_GROUP = 64;
/** groups of one in a row after which the group-commit window is tried once (see worthWaiting) */
const PROBE_EVERY = 8;

/**
 * The secondary indexes, per collection: for each collection, the field lists the product
 * filters or sorts it on (grep `store.find` / `store.count` in cloudfunctions/). Each becomes a
 * partial expression index `docs_<collection>_<fields>` on (collection, json_extract(data,
 * '$.f'), …, id) WHERE collection = '<collection>' AND <first field> IS NOT NULL. (The leading
 * `collection` column holds one value; it is there for the planner, which has no statistics:
 * `collection = ? AND <field> range` on it outranks the primary key's `collection = ?`.)
 *
 * Why per collection and not one index per field across all collections (version 2): a 秒办
 * transaction writes 7–10 documents, and with field-wide indexes every document entered the
 * index of every listed field it happened to carry (messages their `createdAt`, outbox entries
 * their `applicationId`, …) — about 67 WAL pages per commit. Indexing only what is queried,
 * where it is queried, writes about 27 (bench: 秒办 ÷ bare commit). `find` writes the collection
 * into the SQL as a literal (a bound parameter cannot prove a partial index's WHERE), so SQLite
 * can pick these indexes.
 *
 * A field not listed still works — it is filtered by a scan of that collection only (the
 * primary key leads with `collection`) — so adding a field to a query is never a bug, only (for
 * large collections) a reason to add it here.
 */
export const COLLECTION_INDEXES: Readonly<Partial<Record<Collection, ReadonlyArray<readonly string[]>>>> = {
  // citizen reads (personKey IN …); the staff review queue and the scheduler (status =
  // pending_review, earliest dueDate first): one ordered read.
  applications: [['personKey'], ['status', 'dueDate']],
  // verifyCertificate finds a certificate by its number (the QR names no person): without this a
  // staff scan parsed every certificate (131 verifications/s at 2,000 certificates, `npm run bench`).
  certificates: [['certificateNo']],
  // the sender: status = pending (then nextAttemptAt due, in order) and status = sending (lease
  // expired, in id order); the entries in either state are few, sent ones stay out of both reads
  outbox: [['status']],
  // a citizen's people (openid); the other devices of a person, told of a new one (personKey)
  bindings: [['openid'], ['personKey']],
  // the people a helper may act for; the helpers of a person
  delegations: [['helperOpenid'], ['personKey']],
  // listWhoReadMyData: the audit entries about a person
  audit: [['personKey']],
  messages: [['openid']],
  // the follow-up scheduler: status = open, dueDate due, in order
  tasks: [['status', 'dueDate']],
  // monthly statistics (kind); the daily comparison pages through status = active in registrationId order
  registrations: [['kind'], ['status', 'registrationId']],
  deregistrations: [['region']],
};

/** Index name for a collection's field list. */
export function indexName(collection: string, fields: readonly string[]): string {
  return `docs_${collection}_${fields.join('_')}`;
}

// Field names go into SQL text (the JSON path must be a literal for SQLite to match the
// expression indexes), so only plain dotted names are allowed: no quotes, no injection.
const FIELD_RE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
// Collection names go into find/count SQL as literals too (so the partial indexes apply): the
// port's names are plain words; anything else is refused before it reaches SQL.
const COLLECTION_RE = /^[A-Za-z0-9_]+$/;

export interface SqliteStoreOptions {
  /** directory for the database file (created when missing) */
  dataDir: string;
  /** default `store.sqlite` */
  fileName?: string;
  /**
   * Group commit (default on, unless env STORE_GROUP_COMMIT=0): transactions ready together share
   * one durable COMMIT (see openSqliteStore). Off: one COMMIT per transaction, as before.
   */
  groupCommit?: boolean;
  /** most transactions in one group (default 64): bounds the wait of the group's first member */
  maxGroup?: number;
  /** called after each durable COMMIT with the number of transactions it carried (bench, tests) */
  onCommit?: (members: number) => void;
}

/**
 * The files hold people's records: DATA_DIR is 0700 and the database 0600 (个人信息保护法 第五十一条:
 * 采取相应的加密、去标识化等安全技术措施). SQLite creates the -wal and -shm files with the database
 * file's permissions, so creating the file 0600 before opening it covers all three; an older file
 * or directory is narrowed on open.
 */
export function ownerOnly(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}

export function openSqliteStore(opts: SqliteStoreOptions): StorePort {
  const file = path.join(opts.dataDir, opts.fileName ?? DEFAULT_FILE);
  ownerOnly(opts.dataDir, file);

  const writer = new Database(file);
  // WAL: readers never block the writer and see the last commit. synchronous=FULL: the WAL is
  // fsynced at every COMMIT, so a kill -9 or power loss cannot lose a committed transaction
  // (NORMAL, the usual WAL pairing, may lose the last commits on power loss).
  const mode = writer.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') throw new Error(`SQLite refused WAL mode (got ${mode})`);
  writer.pragma('synchronous = FULL');
  writer.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  writer.pragma('foreign_keys = ON');
  migrate(writer);

  const reader = new Database(file, { readonly: true });
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);

  const w = {
    get: writer.prepare<[string, string], { data: string }>('SELECT data FROM docs WHERE collection = ? AND id = ?'),
    put: writer.prepare<[string, string, string]>(
      'INSERT INTO docs (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data',
    ),
    create: writer.prepare<[string, string, string]>(
      'INSERT INTO docs (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO NOTHING',
    ),
    remove: writer.prepare<[string, string]>('DELETE FROM docs WHERE collection = ? AND id = ?'),
  };
  const readGet = reader.prepare<[string, string], { data: string }>('SELECT data FROM docs WHERE collection = ? AND id = ?');

  // find/count build SQL per query shape; the shapes are few, so prepared statements are cached.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (!st) {
      if (statements.size > 500) statements.clear();
      st = reader.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  };

  // Marks code running inside a transaction's fn: a nested transaction or an outside write there
  // would wait for the queue the caller itself holds — a deadlock — so they are refused instead.
  const inTransaction = new AsyncLocalStorage<true>();
  let closed = false;
  // STORE_GROUP_COMMIT=0 turns it off for a process (docs/api.md Additions): for comparisons only.
  const groupCommit = opts.groupCommit ?? process.env.STORE_GROUP_COMMIT !== '0';
  const maxGroup = Math.max(1, opts.maxGroup ?? DEFAULT_MAX_GROUP);

  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

  // Transaction control statements, prepared once (exec would parse them on every call).
  const ctl = {
    begin: writer.prepare('BEGIN IMMEDIATE'),
    commit: writer.prepare('COMMIT'),
    rollback: writer.prepare('ROLLBACK'),
    savepoint: writer.prepare('SAVEPOINT member'),
    release: writer.prepare('RELEASE member'),
    rollbackTo: writer.prepare('ROLLBACK TO member'),
  };

  /**
   * Group commit. Transactions wait in one queue and run one at a time on the writer connection
   * (as before), but several that are ready together share ONE durable COMMIT: the first runs
   * right after BEGIN IMMEDIATE, each later one inside its own SAVEPOINT (its failure undoes only
   * its writes), and the COMMIT — one WAL fsync, synchronous=FULL — ends the group. No member's
   * promise settles before that COMMIT has returned: an answer given is an answer on disk, so
   * kill -9 at any moment loses only unanswered work (test/reliability crash rounds).
   *
   * Serialisable as before: members run one after another, each sees the writes of the members
   * before it (the same connection), and if the COMMIT fails every member of the group fails
   * (none was acknowledged). Reads outside a transaction (the reader connection) see only
   * committed groups, as they saw only committed transactions before.
   *
   * The window: after a member finishes, a member already queued joins at once. When the queue
   * is empty and the last group had company (concurrent load), one turn of the event loop
   * (setImmediate) lets callers that are about to arrive join before the fsync; a lone caller
   * (the last group had one member) commits at once, so sequential use pays no wait.
   */
  interface Member {
    fn: (tx: StoreTx) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }
  const queue: Member[] = [];
  let running: Promise<void> | null = null;
  let lastGroupSize = 1;
  // groups of one since a window was last tried (see `worthWaiting`)
  let alone = 0;
  const closeWaiters: Array<() => void> = [];

  const makeTx = (isLive: () => boolean): StoreTx => {
    const live = () => {
      if (!isLive()) throw new Error('transaction already finished: await every tx call inside fn');
    };
    return {
      async get<T extends object = Doc>(collection: Collection, id: string) {
        live();
        checkId(collection, id);
        const row = w.get.get(collection, id);
        return row ? (JSON.parse(row.data) as T) : null;
      },
      async put(collection, id, doc) {
        live();
        checkId(collection, id);
        w.put.run(collection, id, serialise(doc));
      },
      async create(collection, id, doc) {
        live();
        checkId(collection, id);
        return w.create.run(collection, id, serialise(doc)).changes === 1;
      },
      async remove(collection, id) {
        live();
        checkId(collection, id);
        w.remove.run(collection, id);
      },
    };
  };

  const begin = () => {
    try {
      ctl.begin.run();
    } catch (e) {
      // Another process holds the write lock past busy_timeout: to the caller that is a conflict.
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new TransactionConflictError(String(e));
      throw e;
    }
  };

  /** Runs one member's fn; true when its writes are kept (in the open transaction). */
  const runMember = async (m: Member, first: boolean, done: Array<{ m: Member; result: unknown }>): Promise<boolean> => {
    if (!first) ctl.savepoint.run();
    let active = true;
    const tx = makeTx(() => active);
    try {
      const result = await inTransaction.run(true, () => m.fn(tx));
      active = false;
      if (!first) ctl.release.run();
      done.push({ m, result });
      return true;
    } catch (e) {
      active = false;
      if (writer.inTransaction) {
        if (first) ctl.rollback.run();
        else {
          ctl.rollbackTo.run();
          ctl.release.run();
        }
      }
      m.reject(e);
      return false;
    }
  };

  /**
   * Whether to hold the group open for one event-loop turn before its COMMIT. Yes when the last
   * group had company. Callers whose work before the transaction ends in I/O (a WebCrypto
   * signature check, a file read) only reach `transaction` in a later turn, after the previous
   * caller has committed alone — so after PROBE_EVERY groups of one the window is tried once; when
   * it finds company, windows go on. A sequential caller pays one event-loop turn every
   * PROBE_EVERY commits.
   */
  const worthWaiting = () => lastGroupSize > 1 || alone >= PROBE_EVERY;

  const runGroups = async () => {
    while (queue.length > 0) {
      if (closed) {
        for (const m of queue.splice(0)) m.reject(new Error('store is closed'));
        return;
      }
      try {
        begin();
      } catch (e) {
        queue.shift()!.reject(e);
        continue;
      }
      const done: Array<{ m: Member; result: unknown }> = [];
      let waited = false;
      for (;;) {
        let m = queue.shift();
        if (!m && groupCommit && worthWaiting() && done.length > 0 && done.length < maxGroup) {
          // The window (see above): only under concurrent load, one event-loop turn.
          await new Promise<void>((ok) => setImmediate(ok));
          waited = true;
          m = queue.shift();
        }
        if (!m) break;
        await runMember(m, done.length === 0, done);
        if (!writer.inTransaction) {
          // The first member failed (its ROLLBACK ended the transaction, nothing else was in it),
          // or SQLite itself aborted the transaction (disk full, I/O error): members kept so far
          // are lost with it and fail — none of them was acknowledged.
          for (const d of done.splice(0)) d.m.reject(new Error('group transaction aborted by the database'));
          break;
        }
        if (!groupCommit || done.length >= maxGroup) break;
      }
      if (!writer.inTransaction) continue;
      try {
        ctl.commit.run();
      } catch (e) {
        if (writer.inTransaction) ctl.rollback.run();
        for (const d of done) d.m.reject(e);
        continue;
      }
      lastGroupSize = done.length;
      alone = done.length > 1 || waited ? 0 : alone + 1;
      opts.onCommit?.(done.length);
      // Durable now (the COMMIT fsynced the WAL): only now do the callers hear their answers.
      for (const d of done) d.m.resolve(d.result);
    }
  };

  const kick = () => {
    if (running) return;
    running = runGroups()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (queue.length > 0) kick();
        else for (const f of closeWaiters.splice(0)) f();
      });
  };

  const transaction = <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) {
      return Promise.reject(new Error('nested transaction: use the tx passed to fn, not the store'));
    }
    if (closed) return Promise.reject(new Error('store is closed'));
    return new Promise<R>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      kick();
    });
  };

  /** A write outside a transaction is a transaction of one write. */
  const write = <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) {
      return Promise.reject(new Error('store write inside a transaction: use the tx passed to fn'));
    }
    return transaction(fn);
  };

  return {
    async get<T extends object = Doc>(collection: Collection, id: string) {
      ensureOpen();
      checkId(collection, id);
      const row = readGet.get(collection, id);
      return row ? (JSON.parse(row.data) as T) : null;
    },
    put: (collection, id, doc) => write((tx) => tx.put(collection, id, doc)),
    create: (collection, id, doc) => write((tx) => tx.create(collection, id, doc)),
    remove: (collection, id) => write((tx) => tx.remove(collection, id)),
    transaction,
    async find<T extends object = Doc>(collection: Collection, where: Where, options: FindOptions = {}) {
      ensureOpen();
      const { sql, params } = findSql(collection, where, options);
      if (sql === null) return [];
      const rows = prepared(sql).all(...params) as Array<{ id: string; data: string }>;
      return rows.map((r) => ({ ...(JSON.parse(r.data) as T), _id: r.id }));
    },
    async count(collection: Collection, where: Where) {
      ensureOpen();
      const { sql, params } = countSql(collection, where);
      const row = prepared(sql).get(...params) as { n: number };
      return row.n;
    },
    async close() {
      if (closed) return;
      // Running and queued transactions finish first, so close never cuts one off half way.
      while (running || queue.length > 0) await new Promise<void>((ok) => closeWaiters.push(ok));
      if (closed) return;
      closed = true;
      statements.clear();
      reader.close();
      writer.pragma('optimize');
      writer.close();
    },
  };
}

/** PRAGMA integrity_check on the store file: 'ok' when the file is sound. */
export function integrityCheck(dataDir: string, fileName: string = DEFAULT_FILE): string {
  // Opened read-write (not readonly) so that SQLite can recover a WAL left by a killed process
  // before it checks, as the next real start would.
  const db = new Database(path.join(dataDir, fileName), { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

function migrate(db: Database.Database): void {
  // json_valid guards the expression indexes: malformed JSON in one row would make every
  // json_extract over the table throw.
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      PRIMARY KEY (collection, id)
    );
  `);
  // `id` closes every index: rows with equal values come out in id order, which is the order
  // find returns (ties by id), so an equality query reads its index in order and never sorts.
  // Without it the planner preferred the primary key (already in id order) and scanned.
  //
  // Partial (`collection = '<c>' AND <field> IS NOT NULL`): a document enters only the indexes
  // of its own collection, and only those of fields it has (see COLLECTION_INDEXES for why).
  // Every condition `find` builds on a field (=, IN, ranges, prefix) implies the field is not
  // null, so SQLite still uses these indexes; only `{ field: null }` and an order by a field with
  // no condition on it scan the collection.
  //
  // Indexes of earlier versions (v1: docs_<field>; v2: docs_<field>_nn, across collections) and
  // any no longer listed are dropped, so a file from an older version is brought up to date once.
  const wanted = new Map<string, string>();
  for (const [collection, lists] of Object.entries(COLLECTION_INDEXES)) {
    checkCollection(collection);
    for (const fields of lists ?? []) {
      const name = indexName(collection, fields);
      const cols = fields.map(fieldExpr).join(', ');
      wanted.set(name, `CREATE INDEX IF NOT EXISTS ${name} ON docs (collection, ${cols}, id) WHERE collection = '${collection}' AND ${fieldExpr(fields[0])} IS NOT NULL`);
    }
  }
  const existing = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql IS NOT NULL").pluck().all() as string[];
  db.transaction(() => {
    for (const name of existing) if (!wanted.has(name)) db.exec(`DROP INDEX IF EXISTS "${name.replace(/"/g, '""')}"`);
    for (const sql of wanted.values()) db.exec(sql);
    db.pragma('user_version = 3');
  })();
}

function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
}

/**
 * Documents are stored as JSON text: what comes back is a JSON copy (Dates become ISO strings,
 * undefined fields vanish), the same as what the CloudBase adapter stores. `_id` is never part
 * of a stored document (store.port.ts), so a doc taken from `find` can be written back as is.
 * An empty document is refused because CloudBase's doc.set refuses one too.
 */
function serialise(doc: object): string {
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

function checkCollection(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_RE.test(collection)) throw new TypeError(`invalid collection name: ${JSON.stringify(collection)}`);
}

function checkField(field: string): void {
  if (typeof field !== 'string' || !FIELD_RE.test(field)) throw new TypeError(`invalid field name: ${JSON.stringify(field)}`);
}

function fieldExpr(field: string): string {
  if (field === '_id') return 'id';
  checkField(field);
  return `json_extract(data, '$.${field}')`;
}

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

  if (cond === null || typeof cond !== 'object') return scalar(cond);
  if (Array.isArray(cond)) throw new TypeError(`${field}: arrays are not conditions; use { in: [...] }`);

  if ('prefix' in cond) {
    const p = cond.prefix;
    if (typeof p !== 'string') throw new TypeError(`${field}: prefix must be a string`);
    const upper = successor(p);
    if (upper !== null) {
      params.push(p, upper);
      return `(${r} >= ? AND ${r} < ?)`;
    }
    // Empty prefix (any string), or a prefix ending in U+10FFFF, which has no successor.
    params.push(p, [...p].length, p);
    return `(${r} >= ? AND substr(${x}, 1, ?) = ?)`;
  }

  if ('in' in cond) {
    const values = cond.in;
    if (!Array.isArray(values)) throw new TypeError(`${field}: in must be an array`);
    for (const v of values) {
      if (!(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) {
        throw new TypeError(`${field}: in takes strings, finite numbers, booleans or null`);
      }
    }
    if (values.length === 0) return '0';
    const strings = values.filter((v): v is string => typeof v === 'string');
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const parts: string[] = [];
    if (strings.length) {
      params.push(...strings);
      parts.push(`${x} IN (${strings.map(() => '?').join(', ')})`);
    }
    if (numbers.length && !isId) {
      params.push(...numbers);
      parts.push(`(${x} IN (${numbers.map(() => '?').join(', ')}) AND ${typeExpr(field)} ${NUMERIC})`);
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
  if (kinds.has('number') && isId) return '0'; // ids are strings: no number is in range
  const parts = bounds.map(([k, v]) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${field}: range bounds must be finite`);
    params.push(v);
    return `${r} ${ops[k]} ?`;
  });
  if (kinds.has('number')) {
    if (!('lt' in cond) && !('lte' in cond)) parts.push(`${r} < ''`);
    parts.push(`${typeExpr(field)} ${NUMERIC}`);
  } else if (!('gt' in cond) && !('gte' in cond)) {
    parts.push(`${r} >= ''`);
  }
  return `(${parts.join(' AND ')})`;
}

/**
 * The smallest string greater than every string that starts with `p`: `p` with its last code
 * point incremented (UTF-8 byte order = code point order, which is how SQLite compares text).
 * null when there is none.
 */
function successor(p: string): string | null {
  const cps = [...p];
  if (cps.length === 0) return null;
  const last = cps[cps.length - 1].codePointAt(0)!;
  if (last >= 0x10ffff) return null;
  const next = last === 0xd7ff ? 0xe000 : last + 1; // skip the surrogate range
  return cps.slice(0, -1).join('') + String.fromCodePoint(next);
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
