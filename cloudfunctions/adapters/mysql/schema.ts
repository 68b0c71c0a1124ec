/**
 * The MySQL store's schema (store.mysql.ts): one table per collection, the generated columns and
 * keys the product's queries use, and the versioned migrations that create them.
 */
import mysql from 'mysql2/promise';
import type { Collection } from '../../core/store.port';

// Every collection of the port has a table: a Record, so a collection added to store.port.ts
// without one here does not compile (and then needs a migration that creates it).
const TABLES: Record<Collection, true> = {
  applications: true, certificates: true, registrations: true, requests: true, persons: true, bindings: true,
  delegations: true, counters: true, outbox: true, messages: true, subscriptions: true, audit: true, locks: true,
  verifications: true, tasks: true, keys: true, staff: true, deregistrations: true, services: true,
};
export const COLLECTIONS = Object.keys(TABLES) as readonly Collection[];

export type ColumnType = 's' | 'n';
/** A generated column: the field's value when it has that JSON type, else NULL. */
interface Column { field: string; type: ColumnType }
interface Index { name: string; columns: readonly string[]; unique?: boolean }

/**
 * Generated columns per collection, named `s_<field>` (strings) or `n_<field>` (numbers). The
 * product's queries (grep `store.find` / `store.count` in cloudfunctions/core):
 * - applications: personKey IN … and openid = … (citizen reads); status = pending_review
 *   [+ region prefix] ordered by dueDate (staff queue, scheduler reminders)
 * - bindings: openid = … (whose records a citizen may read), personKey = …
 * - delegations: helperOpenid = … + status (those a citizen was invited to help), personKey = …
 * - audit: personKey = … (listWhoReadMyData)
 * - certificates: certificateNo = … (staff scan of the QR)
 * - outbox: status = pending, nextAttemptAt ≤ now, in order; status = sending, leaseUntil ≤ now
 * - messages: openid = …
 * - tasks: status = open [+ kind, region prefix], dueDate ≤ …, in order
 * - registrations: kind = unemployment + region prefix (monthly statistics)
 * - deregistrations: region prefix + at range (export, statistics)
 */
export const MYSQL_COLUMNS: Readonly<Partial<Record<Collection, readonly Column[]>>> = {
  applications: [{ field: 'personKey', type: 's' }, { field: 'openid', type: 's' }, { field: 'status', type: 's' }, { field: 'dueDate', type: 's' }],
  certificates: [{ field: 'certificateNo', type: 's' }],
  outbox: [{ field: 'status', type: 's' }, { field: 'nextAttemptAt', type: 'n' }],
  bindings: [{ field: 'openid', type: 's' }, { field: 'personKey', type: 's' }],
  delegations: [{ field: 'helperOpenid', type: 's' }, { field: 'personKey', type: 's' }],
  audit: [{ field: 'personKey', type: 's' }],
  messages: [{ field: 'openid', type: 's' }],
  tasks: [{ field: 'status', type: 's' }, { field: 'dueDate', type: 's' }],
  registrations: [{ field: 'kind', type: 's' }, { field: 'region', type: 's' }],
  deregistrations: [{ field: 'region', type: 's' }, { field: 'serial', type: 's' }],
};

export const MYSQL_INDEXES: Readonly<Partial<Record<Collection, readonly Index[]>>> = {
  applications: [
    { name: 'ix_person', columns: ['s_personKey', 'id'] }, { name: 'ix_openid', columns: ['s_openid', 'id'] },
    { name: 'ix_status_due', columns: ['s_status', 's_dueDate', 'id'] },
  ],
  // one certificate number, one certificate (the number is printed and scanned: 大人社规发〔2025〕2号 一(四))
  certificates: [{ name: 'ux_certificate_no', columns: ['s_certificateNo'], unique: true }],
  outbox: [{ name: 'ix_status_next', columns: ['s_status', 'n_nextAttemptAt', 'id'] }],
  bindings: [{ name: 'ix_openid', columns: ['s_openid', 'id'] }, { name: 'ix_person', columns: ['s_personKey', 'id'] }],
  delegations: [{ name: 'ix_helper', columns: ['s_helperOpenid', 'id'] }, { name: 'ix_person', columns: ['s_personKey', 'id'] }],
  // listWhoReadMyData: the audit entries about a person
  audit: [{ name: 'ix_person', columns: ['s_personKey', 'id'] }],
  messages: [{ name: 'ix_openid', columns: ['s_openid', 'id'] }],
  tasks: [{ name: 'ix_status_due', columns: ['s_status', 's_dueDate', 'id'] }],
  registrations: [{ name: 'ix_kind_region', columns: ['s_kind', 's_region', 'id'] }],
  // AAB301 + AAZ341 is the record's unique id in the national table (人社厅发〔2020〕79号 附件)
  deregistrations: [{ name: 'ux_region_serial', columns: ['s_region', 's_serial'], unique: true }],
};

