/**
 * Storage of personal data (个人信息保护法 第五十一条; docs/identity.md "Storage"): DATA_DIR is 0700 and
 * the SQLite files 0600; full ID numbers and phones are sealed (AES-256-GCM) in the database by the
 * store-agnostic layer, the keyed hash stays for lookups; keys rotate without losing a record.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { dataKeysFromJson, resealAll, sealedStore, type DataKeys } from '../../cloudfunctions/core/sealed-store';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const NOW = '2026-06-02T10:00:00+08:00';
const mode = (p: string) => statSync(p).mode & 0o777;

describe('personal data at rest', () => {
  const person = makePerson({ region: '210204', phone: '13987654321' });
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(person)] } });
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...person }, 'openid-store')).json.data.status).toBe('approved');
  });
  afterAll(async () => { await gw?.close(); });

  test('DATA_DIR is readable by the owner only (0700); the SQLite files, the WAL, the shared memory and the secrets are 0600', () => {
    expect(mode(gw.dataDir)).toBe(0o700);
    const files = readdirSync(gw.dataDir).filter((f) => f.startsWith('store.sqlite') || f.endsWith('.secret') || f.endsWith('.log'));
    expect(files).toEqual(expect.arrayContaining(['store.sqlite', 'store.sqlite-wal', 'store.sqlite-shm', 'person-key.secret', 'data-key.secret']));
    for (const f of files) expect([f, mode(join(gw.dataDir, f))]).toEqual([f, 0o600]);
  });

  test('an older DATA_DIR (0755) with a 0644 database is narrowed when the store opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jy-mode-'));
    const { chmodSync, writeFileSync } = await import('node:fs');
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'store.sqlite'), '', { mode: 0o644 });
    chmodSync(join(dir, 'store.sqlite'), 0o644);
    const store = openSqliteStore({ dataDir: dir });
    await store.put('audit', 'a', { at: 1 });
    expect(mode(dir)).toBe(0o700);
    for (const f of ['store.sqlite', 'store.sqlite-wal', 'store.sqlite-shm']) expect(mode(join(dir, f))).toBe(0o600);
    await store.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an older DATA_DIR whose secrets, sent log, claims and keys/ are 0644 / 0755 is narrowed (0600 files, 0700 folders) when the gateway starts again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jy-mode-old-'));
    try {
      const p = makePerson({ region: '210204' });
      const first = await startTestGateway({ now: NOW, dataDir: dir, gov: { persons: [govRecord(p)] } });
      expect((await first.call('applyCertificate', { requestId: requestId(), ...p }, 'openid-old')).json.data.status).toBe('approved');
      // the certificate page signs a QR: the signing key is written to keys/
      expect((await first.call('getMyCertificate', {}, 'openid-old')).json.data.qrToken).toBeTruthy();
      await first.close(true);
      // what an older version left: every file 0644, every folder 0755
      if (!existsSync(join(dir, 'outbox-sent.log'))) writeFileSync(join(dir, 'outbox-sent.log'), '');
      if (!existsSync(join(dir, 'insurance-claims.jsonl'))) writeFileSync(join(dir, 'insurance-claims.jsonl'), '');
      const keyFiles = readdirSync(join(dir, 'keys'));
      expect(keyFiles.length).toBeGreaterThan(0);
      const files = ['person-key.secret', 'data-key.secret', 'outbox-sent.log', 'insurance-claims.jsonl', ...keyFiles.map((f) => join('keys', f))];
      for (const f of files) chmodSync(join(dir, f), 0o644);
      for (const d of [dir, join(dir, 'keys')]) chmodSync(d, 0o755);
      expect(mode(join(dir, 'person-key.secret'))).toBe(0o644);

      const again = await startTestGateway({ now: NOW, dataDir: dir, gov: { persons: [govRecord(p)] } });
      try {
        expect(mode(dir)).toBe(0o700);
        expect(mode(join(dir, 'keys'))).toBe(0o700);
        for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
        // the same secrets, still readable by their owner: the person's records are theirs as before
        expect((await again.call('getMyData', {}, 'openid-old')).json.data.people[0].person).toMatchObject({ idNumber: p.idNumber });
      } finally {
        await again.close(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the database file holds no full ID number or phone; the person still reads them (their own data)', async () => {
    const db = new Database(join(gw.dataDir, 'store.sqlite'), { readonly: true });
    const all = (db.prepare('SELECT data FROM docs').all() as Array<{ data: string }>).map((r) => r.data).join('\n');
    db.close();
    expect(all.length).toBeGreaterThan(1000);
    expect(all).not.toContain(person.idNumber);
    expect(all).not.toContain(person.phone);
    expect(all).toContain('enc:v1:local:');
    // nor do the raw files (WAL included)
    for (const f of ['store.sqlite', 'store.sqlite-wal']) {
      const bytes = readFileSync(join(gw.dataDir, f)).toString('latin1');
      expect(bytes.includes(person.idNumber)).toBe(false);
    }
    const mine = (await gw.call('getMyData', {}, 'openid-store')).json.data.people[0];
    expect(mine.person).toMatchObject({ idNumber: person.idNumber, phone: person.phone });
  });
});

describe('data keys: rotation and refusals', () => {
  const hex = () => randomBytes(32).toString('hex');
  const k1 = hex();
  const k2 = hex();
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'jy-keys-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('rotate: old values open with their key, new writes use the current one, resealAll moves everything, then the old key can go', async () => {
    const raw = openSqliteStore({ dataDir: dir });
    const v1: DataKeys = dataKeysFromJson(JSON.stringify({ current: 'k1', keys: { k1 } }));
    await sealedStore(raw, v1).put('applications', 'a1', { person: { idNumber: '210204198806120021', phone: '13900000000' }, personKey: 'pk' });
    const v2 = dataKeysFromJson(JSON.stringify({ current: 'k2', keys: { k1, k2 } }));
    const s2 = sealedStore(raw, v2);
    expect(await s2.get('applications', 'a1')).toMatchObject({ person: { idNumber: '210204198806120021', phone: '13900000000' } });
    await s2.put('applications', 'a2', { person: { idNumber: '210204198806120013' } });
    expect(JSON.stringify(await raw.get('applications', 'a2'))).toContain('enc:v1:k2:');
    expect(await resealAll(s2, raw, v2, ['applications'])).toBe(1);
    expect(JSON.stringify(await raw.find('applications', {}))).not.toContain('enc:v1:k1:');
    const only2 = sealedStore(raw, dataKeysFromJson(JSON.stringify({ current: 'k2', keys: { k2 } })));
    expect(await only2.get('applications', 'a1')).toMatchObject({ person: { idNumber: '210204198806120021' } });
    // the keyed hash (personKey) is untouched: lookups work as before
    expect(await only2.find('applications', { personKey: 'pk' })).toHaveLength(1);
    await raw.close?.();
  });

  test('a missing key, a wrong key and a query on a sealed field fail loudly, never return ciphertext as data', async () => {
    const raw = openSqliteStore({ dataDir: dir });
    await sealedStore(raw, dataKeysFromJson(JSON.stringify({ current: 'k1', keys: { k1 } }))).put('certificates', 'c', { idNumber: '210204198806120021' });
    await expect(sealedStore(raw, dataKeysFromJson(JSON.stringify({ current: 'k2', keys: { k2 } }))).get('certificates', 'c')).rejects.toThrow(/unknown key "k1"/);
    await expect(sealedStore(raw, { current: 'k1', keys: { k1: Buffer.from(k2, 'hex') } }).get('certificates', 'c')).rejects.toThrow();
    await expect(sealedStore(raw, dataKeysFromJson(JSON.stringify({ current: 'k1', keys: { k1 } }))).find('certificates', { idNumber: 'x' })).rejects.toThrow(/sealed field/);
    expect(() => dataKeysFromJson('{"current":"k9","keys":{"k1":"00"}}')).toThrow(/DATA_KEYS/);
    await raw.close?.();
  });
});
