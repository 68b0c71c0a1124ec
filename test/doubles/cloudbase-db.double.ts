/**
 * An in-process double of the part of the CloudBase database API (wx-server-sdk 4.0.2,
 * `cloud.database()`) that cloudfunctions/adapters/store.cloudbase.ts uses, so the store
 * contract runs against the CloudBase adapter without a cloud account.
 *
 * Documented behaviour it models (docs under
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/):
 * - Cloud.database `throwOnNotFound` (default true) and Document.get: a missing doc makes
 *   doc().get() reject; with `throwOnNotFound: false` it resolves `{ data: null }`. The
 *   rejection is shaped as wx-server-sdk 4.0.2 makes it (read in its index.js): an Error with
 *   errCode -1 and errMsg "document.get:fail document with _id <id> does not exist". The same
 *   holds for doc().get() inside a transaction (the SDK wraps both alike).
 * - database/document/Document.get: `{ data }` with `_id` included in data.
 * - database/document/Document.set: replaces the whole doc, creates it when missing; result
 *   `{ _id, stats: { updated, created } }`; data must be a non-empty object without `_id`
 *   (the SDK rejects both, errCode -501007 INVALID_PARAM).
 * - database/document/Document.remove: `{ stats: { removed } }`.
 * - database/collection/Collection.where, Command.eq/gt/gte/lt/lte/in and Command .and,
 *   Database.RegExp (regexp + options i/m/s; matches strings only): MongoDB semantics —
 *   eq(null) matches null and missing fields; comparisons only between the same BSON type
 *   (numbers with numbers, strings with strings by UTF-8 bytes); booleans equal only booleans.
 * - Collection.orderBy (several keys, in call order; mixed types in BSON type order: null <
 *   numbers < strings < objects < arrays < booleans), Collection.skip, Collection.limit: default
 *   and maximum 1000 per get in cloud functions; get → `{ data: [...] }`.
 * - Collection.count → `{ total }`.
 * - Database.runTransaction(callback, times = 3) and transaction/Transaction.collection: inside
 *   a transaction only single-doc operations (doc get/set/remove; where throws here); the
 *   callback's return value resolves runTransaction; a throw rejects it with the same value and
 *   nothing is written; transaction.rollback(reason) rejects with `reason`; a conflict is
 *   retried up to `times` more runs (the SDK's runTransaction, @cloudbase/database source),
 *   then thrown as the raw `{ code: 'DATABASE_TRANSACTION_CONFLICT', message }` response.
 * - Isolation: a transaction's writes are invisible outside it until commit and visible to its
 *   own reads; commit is all-or-nothing. Transactions run one at a time (serialised); a doc a
 *   transaction touched and that an outside write changed before commit makes the commit
 *   conflict (no lost update).
 * - Data is deep-copied in and out (structuredClone): nothing returned aliases stored state.
 *
 * Not modelled: update()/add()/aggregate/field()/watch, update operators (_.inc …), array
 * field matching (eq on an array field matching an element), nested-object equality, Geo,
 * serverDate, permissions and _openid, the client-side limit of 20, latency and request quotas,
 * snapshot reads across pages, real concurrency between transactions (they are serialised,
 * conflicts come only from outside writes or `injectCommitConflicts`), and the exact server
 * wording of errors other than the not-found one.
 */

type Data = Record<string, unknown>;

interface Stored {
  data: Data;
  version: number;
}

export interface CloudbaseDbDoubleOptions {
  /** as in `cloud.database({ throwOnNotFound })`; default true */
  throwOnNotFound?: boolean;
}

const MAX_LIMIT = 1000;

class Cmd {
  constructor(
    readonly op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'and',
    readonly value: unknown,
  ) {}
  and(...others: unknown[]): Cmd {
    return new Cmd('and', [this, ...others]);
  }
}

class DbRegExp {
  readonly regexp: string;
  readonly options: string;
  private readonly re: RegExp;
  constructor({ regexp, options }: { regexp: string; options?: string }) {
    if (!regexp) throw new TypeError('regexp must be a string');
    this.regexp = regexp;
    this.options = options ?? '';
    if (/[^ims]/.test(this.options)) throw new TypeError('options support i, m, s');
    this.re = new RegExp(regexp, this.options);
  }
  test(v: unknown): boolean {
    return typeof v === 'string' && this.re.test(v);
  }
}

