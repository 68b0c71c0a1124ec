/**
 * Key rotation of the at-rest encryption (docs/identity.md "Rotation"): `resealEach` pages through
 * every collection of any size (a store that answers at most a page per query, as CloudBase caps a
 * query at 1000 rows, still gets every row re-sealed), resumes after an interruption, writes nothing
 * the second time; and the operator script `scripts/reseal.ts` does it on a DATA_DIR with DATA_KEYS.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openSqliteStore } from '../adapters/store.sqlite';
import { dataKeysFromJson, needsReseal, resealAll, resealEach, sealedStore, SEALED_FIELDS, type DataKeys } from './sealed-store';
import type { Collection, Doc, StorePort } from './store.port';

const hex = () => randomBytes(32).toString('hex');
const k1 = hex();
const k2 = hex();
const V1 = JSON.stringify({ current: 'k1', keys: { k1 } });
const V2 = JSON.stringify({ current: 'k2', keys: { k1, k2 } });
const ONLY2 = JSON.stringify({ current: 'k2', keys: { k2 } });

/** A valid-looking 18-digit number (the check character does not matter to sealing). */
const idOf = (i: number) => `2102041988${String(i).padStart(7, '0')}X`;
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

/** Every sealed-field string of a raw document, at any depth. */
function sealedValues(doc: unknown, field = ''): string[] {
  if (typeof doc === 'string') return SEALED_FIELDS.has(field) ? [doc] : [];
  if (Array.isArray(doc)) return doc.flatMap((x) => sealedValues(x, field));
  if (doc && typeof doc === 'object') return Object.entries(doc).flatMap(([k, v]) => sealedValues(v, k));
  return [];
}

/** A store that answers at most `cap` rows per query, whatever limit is asked (CloudBase: 1000). */
function capped(inner: StorePort, cap: number): StorePort {
  return { ...inner, find: (c, where, o) => inner.find(c, where, { ...o, limit: Math.min(o?.limit ?? 1000, cap) }) };
}

interface Written { c: Collection; id: string; doc: Doc }

/** Applications, audit entries with phones in an array, certificates, and legacy rows stored before sealing. */
async function fill(raw: StorePort, keys: DataKeys, n: number): Promise<Written[]> {
  const s1 = sealedStore(raw, keys);
  const out: Written[] = [];
  for (let i = 0; i < n; i++) {
    const app = { personKey: `pk${i}`, person: { name: '周海涛', idNumber: idOf(i), phone: phoneOf(i), landline: '0411-84201528' }, region: '210204' };
    await s1.put('applications', `a${String(i).padStart(4, '0')}`, app);
    out.push({ c: 'applications', id: `a${String(i).padStart(4, '0')}`, doc: app });
    if (i % 3 === 0) {
      const audit = { at: i, contacts: [{ phone: phoneOf(i) }, { phone: phoneOf(i + 1) }], action: 'revealContact' };
      await s1.put('audit', `au${i}`, audit);
      out.push({ c: 'audit', id: `au${i}`, doc: audit });
    }
  }
  // rows of a version before sealing: plain numbers in sealed fields (re-sealed too)
  for (let i = 0; i < 5; i++) {
    const cert = { personKey: `old${i}`, idNumber: idOf(9000 + i), name: '钱立群' };
    await raw.put('certificates', `old${i}`, cert);
    out.push({ c: 'certificates', id: `old${i}`, doc: cert });
  }
  return out;
}

