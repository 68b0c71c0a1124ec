import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSql, INDEXED_FIELDS, integrityCheck, openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
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
    const plan = (where: Where, orderBy?: { field: string; direction: 'asc' | 'desc' }) => {
      const { sql, params } = findSql('applications', where, { orderBy, limit: 50 });
      const db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
      try {
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
      } finally {
        db.close();
      }
    };

    it('answers the product’s queries from the expression indexes', () => {
      expect(plan({ personKey: 'pk42' })).toMatch(/USING INDEX docs_personKey/);
      expect(plan({ openid: 'o42' })).toMatch(/USING INDEX docs_openid/);
      expect(plan({ region: { prefix: '210203' } })).toMatch(/USING INDEX docs_region/);
      expect(plan({ nextAttemptAt: { lte: '2026-03-01T00:00:00+08:00' } })).toMatch(/USING INDEX docs_nextAttemptAt/);
      const queue = plan({ status: 'pending_review', region: { prefix: '2102' } }, { field: 'dueDate', direction: 'asc' });
      expect(queue).toMatch(/USING INDEX docs_status_dueDate/);
      expect(queue).not.toMatch(/TEMP B-TREE/);
      expect(plan({ personKey: 'pk1' })).not.toMatch(/TEMP B-TREE/);
      expect(plan({ createdAt: { gte: '2026-01-01', lt: '2026-02-01' } })).toMatch(/USING INDEX docs_createdAt/);
      for (const f of INDEXED_FIELDS) expect(plan({ [f]: 'x' })).toMatch(new RegExp(`USING INDEX docs_${f}`));
    });

    it('finds by an indexed field in well under a millisecond or so per query', async () => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 200; i++) {
        const found = await store.find('applications', { personKey: `pk${i}` });
        expect(found).toHaveLength(2);
      }
      const msPerQuery = Number(process.hrtime.bigint() - t0) / 1e6 / 200;
      // Generous bound for slow CI; a scan of 10,000 JSON docs costs tens of ms per query.
      expect(msPerQuery).toBeLessThan(5);
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
