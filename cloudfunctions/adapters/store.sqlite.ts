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
 * Modules: sqlite/schema.ts (table, indexes, migration), sqlite/queries.ts (find/count SQL),
 * sqlite/group-commit.ts (the transaction queue and its shared COMMIT), sqlite/file.ts (file
 * permissions, integrity check, documents as JSON text). This file opens the connections and
 * puts the port together.
 *
 * Concurrency: better-sqlite3 is synchronous and the port is async, so a transaction can be
 * suspended at an `await` while other callers run. Transactions therefore queue on one writer
 * connection (BEGIN IMMEDIATE … COMMIT), one at a time; reads outside a transaction go to a
 * second, read-only connection, which in WAL mode sees the last committed state and never a
 * running transaction's writes.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Collection, Doc, FindOptions, StorePort, StoreTx, Where } from '../core/store.port';
import { serialise } from './store.documents';
import { checkId, DEFAULT_FILE, ownerOnly } from './sqlite/file';
import { transactionQueue } from './sqlite/group-commit';
import { countSql, findSql } from './sqlite/queries';
import { migrate } from './sqlite/schema';

export { COLLECTION_INDEXES, indexName } from './sqlite/schema';
export { countSql, findSql } from './sqlite/queries';
export { integrityCheck, ownerOnly } from './sqlite/file';

const BUSY_TIMEOUT_MS = 5000;

export interface SqliteStoreOptions {
  /** directory for the database file (created when missing) */
  dataDir: string;
  /** default `store.sqlite` */
  fileName?: string;
  /**
   * Group commit (default on, unless env STORE_GROUP_COMMIT=0): transactions ready together share
   * one durable COMMIT (sqlite/group-commit.ts). Off: one COMMIT per transaction, as before.
   */
  groupCommit?: boolean;
  /** most transactions in one group (default 64): bounds the wait of the group's first member */
  maxGroup?: number;
  /** called after each durable COMMIT with the number of transactions it carried (bench, tests) */
  onCommit?: (members: number) => void;
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

  let closed = false;
  // STORE_GROUP_COMMIT=0 turns it off for a process (docs/api.md Additions): for comparisons only.
  const groupCommit = opts.groupCommit ?? process.env.STORE_GROUP_COMMIT !== '0';

  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

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

  const queue = transactionQueue(writer, makeTx, () => closed, { groupCommit, maxGroup: opts.maxGroup, onCommit: opts.onCommit });

  return {
    async get<T extends object = Doc>(collection: Collection, id: string) {
      ensureOpen();
      checkId(collection, id);
      const row = readGet.get(collection, id);
      return row ? (JSON.parse(row.data) as T) : null;
    },
    put: (collection, id, doc) => queue.write((tx) => tx.put(collection, id, doc)),
    create: (collection, id, doc) => queue.write((tx) => tx.create(collection, id, doc)),
    remove: (collection, id) => queue.write((tx) => tx.remove(collection, id)),
    transaction: queue.transaction,
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
      await queue.idle();
      if (closed) return;
      closed = true;
      statements.clear();
      reader.close();
      writer.pragma('optimize');
      writer.close();
    },
  };
}
