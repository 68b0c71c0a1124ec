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
 * (docs/identity.md "Keys"): add a new key and make it current — new writes use it, old values open
 * with their own kid — then `resealAll` re-writes every document under the current key, and the old
 * key can go.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
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

/**
 * Re-writes every document of `collections` that holds a value sealed under an older key, under the
 * current one (after a rotation). `inner` is the unwrapped store (to see which kid sealed what);
 * `store` the sealed one. Idempotent; safe while the service runs: each document is re-written in
 * its own transaction from its state at that moment.
 */
export async function resealAll(store: StorePort, inner: StorePort, keys: DataKeys, collections: Collection[]): Promise<number> {
  let n = 0;
  for (const c of collections) {
    const rows = await inner.find<Doc & { _id: string }>(c, {}, { limit: 100_000 });
    for (const row of rows) {
      if (!JSON.stringify(row).match(/"enc:v1:([^:"]+):/g)?.some((m) => !m.startsWith(`"enc:v1:${keys.current}:`))) continue;
      await store.transaction(async (tx) => {
        const current = await tx.get(c, row._id);
        if (current) await tx.put(c, row._id, current);
      });
      n++;
    }
  }
  return n;
}
