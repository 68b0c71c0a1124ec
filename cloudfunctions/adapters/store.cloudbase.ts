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
 * Modules: cloudbase-store/sdk.ts (the wx-server-sdk shapes used), cloudbase-store/query.ts
 * (find/count conditions), cloudbase-store/documents.ts (ids, documents, errors).
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
import { TransactionConflictError, type Collection, type Doc, type FindOptions, type StorePort, type StoreTx, type Where } from '../core/store.port';
import { checkId, errorText, isConflict, isNotFound, normalise, sleep, stripId } from './cloudbase-store/documents';
import { toQuery } from './cloudbase-store/query';
import type { CloudbaseDatabase, CloudbaseDocument, CloudbaseQuery, CloudbaseTransaction } from './cloudbase-store/sdk';
import { checkField } from './store.documents';

export type {
  CloudbaseCollection, CloudbaseCommand, CloudbaseCommandValue, CloudbaseDatabase, CloudbaseDocument, CloudbaseQuery, CloudbaseTransaction,
} from './cloudbase-store/sdk';

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
        if (attempt >= ATTEMPTS) throw new TransactionConflictError(`transaction conflict after ${attempt} attempts: ${errorText(e)}`);
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
