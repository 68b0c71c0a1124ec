/**
 * Key rotation of the at-rest encryption, the operator's step (docs/identity.md "Rotation"):
 * re-seals every sealed field (`idNumber`, `phone`, `landline`, at any depth) of every collection
 * under the current data key, then checks that no value is left under another key, and prints the
 * counts. Reads the same settings as the gateway (cloudfunctions/gateway/main.ts):
 *
 *   DATA_KEYS   {"current":"k2","keys":{"k1":"<64 hex>","k2":"<64 hex>"}} — the old key(s) and the
 *               new current one; without it, DATA_DIR/data-key.secret (local mode, nothing to rotate)
 *   STORE       sqlite (default: SQLite under DATA_DIR) or mysql (MYSQL_URL=mysql://user:pass@host:port/db)
 *   DATA_DIR    default ./.data
 *   RESEAL_PAGE rows read per query (default 500)
 *
 *   npx tsx scripts/reseal.ts
 *
 * Pages through each collection whatever its size; resumable (an interrupted run goes on where it
 * stopped) and idempotent (a second run re-writes nothing). Exit code 0 when nothing is left under
 * an old key (the old key may then be removed from DATA_KEYS), 1 otherwise, 2 on an error.
 */
import { resolve } from 'node:path';
import { mysqlOptionsFromEnv, openMysqlStore } from '../cloudfunctions/adapters/store.mysql';
import { openSqliteStore } from '../cloudfunctions/adapters/store.sqlite';
import { localDataKeys, narrowDataDir } from '../cloudfunctions/gateway/local-deps';
import { ALL_COLLECTIONS, resealEach, sealedStore, type ResealReport } from '../cloudfunctions/core/sealed-store';
import type { StorePort } from '../cloudfunctions/core/store.port';

const root = resolve(__dirname, '..');

async function innerStoreFromEnv(dataDir: string): Promise<StorePort> {
  const kind = (process.env.STORE ?? 'sqlite').toLowerCase();
  if (kind === 'sqlite') return openSqliteStore({ dataDir });
  if (kind !== 'mysql') throw new Error(`STORE must be sqlite or mysql, not ${kind}`);
  return openMysqlStore(mysqlOptionsFromEnv(process.env));
}

async function main(): Promise<number> {
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(root, '.data'));
  narrowDataDir(dataDir);
  const keys = localDataKeys(dataDir);
  const pageSize = Number(process.env.RESEAL_PAGE ?? 500);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('RESEAL_PAGE must be a whole number of rows, at least 1');
  const inner = await innerStoreFromEnv(dataDir);
  const store = sealedStore(inner, keys);
  const out = (s: string) => process.stdout.write(s + '\n');
  try {
    out(`re-sealing under key "${keys.current}" (keys known: ${Object.keys(keys.keys).join(', ')}), ${process.env.STORE === 'mysql' ? 'STORE=mysql' : `DATA_DIR=${dataDir}`}`);
    let last = '';
    const reports = await resealEach(store, inner, keys, ALL_COLLECTIONS, {
      pageSize,
      onPage: (p) => {
        const line = `  ${p.collection}: ${p.scanned} read, ${p.resealed} re-sealed${p.resumed ? ' (resumed)' : ''}`;
        if (line !== last && p.scanned > 0 && p.scanned % (pageSize * 20) === 0) out(line);
        last = line;
      },
    });
    const table = (rs: ResealReport[], what: string) => {
      const w = Math.max(...rs.map((r) => r.collection.length));
      for (const r of rs) out(`  ${r.collection.padEnd(w)}  ${String(r.scanned).padStart(9)} read  ${String(r.resealed).padStart(9)} ${what}${r.resumed ? '  (resumed)' : ''}`);
    };
    table(reports, 're-sealed');
    const total = reports.reduce((n, r) => n + r.resealed, 0);
    out(`re-sealed ${total} document(s) of ${reports.reduce((n, r) => n + r.scanned, 0)}`);
    // the check: read everything again, write nothing
    const left = (await resealEach(store, inner, keys, ALL_COLLECTIONS, { pageSize, dryRun: true })).filter((r) => r.resealed > 0);
    if (left.length) {
      table(left, 'still under another key or unsealed');
      out('not done: run again (it goes on where it stopped)');
      return 1;
    }
    out(`check: every sealed value is under "${keys.current}"; keys no longer needed: ${Object.keys(keys.keys).filter((k) => k !== keys.current).join(', ') || 'none'}`);
    return 0;
  } finally {
    await inner.close?.();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`reseal failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
