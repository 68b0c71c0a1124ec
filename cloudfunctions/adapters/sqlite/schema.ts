/**
 * The SQLite store's schema (store.sqlite.ts): one `docs(collection, id, data)` table of JSON
 * documents and, per collection, the partial expression indexes its queries use; `migrate` brings
 * a file of any earlier version up to date on open. Field and collection names are written into
 * SQL text, so they are checked here first.
 */
import type Database from 'better-sqlite3';
import type { Collection } from '../../core/store.port';
import { checkField } from '../store.documents';

/**
 * The secondary indexes, per collection: for each collection, the field lists the product
 * filters or sorts it on (grep `store.find` / `store.count` in cloudfunctions/). Each becomes a
 * partial expression index `docs_<collection>_<fields>` on (collection, json_extract(data,
 * '$.f'), …, id) WHERE collection = '<collection>' AND <first field> IS NOT NULL. (The leading
 * `collection` column holds one value; it is there for the planner, which has no statistics:
 * `collection = ? AND <field> range` on it outranks the primary key's `collection = ?`.)
 *
 * Why per collection and not one index per field across all collections (version 2): a 秒办
 * transaction writes 7–10 documents, and with field-wide indexes every document entered the
 * index of every listed field it happened to carry (messages their `createdAt`, outbox entries
 * their `applicationId`, …) — about 67 WAL pages per commit. Indexing only what is queried,
 * where it is queried, writes about 27 (bench: 秒办 ÷ bare commit). `find` writes the collection
 * into the SQL as a literal (a bound parameter cannot prove a partial index's WHERE), so SQLite
 * can pick these indexes.
 *
 * A field not listed still works — it is filtered by a scan of that collection only (the
 * primary key leads with `collection`) — so adding a field to a query is never a bug, only (for
 * large collections) a reason to add it here.
 */
export const COLLECTION_INDEXES: Readonly<Partial<Record<Collection, ReadonlyArray<readonly string[]>>>> = {
  // citizen reads (personKey IN …); the staff review queue and the scheduler (status =
  // pending_review, earliest dueDate first): one ordered read.
  applications: [['personKey'], ['status', 'dueDate']],
  // verifyCertificate finds a certificate by its number (the QR names no person): without this a
  // staff scan parsed every certificate (131 verifications/s at 2,000 certificates, `npm run bench`).
  certificates: [['certificateNo']],
  // the sender: status = pending (then nextAttemptAt due, in order) and status = sending (lease
  // expired, in id order); the entries in either state are few, sent ones stay out of both reads
  outbox: [['status']],
  // a citizen's people (openid); the other devices of a person, told of a new one (personKey)
  bindings: [['openid'], ['personKey']],
  // the people a helper may act for; the helpers of a person
  delegations: [['helperOpenid'], ['personKey']],
  // listWhoReadMyData: the audit entries about a person
  audit: [['personKey']],
  messages: [['openid']],
  // the follow-up scheduler: status = open, dueDate due, in order
  tasks: [['status', 'dueDate']],
  // monthly statistics (kind); the daily comparison pages through status = active in registrationId order
  registrations: [['kind'], ['status', 'registrationId']],
  deregistrations: [['region']],
};

/** Index name for a collection's field list. */
export function indexName(collection: string, fields: readonly string[]): string {
  return `docs_${collection}_${fields.join('_')}`;
}

// Field names go into SQL text (the JSON path must be a literal for SQLite to match the
// expression indexes): checkField (store.documents.ts) allows only plain dotted names.
// Collection names go into find/count SQL as literals too (so the partial indexes apply): the
// port's names are plain words; anything else is refused before it reaches SQL.
const COLLECTION_RE = /^[A-Za-z0-9_]+$/;

export function migrate(db: Database.Database): void {
  // json_valid guards the expression indexes: malformed JSON in one row would make every
  // json_extract over the table throw.
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      PRIMARY KEY (collection, id)
    );
  `);
  // `id` closes every index: rows with equal values come out in id order, which is the order
  // find returns (ties by id), so an equality query reads its index in order and never sorts.
  // Without it the planner preferred the primary key (already in id order) and scanned.
  //
  // Partial (`collection = '<c>' AND <field> IS NOT NULL`): a document enters only the indexes
  // of its own collection, and only those of fields it has (see COLLECTION_INDEXES for why).
  // Every condition `find` builds on a field (=, IN, ranges, prefix) implies the field is not
  // null, so SQLite still uses these indexes; only `{ field: null }` and an order by a field with
  // no condition on it scan the collection.
  //
  // Indexes of earlier versions (v1: docs_<field>; v2: docs_<field>_nn, across collections) and
  // any no longer listed are dropped, so a file from an older version is brought up to date once.
  const wanted = new Map<string, string>();
  for (const [collection, lists] of Object.entries(COLLECTION_INDEXES)) {
    checkCollection(collection);
    for (const fields of lists ?? []) {
      const name = indexName(collection, fields);
      const cols = fields.map(fieldExpr).join(', ');
      wanted.set(name, `CREATE INDEX IF NOT EXISTS ${name} ON docs (collection, ${cols}, id) WHERE collection = '${collection}' AND ${fieldExpr(fields[0])} IS NOT NULL`);
    }
  }
  const existing = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql IS NOT NULL").pluck().all() as string[];
  db.transaction(() => {
    for (const name of existing) if (!wanted.has(name)) db.exec(`DROP INDEX IF EXISTS "${name.replace(/"/g, '""')}"`);
    for (const sql of wanted.values()) db.exec(sql);
    db.pragma('user_version = 3');
  })();
}

export function checkCollection(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_RE.test(collection)) throw new TypeError(`invalid collection name: ${JSON.stringify(collection)}`);
}

export function fieldExpr(field: string): string {
  if (field === '_id') return 'id';
  checkField(field);
  return `json_extract(data, '$.${field}')`;
}
