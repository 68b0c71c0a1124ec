/**
 * The shipped functions on the Node they run on in production (docs/runtime.md). cloudbaserc.json
 * deploys them on CloudBase's Nodejs22.21; the rest of the tests run on the machine's Node. Here
 * each bundle, built by scripts/build-functions.mjs into a folder of its own under build/ (so the
 * platform-installed packages resolve from the repository's node_modules, as from a deployed
 * function's), is loaded in a fresh Node 22.21 process (scripts/node22.mjs fetches it) and answers
 * its first call end to end: store on MySQL (a real MariaDB server, STORE=mysql as deployed),
 * schema verified, caller looked up, one action answered.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '@shared/api';
import { openMysqlStore } from '../../cloudfunctions/adapters/store.mysql';
import { startMariadb, type MariadbServer } from '../support/mariadb';
import { node22 } from '../support/node22';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'build', `test-runtime-${process.pid}`);
const FUNCTIONS: FunctionName[] = ['citizen', 'staff', 'scheduler'];
/** What each function is first called with: a citizen's status, a reviewer's queue, the 10-minute timer. */
const FIRST_CALLS: Record<FunctionName, { event: object; openid?: string }> = {
  citizen: { event: { action: 'getMyStatus', input: {} }, openid: 'runtime-citizen' },
  staff: { event: { action: 'listReviewQueue', input: {} }, openid: 'runtime-reviewer' },
  scheduler: { event: { Type: 'Timer', TriggerName: 'every-10-minutes' } },
};

interface Run { version: string; answer: { ok?: boolean; data?: unknown; error?: unknown }; loaded: string[]; error?: string }

const cloudbaserc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; runtime: string }> };
const configOf = (fn: string) => JSON.parse(readFileSync(join(ROOT, 'cloudfunctions/functions', fn, 'config.json'), 'utf8')) as { runtime: string };
/** Nodejs22.21 → v22.21. (the prefix of the Node versions that runtime runs) */
const versionPrefix = (runtime: string) => `v${runtime.replace(/^Nodejs/, '')}.`;

let node: string;
let db: MariadbServer;
let url: string;

beforeAll(async () => {
  node = node22();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`build-functions failed: ${r.stderr || r.stdout}`);
  db = await startMariadb();
  url = await db.freshDatabase('runtime');
  const store = await openMysqlStore({ url });
  await store.put('staff', 'runtime-reviewer', { name: '审核员', region: '2102', role: 'reviewer' });
  await store.close?.();
}, 600_000);

afterAll(async () => {
  await db?.stop();
  for (const d of [OUT, `${OUT}.meta`]) rmSync(d, { recursive: true, force: true });
});

/** Loads a bundle in a fresh process of `bin`, calls main once, then imports each package its package.json lists. */
function runBundle(bin: string, fn: FunctionName): Run {
  const file = join(OUT, fn, 'index.js');
  const driver = `const { createRequire } = require('node:module'); const { pathToFileURL } = require('node:url');
const file = ${JSON.stringify(file)}; const say = (x) => process.stdout.write('\\n@@' + JSON.stringify(x) + '\\n');
(async () => {
  const answer = await require(file).main(${JSON.stringify(FIRST_CALLS[fn].event)});
  const deps = Object.keys(require(${JSON.stringify(join(OUT, fn, 'package.json'))}).dependencies);
  const loaded = [];
  for (const d of deps) { await import(pathToFileURL(createRequire(file).resolve(d)).href); loaded.push(d); }
  say({ version: process.version, answer, loaded });
  process.exit(0);
})().catch((e) => { say({ version: process.version, error: String(e && e.stack || e) }); process.exit(1); });`;
  const r = spawnSync(bin, ['-e', driver], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    env: {
      PATH: process.env.PATH, STORE: 'mysql', MYSQL_URL: url, PERSON_KEY_SECRET: '11'.repeat(32),
      DATA_KEYS: JSON.stringify({ current: 'r1', keys: { r1: '22'.repeat(32) } }),
      TENCENTCLOUD_SECRETID: 'runtime', TENCENTCLOUD_SECRETKEY: 'runtime', WX_APPID: 'wxruntime', WX_APPSECRET: 'runtime',
      GOV_EXCHANGE_URL: 'http://127.0.0.1:9', WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: FIRST_CALLS[fn].openid ?? '',
    } as Record<string, string | undefined> as unknown as NodeJS.ProcessEnv, // only these: nothing of the test runner's environment reaches the function
  });
  // the function logs to stdout too: the driver's line starts with @@
  const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`${fn} on ${bin}: no answer (status ${r.status}): ${(r.stderr ?? '').slice(-1500)}`);
  return JSON.parse(line.slice(2)) as Run;
}

describe('the functions on the Node CloudBase runs them on', () => {
  it('names one runtime for each function, in cloudbaserc.json and its config.json, and the fetched Node is that release', () => {
    const runtimes = FUNCTIONS.map((fn) => ({ fn, rc: cloudbaserc.functions.find((f) => f.name === fn)?.runtime, config: configOf(fn).runtime }));
    expect(runtimes).toEqual(FUNCTIONS.map((fn) => ({ fn, rc: 'Nodejs22.21', config: 'Nodejs22.21' })));
    const v = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(v.startsWith(versionPrefix('Nodejs22.21'))).toBe(true);
  });

  it.each(FUNCTIONS)('%s says in its package.json the Node major it runs on', (fn) => {
    const pkg = JSON.parse(readFileSync(join(OUT, fn, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    expect(pkg.engines).toEqual({ node: '>=22 <23' });
  });

  it.each(FUNCTIONS)('%s loads on Node 22.21, answers its first call on MySQL, and every package the platform installs for it loads', (fn) => {
    const run = runBundle(node, fn);
    expect({ error: run.error, node: run.version.startsWith(versionPrefix(configOf(fn).runtime)) }).toEqual({ error: undefined, node: true });
    expect(run.answer).toMatchObject({ ok: true });
    const listed = Object.keys((JSON.parse(readFileSync(join(OUT, fn, 'package.json'), 'utf8')) as { dependencies: object }).dependencies);
    expect(run.loaded.sort()).toEqual(listed.sort());
    expect(listed).toContain('mysql2');
  }, 90_000);
});
