/**
 * Full ID numbers and phone numbers are encrypted at rest, in every store (个人信息保护法 第五十一条:
 * 采取相应的加密、去标识化等安全技术措施; 第二十八条: ID numbers are sensitive). A store-agnostic layer
 * over the store port: every `idNumber`, `phone` and `landline` string, at any depth of a document, is
 * sealed with AES-256-GCM (node:crypto) before the adapter sees it and opened after it reads — so the
 * SQLite adapter, the CloudBase adapter and any adapter to come get it without a line of their own.
 * Lookups never need the number: documents are keyed by the keyed hash (`deps.personKey`), which
 * stays as it is. A query on a sealed field is a bug and throws.
 *
 * Format: `enc:v1:<kid>:<base64url(iv[12] ‖ ciphertext ‖ tag[16])>`, the field name as additional
 * data (a value moved to another field does not open). Keys: `{ current, keys: { kid: 32 bytes } }`
 * from configuration (DATA_KEYS in production; DATA_DIR/data-key.secret locally). Rotation
 * (docs/identity.md "Rotation"): add a new key and make it current — new writes use it, old values
 * open with their own kid — then `resealAll` (operators: `npx tsx scripts/reseal.ts`) re-writes every
 * document under the current key, and the old key can go.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ids } from './collections';
import type { Collection, Doc, FindOptions, StorePort, StoreTx, Where } from './store.port';

export const SEALED_FIELDS: ReadonlySet<string> = new Set(['idNumber', 'phone', 'landline']);
const PREFIX = 'enc:v1:';

export interface DataKeys {
  current: string;
  keys: Record<string, Buffer>;
}

/** `{"current":"k2","keys":{"k1":"<64 hex>","k2":"<64 hex>"}}` → DataKeys; throws on anything else. */
export function dataKeysFromJson(json: string): DataKeys {
  const raw = JSON.parse(json) as { current?: unknown; keys?: Record<string, unknown> };
  const keys: Record<string, Buffer> = {};
  for (const [kid, hex] of Object.entries(raw.keys ?? {})) {
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(kid) || typeof hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`DATA_KEYS: key ${kid} must be 64 hex characters under a short id`);
    keys[kid] = Buffer.from(hex, 'hex');
  }
  if (typeof raw.current !== 'string' || !keys[raw.current]) throw new Error('DATA_KEYS: "current" must name one of "keys"');
  return { current: raw.current, keys };
}

export function seal(keys: DataKeys, field: string, value: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.keys[keys.current], iv);
  c.setAAD(Buffer.from(field, 'utf8'));
  const body = Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]);
  return `${PREFIX}${keys.current}:${body.toString('base64url')}`;
}

export function open(keys: DataKeys, field: string, sealed: string): string {
  const rest = sealed.slice(PREFIX.length);
  const i = rest.indexOf(':');
  const kid = rest.slice(0, i);
  const key = keys.keys[kid];
  if (!key) throw new Error(`sealed value under unknown key "${kid}" (DATA_KEYS lacks it)`);
  const body = Buffer.from(rest.slice(i + 1), 'base64url');
  const d = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
  d.setAAD(Buffer.from(field, 'utf8'));
  d.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]).toString('utf8');
}

function walk(v: unknown, f: (field: string, s: string) => string, field = ''): unknown {
  if (typeof v === 'string') return SEALED_FIELDS.has(field) ? f(field, v) : v;
  if (Array.isArray(v)) return v.map((x) => walk(x, f, field));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, f, k);
    return out;
  }
  return v;
}

export const sealDoc = <T>(keys: DataKeys, doc: T): T => walk(doc, (field, s) => (s.startsWith(PREFIX) ? s : seal(keys, field, s))) as T;
export const openDoc = <T>(keys: DataKeys, doc: T): T => walk(doc, (field, s) => (s.startsWith(PREFIX) ? open(keys, field, s) : s)) as T;

function guardWhere(where: Where): void {
  for (const k of Object.keys(where)) {
    if (SEALED_FIELDS.has(k.split('.').pop()!)) throw new Error(`query on sealed field ${k}: look people up by personKey`);
  }
}

function sealedTx(tx: StoreTx, keys: DataKeys): StoreTx {
  return {
    get: async <T extends object = Doc>(c: Collection, id: string) => {
      const d = await tx.get<T>(c, id);
      return d ? openDoc(keys, d) : null;
    },
    put: (c, id, doc) => tx.put(c, id, sealDoc(keys, doc)),
    create: (c, id, doc) => tx.create(c, id, sealDoc(keys, doc)),
    remove: (c, id) => tx.remove(c, id),
  };
}