export const MAX_ID_BYTES = 255;
const MAX_INDEXED_BYTES = 1024;

export const tableOf = (collection: Collection | string): string => {
  if (!(COLLECTIONS as readonly string[]).includes(collection)) throw new TypeError(`invalid collection name: ${JSON.stringify(collection)}`);
  return `doc_${collection}`;
};

const jsonPath = (field: string) => `'$.${field.split('.').map((p) => `"${p}"`).join('.')}'`;
export const jx = (field: string) => `JSON_EXTRACT(data, ${jsonPath(field)})`;
export const jtype = (field: string) => `JSON_TYPE(${jx(field)})`;
const NUMERIC_TYPES = `('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')`;
/** the field's string value (bytes) or NULL */
export const stringExpr = (field: string) => `(CASE WHEN ${jtype(field)} = 'STRING' THEN CAST(JSON_UNQUOTE(${jx(field)}) AS BINARY) END)`;
/** the field's number value or NULL (`+ 0`: numeric context, accepted by both servers) */
export const numberExpr = (field: string) => `(CASE WHEN ${jtype(field)} IN ${NUMERIC_TYPES} THEN ${jx(field)} + 0 END)`;

// ---------------------------------------------------------------------------------------------
// Migrations: versioned, applied once, in order, under a server-wide lock (GET_LOCK) so two cold
// starts or a deploy and a function never both run one. DDL auto-commits in MySQL, so every step
// is written to be safe to run again (CREATE TABLE IF NOT EXISTS) should a run die half way.

export interface Migration { version: number; description: string; statements: () => string[] }

function createTableSql(collection: Collection): string {
  const cols = (MYSQL_COLUMNS[collection] ?? []).map((c) =>
    c.type === 's'
      ? `s_${c.field} VARBINARY(${MAX_INDEXED_BYTES}) GENERATED ALWAYS AS ${stringExpr(c.field)} STORED`
      : `n_${c.field} DOUBLE GENERATED ALWAYS AS ${numberExpr(c.field)} STORED`);
  const keys = (MYSQL_INDEXES[collection] ?? []).map((ix) => `${ix.unique ? 'UNIQUE KEY' : 'KEY'} ${ix.name} (${ix.columns.join(', ')})`);
  return [
    `CREATE TABLE IF NOT EXISTS ${tableOf(collection)} (`,
    `  id VARBINARY(${MAX_ID_BYTES}) NOT NULL,`,
    `  data LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,`,
    ...cols.map((c) => `  ${c},`),
    `  PRIMARY KEY (id),`,
    ...keys.map((k) => `  ${k},`),
    `  CONSTRAINT ${tableOf(collection)}_json CHECK (JSON_VALID(data))`,
    `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ].join('\n');
}

// A migration never changes once it has run anywhere: a new index or column is a new version
// (ALTER TABLE …), and MYSQL_COLUMNS / MYSQL_INDEXES then describe the schema after it.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'one table per collection, generated columns and keys for the product queries', statements: () => COLLECTIONS.map(createTableSql) },
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

type Conn = mysql.PoolConnection | mysql.Connection;

/** Applies the migrations this database lacks; returns the versions applied now. */
export async function migrate(conn: Conn, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const [locked] = await conn.query<mysql.RowDataPacket[]>("SELECT GET_LOCK('jiuye.schema', 60) AS got");
  if (locked[0]?.got !== 1) throw new Error('could not take the schema lock within 60 s');
  try {
    await conn.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INT NOT NULL PRIMARY KEY,
      description VARCHAR(200) NOT NULL,
      applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`);
    const done = new Set(await appliedVersions(conn));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements()) await conn.query(sql);
      await conn.query('INSERT INTO schema_migrations (version, description) VALUES (?, ?)', [m.version, m.description]);
      applied.push(m.version);
    }
    return applied;
  } finally {
    await conn.query("SELECT RELEASE_LOCK('jiuye.schema')");
  }
}

export async function appliedVersions(conn: Conn): Promise<number[]> {
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => Number(r.version));
  } catch (e) {
    if ((e as { errno?: number }).errno === 1146) return []; // no such table: nothing applied
    throw e;
  }
}