function sdkError(api: string, errCode: number, errMsg: string): Error & { errCode: number; errMsg: string } {
  const e = new Error(`${api}:fail ${errMsg}`) as Error & { errCode: number; errMsg: string };
  e.errCode = errCode;
  e.errMsg = e.message;
  return e;
}

const clone = <T>(v: T): T => structuredClone(v);

function checkSetData(options: { data?: unknown } | undefined): Data {
  const data = options?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw sdkError('document.set', -501007, 'options.data must be an object');
  if (Object.keys(data).length === 0) throw sdkError('document.set', -501007, 'options.data must not be empty');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw sdkError('document.set', -501007, '不能更新_id的值');
  return clone(data as Data);
}

// ---- matching and ordering (MongoDB semantics) ----

function fieldValue(doc: Data, path: string): unknown {
  let v: unknown = doc;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Data)[k];
  }
  return v;
}

function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return 4;
}

function compareSameType(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // MongoDB's default (simple) collation compares strings by UTF-8 bytes.
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return 0;
}

function compareValues(a: unknown, b: unknown): number {
  const r = typeRank(a) - typeRank(b);
  return r !== 0 ? Math.sign(r) : compareSameType(a, b);
}

function equals(v: unknown, want: unknown): boolean {
  if (want === null) return v === null || v === undefined;
  if (typeof want === 'object') throw new Error('double: equality on objects/arrays is not modelled');
  return typeof v === typeof want && v === want;
}

function comparable(v: unknown, bound: unknown): boolean {
  return (typeof bound === 'number' || typeof bound === 'string') && typeof v === typeof bound;
}

function matchCondition(v: unknown, cond: unknown): boolean {
  if (cond instanceof DbRegExp) return cond.test(v);
  if (cond instanceof Cmd) {
    const x = cond.value;
    switch (cond.op) {
      case 'eq':
        return equals(v, x);
      case 'in':
        return (x as unknown[]).some((w) => equals(v, w));
      case 'gt':
        return comparable(v, x) && compareSameType(v, x) > 0;
      case 'gte':
        return comparable(v, x) && compareSameType(v, x) >= 0;
      case 'lt':
        return comparable(v, x) && compareSameType(v, x) < 0;
      case 'lte':
        return comparable(v, x) && compareSameType(v, x) <= 0;
      case 'and':
        return (x as unknown[]).every((c) => matchCondition(v, c));
    }
  }
  if (cond instanceof RegExp) return typeof v === 'string' && cond.test(v);
  return equals(v, cond);
}

function matches(id: string, data: Data, where: Data): boolean {
  const withId = { ...data, _id: id };
  return Object.entries(where).every(([field, cond]) => matchCondition(fieldValue(withId, field), cond));
}

// ---- the double ----

interface QueryState {
  where: Data;
  order: Array<[string, 'asc' | 'desc']>;
  limit?: number;
  skip: number;
}

export interface CloudbaseDbDouble {
  collection(name: string): DoubleCollection;
  readonly command: {
    eq(v: unknown): Cmd;
    gt(v: unknown): Cmd;
    gte(v: unknown): Cmd;
    lt(v: unknown): Cmd;
    lte(v: unknown): Cmd;
    in(v: unknown[]): Cmd;
  };
  RegExp(options: { regexp: string; options?: string }): DbRegExp;
  runTransaction<R>(callback: (transaction: DoubleTransaction) => Promise<R>, times?: number): Promise<R>;
  /** test hook: the next `n` commits fail with a transaction conflict, as the server would report */
  injectCommitConflicts(n: number): void;
  /** test hook: how many server requests of each kind were made */
  readonly calls: { get: number; queryGet: number; set: number; remove: number; count: number; commit: number; conflicts: number };
}

