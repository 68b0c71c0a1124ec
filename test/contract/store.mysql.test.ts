/**
 * The store contract on a real MariaDB server (test/support/mariadb.ts), and what only a
 * relational server has: versioned migrations, unique keys, the product's queries answered from
 * indexes (EXPLAIN), and the faults of docs/store.md — deadlock between two real transactions,
 * lock wait timeout, a connection killed mid-transaction — retried a bounded number of times and
 * then 503 with a Chinese message, never a lost or doubled submission.
 */
import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import {
  COLLECTIONS, MIGRATIONS, MYSQL_INDEXES, SCHEMA_VERSION, countSql, findSql, migrate, openMysqlStore, tableOf, type MysqlStore,
} from '../../cloudfunctions/adapters/store.mysql';
import { StoreUnavailableError, type Collection, type Where } from '../../cloudfunctions/core/store.port';
import { STORE_BUSY_MESSAGE } from '../../cloudfunctions/core/dispatch.core';
import { startTestGateway } from '../support/gateway';
import { startMariadb, type MariadbServer } from '../support/mariadb';
import { govRecord, makePerson, requestId } from '../support/people';
import { describeStoreContract } from './store.contract';

jest.setTimeout(60_000);

let server: MariadbServer;
beforeAll(async () => {
  server = await startMariadb();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

// One database for the contract suite, emptied before each test (a new database per test costs
// ≈ 1 s of CREATE TABLE on this machine; the migrations have tests of their own below).
let contractUrl: string | null = null;
describeStoreContract('mysql (MariaDB server)', async () => {
  if (!contractUrl) {
    contractUrl = await server.freshDatabase('contract');
    await (await openMysqlStore({ url: contractUrl })).close?.();
  }
  const url = contractUrl;
  const admin = await server.admin();
  const db = new URL(url).pathname.slice(1);
  await admin.query(COLLECTIONS.map((c) => `DELETE FROM \`${db}\`.${tableOf(c)};`).join(' '));
  await admin.end();
  return {
    store: await openMysqlStore({ url, connectionLimit: 8 }),
    reopen: () => openMysqlStore({ url, connectionLimit: 8 }),
    cleanup: async () => undefined,
  };
});

describe('mysql store on MariaDB', () => {
  let url: string;
  let store: MysqlStore;
  beforeEach(async () => {
    url = await server.freshDatabase('mysql');
    store = await openMysqlStore({ url, connectionLimit: 4 });
  });
  afterEach(async () => {
    await store.close?.();
  });

  describe('migrations', () => {
    it('apply once, in version order, and are recorded', async () => {
      const [rows] = await store.pool.query<mysql.RowDataPacket[]>('SELECT version, description FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const [tables] = await store.pool.query<mysql.RowDataPacket[]>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'doc\\_%'");
      expect(tables.map((r) => r.t).sort()).toEqual(COLLECTIONS.map(tableOf).sort());
      // a second open (a warm instance, the next deploy) applies nothing and keeps the data
      await store.put('persons', 'p1', { a: 1 });
      const conn = await store.pool.getConnection();
      try {
        expect(await migrate(conn)).toEqual([]);
      } finally {
        conn.release();
      }
      const again = await openMysqlStore({ url });
      expect(await again.get('persons', 'p1')).toEqual({ a: 1 });
      await again.close?.();
      const [after] = await store.pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM schema_migrations');
      expect(Number(after[0].n)).toBe(MIGRATIONS.length);
    });

    it('run once when several cold starts open a new database at the same time', async () => {
      const fresh = await server.freshDatabase('race');
      const stores = await Promise.all(Array.from({ length: 4 }, () => openMysqlStore({ url: fresh })));
      const [rows] = await stores[0].pool.query<mysql.RowDataPacket[]>('SELECT version FROM schema_migrations');
      expect(rows.map((r) => r.version)).toEqual([SCHEMA_VERSION]);
      await Promise.all(stores.map((s) => s.close?.()));
    });

    it('a later migration is applied to a database of an earlier version, once', async () => {
      const extra = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'test: a new table', statements: () => ['CREATE TABLE IF NOT EXISTS t_extra (id INT PRIMARY KEY)'] }];
      const conn = await store.pool.getConnection();
      try {
        expect(await migrate(conn, extra)).toEqual([SCHEMA_VERSION + 1]);
        expect(await migrate(conn, extra)).toEqual([]);
      } finally {
        conn.release();
      }
    });

    it("'verify' refuses a database whose schema is behind, and serves one that is current", async () => {
      const empty = await server.freshDatabase('behind');
      await expect(openMysqlStore({ url: empty, migrations: 'verify' })).rejects.toThrow(/schema is behind.*migrate:mysql/);
      const ok = await openMysqlStore({ url, migrations: 'verify' });
      await ok.close?.();
    });
  });

  describe('unique keys', () => {
    it('one certificate number names one certificate', async () => {
      await store.put('certificates', 'pk1', { certificateNo: '21020220260000017', version: 1 });
      await store.put('certificates', 'pk1', { certificateNo: '21020220260000017', version: 2 }); // 补发: same doc, same number
      await expect(store.put('certificates', 'pk2', { certificateNo: '21020220260000017', version: 1 })).rejects.toThrow(/Duplicate/);
      await expect(store.create('certificates', 'pk3', { certificateNo: '21020220260000017', version: 1 })).rejects.toThrow(/Duplicate/);
      expect(await store.get('certificates', 'pk1')).toEqual({ certificateNo: '21020220260000017', version: 2 });
      expect(await store.get('certificates', 'pk2')).toBeNull();
      expect(await store.count('certificates', {})).toBe(1);
    });

    it('AAB301 + AAZ341 names one export record (人社厅发〔2020〕79号 附件)', async () => {
      await store.put('deregistrations', 'd1', { region: '210202', serial: '202603010000000001', at: 1 });
      await store.put('deregistrations', 'd2', { region: '210203', serial: '202603010000000001', at: 1 });
      await expect(store.put('deregistrations', 'd3', { region: '210202', serial: '202603010000000001', at: 2 })).rejects.toThrow(/Duplicate/);
      expect(await store.count('deregistrations', {})).toBe(2);
    });

    it('ids compare byte for byte: no case folding, no trailing-space padding', async () => {
      await store.put('persons', 'a', { v: 1 });
      await store.put('persons', 'A', { v: 2 });
      await store.put('persons', 'a ', { v: 3 });
      expect(await store.get('persons', 'a')).toEqual({ v: 1 });
      expect(await store.get('persons', 'A')).toEqual({ v: 2 });
      expect(await store.get('persons', 'a ')).toEqual({ v: 3 });
      await store.put('bindings', 'b1', { openid: 'x' });
      await store.put('bindings', 'b2', { openid: 'X' });
      await store.put('bindings', 'b3', { openid: 'x ' });
      expect((await store.find('bindings', { openid: 'x' })).map((d) => d._id)).toEqual(['b1']);
    });
  });

  describe('with 10,000 applications', () => {
    // one table of 10,000 for both tests (inserting them costs seconds)
    let big: MysqlStore | null = null;
    beforeEach(async () => {
      if (big) {
        await store.close?.();
        store = big;
        return;
      }
      const statuses = ['pending_review', 'approved', 'rejected', 'withdrawn'];
      const rows: Array<[string, string]> = [];
      for (let i = 0; i < 10_000; i++) {
        rows.push([`app${i}`, JSON.stringify({
          personKey: `pk${i % 5000}`, openid: `o${i % 5000}`, status: statuses[i % 4], region: `2102${String(i % 13).padStart(2, '0')}`,
          dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, submittedAt: i, payload: 'x'.repeat(200),
        })]);
      }
      for (let i = 0; i < rows.length; i += 1000) await store.pool.query('INSERT INTO doc_applications (id, data) VALUES ?', [rows.slice(i, i + 1000)]);
      await store.pool.query('ANALYZE TABLE doc_applications');
      big = await openMysqlStore({ url, connectionLimit: 4 });
    });
    afterAll(async () => {
      await big?.close?.();
    });

    const explain = async (collection: Collection, where: Where, orderBy?: { field: string; direction: 'asc' | 'desc' }) => {
      const { sql, params } = findSql(collection, where, { orderBy, limit: 50 });
      const [rows] = await store.pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, params);
      return { key: String(rows[0].key), extra: String(rows[0].Extra ?? '') };
    };

    it('answers the product’s queries from indexes, the ordered ones without a sort', async () => {
      expect((await explain('applications', { personKey: 'pk42' })).key).toBe('ix_person');
      expect((await explain('applications', { openid: 'o42' }, { field: 'submittedAt', direction: 'desc' })).key).toBe('ix_openid');
      expect((await explain('applications', { personKey: { in: ['pk1', 'pk2'] } }, { field: 'submittedAt', direction: 'desc' })).key).toBe('ix_person');
      const queue = await explain('applications', { status: 'pending_review', region: { prefix: '2102' } }, { field: 'dueDate', direction: 'asc' });
      expect(queue.key).toBe('ix_status_due');
      expect(queue.extra).not.toMatch(/filesort/);
      const horizon = await explain('applications', { status: 'pending_review', dueDate: { lte: '2026-03-20' } }, { field: 'dueDate', direction: 'asc' });
      expect(horizon.key).toBe('ix_status_due');
      expect(horizon.extra).not.toMatch(/filesort/);
      // every other index serves an equality on its leading column, in its own table
      for (const [collection, list] of Object.entries(MYSQL_INDEXES) as Array<[Collection, Array<{ name: string; columns: string[] }>]>) {
        if (collection === 'applications') continue;
        const fields = [...new Set(list.flatMap((ix) => ix.columns.filter((c) => c !== 'id').map((c) => c.slice(2))))];
        const rows = Array.from({ length: 300 }, (_, i) => [`${collection}${i}`, JSON.stringify(Object.fromEntries(fields.map((f) => [f, f.endsWith('At') ? i : `v${i}`])))]);
        await store.pool.query(`INSERT INTO ${tableOf(collection)} (id, data) VALUES ?`, [rows]);
        await store.pool.query(`ANALYZE TABLE ${tableOf(collection)}`);
        for (const ix of list) {
          const field = ix.columns[0].slice(2);
          const found = await explain(collection, { [field]: 'v7' });
          expect(`${collection} ${found.key}`).toBe(`${collection} ${ix.name}`);
          const c = countSql(collection, { [field]: 'v7' });
          const [crow] = await store.pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${c.sql}`, c.params);
          expect(`${collection} ${crow[0].key}`).toBe(`${collection} ${ix.name}`);
        }
      }
    });

    it('returns the review queue in due-date order and counts it', async () => {
      const queue = await store.find<{ dueDate: string; status: string }>('applications', { status: 'pending_review', region: { prefix: '2102' } }, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 20 });
      expect(queue).toHaveLength(20);
      expect(queue.every((d) => d.status === 'pending_review')).toBe(true);
      const dates = queue.map((d) => d.dueDate);
      expect([...dates].sort()).toEqual(dates);
      expect(await store.count('applications', { status: 'pending_review' })).toBe(2500);
      expect(await store.find('applications', { personKey: 'pk7' })).toHaveLength(2);
    });
  });

  describe('faults', () => {
    it('a deadlock between two real transactions: the server picks a victim, it is rerun, both land once', async () => {
      await store.put('counters', 'A', { n: 0 });
      await store.put('counters', 'B', { n: 0 });
      const retries: Array<{ errno?: number }> = [];
      const s = await openMysqlStore({ url, connectionLimit: 4, onRetry: (i) => retries.push(i) });
      const firstLocked = deferred();
      const secondLocked = deferred();
      let runs1 = 0;
      let runs2 = 0;
      const bump = async (tx: Parameters<Parameters<MysqlStore['transaction']>[0]>[0], id: string) => {
        const c = await tx.get<{ n: number }>('counters', id);
        await tx.put('counters', id, { n: c!.n + 1 });
      };
      const t1 = s.transaction(async (tx) => {
        runs1++;
        await bump(tx, 'A');
        if (runs1 === 1) {
          firstLocked.resolve();
          await secondLocked.promise;
        }
        await bump(tx, 'B'); // waits for t2, which waits for A: a cycle
      });
      const t2 = s.transaction(async (tx) => {
        runs2++;
        await firstLocked.promise;
        await bump(tx, 'B');
        if (runs2 === 1) secondLocked.resolve();
        await bump(tx, 'A');
      });
      await Promise.all([t1, t2]);
      expect(retries.some((r) => r.errno === 1213)).toBe(true);
      expect(runs1 + runs2).toBe(3); // one of them ran twice
      expect(await s.get('counters', 'A')).toEqual({ n: 2 });
      expect(await s.get('counters', 'B')).toEqual({ n: 2 });
      await s.close?.();
    });

    it('a lock held past the lock wait timeout: bounded retries, then StoreUnavailableError, nothing written', async () => {
      await store.put('counters', 'hot', { n: 1 });
      const holder = await mysql.createConnection(url);
      await holder.query('START TRANSACTION');
      await holder.query('SELECT data FROM doc_counters WHERE id = ? FOR UPDATE', ['hot']);
      const retries: Array<{ errno?: number }> = [];
      const s = await openMysqlStore({ url, lockWaitSeconds: 1, attempts: 2, onRetry: (i) => retries.push(i) });
      let runs = 0;
      const t0 = Date.now();
      await expect(s.transaction(async (tx) => {
        runs++;
        await tx.put('audit', `e${runs}`, { what: 'before the hot row' });
        const c = await tx.get<{ n: number }>('counters', 'hot');
        await tx.put('counters', 'hot', { n: c!.n + 1 });
      })).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(runs).toBe(2);
      expect(retries.map((r) => r.errno)).toEqual([1205]);
      expect(Date.now() - t0).toBeLessThan(10_000);
      await holder.query('ROLLBACK');
      await holder.end();
      expect(await s.get('counters', 'hot')).toEqual({ n: 1 });
      expect(await s.count('audit', {})).toBe(0);
      await s.close?.();
    });

    it('a connection killed mid-transaction: rolled back by the server, rerun on a new connection, applied once', async () => {
      await store.put('counters', 'seq', { n: 0 });
      const retries: Array<{ code?: string; errno?: number }> = [];
      const s = await openMysqlStore({ url, connectionLimit: 2, onRetry: (i) => retries.push(i) });
      const admin = await server.admin();
      let runs = 0;
      await s.transaction(async (tx) => {
        runs++;
        const c = await tx.get<{ n: number }>('counters', 'seq');
        await tx.put('counters', 'seq', { n: c!.n + 1 });
        if (runs === 1) {
          // kill every connection of this store's pool (the one running this transaction among them)
          const [mine] = await admin.query<mysql.RowDataPacket[]>("SELECT id FROM information_schema.processlist WHERE user = 'jiuye' AND db = ?", [new URL(url).pathname.slice(1)]);
          for (const r of mine) await admin.query(`KILL CONNECTION ${Number(r.id)}`).catch(() => undefined);
        }
        await tx.put('audit', `run${runs}`, { at: runs });
      });
      await admin.end();
      expect(runs).toBe(2);
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(await s.get('counters', 'seq')).toEqual({ n: 1 });
      expect((await s.find('audit', {})).map((d) => d._id)).toEqual(['run2']);
      await s.close?.();
    });

    it('through the gateway: a submission that meets a held lock is answered 503 in Chinese, nothing stored; the same requestId later is done once', async () => {
      const s = await openMysqlStore({ url, lockWaitSeconds: 1, attempts: 2 });
      const person = makePerson({ region: '210204' });
      const gw = await startTestGateway({ now: '2026-03-10T10:00:00+08:00', gov: { persons: [govRecord(person)] }, store: s });
      const holder = await mysql.createConnection(url);
      try {
        // the 实人核验 first, as the client does (it writes too, so before the lock)
        const started = await gw.call('startRealPersonCheck', { name: person.name, idNumber: person.idNumber }, 'openid-busy', { check: false });
        expect((await gw.call('confirmRealPersonCheck', { checkToken: started.json.data.checkToken }, 'openid-busy', { check: false })).status).toBe(200);
        // another transaction holds every row and gap of the counters (the certificate sequence)
        await holder.query('START TRANSACTION');
        await holder.query('SELECT id FROM doc_counters FOR UPDATE');
        const rid = requestId();
        const busy = await gw.call('applyCertificate', { requestId: rid, ...person }, 'openid-busy', { check: false });
        expect(busy.status).toBe(503);
        expect(busy.json.error).toEqual({ code: 'UNAVAILABLE', message: STORE_BUSY_MESSAGE });
        expect(await s.count('applications', {})).toBe(0);
        expect(await s.count('requests', {})).toBe(0);
        expect(gw.logs.join('\n')).not.toMatch(/at .*\.ts:\d+/); // no stack trace in the log either
        await holder.query('ROLLBACK');
        const first = await gw.call('applyCertificate', { requestId: rid, ...person }, 'openid-busy', { check: false });
        expect(first.status).toBe(200);
        expect(first.json.data.status).toBe('approved');
        const again = await gw.call('applyCertificate', { requestId: rid, ...person }, 'openid-busy', { check: false });
        expect(again.json.data.certificate.certificateNo).toBe(first.json.data.certificate.certificateNo);
        expect(await s.count('applications', {})).toBe(1);
        expect(await s.count('certificates', {})).toBe(1);
      } finally {
        await holder.end();
        await gw.close();
      }
    });
  });
});
