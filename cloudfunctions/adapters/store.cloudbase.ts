/**
 * The store port on the CloudBase database (wx-server-sdk), for the deployed cloud functions.
 * Behaviour matches store.sqlite.ts; both are held to test/contract/store.contract.ts, this one
 * against the in-process double test/doubles/cloudbase-db.double.ts.
 *
 * The entry point owns wx-server-sdk: it calls `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`
 * and passes `cloud.database()` here. Passing `cloud.database({ throwOnNotFound: false })` is
 * preferred (a missing doc then resolves `{ data: null }`), but the default, which rejects, is
 * handled too. This module imports nothing from wx-server-sdk, so loading it runs nothing.
 *
 * Mapping (docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/):
 * - get/put/remove → collection(c).doc(id).get / set({ data }) / remove()
 * - create → a transaction: doc.get, then doc.set when missing
 * - transaction → db.runTransaction, with transaction.collection(c).doc(id) get/set/remove only:
 *   CloudBase transactions cannot query (database/transaction/Transaction.collection)
 * - find/count → where() with db.command (eq, gt/gte/lt/lte joined by .and, in) and db.RegExp
 *   for prefixes; orderBy; limit+skip pages of at most 1000 (the cloud-function cap,
 *   database/collection/Collection.limit); count() → { total }
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  TransactionConflictError,
  type Collection,
  type Condition,
  type Doc,
  type FindOptions,
  type StorePort,
  type StoreTx,
  type Where,
} from '../core/store.port';

/**
 * The part of wx-server-sdk's `Database` this adapter uses. Return types are `unknown` because
 * the SDK's typings declare `Promise<…> | void | string` (callback style); the adapter awaits
 * and reads the documented result shapes.
 */
export interface CloudbaseDatabase {
  collection(name: string): CloudbaseCollection;
  readonly command: CloudbaseCommand;
  RegExp(options: { regexp: string; options?: string }): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  runTransaction(run: (transaction: any) => Promise<unknown>, times?: number): Promise<unknown>;
}
export interface CloudbaseDocument {
  get(): unknown;
  set(options: { data: Record<string, unknown> }): unknown;
  remove(): unknown;
}
export interface CloudbaseQuery {
  where(condition: Record<string, unknown>): CloudbaseQuery;
  orderBy(field: string, direction: string): CloudbaseQuery;
  limit(n: number): CloudbaseQuery;
  skip(n: number): CloudbaseQuery;
  get(): unknown;
  count(): unknown;
}
export interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): CloudbaseDocument;
}
export interface CloudbaseCommandValue {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  and(...conditions: any[]): unknown;
}
export interface CloudbaseCommand {
  eq(value: unknown): CloudbaseCommandValue;
  gt(value: unknown): CloudbaseCommandValue;
  gte(value: unknown): CloudbaseCommandValue;
  lt(value: unknown): CloudbaseCommandValue;
  lte(value: unknown): CloudbaseCommandValue;
  in(values: unknown[]): CloudbaseCommandValue;
}
/** What runTransaction hands the callback: single-doc operations only. */
export interface CloudbaseTransaction {
  collection(name: string): { doc(id: string): CloudbaseDocument };
}

const DEFAULT_LIMIT = 1000;
/** Server-side cap of one get() in a cloud function (Collection.limit docs). */
const PAGE = 1000;
/** runTransaction's own retry count on conflict (its documented default is 3). */
const SDK_TIMES = 3;
/**
 * Conflicts that surface inside doc get/set lose their `code` in wx-server-sdk's error wrapping,
 * so the SDK does not retry those; this adapter retries the whole transaction a few times more,
 * with jitter, before reporting TransactionConflictError.
 */
const ATTEMPTS = 5;

