import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_INDEXES, countSql, findSql, indexName, integrityCheck, openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { Where } from '../../cloudfunctions/core/store.port';
import { describeStoreContract } from './store.contract';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'store-sqlite-'));

describeStoreContract('sqlite', async () => {
  const dataDir = tempDir();
  return {
    store: openSqliteStore({ dataDir }),
    reopen: async () => openSqliteStore({ dataDir }),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('sqlite store file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates the data directory and a WAL-mode file that passes integrity_check', async () => {
    const nested = path.join(dataDir, 'a', 'b');
    const store = openSqliteStore({ dataDir: nested, fileName: 'x.sqlite' });
    await store.put('persons', 'p1', { a: 1 });
    await store.close?.();
    expect(integrityCheck(nested, 'x.sqlite')).toBe('ok');
    const db = new Database(path.join(nested, 'x.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses calls after close', async () => {
    const store = openSqliteStore({ dataDir });
    await store.close?.();
    await expect(store.get('persons', 'p1')).rejects.toThrow(/closed/);
    await expect(store.put('persons', 'p1', { a: 1 })).rejects.toThrow(/closed/);
  });

  it('brings the indexes of an older file up to date (drops field-wide ones, creates per-collection ones)', async () => {
    const db = new Database(path.join(dataDir, 'store.sqlite'));
    db.exec(`CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL CHECK (json_valid(data)), PRIMARY KEY (collection, id))`);
    db.exec(`CREATE INDEX docs_personKey_nn ON docs (collection, json_extract(data, '$.personKey'), id) WHERE json_extract(data, '$.personKey') IS NOT NULL`);
    db.exec(`CREATE INDEX docs_status ON docs (collection, json_extract(data, '$.status'), id)`);
    db.prepare('INSERT INTO docs VALUES (?, ?, ?)').run('applications', 'a1', JSON.stringify({ personKey: 'pk1', status: 'approved' }));
    db.pragma('user_version = 2');
    db.close();
    const store = openSqliteStore({ dataDir });
    expect(await store.find('applications', { personKey: 'pk1' })).toEqual([{ _id: 'a1', personKey: 'pk1', status: 'approved' }]);
    await store.close?.();
    const check = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
    const names = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();
    const expected = Object.entries(COLLECTION_INDEXES).flatMap(([c, lists]) => (lists ?? []).map((f) => indexName(c, f)));
    expect(names).toEqual([...expected].sort());
    expect(integrityCheck(dataDir)).toBe('ok');
  });

  describe('group commit', () => {
    // A second connection opened after a transaction's promise settled: what it sees is on disk
    // (WAL, synchronous=FULL), not only in the writer connection's open transaction.
    const onDisk = (id: string) => {
      const db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
      try {
        return db.prepare("SELECT data FROM docs WHERE collection = 'persons' AND id = ?").get(id) !== undefined;
      } finally {
        db.close();
      }
    };

    it('shares one durable commit among concurrent transactions, and answers none before its commit', async () => {
      const groups: number[] = [];
      const store = openSqliteStore({ dataDir, onCommit: (n) => groups.push(n) });
      const seenBeforeAnswer: boolean[] = [];
      await Promise.all(Array.from({ length: 64 }, (_, i) => store.transaction(async (tx) => {
        await tx.put('persons', `p${i}`, { i });
        return i;
      }).then((r) => {
        seenBeforeAnswer.push(onDisk(`p${r}`));
      })));
      expect(seenBeforeAnswer).toHaveLength(64);
      expect(seenBeforeAnswer.every(Boolean)).toBe(true);
      expect(groups.reduce((a, b) => a + b, 0)).toBe(64);
      expect(groups.length).toBeLessThan(64); // fewer fsyncs than transactions
      expect(Math.max(...groups)).toBeGreaterThan(1);
      await store.close?.();
    });

    it('undoes only the failing member of a group; later members see earlier ones', async () => {
      const store = openSqliteStore({ dataDir });
      await store.put('counters', 'c', { n: 0 });
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => store.transaction(async (tx) => {
        const c = await tx.get<{ n: number }>('counters', 'c');
        await tx.put('counters', 'c', { n: c!.n + 1 });
        await tx.put('persons', `m${i}`, { i });
        if (i % 3 === 1) throw new Error(`member ${i} fails`);
        return c!.n + 1;
      })));
      const failed = results.filter((r) => r.status === 'rejected');
      expect(failed).toHaveLength(10);
      expect(failed.every((r) => /member \d+ fails/.test(String((r as PromiseRejectedResult).reason)))).toBe(true);
      // every success counted exactly once, no failed one's increment kept
      expect((await store.get<{ n: number }>('counters', 'c'))!.n).toBe(20);
      const answers = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b);
      expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      for (let i = 0; i < 30; i++) expect(await store.get('persons', `m${i}`)).toEqual(i % 3 === 1 ? null : { i });
      await store.close?.();
    });

    it('with groupCommit off, commits each transaction alone', async () => {
      const groups: number[] = [];
      const store = openSqliteStore({ dataDir, groupCommit: false, onCommit: (n) => groups.push(n) });
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('persons', `q${i}`, { i })));
      expect(groups).toEqual(Array(20).fill(1));
      await store.close?.();
    });

    it('close waits for queued transactions, then refuses new ones', async () => {
      const store = openSqliteStore({ dataDir });
      const pending = Array.from({ length: 10 }, (_, i) => store.put('persons', `z${i}`, { i }));
      await store.close?.();
      await Promise.all(pending);
      for (let i = 0; i < 10; i++) expect(onDisk(`z${i}`)).toBe(true);
      await expect(store.transaction(async () => 1)).rejects.toThrow(/closed/);
    });
  });

  describe('with 10,000 applications', () => {
    let store: ReturnType<typeof openSqliteStore>;
    beforeEach(async () => {
      store = openSqliteStore({ dataDir });
      const statuses = ['pending_review', 'approved', 'rejected', 'withdrawn'];
      await store.transaction(async (tx) => {
        for (let i = 0; i < 10_000; i++) {
          await tx.put('applications', `app${i}`, {
            personKey: `pk${i % 5000}`,
            openid: `o${i % 5000}`,
            status: statuses[i % 4],
            region: `2102${String(i % 13).padStart(2, '0')}`,
            dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
            payload: 'x'.repeat(200),
          });
        }
      });
    });
    afterEach(async () => {
      await store.close?.();
    });

    // The plan shows which index SQLite picked: the product's queries must not scan.
    const explain = (sql: string, params: unknown[]) => {
      const db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
      try {
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
      } finally {
        db.close();
      }
    };
    const plan = (collection: string, where: Where, orderBy?: { field: string; direction: 'asc' | 'desc' }) => {
      const { sql, params } = findSql(collection, where, { orderBy, limit: 50 });
      return explain(sql!, params);
    };
    const index = (name: string) => new RegExp(`USING (COVERING )?INDEX ${name}\\b`);

    it('answers the product’s queries from the per-collection indexes', () => {
      // citizen reads: applications of the caller's person keys, newest first
      expect(plan('applications', { personKey: 'pk42' })).toMatch(index('docs_applications_personKey'));
      expect(plan('applications', { personKey: 'pk1' })).not.toMatch(/TEMP B-TREE/);
      expect(plan('applications', { personKey: { in: ['pk1'] } }, { field: 'submittedAt', direction: 'desc' })).toMatch(index('docs_applications_personKey'));
      expect(plan('applications', { personKey: { in: ['pk1', 'pk2', 'pk3'] } }, { field: 'submittedAt', direction: 'desc' })).toMatch(index('docs_applications_personKey'));
      expect(plan('applications', { personKey: { in: ['pk1'] }, openid: 'o1' }, { field: 'submittedAt', direction: 'desc' })).toMatch(index('docs_applications_personKey'));
      // the staff review queue and the scheduler's horizon: one ordered read, no sort
      const queue = plan('applications', { status: 'pending_review', region: { prefix: '2102' } }, { field: 'dueDate', direction: 'asc' });
      expect(queue).toMatch(index('docs_applications_status_dueDate'));
      expect(queue).not.toMatch(/TEMP B-TREE/);
      const horizon = plan('applications', { status: 'pending_review', dueDate: { lte: '2026-03-20' } }, { field: 'dueDate', direction: 'asc' });
      expect(horizon).toMatch(index('docs_applications_status_dueDate'));
      expect(horizon).not.toMatch(/TEMP B-TREE/);
      // the outbox sender: due entries in order, and expired leases
      const due = plan('outbox', { status: 'pending', nextAttemptAt: { lte: 1_773_000_000_000 } }, { field: 'nextAttemptAt', direction: 'asc' });
      expect(due).toMatch(index('docs_outbox_status'));
      expect(plan('outbox', { nextAttemptAt: { lte: 1_773_000_000_000 } })).not.toMatch(/USING INDEX docs_/);
      expect(plan('outbox', { status: 'sending', leaseUntil: { lte: 1_773_000_000_000 } })).toMatch(index('docs_outbox_status'));
      // staff scans, bindings and messages of an openid, follow-ups, statistics
      expect(plan('certificates', { certificateNo: '2102042026000001X' })).toMatch(index('docs_certificates_certificateNo'));
      expect(plan('bindings', { openid: 'o42' }, { field: 'at', direction: 'desc' })).toMatch(index('docs_bindings_openid'));
      expect(plan('messages', { openid: 'o42' }, { field: 'createdAt', direction: 'desc' })).toMatch(index('docs_messages_openid'));
      const followups = plan('tasks', { kind: 'followup', status: 'open', dueDate: { lte: '2026-03-10' } }, { field: 'dueDate', direction: 'asc' });
      expect(followups).toMatch(index('docs_tasks_status_dueDate'));
      expect(followups).not.toMatch(/TEMP B-TREE/);
      expect(plan('registrations', { kind: 'unemployment', region: { prefix: '2102' } })).toMatch(index('docs_registrations_kind'));
      expect(plan('deregistrations', { region: { prefix: '2102' }, at: { gte: '2026-02-21', lt: '2026-03-21' } }, { field: 'at', direction: 'asc' })).toMatch(index('docs_deregistrations_region'));
      // every listed index serves an equality on its leading field, in its own collection only
      for (const [collection, lists] of Object.entries(COLLECTION_INDEXES)) {
        for (const fields of lists ?? []) {
          const orderBy = fields.length > 1 ? { field: fields[1], direction: 'asc' as const } : undefined;
          expect(plan(collection, { [fields[0]]: 'x' }, orderBy)).toMatch(index(indexName(collection, fields)));
          expect(explain(countSql(collection, { [fields[0]]: 'x' }).sql, ['x'])).toMatch(index(indexName(collection, fields)));
          // (the control is a collection with no index of its own: 'keys'; 'audit' has one since listWhoReadMyData)
          expect(plan('keys', { [fields[0]]: 'x' })).not.toMatch(/USING INDEX docs_/);
        }
      }
    });

    it('refuses a collection name that is not a plain word (it is written into the SQL)', async () => {
      expect(() => findSql("applications' OR 1=1 --", {})).toThrow(TypeError);
      await expect(store.find("x'y" as never, {})).rejects.toThrow(/collection/);
      await expect(store.count('a b' as never, {})).rejects.toThrow(/collection/);
    });

    // Speed is `npm run bench`'s business; the query plans above show these finds use an index.
    it('finds exactly the documents of one indexed value among many', async () => {
      for (let i = 0; i < 200; i++) {
        const found = await store.find('applications', { personKey: `pk${i}` });
        expect(found).toHaveLength(2);
      }
    });

    it('returns the review queue in due-date order', async () => {
      const queue = await store.find<{ dueDate: string; status: string }>(
        'applications',
        { status: 'pending_review', region: { prefix: '2102' } },
        { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 20 },
      );
      expect(queue).toHaveLength(20);
      expect(queue.every((d) => d.status === 'pending_review')).toBe(true);
      const dates = queue.map((d) => d.dueDate);
      expect([...dates].sort()).toEqual(dates);
      expect(await store.count('applications', { status: 'pending_review' })).toBe(2500);
    });
  });
});
