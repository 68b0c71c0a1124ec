/**
 * Group commit for the SQLite store (store.sqlite.ts): the queue of transactions on the writer
 * connection and the durable COMMIT they share.
 *
 * Transactions wait in one queue and run one at a time on the writer connection, but several
 * that are ready together share ONE durable COMMIT: the first runs right after BEGIN IMMEDIATE,
 * each later one inside its own SAVEPOINT (its failure undoes only its writes), and the COMMIT — one WAL fsync, synchronous=FULL — ends the group. No member's
 * promise settles before that COMMIT has returned: an answer given is an answer on disk, so
 * kill -9 at any moment loses only unanswered work (test/reliability crash rounds).
 *
 * Serialisable as before: members run one after another, each sees the writes of the members
 * before it (the same connection), and if the COMMIT fails every member of the group fails
 * (none was acknowledged). Reads outside a transaction (the reader connection) see only
 * committed groups, as they saw only committed transactions before.
 *
 * The window: after a member finishes, a member already queued joins at once. When the queue
 * is empty and the last group had company (concurrent load), one turn of the event loop
 * (setImmediate) lets callers that are about to arrive join before the fsync; a lone caller
 * (the last group had one member) commits at once, except that after PROBE_EVERY groups of one in
 * a row the window is tried once (worthWaiting), so sequential use pays one event-loop turn every
 * PROBE_EVERY commits.
 */
import type Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
// Node's own, not the global: under a browser-like test environment (jsdom) the global has none.
import { setImmediate } from 'node:timers';
import { TransactionConflictError, type StoreTx } from '../../core/store.port';

const DEFAULT_MAX_GROUP = 64;
/** groups of one in a row after which the group-commit window is tried once (see worthWaiting) */
const PROBE_EVERY = 8;

export interface GroupCommitOptions {
  /** false: one COMMIT per transaction */
  groupCommit: boolean;
  /** most transactions in one group (default 64) */
  maxGroup?: number;
  /** called after each durable COMMIT with the number of transactions it carried */
  onCommit?: (members: number) => void;
}

export interface TransactionQueue {
  transaction<R>(fn: (tx: StoreTx) => Promise<R>): Promise<R>;
  /** a write outside a transaction: a transaction of one write */
  write<R>(fn: (tx: StoreTx) => Promise<R>): Promise<R>;
  /** resolves once no transaction runs or waits (close waits for it) */
  idle(): Promise<void>;
}

