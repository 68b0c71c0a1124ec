/** `npm start` entry: the local gateway with the settings of docs/api.md "Process". */
import { resolve } from 'node:path';
import { startGateway } from './server';

const root = resolve(__dirname, '../..');
const cfg = {
  port: Number(process.env.PORT ?? 8080),
  dataDir: resolve(process.env.DATA_DIR ?? resolve(root, '.data')),
  govDataFile: resolve(process.env.GOV_DATA_FILE ?? resolve(root, 'data/gov-data.demo.json')),
  now: process.env.NOW || undefined,
  staticDir: resolve(process.env.STATIC_DIR ?? resolve(root, 'client/dist/h5')),
};

startGateway(cfg).then((g) => {
  process.stdout.write(`就业登记自助服务 running at http://127.0.0.1:${g.port}/  (DATA_DIR=${cfg.dataDir})\n`);
  const stop = () => g.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}).catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
