/**
 * The store contract: what every StorePort adapter must do, run against each adapter by its own
 * *.test.ts. Handlers are tested on one adapter; this suite is what lets them trust the other.
 */
import type { Doc, StorePort } from '../../cloudfunctions/core/store.port';

export interface StoreHarness {
  store: StorePort;
  /** closes nothing itself: the suite closes `store` first, then calls reopen */
  reopen?: () => Promise<StorePort>;
  cleanup: () => Promise<void>;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function describeStoreContract(name: string, make: () => Promise<StoreHarness>): void {
  describe(`store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: StorePort;

    beforeEach(async () => {
      h = await make();
      store = h.store;
    });
    afterEach(async () => {
      await store.close?.();
      await h.cleanup();
    });

    describe('documents by id', () => {
      it('returns what was put, as a copy that does not alias the caller or the store', async () => {
        const doc = { name: '王建国', n: 1, nested: { list: [1, 'a', null], ok: true }, nothing: null };
        await store.put('persons', 'p1', doc);
        doc.nested.list.push(2);
        const got = await store.get<typeof doc>('persons', 'p1');
        expect(got).toEqual({ name: '王建国', n: 1, nested: { list: [1, 'a', null], ok: true }, nothing: null });
        got!.nested.ok = false;
        expect((await store.get<typeof doc>('persons', 'p1'))!.nested.ok).toBe(true);
      });

      it('stores JSON: dates become ISO strings and undefined fields vanish', async () => {
        await store.put('persons', 'p1', { at: new Date('2026-01-02T03:04:05.000Z'), gone: undefined, kept: 1 });
        expect(await store.get('persons', 'p1')).toEqual({ at: '2026-01-02T03:04:05.000Z', kept: 1 });
      });

      it('replaces the whole document on put', async () => {
        await store.put('persons', 'p1', { a: 1, b: 2 });
        await store.put('persons', 'p1', { a: 3 });
        expect(await store.get('persons', 'p1')).toEqual({ a: 3 });
      });

      it('returns null for a missing document', async () => {
        expect(await store.get('persons', 'nobody')).toBeNull();
      });

      it('keeps collections apart', async () => {
        await store.put('persons', 'same', { c: 'persons' });
        await store.put('bindings', 'same', { c: 'bindings' });
        expect(await store.get('persons', 'same')).toEqual({ c: 'persons' });
        expect(await store.get('bindings', 'same')).toEqual({ c: 'bindings' });
      });

      it('never stores _id: a doc read from find can be written back', async () => {
        await store.put('persons', 'p1', { _id: 'ignored', a: 1 });
        expect(await store.get('persons', 'p1')).toEqual({ a: 1 });
        const [found] = await store.find('persons', {});
        expect(found).toEqual({ _id: 'p1', a: 1 });
        await store.put('persons', 'p1', { ...found, a: 2 });
        expect(await store.get('persons', 'p1')).toEqual({ a: 2 });
      });

      it('accepts ids with the separators the product uses', async () => {
        const id = 'activeRegistration/unemployment:210202199001011234';
        await store.put('registrations', id, { x: 1 });
        expect(await store.get('registrations', id)).toEqual({ x: 1 });
      });

      it('refuses an empty document (CloudBase cannot store one)', async () => {
        await expect(store.put('persons', 'p1', {})).rejects.toThrow(TypeError);
        expect(await store.get('persons', 'p1')).toBeNull();
      });

      it('create writes a new document and returns true', async () => {
        expect(await store.create('requests', 'r1', { v: 1 })).toBe(true);
        expect(await store.get('requests', 'r1')).toEqual({ v: 1 });
      });

      it('create returns false on an existing id and leaves that document untouched', async () => {
        await store.put('requests', 'r1', { v: 1 });
        expect(await store.create('requests', 'r1', { v: 2 })).toBe(false);
        expect(await store.get('requests', 'r1')).toEqual({ v: 1 });
      });

      it('remove deletes, and removing a missing document is not an error', async () => {
        await store.put('locks', 'l1', { by: 'a' });
        await store.remove('locks', 'l1');
        expect(await store.get('locks', 'l1')).toBeNull();
        await expect(store.remove('locks', 'l1')).resolves.toBeUndefined();
      });
    });

    describe('transactions', () => {
      it('commits every write and resolves with what fn returns', async () => {
        const result = await store.transaction(async (tx) => {
          await tx.put('applications', 'a1', { status: 'pending_review' });
          await tx.put('audit', 'e1', { what: 'submitted' });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.get('applications', 'a1')).toEqual({ status: 'pending_review' });
        expect(await store.get('audit', 'e1')).toEqual({ what: 'submitted' });
      });

      it('writes nothing when fn throws, and rethrows that same error', async () => {
        await store.put('applications', 'a1', { status: 'pending_review' });
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.put('applications', 'a1', { status: 'approved' });
            await tx.put('certificates', 'c1', { no: 1 });
            await tx.remove('applications', 'a1');
            await tx.create('audit', 'e1', { what: 'x' });
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.get('applications', 'a1')).toEqual({ status: 'pending_review' });
        expect(await store.get('certificates', 'c1')).toBeNull();
        expect(await store.get('audit', 'e1')).toBeNull();
      });

      it('sees its own writes and removals inside the transaction', async () => {
        await store.put('counters', 'gone', { n: 1 });
        await store.transaction(async (tx) => {
          await tx.put('counters', 'c', { n: 1 });
          expect(await tx.get('counters', 'c')).toEqual({ n: 1 });
          await tx.remove('counters', 'gone');
          expect(await tx.get('counters', 'gone')).toBeNull();
          expect(await tx.create('counters', 'c', { n: 9 })).toBe(false);
          expect(await tx.create('counters', 'fresh', { n: 2 })).toBe(true);
          expect(await tx.get('counters', 'fresh')).toEqual({ n: 2 });
        });
        expect(await store.get('counters', 'c')).toEqual({ n: 1 });
        expect(await store.get('counters', 'gone')).toBeNull();
      });

      it('hides a running transaction’s writes from reads outside it until commit', async () => {
        await store.put('applications', 'a1', { status: 'pending_review', region: '210202' });
        const written = deferred();
        const release = deferred();
        const running = store.transaction(async (tx) => {
          await tx.put('applications', 'a1', { status: 'approved', region: '210202' });
          await tx.put('applications', 'a2', { status: 'approved', region: '210202' });
          written.resolve();
          await release.promise;
        });
        await written.promise;
        expect(await store.get('applications', 'a1')).toEqual({ status: 'pending_review', region: '210202' });
        expect(await store.get('applications', 'a2')).toBeNull();
        expect(await store.find('applications', { status: 'approved' })).toEqual([]);
        expect(await store.count('applications', { status: 'approved' })).toBe(0);
        release.resolve();
        await running;
        expect(await store.get('applications', 'a1')).toEqual({ status: 'approved', region: '210202' });
        expect(await store.count('applications', { status: 'approved' })).toBe(2);
      });

      it('loses no update: 100 concurrent read-increment-write transactions end at exactly 100', async () => {
        await Promise.all(
          Array.from({ length: 100 }, () =>
            store.transaction(async (tx) => {
              const c = await tx.get<{ n: number }>('counters', 'seq');
              await tx.put('counters', 'seq', { n: (c?.n ?? 0) + 1 });
            }),
          ),
        );
        expect(await store.get('counters', 'seq')).toEqual({ n: 100 });
      });

      it('lets exactly one of 50 concurrent creates of one id win', async () => {
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.create('registrations', 'only', { i })));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get('registrations', 'only')).toEqual({ i: results.indexOf(true) });
      });

      it('keeps going after a failed transaction', async () => {
        await expect(store.transaction(async () => Promise.reject(new Error('first fails')))).rejects.toThrow('first fails');
        await store.transaction((tx) => tx.put('counters', 'c', { n: 1 }));
        expect(await store.get('counters', 'c')).toEqual({ n: 1 });
      });

      it('refuses a nested transaction or a store write inside fn (only the tx is transactional)', async () => {
        await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/nested transaction/);
        await expect(store.transaction(() => store.put('counters', 'c', { n: 1 }))).rejects.toThrow(/inside a transaction/);
        expect(await store.get('counters', 'c')).toBeNull();
      });
    });

    describe('find and count', () => {
      const apps: Array<[string, Doc]> = [
        ['a1', { status: 'pending_review', region: '210202', dueDate: '2026-03-05', score: 5, urgent: true, note: null }],
        ['a2', { status: 'approved', region: '210203', dueDate: '2026-03-01', score: 12, urgent: false }],
        ['a3', { status: 'pending_review', region: '210102', dueDate: '2026-03-09', score: '7', urgent: 1 }],
        ['a4', { status: 'rejected', region: '2102a.b', dueDate: '2026-02-20', score: 1.5 }],
        ['a5', { status: 'pending_review', region: '210211', dueDate: '2026-03-01', score: 30, note: 'n' }],
        ['a6', { status: 'withdrawn', region: '2102axb', score: null }],
      ];
      const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id);
      beforeEach(async () => {
        await store.transaction(async (tx) => {
          for (const [id, d] of apps) await tx.put('applications', id, d);
        });
        await store.put('certificates', 'c1', { status: 'pending_review' });
      });

      it('returns each match with its _id, only from the named collection', async () => {
        const found = await store.find('applications', { status: 'approved' });
        expect(found).toEqual([{ _id: 'a2', ...apps[1][1] }]);
      });

      it('matches several fields at once (and)', async () => {
        expect(ids(await store.find('applications', { status: 'pending_review', dueDate: '2026-03-01' }))).toEqual(['a5']);
      });

      it('matches null equality on null and on a missing field', async () => {
        expect(ids(await store.find('applications', { note: null }))).toEqual(['a1', 'a2', 'a3', 'a4', 'a6']);
        expect(ids(await store.find('applications', { dueDate: null }))).toEqual(['a6']);
      });

      it('compares by type: a number never equals a string, a boolean never equals a number', async () => {
        expect(ids(await store.find('applications', { score: 7 }))).toEqual([]);
        expect(ids(await store.find('applications', { score: '7' }))).toEqual(['a3']);
        expect(ids(await store.find('applications', { urgent: true }))).toEqual(['a1']);
        expect(ids(await store.find('applications', { urgent: 1 }))).toEqual(['a3']);
        expect(ids(await store.find('applications', { urgent: false }))).toEqual(['a2']);
      });

      it('matches a prefix literally (no pattern characters)', async () => {
        expect(ids(await store.find('applications', { region: { prefix: '2102' } }))).toEqual(['a1', 'a2', 'a4', 'a5', 'a6']);
        expect(ids(await store.find('applications', { region: { prefix: '2102a.' } }))).toEqual(['a4']);
        expect(ids(await store.find('applications', { region: { prefix: '21021' } }))).toEqual(['a5']);
        expect(ids(await store.find('applications', { region: { prefix: '21029' } }))).toEqual([]);
        expect(ids(await store.find('applications', { _id: { prefix: 'a' } }))).toHaveLength(6);
        expect(ids(await store.find('applications', { _id: { gte: 'a2', lt: 'a4' } }))).toEqual(['a2', 'a3']);
        expect(await store.find('applications', { _id: { gt: 1 } })).toEqual([]);
        expect(ids(await store.find('applications', { _id: { in: ['a1', 'a9', 5] } }))).toEqual(['a1']);
      });

      it('matches string ranges, ends included or not', async () => {
        expect(ids(await store.find('applications', { dueDate: { gte: '2026-03-01', lt: '2026-03-09' } }))).toEqual(['a1', 'a2', 'a5']);
        expect(ids(await store.find('applications', { dueDate: { gt: '2026-03-01', lte: '2026-03-09' } }))).toEqual(['a1', 'a3']);
        expect(ids(await store.find('applications', { dueDate: { lt: '2026-03-01' } }))).toEqual(['a4']);
      });

      it('matches number ranges on numbers only', async () => {
        expect(ids(await store.find('applications', { score: { gt: 5 } }))).toEqual(['a2', 'a5']);
        expect(ids(await store.find('applications', { score: { gte: 5, lte: 12 } }))).toEqual(['a1', 'a2']);
        expect(ids(await store.find('applications', { score: { lt: 5 } }))).toEqual(['a4']);
      });

      it('matches in a list of values', async () => {
        expect(ids(await store.find('applications', { status: { in: ['approved', 'rejected'] } }))).toEqual(['a2', 'a4']);
        expect(ids(await store.find('applications', { score: { in: [5, '7', null] } }))).toEqual(['a1', 'a3', 'a6']);
        expect(await store.find('applications', { status: { in: [] } })).toEqual([]);
      });

      it('orders by one field, ascending or descending, ties by _id', async () => {
        const asc = await store.find('applications', { status: 'pending_review' }, { orderBy: { field: 'dueDate', direction: 'asc' } });
        expect(ids(asc)).toEqual(['a5', 'a1', 'a3']);
        const desc = await store.find('applications', { dueDate: { gte: '2026-01-01' } }, { orderBy: { field: 'dueDate', direction: 'desc' } });
        expect(ids(desc)).toEqual(['a3', 'a1', 'a2', 'a5', 'a4']);
        const byId = await store.find('applications', {}, { orderBy: { field: '_id', direction: 'desc' } });
        expect(ids(byId)).toEqual(['a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
      });

      it('limits the number of results', async () => {
        const two = await store.find('applications', {}, { orderBy: { field: 'dueDate', direction: 'asc' }, limit: 2 });
        expect(ids(two)).toEqual(['a6', 'a4']); // a missing field sorts first, as null
        expect(await store.find('applications', {}, { limit: 0 })).toEqual([]);
      });

      it('returns copies: changing a result changes nothing stored', async () => {
        const [a2] = await store.find<{ status: string }>('applications', { status: 'approved' });
        a2.status = 'rejected';
        expect(await store.get('applications', 'a2')).toEqual(apps[1][1]);
      });

      it('counts matches', async () => {
        expect(await store.count('applications', {})).toBe(6);
        expect(await store.count('applications', { status: 'pending_review' })).toBe(3);
        expect(await store.count('applications', { region: { prefix: '2102' }, dueDate: { gte: '2026-03-01' } })).toBe(3);
        expect(await store.count('outbox', {})).toBe(0);
      });

      it('refuses field names that are not plain dotted names', async () => {
        await expect(store.find('applications', { "status') OR 1=1 --": 'x' })).rejects.toThrow(TypeError);
        await expect(store.count('applications', { 'a b': 1 })).rejects.toThrow(TypeError);
        await expect(
          store.find('applications', {}, { orderBy: { field: "dueDate'); DROP TABLE docs; --", direction: 'asc' } }),
        ).rejects.toThrow(TypeError);
      });

      it('queries nested fields by dotted path', async () => {
        await store.put('persons', 'p1', { contact: { region: '210202' } });
        await store.put('persons', 'p2', { contact: { region: '110101' } });
        expect(ids(await store.find('persons', { 'contact.region': { prefix: '2102' } }))).toEqual(['p1']);
      });
    });

    describe('many documents', () => {
      it('returns 1000 by default and pages beyond 1000 when asked', async () => {
        await store.transaction(async (tx) => {
          for (let i = 0; i < 1205; i++) await tx.put('audit', `e${String(i).padStart(5, '0')}`, { kind: 'x', i });
        });
        expect(await store.find('audit', { kind: 'x' })).toHaveLength(1000);
        const all = await store.find<{ i: number }>('audit', { kind: 'x' }, { orderBy: { field: 'i', direction: 'asc' }, limit: 1200 });
        expect(all).toHaveLength(1200);
        expect(all.map((d) => d.i)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
        expect(await store.count('audit', { kind: 'x' })).toBe(1205);
      });
    });

    it('keeps committed data across close and reopen (when the adapter persists)', async () => {
      if (!h.reopen) return; // an adapter with no persistence of its own (the CloudBase double)
      await store.put('persons', 'p1', { name: '李四' });
      await store.transaction((tx) => tx.put('counters', 'c', { n: 7 }));
      await store.close?.();
      store = await h.reopen();
      expect(await store.get('persons', 'p1')).toEqual({ name: '李四' });
      expect(await store.get('counters', 'c')).toEqual({ n: 7 });
      expect(await store.count('persons', {})).toBe(1);
    });
  });
}