const FIELD_RE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export function cloudbaseStore(db: CloudbaseDatabase): StorePort {
  const _ = db.command;
  // Inside a transaction's fn, a nested transaction or a write through the store would bypass
  // the transaction (and deadlocks on SQLite): refused on both adapters alike.
  const inTransaction = new AsyncLocalStorage<true>();

  const readDoc = async <T extends object>(ref: CloudbaseDocument): Promise<T | null> => {
    let res: { data?: unknown };
    try {
      res = (await ref.get()) as { data?: unknown };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    const data = res?.data;
    if (!data || typeof data !== 'object') return null;
    // Transaction reads return the object; plain reads may return it in an array (SDK source).
    const one = Array.isArray(data) ? data[0] : data;
    return one ? (stripId(one) as T) : null;
  };

  const txOn = (t: CloudbaseTransaction, isLive: () => void): StoreTx => {
    const ref = (collection: Collection, id: string) => {
      isLive();
      checkId(collection, id);
      return t.collection(collection).doc(id);
    };
    return {
      get: <T extends object = Doc>(collection: Collection, id: string) => readDoc<T>(ref(collection, id)),
      async put(collection, id, doc) {
        const data = normalise(doc);
        await ref(collection, id).set({ data });
      },
      async create(collection, id, doc) {
        const data = normalise(doc);
        const r = ref(collection, id);
        if ((await readDoc(r)) !== null) return false;
        await r.set({ data });
        return true;
      },
      async remove(collection, id) {
        await ref(collection, id).remove();
      },
    };
  };

  const transaction = async <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) throw new Error('nested transaction: use the tx passed to fn, not the store');
    for (let attempt = 1; ; attempt++) {
      try {
        return (await db.runTransaction(async (t: CloudbaseTransaction) => {
          let live = true;
          const tx = txOn(t, () => {
            if (!live) throw new Error('transaction already finished: await every tx call inside fn');
          });
          try {
            return await inTransaction.run(true, () => fn(tx));
          } finally {
            live = false;
          }
        }, SDK_TIMES)) as R;
      } catch (e) {
        if (e instanceof TransactionConflictError || !isConflict(e)) throw e;
        if (attempt >= ATTEMPTS) throw new TransactionConflictError(`transaction conflict after ${attempt} attempts: ${describe(e)}`);
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  };

  const refuseInTransaction = () => {
    if (inTransaction.getStore()) throw new Error('store write inside a transaction: use the tx passed to fn');
  };

  const query = (collection: Collection, where: Where): CloudbaseQuery => db.collection(collection).where(toQuery(db, where));

  return {
    async get<T extends object = Doc>(collection: Collection, id: string) {
      checkId(collection, id);
      return readDoc<T>(db.collection(collection).doc(id));
    },
    async put(collection, id, doc) {
      refuseInTransaction();
      checkId(collection, id);
      await db.collection(collection).doc(id).set({ data: normalise(doc) });
    },
    async create(collection, id, doc) {
      refuseInTransaction();
      checkId(collection, id);
      normalise(doc); // refuse a bad doc before opening a transaction
      return transaction((tx) => tx.create(collection, id, doc));
    },
    async remove(collection, id) {
      refuseInTransaction();
      checkId(collection, id);
      await db.collection(collection).doc(id).remove();
    },
    transaction,
    async find<T extends object = Doc>(collection: Collection, where: Where, options: FindOptions = {}) {
      const limit = options.limit ?? DEFAULT_LIMIT;
      if (!Number.isInteger(limit) || limit < 0) throw new TypeError('limit must be a non-negative integer');
      let q = query(collection, where);
      if (options.orderBy) {
        const { field, direction } = options.orderBy;
        if (direction !== 'asc' && direction !== 'desc') throw new TypeError('direction must be asc or desc');
        if (field !== '_id') checkField(field);
        q = q.orderBy(field, direction);
      }
      // _id breaks ties (as on SQLite), which also keeps skip-paging stable.
      if (options.orderBy?.field !== '_id') q = q.orderBy('_id', 'asc');
      const out: Array<T & { _id: string }> = [];
      // Pages are separate reads, not one snapshot: a doc written between pages may be missed or
      // seen twice. Product queries stay under one page; the loop serves rare exports.
      while (out.length < limit) {
        const n = Math.min(PAGE, limit - out.length);
        const res = (await q.skip(out.length).limit(n).get()) as { data: Array<Record<string, unknown>> };
        for (const d of res.data) out.push({ ...(stripId(d) as T), _id: String(d._id) });
        if (res.data.length < n) break;
      }
      return out;
    },
    async count(collection: Collection, where: Where) {
      const res = (await query(collection, where).count()) as { total: number };
      return res.total;
    },
    async close() {
      // Nothing to release: the SDK holds no connection this adapter opened.
    },
  };
}

/** Port conditions → a CloudBase where() object. */
function toQuery(db: CloudbaseDatabase, where: Where): Record<string, unknown> {
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
    if (Array.isArray(cond)) throw new TypeError(`${field}: arrays are not conditions; use { in: [...] }`);
    if ('prefix' in cond) {
      if (typeof cond.prefix !== 'string') throw new TypeError(`${field}: prefix must be a string`);
      // Anchored, metacharacters escaped, no flags: a plain case-sensitive "starts with".
      return db.RegExp({ regexp: '^' + escapeRegExp(cond.prefix), options: '' });
    }
    if ('in' in cond) {
      if (!Array.isArray(cond.in)) throw new TypeError(`${field}: in must be an array`);
      return _.in(cond.in.map((v) => checkScalar(field, v)));
    }
    const ops = ['gt', 'gte', 'lt', 'lte'] as const;
    const keys = Object.keys(cond);
    if (keys.length === 0 || keys.some((k) => !(ops as readonly string[]).includes(k))) {
      throw new TypeError(`${field}: a condition is a scalar, { prefix }, { in } or a range of gt/gte/lt/lte`);
    }
    const bounds = keys.map((k) => [k as (typeof ops)[number], (cond as Record<string, unknown>)[k]] as const);
    const kinds = new Set(bounds.map(([, v]) => typeof v));
    if (kinds.size !== 1 || !(kinds.has('string') || kinds.has('number'))) {
      throw new TypeError(`${field}: range bounds must be all strings or all numbers`);
    }
    const parts = bounds.map(([k, v]) => {
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

function checkField(field: string): void {
  if (typeof field !== 'string' || !FIELD_RE.test(field)) throw new TypeError(`invalid field name: ${JSON.stringify(field)}`);
}

function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
}

/**
 * A JSON copy without `_id`: the same values SQLite stores (Dates become strings), and `set`
 * refuses data containing `_id` or empty data (Document.set; SDK asserts).
 */
function normalise(doc: object): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be a plain object');
  const { _id: _ignored, ...rest } = doc as Doc;
  const copy = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  if (Object.keys(copy).length === 0) throw new TypeError('a document must have at least one field (CloudBase refuses empty documents)');
  return copy;
}

function stripId(d: unknown): Doc {
  const { _id: _ignored, ...rest } = d as Record<string, unknown>;
  return rest;
}

/**
 * doc.get() on a missing doc rejects by default (Document.get: "默认情况下，如果获取不到记录，方法会
 * 抛出异常"); wx-server-sdk 4.0.2 rejects with an Error whose errMsg reads
 * "document.get:fail document with _id … does not exist".
 */
function isNotFound(e: unknown): boolean {
  return /does not exist/.test(describe(e));
}

/**
 * A transaction conflict: at commit the SDK rethrows the raw response `{ code:
 * 'DATABASE_TRANSACTION_CONFLICT' }` once its own retries are used up; inside doc calls the
 * server's message survives only in errMsg, hence the text match.
 */
function isConflict(e: unknown): boolean {
  if (e && typeof e === 'object' && (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /transaction[ _]?conflict|write ?conflict/i.test(describe(e));
}

function describe(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { errMsg?: unknown; message?: unknown; code?: unknown };
    return [o.code, o.errMsg, o.message].filter((x) => typeof x === 'string').join(' ') || String(e);
  }
  return String(e);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