interface Member {
  fn: (tx: StoreTx) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * The queue on `writer`. `makeTx` gives a member its tx (live only while its fn runs); `isClosed`
 * says when the store was closed (queued members then fail).
 */
export function transactionQueue(
  writer: Database.Database,
  makeTx: (isLive: () => boolean) => StoreTx,
  isClosed: () => boolean,
  opts: GroupCommitOptions,
): TransactionQueue {
  const groupCommit = opts.groupCommit;
  const maxGroup = Math.max(1, opts.maxGroup ?? DEFAULT_MAX_GROUP);
  // Marks code running inside a transaction's fn: a nested transaction or an outside write there
  // would wait for the queue the caller itself holds — a deadlock — so they are refused instead.
  const inTransaction = new AsyncLocalStorage<true>();
  // Transaction control statements, prepared once (exec would parse them on every call).
  const ctl = {
    begin: writer.prepare('BEGIN IMMEDIATE'),
    commit: writer.prepare('COMMIT'),
    rollback: writer.prepare('ROLLBACK'),
    savepoint: writer.prepare('SAVEPOINT member'),
    release: writer.prepare('RELEASE member'),
    rollbackTo: writer.prepare('ROLLBACK TO member'),
  };
  const queue: Member[] = [];
  let running: Promise<void> | null = null;
  let lastGroupSize = 1;
  // groups of one since a window was last tried (see `worthWaiting`)
  let alone = 0;
  const idleWaiters: Array<() => void> = [];

  const begin = () => {
    try {
      ctl.begin.run();
    } catch (e) {
      // Another process holds the write lock past busy_timeout: to the caller that is a conflict.
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new TransactionConflictError(String(e));
      throw e;
    }
  };

  /** Runs one member's fn; true when its writes are kept (in the open transaction). */
  const runMember = async (m: Member, first: boolean, done: Array<{ m: Member; result: unknown }>): Promise<boolean> => {
    if (!first) {
      try {
        ctl.savepoint.run();
      } catch (e) {
        m.reject(e);
        return false;
      }
    }
    let active = true;
    const tx = makeTx(() => active);
    try {
      const result = await inTransaction.run(true, () => m.fn(tx));
      active = false;
      if (!first) ctl.release.run();
      done.push({ m, result });
      return true;
    } catch (e) {
      active = false;
      if (writer.inTransaction) {
        if (first) ctl.rollback.run();
        else {
          ctl.rollbackTo.run();
          ctl.release.run();
        }
      }
      m.reject(e);
      return false;
    }
  };

  /**
   * Whether to hold the group open for one event-loop turn before its COMMIT. Yes when the last
   * group had company. Callers whose work before the transaction ends in I/O (a WebCrypto
   * signature check, a file read) only reach `transaction` in a later turn, after the previous
   * caller has committed alone — so after PROBE_EVERY groups of one the window is tried once; when
   * it finds company, windows go on. A sequential caller pays one event-loop turn every
   * PROBE_EVERY commits.
   */
  const worthWaiting = () => lastGroupSize > 1 || alone >= PROBE_EVERY;

  const runGroups = async () => {
    while (queue.length > 0) {
      if (isClosed()) {
        for (const m of queue.splice(0)) m.reject(new Error('store is closed'));
        return;
      }
      try {
        begin();
      } catch (e) {
        queue.shift()!.reject(e);
        continue;
      }
      const done: Array<{ m: Member; result: unknown }> = [];
      let waited = false;
      try {
        for (;;) {
          let m = queue.shift();
          if (!m && groupCommit && worthWaiting() && done.length > 0 && done.length < maxGroup) {
            // The window (see above): only under concurrent load, one event-loop turn.
            await new Promise<void>((ok) => setImmediate(ok));
            waited = true;
            m = queue.shift();
          }
          if (!m) break;
          await runMember(m, done.length === 0, done);
          if (!writer.inTransaction) {
            // The first member failed (its ROLLBACK ended the transaction, nothing else was in it),
            // or SQLite itself aborted the transaction (disk full, I/O error): members kept so far
            // are lost with it and fail — none of them was acknowledged.
            for (const d of done.splice(0)) d.m.reject(new Error('group transaction aborted by the database'));
            break;
          }
          if (!groupCommit || done.length >= maxGroup) break;
        }
      } catch (e) {
        // Anything unexpected while the group was open: the group ends rolled back and its members
        // fail (none was acknowledged); the queue goes on with a clean connection.
        if (writer.inTransaction) ctl.rollback.run();
        for (const d of done.splice(0)) d.m.reject(e);
        continue;
      }
      if (!writer.inTransaction) continue;
      try {
        ctl.commit.run();
      } catch (e) {
        if (writer.inTransaction) ctl.rollback.run();
        for (const d of done) d.m.reject(e);
        continue;
      }
      lastGroupSize = done.length;
      alone = done.length > 1 || waited ? 0 : alone + 1;
      opts.onCommit?.(done.length);
      // Durable now (the COMMIT fsynced the WAL): only now do the callers hear their answers.
      for (const d of done) d.m.resolve(d.result);
    }
  };

  const kick = () => {
    if (running) return;
    running = runGroups()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (queue.length > 0) kick();
        else for (const f of idleWaiters.splice(0)) f();
      });
  };

  const transaction = <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) {
      return Promise.reject(new Error('nested transaction: use the tx passed to fn, not the store'));
    }
    if (isClosed()) return Promise.reject(new Error('store is closed'));
    return new Promise<R>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      kick();
    });
  };

  /** A write outside a transaction is a transaction of one write. */
  const write = <R>(fn: (tx: StoreTx) => Promise<R>): Promise<R> => {
    if (inTransaction.getStore()) {
      return Promise.reject(new Error('store write inside a transaction: use the tx passed to fn'));
    }
    return transaction(fn);
  };

  const idle = async () => {
    while (running || queue.length > 0) await new Promise<void>((ok) => idleWaiters.push(ok));
  };

  return { transaction, write, idle };
}
