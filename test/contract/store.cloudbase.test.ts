import { cloudbaseStore } from '../../cloudfunctions/adapters/store.cloudbase';
import { TransactionConflictError } from '../../cloudfunctions/core/store.port';
import { createCloudbaseDbDouble } from '../doubles/cloudbase-db.double';
import { describeStoreContract } from './store.contract';

// Default SDK behaviour: a missing doc makes doc().get() reject.
describeStoreContract('cloudbase (double, throwOnNotFound default)', async () => ({
  store: cloudbaseStore(createCloudbaseDbDouble()),
  cleanup: async () => undefined,
}));

// The recommended setting: a missing doc resolves { data: null }.
describeStoreContract('cloudbase (double, throwOnNotFound: false)', async () => ({
  store: cloudbaseStore(createCloudbaseDbDouble({ throwOnNotFound: false })),
  cleanup: async () => undefined,
}));

describe('cloudbase adapter beyond the contract', () => {
  it('rides out conflicts the SDK retries itself', async () => {
    const db = createCloudbaseDbDouble();
    const store = cloudbaseStore(db);
    db.injectCommitConflicts(2);
    await store.transaction((tx) => tx.put('counters', 'c', { n: 1 }));
    expect(await store.get('counters', 'c')).toEqual({ n: 1 });
    expect(db.calls.conflicts).toBe(2);
  });

  it('retries past the SDK’s retries, then reports TransactionConflictError and writes nothing', async () => {
    const db = createCloudbaseDbDouble();
    const store = cloudbaseStore(db);
    db.injectCommitConflicts(6); // more than one runTransaction call absorbs (times 3 → 4 runs)
    await store.transaction((tx) => tx.put('counters', 'c', { n: 1 }));
    expect(await store.get('counters', 'c')).toEqual({ n: 1 });

    db.injectCommitConflicts(1000);
    let runs = 0;
    await expect(
      store.transaction(async (tx) => {
        runs++;
        await tx.put('counters', 'c', { n: 2 });
      }),
    ).rejects.toBeInstanceOf(TransactionConflictError);
    expect(runs).toBe(5 * 4);
    expect(await store.get('counters', 'c')).toEqual({ n: 1 });
  });

  it('lets no outside write slip under a transaction that read the doc', async () => {
    const db = createCloudbaseDbDouble();
    const store = cloudbaseStore(db);
    await store.put('counters', 'c', { n: 0 });
    let first = true;
    await store.transaction(async (tx) => {
      const c = await tx.get<{ n: number }>('counters', 'c');
      if (first) {
        first = false;
        await store.get('counters', 'c'); // reads outside are fine
        await db.collection('counters').doc('c').set({ data: { n: 100 } }); // another function's write
      }
      await tx.put('counters', 'c', { n: c!.n + 1 });
    });
    expect(await store.get('counters', 'c')).toEqual({ n: 101 });
  });

  it('pages find through skip in server gets of at most 1000', async () => {
    const db = createCloudbaseDbDouble();
    const store = cloudbaseStore(db);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 2500; i++) await tx.put('audit', `e${String(i).padStart(5, '0')}`, { kind: 'x' });
    });
    const before = db.calls.queryGet;
    expect(await store.find('audit', { kind: 'x' }, { limit: 2400 })).toHaveLength(2400);
    expect(db.calls.queryGet - before).toBe(3);
    expect(await store.find('audit', { kind: 'x' }, { limit: 5000 })).toHaveLength(2500);
  });
});

describe('the CloudBase double keeps to the documented API', () => {
  it('rejects doc().get() of a missing doc as wx-server-sdk does, or resolves null with throwOnNotFound: false', async () => {
    await expect(createCloudbaseDbDouble().collection('c').doc('x').get()).rejects.toMatchObject({
      errCode: -1,
      errMsg: 'document.get:fail document with _id x does not exist',
    });
    await expect(createCloudbaseDbDouble({ throwOnNotFound: false }).collection('c').doc('x').get()).resolves.toMatchObject({ data: null });
  });

  it('answers set/get/remove/count with the documented shapes', async () => {
    const db = createCloudbaseDbDouble();
    const ref = db.collection('c').doc('a');
    expect(await ref.set({ data: { v: 1 } })).toMatchObject({ _id: 'a', stats: { created: 1, updated: 0 } });
    expect(await ref.set({ data: { v: 2 } })).toMatchObject({ _id: 'a', stats: { created: 0, updated: 1 } });
    expect((await ref.get()).data).toEqual({ _id: 'a', v: 2 });
    expect(await db.collection('c').where({}).count()).toMatchObject({ total: 1 });
    expect(await ref.remove()).toMatchObject({ stats: { removed: 1 } });
    await expect(ref.set({ data: {} })).rejects.toMatchObject({ errCode: -501007 });
    await expect(ref.set({ data: { _id: 'b', v: 1 } })).rejects.toMatchObject({ errCode: -501007 });
  });

  it('caps one get at 1000 documents', async () => {
    const db = createCloudbaseDbDouble();
    await db.runTransaction(async (t) => {
      for (let i = 0; i < 1100; i++) await t.collection('c').doc(`d${i}`).set({ data: { i } });
    });
    expect((await db.collection('c').get()).data).toHaveLength(1000);
    expect((await db.collection('c').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('c').skip(1000).limit(1000).get()).data).toHaveLength(100);
  });

  it('refuses queries inside a transaction and rejects runTransaction with the rollback reason', async () => {
    const db = createCloudbaseDbDouble();
    await expect(db.runTransaction(async (t) => t.collection('c').where())).rejects.toThrow(/single-doc/);
    await expect(
      db.runTransaction(async (t) => {
        await t.collection('c').doc('a').set({ data: { v: 1 } });
        await t.rollback(-100);
      }),
    ).rejects.toBe(-100);
    await expect(db.collection('c').doc('a').get()).rejects.toMatchObject({ errCode: -1 });
  });
});
