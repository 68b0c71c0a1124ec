/**
 * The SQLite store's file (store.sqlite.ts): who may read it, whether it is sound, and which ids
 * it takes.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

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
