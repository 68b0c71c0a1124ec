/** `npm start` entry: the local gateway with the settings of docs/api.md "Process". */
import { resolve } from 'node:path';
import { mysqlOptionsFromEnv, openMysqlStore } from '../adapters/store.mysql';
import type { StorePort } from '../core/store.port';
import { startGateway } from './server';

const root = resolve(__dirname, '../..');

/**
 * `STORE=mysql` (with MYSQL_URL=mysql://user:pass@host:port/db): the production store, migrated at
 * start (docs/store.md); otherwise SQLite under DATA_DIR, the default of `npm start`.
 */
async function storeFromEnv(): Promise<StorePort | undefined> {
  const kind = (process.env.STORE ?? 'sqlite').toLowerCase();
  if (kind === 'sqlite') return undefined;
  if (kind !== 'mysql') throw new Error(`STORE must be sqlite or mysql, not ${kind}`);
  // the gateway serves many callers at once, unlike one warm function instance
  const opts = mysqlOptionsFromEnv(process.env);
  return openMysqlStore({ ...opts, connectionLimit: opts.connectionLimit ?? 8 });
}

async function start() {
  const cfg = {
    port: Number(process.env.PORT ?? 8080),
    dataDir: resolve(process.env.DATA_DIR ?? resolve(root, '.data')),
    govDataFile: resolve(process.env.GOV_DATA_FILE ?? resolve(root, 'data/gov-data.demo.json')),
    now: process.env.NOW || undefined,
    staticDir: resolve(process.env.STATIC_DIR ?? resolve(root, 'client/dist/h5')),
    store: await storeFromEnv(),
  };
  const g = await startGateway(cfg);
  const where = cfg.store ? `STORE=mysql, DATA_DIR=${cfg.dataDir}` : `DATA_DIR=${cfg.dataDir}`;
  process.stdout.write(`就业登记自助服务 running at http://127.0.0.1:${g.port}/  (${where})\n`);
  const stop = () => g.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