describe('resealEach: rotation over collections larger than a page', () => {
  let dir: string;
  let raw: StorePort;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jy-reseal-'));
    raw = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await raw.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a store that answers 10 rows per query: every raw value ends under the new kid and reads back the same; a second run writes nothing', async () => {
    const written = await fill(raw, dataKeysFromJson(V1), 57);
    const keys = dataKeysFromJson(V2);
    const inner = capped(raw, 10);
    const reports = await resealEach(sealedStore(inner, keys), inner, keys, ['applications', 'audit', 'certificates', 'messages'], { pageSize: 10 });
    expect(reports.map((r) => [r.collection, r.scanned, r.resealed])).toEqual([['applications', 57, 57], ['audit', 19, 19], ['certificates', 5, 5], ['messages', 0, 0]]);

    const all = [...(await raw.find('applications', {}, { limit: 10_000 })), ...(await raw.find('audit', {}, { limit: 10_000 })), ...(await raw.find('certificates', {}, { limit: 10_000 }))];
    const values = all.flatMap((d) => sealedValues(d));
    expect(values.length).toBe(57 * 3 + 19 * 2 + 5);
    for (const v of values) expect(v.startsWith('enc:v1:k2:')).toBe(true);
    // only the new key is needed now, and every document reads back as written
    const only2 = sealedStore(raw, dataKeysFromJson(ONLY2));
    for (const w of written) expect(await only2.get(w.c, w.id)).toEqual(w.doc);

    expect(await resealAll(sealedStore(inner, keys), inner, keys, ['applications', 'audit', 'certificates'], { pageSize: 10 })).toBe(0);
    // no cursor is left behind
    expect(await raw.find('counters', {})).toEqual([]);
  });

  test('interrupted halfway (the store goes away), the next run resumes at its cursor and finishes; nothing re-sealed twice', async () => {
    await fill(raw, dataKeysFromJson(V1), 40);
    const keys = dataKeysFromJson(V2);
    let left = 15; // the 16th transaction fails: a lost connection
    const failing: StorePort = {
      ...raw,
      transaction: (fn) => (left-- > 0 ? raw.transaction(fn) : Promise.reject(new Error('connection lost'))),
    };
    await expect(resealEach(sealedStore(failing, keys), raw, keys, ['applications'], { pageSize: 4 })).rejects.toThrow('connection lost');
    const stale = (await raw.find('applications', {}, { limit: 1000 })).filter((d) => needsReseal(keys, d)).length;
    expect(stale).toBe(40 - 15);
    const cursor = await raw.get<{ after: string; kid: string }>('counters', 'cursor:reseal:applications');
    expect(cursor).toEqual({ after: 'a0011', kid: 'k2' }); // three whole pages of 4 done

    const [again] = await resealEach(sealedStore(raw, keys), raw, keys, ['applications'], { pageSize: 4 });
    // from the cursor: the 3 done after it are skipped (already under k2), the rest re-sealed
    expect(again).toEqual({ collection: 'applications', scanned: 40 - 12, resealed: 25, resumed: true });
    expect((await raw.find('applications', {}, { limit: 1000 })).filter((d) => needsReseal(keys, d))).toEqual([]);
    expect(await raw.get('counters', 'cursor:reseal:applications')).toBeNull();
  });

  test('a cursor left by a rotation to another key is not trusted: the run starts from the beginning', async () => {
    await fill(raw, dataKeysFromJson(V1), 12);
    await raw.put('counters', 'cursor:reseal:applications', { after: 'a0010', kid: 'k0' });
    const keys = dataKeysFromJson(V2);
    const [r] = await resealEach(sealedStore(raw, keys), raw, keys, ['applications'], { pageSize: 5 });
    expect(r).toMatchObject({ scanned: 12, resealed: 12, resumed: false });
  });
});

describe('scripts/reseal.ts (the operator step)', () => {
  test('re-seals a DATA_DIR under the new DATA_KEYS, prints the counts, exits 0; the old key can then go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jy-reseal-cli-'));
    try {
      const raw = openSqliteStore({ dataDir: dir });
      const written = await fill(raw, dataKeysFromJson(V1), 23);
      await raw.close?.();
      const run = () => promisify(execFile)(resolve(__dirname, '../../node_modules/.bin/tsx'), [resolve(__dirname, '../../scripts/reseal.ts')], {
        cwd: resolve(__dirname, '../..'), env: { ...process.env, DATA_DIR: dir, DATA_KEYS: V2, STORE: 'sqlite', RESEAL_PAGE: '7' },
      });
      const first = await run();
      expect(first.stdout).toMatch(/applications\s+23 read\s+23 re-sealed/);
      expect(first.stdout).toMatch(/audit\s+8 read\s+8 re-sealed/);
      expect(first.stdout).toMatch(/certificates\s+5 read\s+5 re-sealed/);
      expect(first.stdout).toContain('keys no longer needed: k1');
      const second = await run();
      expect(second.stdout).toContain('re-sealed 0 document(s)');

      const after = openSqliteStore({ dataDir: dir });
      const only2 = sealedStore(after, dataKeysFromJson(ONLY2));
      for (const w of written) expect(await only2.get(w.c, w.id)).toEqual(w.doc);
      for (const c of ['applications', 'audit', 'certificates'] as const) {
        for (const v of (await after.find(c, {}, { limit: 1000 })).flatMap((d) => sealedValues(d))) expect(v.startsWith('enc:v1:k2:')).toBe(true);
      }
      await after.close?.();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
