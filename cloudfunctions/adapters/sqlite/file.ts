/**
 * The SQLite store's file (store.sqlite.ts): who may read it, whether it is sound, and what a
 * document becomes in it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Doc } from '../../core/store.port';

export const DEFAULT_FILE = 'store.sqlite';

/**
 * The files hold people's records: DATA_DIR is 0700 and the database 0600 (个人信息保护法 第五十一条:
 * 采取相应的加密、去标识化等安全技术措施). SQLite creates the -wal and -shm files with the database
 * file's permissions, so creating the file 0600 before opening it covers all three; an older file
 * or directory is narrowed on open.
 */
export function ownerOnly(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}

/** PRAGMA integrity_check on the store file: 'ok' when the file is sound. */
export function integrityCheck(dataDir: string, fileName: string = DEFAULT_FILE): string {
  // Opened read-write (not readonly) so that SQLite can recover a WAL left by a killed process
  // before it checks, as the next real start would.
  const db = new Database(path.join(dataDir, fileName), { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

export function checkId(collection: string, id: string): void {
  if (typeof collection !== 'string' || collection === '') throw new TypeError('collection must be a non-empty string');
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
}

/**
 * Documents are stored as JSON text: what comes back is a JSON copy (Dates become ISO strings,
 * undefined fields vanish), the same as what the CloudBase adapter stores. `_id` is never part
 * of a stored document (store.port.ts), so a doc taken from `find` can be written back as is.
 * An empty document is refused because CloudBase's doc.set refuses one too.
 */
export function serialise(doc: object): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be a plain object');
  // Copy only when there is an `_id` to leave out (a doc taken from `find`): the copy of a large
  // document costs about as much as its JSON.
  let plain: object = doc;
  if (Object.prototype.hasOwnProperty.call(doc, '_id')) {
    const { _id: _ignored, ...rest } = doc as Doc;
    plain = rest;
  }
  const json = JSON.stringify(plain);
  if (json === '{}') throw new TypeError('a document must have at least one field (CloudBase refuses empty documents)');
  return json;
}
