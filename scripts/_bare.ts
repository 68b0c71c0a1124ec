import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'bare-'));
const db = new Database(join(dir, 'x.sqlite'));
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000'); db.pragma('foreign_keys = ON');
db.exec('CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL CHECK (json_valid(data)), PRIMARY KEY (collection, id))');
const ins = db.prepare('INSERT INTO docs VALUES (?, ?, ?)');
const N = Number(process.argv[2] ?? 5000);
const t0 = performance.now();
for (let i = 0; i < N; i++) { db.exec('BEGIN IMMEDIATE'); ins.run('c', 'id' + i, '{"n":' + i + '}'); db.exec('COMMIT'); }
const el = performance.now() - t0;
console.log(N / (el / 1000), 'commits/s');