export function sealedStore(inner: StorePort, keys: DataKeys): StorePort {
  const base = sealedTx(inner, keys);
  return {
    ...base,
    transaction: (fn) => inner.transaction((tx) => fn(sealedTx(tx, keys))),
    async find<T extends object = Doc>(c: Collection, where: Where, options?: FindOptions) {
      guardWhere(where);
      return (await inner.find<T>(c, where, options)).map((d) => openDoc(keys, d));
    },
    count(c, where) {
      guardWhere(where);
      return inner.count(c, where);
    },
    ...(inner.close ? { close: () => inner.close!() } : {}),
  };
}

/** Every collection of the store port (a new one must be added here, or this does not compile). */
const COLLECTION_SET: Record<Collection, true> = {
  applications: true, certificates: true, registrations: true, requests: true, persons: true, bindings: true, delegations: true,
  counters: true, outbox: true, messages: true, subscriptions: true, audit: true, locks: true, verifications: true, tasks: true,
  keys: true, staff: true, deregistrations: true, services: true,
};
export const ALL_COLLECTIONS = Object.keys(COLLECTION_SET) as Collection[];

/** True when a sealed field of `doc` (at any depth) is not sealed under the current key: an older kid, or plain text. */
export function needsReseal(keys: DataKeys, doc: unknown): boolean {
  const mine = `${PREFIX}${keys.current}:`;
  let stale = false;
  walk(doc, (_field, v) => {
    if (!v.startsWith(mine)) stale = true;
    return v;
  });
  return stale;
}

export interface ResealOptions {
  /** rows read per query (default 500); the keyset paging goes on until the collection ends, at any size */
  pageSize?: number;
  /** count what would be re-sealed, write nothing (the check after a run: 0 everywhere = the old key can go) */
  dryRun?: boolean;
  /** after each page: where the run is (the operator script prints it) */
  onPage?: (p: ResealReport) => void;
}

export interface ResealReport {
  collection: Collection;
  /** rows read */
  scanned: number;
  /** rows re-written under the current key (dryRun: rows that would be) */
  resealed: number;
  /** true when this run started after the cursor a previous, interrupted run left */
  resumed: boolean;
}


/**
 * Re-writes every document of `collections` holding a sealed value that is not under the current
 * key (an older kid, or a number stored before sealing), under the current one — after a rotation
 * (docs/identity.md "Rotation"; operators run `scripts/reseal.ts`). `inner` is the unwrapped store
 * (to see which kid sealed what), `store` the sealed one.
 *
 * Pages through each collection by `_id` (keyset: `_id > last`, both stores order by it), so a
 * collection of any size is walked whole and rows written meanwhile are neither skipped nor read
 * twice. Resumable: after each page the last `_id` is kept in `counters/cursor:reseal:<collection>`
 * with the target kid; a run that was interrupted goes on from there (a cursor of another target kid
 * is ignored), and the cursor is removed when the collection is done. Idempotent: a row already
 * under the current key is skipped, so running it again writes nothing. Safe while the service runs:
 * each document is re-written in its own transaction from its state at that moment.
 */
export async function resealEach(store: StorePort, inner: StorePort, keys: DataKeys, collections: readonly Collection[] = ALL_COLLECTIONS, o: ResealOptions = {}): Promise<ResealReport[]> {
  const size = Math.max(1, Math.floor(o.pageSize ?? 500));
  const reports: ResealReport[] = [];
  for (const c of collections) {
    const saved = o.dryRun ? null : await inner.get<{ after?: unknown; kid?: unknown }>('counters', ids.resealCursor(c));
    let after: string | null = saved && saved.kid === keys.current && typeof saved.after === 'string' ? saved.after : null;
    const report: ResealReport = { collection: c, scanned: 0, resealed: 0, resumed: after !== null };
    for (;;) {
      const rows = await inner.find<Doc & { _id: string }>(c, after === null ? {} : { _id: { gt: after } }, { orderBy: { field: '_id', direction: 'asc' }, limit: size });
      for (const row of rows) {
        report.scanned += 1;
        if (!needsReseal(keys, row)) continue;
        report.resealed += 1;
        if (o.dryRun) continue;
        await store.transaction(async (tx) => {
          const current = await tx.get(c, row._id);
          if (current) await tx.put(c, row._id, current);
        });
      }
      if (rows.length > 0) after = rows[rows.length - 1]._id;
      o.onPage?.({ ...report });
      if (rows.length < size) break;
      if (!o.dryRun) await inner.put('counters', ids.resealCursor(c), { after, kid: keys.current });
    }
    if (!o.dryRun) await inner.remove('counters', ids.resealCursor(c));
    reports.push(report);
  }
  return reports;
}

/** `resealEach`, summed: how many documents were re-written. */
export async function resealAll(store: StorePort, inner: StorePort, keys: DataKeys, collections: readonly Collection[] = ALL_COLLECTIONS, o: ResealOptions = {}): Promise<number> {
  return (await resealEach(store, inner, keys, collections, o)).reduce((n, r) => n + r.resealed, 0);
}
