/**
 * The store port: a small document store with transactions, shaped so that both the CloudBase
 * database (wx-server-sdk: collections of JSON documents, `runTransaction` with doc get/set by id)
 * and SQLite (better-sqlite3) implement it with the same behaviour. Only adapters know the
 * database; handlers see this interface.
 *
 * Rules that keep both adapters honest:
 * - Inside a transaction only `get`/`put`/`create`/`remove` by id are allowed (CloudBase
 *   transactions cannot query). Uniqueness is therefore expressed with deterministic ids
 *   (e.g. `activeRegistration/<kind>:<personKey>`), and a transaction that reads a doc and then
 *   writes it is atomic against concurrent transactions.
 * - Documents are plain JSON objects; `_id` is not part of the stored document.
 * - `find` supports equality, prefix and range conditions on top-level fields, one order field
 *   and a limit. Results are JSON copies: mutating them changes nothing stored.
 * - Ordering puts documents without the field (or with null) first, then by value, ties by id.
 *   The order between values of different types (a number in one document, a string in
 *   another) is not part of the contract: a relational adapter orders an indexed field by its
 *   typed column (store.mysql.ts), where a document of the other type sorts as null.
 */

export type Collection =
  | 'applications'
  | 'certificates'
  | 'registrations'
  | 'requests'
  | 'persons'
  | 'bindings'
  | 'delegations'
  | 'counters'
  | 'outbox'
  | 'messages'
  | 'subscriptions'
  | 'audit'
  | 'locks'
  | 'verifications'
  | 'tasks'
  | 'keys'
  | 'staff'
  | 'deregistrations'
  /** the record of contacts and services of each 失业登记 (core/contact-record.ts) */
  | 'services';

export type Scalar = string | number | boolean | null;

export type Condition =
  | Scalar
  | { prefix: string }
  | { gt?: string | number; gte?: string | number; lt?: string | number; lte?: string | number }
  | { in: Scalar[] };

export type Where = Record<string, Condition>;

export interface FindOptions {
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  /** default 1000 */
  limit?: number;
}

export type Doc = Record<string, unknown>;

export interface StoreTx {
  get<T extends object = Doc>(collection: Collection, id: string): Promise<T | null>;
  /** create or replace */
  put(collection: Collection, id: string, doc: object): Promise<void>;
  /** create only; returns false (and writes nothing) when a doc with this id exists */
  create(collection: Collection, id: string, doc: object): Promise<boolean>;
  remove(collection: Collection, id: string): Promise<void>;
}

export interface StorePort extends StoreTx {
  /**
   * Runs `fn` atomically: all its writes land or none. When two transactions touch the same
   * doc, one of them is retried or fails with `TransactionConflictError` (never a lost update).
   * `fn` may therefore run more than once: it must do its work only through `tx`. A store that
   * stays unreachable fails with `StoreUnavailableError`.
   */
  transaction<R>(fn: (tx: StoreTx) => Promise<R>): Promise<R>;
  find<T extends object = Doc>(collection: Collection, where: Where, options?: FindOptions): Promise<Array<T & { _id: string }>>;
  count(collection: Collection, where: Where): Promise<number>;
  close?(): Promise<void>;
}

export class TransactionConflictError extends Error {
  constructor(message = 'transaction conflict') {
    super(message);
    this.name = 'TransactionConflictError';
  }
}

/**
 * The database could not be reached or kept refusing (lost connection, deadlocks or lock waits
 * that outlasted the adapter's bounded retries). Nothing of the failed transaction was written,
 * or — for a connection lost during COMMIT — it may have been: either way the caller answers 503
 * and the client's retry with the same requestId gets the first answer.
 */
export class StoreUnavailableError extends Error {
  constructor(message = 'store unavailable') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