export interface DoubleDocument {
  get(): Promise<{ data: Data | null; errMsg: string }>;
  set(options: { data: Data }): Promise<{ _id: string; stats: { updated: number; created: number }; errMsg: string }>;
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface DoubleQuery {
  where(condition: Data): DoubleQuery;
  orderBy(field: string, direction: string): DoubleQuery;
  limit(n: number): DoubleQuery;
  skip(n: number): DoubleQuery;
  get(): Promise<{ data: Data[]; errMsg: string }>;
  count(): Promise<{ total: number; errMsg: string }>;
}

export interface DoubleCollection extends DoubleQuery {
  doc(id: string): DoubleDocument;
}

export interface DoubleTransaction {
  collection(name: string): { doc(id: string): DoubleDocument; where(): never };
  rollback(reason?: unknown): Promise<void>;
}

export function createCloudbaseDbDouble(options: CloudbaseDbDoubleOptions = {}): CloudbaseDbDouble {
  const throwOnNotFound = options.throwOnNotFound ?? true;
  const collections = new Map<string, Map<string, Stored>>();
  let version = 0;
  let pendingConflicts = 0;
  let txTail: Promise<unknown> = Promise.resolve();
  const calls = { get: 0, queryGet: 0, set: 0, remove: 0, count: 0, commit: 0, conflicts: 0 };

  const coll = (name: string) => {
    if (typeof name !== 'string' || !name) throw new Error('Collection name is required');
    let c = collections.get(name);
    if (!c) {
      // CloudBase needs collections created beforehand (console or createCollection); the double
      // creates them on first use, as a provisioned environment would already have them.
      c = new Map();
      collections.set(name, c);
    }
    return c;
  };

  const notFound = (id: string) => {
    if (throwOnNotFound) throw sdkError('document.get', -1, `document with _id ${id} does not exist`);
    return { data: null, errMsg: 'document.get:ok' };
  };

  // Every call resolves on a later tick, as a network round trip would, so callers cannot come
  // to depend on synchronous completion.
  const later = async <T>(f: () => T): Promise<T> => {
    await new Promise((r) => setImmediate(r));
    return f();
  };

  const doc = (name: string, id: string): DoubleDocument => ({
    get: () =>
      later(() => {
        calls.get++;
        const s = coll(name).get(String(id));
        return s ? { data: { ...clone(s.data), _id: id }, errMsg: 'document.get:ok' } : notFound(id);
      }),
    set: (o) =>
      later(() => {
        calls.set++;
        const data = checkSetData(o);
        const c = coll(name);
        const existed = c.has(id);
        c.set(id, { data, version: ++version });
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' };
      }),
    remove: () =>
      later(() => {
        calls.remove++;
        const removed = coll(name).delete(id) ? 1 : 0;
        if (removed) version++;
        return { stats: { removed }, errMsg: 'document.remove:ok' };
      }),
  });

  const query = (name: string, state: QueryState): DoubleQuery => ({
    where(condition) {
      if (Object.prototype.toString.call(condition) !== '[object Object]') throw new Error('query param must be an object');
      return query(name, { ...state, where: { ...condition } });
    },
    orderBy(field, direction) {
      if (direction !== 'asc' && direction !== 'desc') throw new Error('"direction" must be "asc" or "desc"');
      return query(name, { ...state, order: [...state.order.filter(([f]) => f !== field), [field, direction]] });
    },
    limit(n) {
      if (!Number.isInteger(n)) throw new Error('limit must be an integer');
      return query(name, { ...state, limit: n });
    },
    skip(n) {
      if (!Number.isInteger(n)) throw new Error('offset must be an integer');
      return query(name, { ...state, skip: n });
    },
    get: () =>
      later(() => {
        calls.queryGet++;
        const rows = [...coll(name)].filter(([id, s]) => matches(id, s.data, state.where));
        if (state.order.length) {
          rows.sort(([ia, a], [ib, b]) => {
            for (const [field, dir] of state.order) {
              const c = compareValues(fieldValue({ ...a.data, _id: ia }, field), fieldValue({ ...b.data, _id: ib }, field));
              if (c !== 0) return dir === 'asc' ? c : -c;
            }
            return 0;
          });
        }
        // limit: default and maximum 1000 per request in cloud functions (Collection.limit).
        const cap = Math.min(state.limit && state.limit > 0 ? state.limit : MAX_LIMIT, MAX_LIMIT);
        const page = rows.slice(state.skip, state.skip + cap);
        return { data: page.map(([id, s]) => ({ ...clone(s.data), _id: id })), errMsg: 'collection.get:ok' };
      }),
    count: () =>
      later(() => {
        calls.count++;
        const total = [...coll(name)].filter(([id, s]) => matches(id, s.data, state.where)).length;
        return { total, errMsg: 'collection.count:ok' };
      }),
  });

  const conflict = () => ({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict', requestId: `double-${version}` });

  /** One run of a transaction callback: buffered writes, versions seen at first touch. */
  const runOnce = async <R>(callback: (t: DoubleTransaction) => Promise<R>): Promise<R> => {
    const writes = new Map<string, Data | null>(); // key → data, or null for a removal
    const seen = new Map<string, number>(); // key → version when first touched (0 = missing)
    let open = true;
    let aborted: { reason: unknown } | null = null;
    const key = (c: string, id: string) => JSON.stringify([c, id]);
    const touch = (c: string, id: string) => {
      const k = key(c, id);
      if (!seen.has(k)) seen.set(k, coll(c).get(id)?.version ?? 0);
      return k;
    };
    const live = () => {
      if (!open) throw new Error('transaction is already finished');
    };
    const txDoc = (c: string, id: string): DoubleDocument => ({
      get: () =>
        later(() => {
          live();
          calls.get++;
          const k = touch(c, id);
          const data = writes.has(k) ? writes.get(k)! : coll(c).get(id)?.data ?? null;
          return data ? { data: { ...clone(data), _id: id }, errMsg: 'document.get:ok' } : notFound(id);
        }),
      set: (o) =>
        later(() => {
          live();
          calls.set++;
          const data = checkSetData(o);
          const k = touch(c, id);
          const existed = writes.has(k) ? writes.get(k) !== null : coll(c).has(id);
          writes.set(k, data);
          return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' };
        }),
      remove: () =>
        later(() => {
          live();
          calls.remove++;
          const k = touch(c, id);
          const existed = writes.has(k) ? writes.get(k) !== null : coll(c).has(id);
          writes.set(k, null);
          return { stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' };
        }),
    });
    const t: DoubleTransaction = {
      collection: (name: string) => {
        if (!name) throw new Error('Collection name is required');
        return {
          doc: (id: string) => txDoc(name, String(id)),
          where: () => {
            throw new Error('transactions allow single-doc operations only (Transaction.collection): no where/aggregate');
          },
        };
      },
      rollback: async (reason?: unknown) => {
        live();
        aborted = { reason };
        open = false;
      },
    };
    try {
      const result = await callback(t);
      if (aborted) throw (aborted as { reason: unknown }).reason;
      live();
      calls.commit++;
      if (pendingConflicts > 0) {
        pendingConflicts--;
        throw conflict();
      }
      for (const [k, v] of seen) {
        const [c, id] = JSON.parse(k) as [string, string];
        if ((coll(c).get(id)?.version ?? 0) !== v) throw conflict();
      }
      // Apply every buffered write at once: all or nothing.
      for (const [k, data] of writes) {
        const [c, id] = JSON.parse(k) as [string, string];
        if (data === null) coll(c).delete(id);
        else coll(c).set(id, { data, version: ++version });
      }
      return result;
    } finally {
      open = false;
    }
  };

  return {
    collection(name: string) {
      const c: DoubleCollection = { ...query(name, { where: {}, order: [], skip: 0 }), doc: (id: string) => doc(name, String(id)) };
      return c;
    },
    command: {
      eq: (v) => new Cmd('eq', v),
      gt: (v) => new Cmd('gt', v),
      gte: (v) => new Cmd('gte', v),
      lt: (v) => new Cmd('lt', v),
      lte: (v) => new Cmd('lte', v),
      in: (v) => {
        if (!Array.isArray(v)) throw new TypeError('in takes an array');
        return new Cmd('in', [...v]);
      },
    },
    RegExp: (o) => new DbRegExp(o),
    runTransaction<R>(callback: (transaction: DoubleTransaction) => Promise<R>, times = 3): Promise<R> {
      const run = txTail.then(async () => {
        // The SDK retries a conflict while `times` lasts: times + 1 runs at most.
        for (let left = times; ; left--) {
          try {
            return await runOnce(callback);
          } catch (e) {
            const isConflict = !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';
            if (isConflict) calls.conflicts++;
            if (!isConflict || left <= 0) throw e;
          }
        }
      });
      txTail = run.catch(() => undefined);
      return run;
    },
    injectCommitConflicts(n: number) {
      pendingConflicts = n;
    },
    calls,
  };
}
