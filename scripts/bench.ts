/**
 * `npm run bench`: speed and size of the product, measured in one run on this machine
 * (the issue "Benchmarks"). Prints a table, writes bench/results.json and bench/results.md.
 *
 * Where the machine's noise would decide a figure (disk fsync speed, CPU model), the figure is
 * given against a baseline measured in the same run: 秒办 throughput against the bare durable
 * commit rate of the same SQLite settings, the weapp package and the H5 first paint against a
 * bare Taro React page built and loaded the same way.
 *
 *   npm run bench                       everything (≈ 3–5 min on 2 cores)
 *   npm run bench -- --only=miaoban,qr  some sections (results.json then says `partial`)
 *   BENCH_N=20000 npm run bench         more 秒办 applications (default 10,000)
 *
 * People are synthetic (test/support/people.ts), never the demo file's. Nothing here writes to
 * the project except bench/ and build/cloudfunctions (the function build's own output): the
 * client is built in a temp copy so a build someone else runs in client/dist is not disturbed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import qrcode from 'qrcode-generator';
import { fileKeys } from '../cloudfunctions/adapters/keys.file';
import { dispatch } from '../cloudfunctions/core/dispatch';
import { claimsFor } from '../cloudfunctions/core/qr/token.port';
import { startGateway } from '../cloudfunctions/gateway/server';
import { bareWorkspace, clientRows, clientWorkspace, h5, setClientTmpRoot, weapp } from './bench-client';
import { localRuntime, type LocalRuntime } from '../cloudfunctions/gateway/local-deps';
import { openMysqlStore } from '../cloudfunctions/adapters/store.mysql';
import { openSqliteStore } from '../cloudfunctions/adapters/store.sqlite';
import { startMariadb, type MariadbServer } from '../test/support/mariadb';
import { mod11_2 } from '@shared/id-number';
import { validUnemploymentInput } from '../test/support/shared-fixtures';
import { govRecord, makePerson, type TestPerson } from '../test/support/people';
import { CERTIFICATE_COMMITMENT } from '../test/support/gateway';
import { node22 } from '../test/support/node22';

// autocannon ships no types; the few fields read here are typed by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (o: Record<string, unknown>) => Promise<CannonResult>;
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

const ROOT = resolve(__dirname, '..');
const OUT_DIR = process.env.BENCH_OUT ?? join(ROOT, 'bench');
/** A Tuesday, a working day: the run's clock (dates in the forms are valid against it). */
const NOW = '2026-03-10T10:00:00+08:00';
const KB = 1024;

const SECTIONS = ['miaoban', 'miaobanMysql', 'http', 'qr', 'functions', 'weapp', 'h5'] as const;
type Section = (typeof SECTIONS)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = new Set<Section>(onlyArg ? (onlyArg.slice(7).split(',').filter((x) => (SECTIONS as readonly string[]).includes(x)) as Section[]) : SECTIONS);
const N = Number(process.env.BENCH_N ?? 10_000);

// ---- helpers ----------------------------------------------------------------------------------

const tmpRoot = mkdtempSync(join(os.tmpdir(), 'jy-bench-'));
setClientTmpRoot(tmpRoot);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

/**
 * `count` clean people with distinct valid ID numbers. makePerson's sequence wraps at 1,000, so
 * the birth date moves on every 400 people (region + birth + sequence is the identity).
 */
function people(count: number, offsetDays: number): TestPerson[] {
  const list: TestPerson[] = [];
  const seen = new Set<string>();
  for (let i = 0; list.length < count; i++) {
    const birth = new Date(Date.UTC(1970, 0, 1) + (offsetDays + Math.floor(i / 400)) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const p = makePerson({ birth, gender: i % 2 ? '1' : '2' });
    if (seen.has(p.idNumber)) continue;
    seen.add(p.idNumber);
    list.push(p);
  }
  return list;
}

function writeGov(file: string, persons: TestPerson[], staff: Array<{ openid: string; name: string; region: string; role: string }> = []) {
  writeFileSync(file, JSON.stringify({ persons: persons.map((p) => govRecord(p)), staff, down: [] }));
}

// ---- 秒办 in process, and the bare durable commit ---------------------------------------------

/** Runs `count` jobs with `callers` of them in flight at once (each caller takes the next index). */
async function concurrently(count: number, callers: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    for (let i = next++; i < count; i = next++) await job(i);
  }));
  return (performance.now() - t0) / 1000;
}

/**
 * The 实人核验 a citizen passes before submitting (startRealPersonCheck + confirmRealPersonCheck,
 * as client/src/services does before every submission), done for everyone before the timed runs:
 * the figures are those of the submission itself. 16 at a time, untimed.
 */
async function passRealPerson(rt: Pick<LocalRuntime, 'depsFor'>, list: Array<{ openid: string; p: TestPerson }>) {
  await concurrently(list.length, 16, async (i) => {
    const { openid, p } = list[i];
    const deps = rt.depsFor({ openid, staff: null });
    const started = await dispatch('startRealPersonCheck', { name: p.name, idNumber: p.idNumber }, deps, { local: true });
    const token = (started.body as { data?: { checkToken?: string } }).data?.checkToken;
    const confirmed = token ? await dispatch('confirmRealPersonCheck', { checkToken: token }, deps, { local: true }) : started;
    if (confirmed.status !== 200) throw new Error(`实人核验 failed for the bench: ${JSON.stringify(confirmed.body).slice(0, 200)}`);
  });
}

/** "today" in the issue: verifyCertificate at 607/s, each call paying its own durable commits. */
const VERIFY_BEFORE_PER_SECOND = 607;
const CALLERS = 16;
const N_MYSQL = Number(process.env.BENCH_N_MYSQL ?? Math.min(N, 3000));

/** One MariaDB server for the run (秒办 on MySQL, the functions' cold starts), stopped at the end. */
let mariadb: Promise<MariadbServer> | null = null;
const benchMariadb = () => (mariadb ??= startMariadb());

/**
 * 秒办 in process. `mysql`: the same on the MySQL store (a MariaDB server started here, as the
 * tests start it: test/support/mariadb.ts), fewer applications and no verification rounds — the
 * figures to set beside SQLite's.
 */
async function miaoban(mysql?: { n: number }) {
  const dir = join(tmpRoot, mysql ? 'miaoban-mysql' : 'miaoban');
  mkdirSync(dir);
  const n = mysql?.n ?? N;
  // N one at a time, then N/2 with 16 callers at once (other people: the sequential ones hold certificates now).
  const concurrentN = Math.max(1000, Math.floor(n / 2));
  // the MySQL run takes other people (born from 1983 on, still of working age on NOW): 40,000 days
  // gave birth dates in 2079, which the schema refuses, so every MySQL submission was a 400
  const all = people(n + concurrentN, mysql ? 5_000 : 0);
  const persons = all.slice(0, n);
  const concurrentPersons = all.slice(n);
  const govFile = join(dir, 'gov.json');
  // Staff for the verifications through the handler (rate limit: 60 a minute each, and the clock
  // barely moves): enough for the sequential and the concurrent round.
  const verifyN = 1000;
  const verifyConcurrentN = 4000;
  const staff = Array.from({ length: Math.ceil((verifyN + verifyConcurrentN) / 60) + 2 }, (_, i) => ({ openid: `bench-staff-${i}`, name: `核验员${i}`, region: '2102', role: 'verifier' }));
  writeGov(govFile, all, staff);
  // MySQL: transactions rerun after a deadlock or lock wait timeout
  let retries = 0;
  // Durable commits and the transactions they carried, per timed phase (group commit: members per commit).
  const commits = { n: 0, members: 0 };
  const phase = () => { const at = { ...commits }; return () => ({ commits: commits.n - at.n, transactions: commits.members - at.members, perCommit: round((commits.members - at.members) / Math.max(1, commits.n - at.n), 2) }); };
  const store = mysql
    ? await openMysqlStore({ url: await (await benchMariadb()).freshDatabase('bench'), connectionLimit: CALLERS + 2, onRetry: () => { retries++; } })
    : openSqliteStore({ dataDir: join(dir, 'data'), onCommit: (members) => { commits.n++; commits.members += members; } });
  const rt = localRuntime({ dataDir: join(dir, 'data'), govDataFile: govFile, now: NOW, log: () => undefined, store });
  // One in five is a 失业登记 (larger transaction: registration, certificate, follow-up tasks).
  const unemploymentEvery = 5;
  const lat: number[] = [];
  const byKind: Record<string, number[]> = { applyCertificate: [], submitUnemploymentRegistration: [] };
  let notApproved = 0;
  const tokens: string[] = [];
  const apply = async (p: TestPerson, i: number, tag: string, record: boolean) => {
    const unemployment = i % unemploymentEvery === unemploymentEvery - 1;
    const action = unemployment ? 'submitUnemploymentRegistration' : 'applyCertificate';
    const input = unemployment
      ? { ...validUnemploymentInput(), ...p, requestId: `bench-${tag}u-${i}`, registrationPlace: 'residence' }
      : { ...p, requestId: `bench-${tag}c-${i}`, commitment: CERTIFICATE_COMMITMENT };
    // the 实人核验 was passed for everyone before the timed runs (passRealPerson): a submission is timed alone
    const deps = rt.depsFor({ openid: `bench-${tag}citizen-${i}`, staff: null });
    const t0 = performance.now();
    const out = await dispatch(action, input, deps, { local: true });
    const ms = performance.now() - t0;
    if (record) {
      lat.push(ms);
      byKind[action].push(ms);
    }
    const data = (out.body as { ok: boolean; data?: { status?: string } }).data;
    if (out.status !== 200 || data?.status !== 'approved') {
      notApproved++;
      if (notApproved <= 3) log(`not approved: ${JSON.stringify(out.body).slice(0, 300)}`);
    }
  };
  await passRealPerson(rt, [
    ...persons.map((p, i) => ({ openid: `bench-citizen-${i}`, p })),
    ...concurrentPersons.map((p, i) => ({ openid: `bench-kcitizen-${i}`, p })),
  ]);
  const sequentialCommits = phase();
  const started = performance.now();
  for (let i = 0; i < persons.length; i++) await apply(persons[i], i, '', true);
  const seconds = (performance.now() - started) / 1000;
  const sequentialGroups = sequentialCommits();
  lat.sort((a, b) => a - b);
  for (const k of Object.keys(byKind)) byKind[k].sort((a, b) => a - b);

  // 16 callers at once: the store's group commit lets ready transactions share one fsync.
  const concurrentCommits = phase();
  const retriesBefore = retries;
  const cpu0 = process.cpuUsage();
  const concurrentSeconds = await concurrently(concurrentPersons.length, CALLERS, (i) => apply(concurrentPersons[i], i, 'k', false));
  const cpu = process.cpuUsage(cpu0);
  const concurrentGroups = concurrentCommits();
  // this process's CPU time ÷ wall time in the 16-caller round: near 1.0 means the one Node thread was the limit
  const nodeCpuShare = round((cpu.user + cpu.system) / 1e6 / concurrentSeconds, 2);

  if (mysql) {
    await rt.close();
    const throughput = persons.length / seconds;
    return {
      store: 'mysql (MariaDB, this machine, innodb_flush_log_at_trx_commit=1)',
      applications: persons.length, notApproved,
      p50Ms: round(quantile(lat, 0.5)), p99Ms: round(quantile(lat, 0.99)), maxMs: round(lat[lat.length - 1]),
      throughputPerSecond: round(throughput, 0),
      concurrent: {
        callers: CALLERS, applications: concurrentPersons.length, perSecond: round(concurrentPersons.length / concurrentSeconds, 0),
        nodeCpuShare, retries: retries - retriesBefore,
      },
    };
  }

  // Certificates to verify later through the handler (tokens as the citizen's page gets them).
  for (let i = 0; i < 200; i++) {
    const out = await dispatch('getMyCertificate', {}, rt.depsFor({ openid: `bench-citizen-${i}`, staff: null }), { local: true });
    const token = (out.body as { data?: { qrToken?: string } }).data?.qrToken;
    if (token) tokens.push(token);
  }
  let verifyFailures = 0;
  const verify = async (i: number) => {
    const s = staff[Math.floor(i / 60)];
    const out = await dispatch('verifyCertificate', { token: tokens[i % tokens.length] }, rt.depsFor({ openid: s.openid, staff: { ...s, role: 'verifier' } }), { local: true });
    if (!(out.body as { data?: { valid?: boolean } }).data?.valid) verifyFailures++;
  };
  const verifyCommits = phase();
  const v0 = performance.now();
  for (let i = 0; i < verifyN; i++) await verify(i);
  const handlerVerifyPerSecond = verifyN / ((performance.now() - v0) / 1000);
  const verifyGroups = verifyCommits();
  const verifyConcurrentCommits = phase();
  const verifyConcurrentSeconds = await concurrently(verifyConcurrentN, CALLERS, (i) => verify(verifyN + i));
  const verifyConcurrentGroups = verifyConcurrentCommits();
  await rt.close();

  const bare = bareCommits(join(dir, 'bare'), Math.max(10_000, N));
  const throughput = persons.length / seconds;
  const concurrentThroughput = concurrentPersons.length / concurrentSeconds;
  const verifyConcurrentPerSecond = verifyConcurrentN / verifyConcurrentSeconds;
  return {
    applications: persons.length,
    mix: { applyCertificate: byKind.applyCertificate.length, submitUnemploymentRegistration: byKind.submitUnemploymentRegistration.length },
    notApproved,
    p50Ms: round(quantile(lat, 0.5)),
    p99Ms: round(quantile(lat, 0.99)),
    maxMs: round(lat[lat.length - 1]),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { p50Ms: round(quantile(v, 0.5)), p99Ms: round(quantile(v, 0.99)) }])),
    throughputPerSecond: round(throughput, 0),
    groupCommit: sequentialGroups,
    bareCommitsPerSecond: round(bare.perSecond, 0),
    bareCommits: bare.n,
    ratio: round(throughput / bare.perSecond, 3),
    concurrent: {
      callers: CALLERS, applications: concurrentPersons.length, perSecond: round(concurrentThroughput, 0), groupCommit: concurrentGroups, nodeCpuShare,
      ratioToBareSequential: round(concurrentThroughput / bare.perSecond, 3),
    },
    handlerVerify: {
      calls: verifyN, perSecond: round(handlerVerifyPerSecond, 0), failures: verifyFailures, tokens: tokens.length, groupCommit: verifyGroups,
      concurrent: { callers: CALLERS, calls: verifyConcurrentN, perSecond: round(verifyConcurrentPerSecond, 0), groupCommit: verifyConcurrentGroups },
      before: VERIFY_BEFORE_PER_SECOND, ratioToBefore: round(verifyConcurrentPerSecond / VERIFY_BEFORE_PER_SECOND, 2),
    },
    _store: { certificates: persons.length + concurrentPersons.length },
  };
}

/**
 * The floor: one small INSERT per transaction, on the same settings as store.sqlite.ts (WAL,
 * synchronous=FULL, busy_timeout, foreign_keys; BEGIN IMMEDIATE … COMMIT), on the same disk.
 * A table without secondary indexes: this is the price of a durable commit and nothing else.
 */
function bareCommits(dir: string, n: number) {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE kv (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO kv (id, data) VALUES (?, ?)');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    db.exec('BEGIN IMMEDIATE');
    insert.run(`k${i}`, `{"n":${i}}`);
    db.exec('COMMIT');
  }
  const perSecond = n / ((performance.now() - t0) / 1000);
  db.close();
  return { n, perSecond };
}

// ---- through the HTTP gateway -----------------------------------------------------------------

async function httpGateway() {
  const dir = join(tmpRoot, 'http');
  mkdirSync(dir);
  const submissions = 4000;
  const persons = people(submissions + 1, 6_000); // born from mid-1986: other people than the in-process run
  const govFile = join(dir, 'gov.json');
  writeGov(govFile, persons);
  // log: a no-op writer, so the terminal is not the bottleneck (the gateway still formats each line).
  const gw = await startGateway({ port: 0, dataDir: join(dir, 'data'), govDataFile: govFile, now: NOW, staticDir: join(dir, 'no-h5'), log: () => undefined });
  const url = `http://127.0.0.1:${gw.port}`;
  const reader = persons[submissions];
  await passRealPerson(gw.runtime, [{ openid: 'bench-reader', p: reader }, ...persons.slice(0, submissions).map((p, i) => ({ openid: `bench-http-${i}`, p }))]);
  const first = await fetch(`${url}/api/applyCertificate`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': 'bench-reader' },
    body: JSON.stringify({ ...reader, requestId: 'bench-reader-0001', commitment: CERTIFICATE_COMMITMENT }),
  });
  if (first.status !== 200) throw new Error(`gateway: first application failed (${first.status})`);

  const connections = 16;
  const read = await autocannon({
    url, connections, duration: 10,
    requests: [{ method: 'POST', path: '/api/getMyCertificate', headers: { 'content-type': 'application/json', 'x-dev-openid': 'bench-reader' }, body: '{}' }],
  });

  let next = 0;
  const write = await autocannon({
    url, connections, amount: submissions,
    requests: [{
      method: 'POST', path: '/api/applyCertificate',
      setupRequest: (req: Record<string, unknown>) => {
        const i = next++;
        const p = persons[i % submissions];
        return { ...req, headers: { 'content-type': 'application/json', 'x-dev-openid': `bench-http-${i}` }, body: JSON.stringify({ ...p, requestId: `bench-http-${i}`, commitment: CERTIFICATE_COMMITMENT }) };
      },
    }],
  });
  await gw.close();
  const pick = (r: CannonResult) => ({
    requestsPerSecond: round(r.requests.average, 0), total: r.requests.total, p50Ms: r.latency.p50, p99Ms: r.latency.p99,
    non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, seconds: r.duration,
  });
  return { connections, getMyCertificate: pick(read), applyCertificate: pick(write) };
}

// ---- QR ---------------------------------------------------------------------------------------

async function qr() {
  const keys = fileKeys({ dir: join(tmpRoot, 'qr-keys') });
  const now = Date.parse(NOW);
  const signer = await keys.current(now);
  // A real certificate number shape (shared/certificate-number.ts: 17 characters).
  const body = '2102042026000001';
  const token = await signer.sign(claimsFor(body + mod11_2(body), 1, now));
  const code = qrcode(0, 'M');
  code.addData(token); // byte mode: base64url has lower case, so alphanumeric mode cannot take it
  code.make();
  const version = (code.getModuleCount() - 17) / 4; // version v has 17 + 4v modules a side

  for (let i = 0; i < 500; i++) await keys.verify(token, now); // warm-up (JIT, key import cache)
  const n = 20_000;
  let bad = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) if (!(await keys.verify(token, now)).ok) bad++;
  const perSecond = n / ((performance.now() - t0) / 1000);
  // A verifying service has many scans in flight; WebCrypto runs each on libuv's thread pool, so
  // both cores work. One at a time measures the latency-bound floor, 16 in flight the service.
  const inFlight = 16;
  const c0 = performance.now();
  for (let i = 0; i < n; i += inFlight) {
    const verdicts = await Promise.all(Array.from({ length: inFlight }, () => keys.verify(token, now)));
    bad += verdicts.filter((v) => !v.ok).length;
  }
  const concurrentPerSecond = n / ((performance.now() - c0) / 1000);

  const s0 = performance.now();
  for (let i = 0; i < 2000; i++) await signer.sign(claimsFor(body + mod11_2(body), 1, now));
  const signPerSecond = 2000 / ((performance.now() - s0) / 1000);
  return { alg: keys.alg, tokenChars: token.length, qrVersionEccM: version, modules: code.getModuleCount(), verifyPerSecond: round(perSecond, 0), verifyConcurrentPerSecond: round(concurrentPerSecond, 0), inFlight, verifyFailures: bad, signPerSecond: round(signPerSecond, 0) };
}

// ---- cloud functions --------------------------------------------------------------------------

/**
 * Each bundle, and its cold start in a fresh process: module load (require of index.js, which
 * loads the platform-installed SDKs it names) and the first call (store opened on MariaDB with the
 * schema verified, caller looked up, one action answered). Median of COLD_RUNS processes.
 */
const COLD_RUNS = 5;
const FIRST_CALLS: Record<string, object> = {
  citizen: { action: 'getMyStatus', input: {} },
  staff: { action: 'listReviewQueue', input: {} },
  scheduler: { Type: 'Timer', TriggerName: 'every-10-minutes' },
};

async function functions() {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const bundles: Record<string, number> = {};
  const coldStart: Record<string, { loadMs: number; firstCallMs: number; answeredOk: boolean; requires: string[] }> = {};
  const url = await (await benchMariadb()).freshDatabase('functions');
  const store = await openMysqlStore({ url });
  await store.put('staff', 'bench-cold-staff', { name: '审核员', region: '2102', role: 'reviewer' });
  await store.close?.();
  // the runtime the functions deploy to (Nodejs22.21, docs/runtime.md), fetched once into .cache/node22
  const runtimeNode = node22();
  const runtimeVersion = spawnSync(runtimeNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  for (const name of readdirSync(join(ROOT, 'build/cloudfunctions'))) {
    const f = join(ROOT, 'build/cloudfunctions', name, 'index.js');
    if (!existsSync(f)) continue;
    bundles[name] = statSync(f).size;
    const requires = [...new Set([...readFileSync(f, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1]).filter((x) => !x.startsWith('node:')))].sort();
    const driver = `const t0=performance.now();const m=require(${JSON.stringify(f)});const t1=performance.now();` +
      `m.main(${JSON.stringify(FIRST_CALLS[name] ?? {})}).then((a)=>{const t2=performance.now();process.stdout.write('\\n@@'+JSON.stringify({load:t1-t0,first:t2-t1,ok:!!(a&&a.ok),a:JSON.stringify(a).slice(0,200)})+'\\n');process.exit(0)},(e)=>{process.stdout.write('\\n@@'+JSON.stringify({error:String(e)})+'\\n');process.exit(1)})`;
    const runs: Array<{ load: number; first: number; ok: boolean; a: string }> = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const r = spawnSync(runtimeNode, ['-e', driver], {
        cwd: ROOT, encoding: 'utf8', timeout: 60_000,
        env: {
          ...process.env, STORE: 'mysql', MYSQL_URL: url, PERSON_KEY_SECRET: '11'.repeat(32),
          // ID numbers and phones are sealed at rest: without DATA_KEYS init() refuses to start and the
          // "first call" measured only the 503 path
          DATA_KEYS: JSON.stringify({ current: 'b1', keys: { b1: '22'.repeat(32) } }),
          TENCENTCLOUD_SECRETID: 'bench', TENCENTCLOUD_SECRETKEY: 'bench', WX_APPID: 'wxbench', WX_APPSECRET: 'bench',
          GOV_EXCHANGE_URL: 'http://127.0.0.1:9', WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: name === 'staff' ? 'bench-cold-staff' : 'bench-cold-citizen',
        },
      });
      // the function logs to stdout too: the driver's line starts with @@
      const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('@@'));
      const out = JSON.parse(line ? line.slice(2) : '{}');
      if (out.error || r.status !== 0) throw new Error(`${name} cold start failed: ${out.error ?? r.stderr.slice(-500)}`);
      runs.push(out);
    }
    const med = (xs: number[]) => round(quantile([...xs].sort((a, b) => a - b), 0.5), 1);
    coldStart[name] = { loadMs: med(runs.map((x) => x.load)), firstCallMs: med(runs.map((x) => x.first)), answeredOk: runs.every((x) => x.ok), requires };
    if (!coldStart[name].answeredOk) log(`${name} first call: ${runs[0].a}`);
  }
  return {
    bundles, coldStart, runs: COLD_RUNS, limit: 1024 * KB, node: runtimeVersion,
    note: 'index.js as bundled by scripts/build-functions.mjs; wx-server-sdk, tencentcloud-sdk-*, mysql2 and pdfkit are installed by the platform and not counted; cold start = require + first call in a fresh process of the runtime\'s Node (node above), store on MariaDB',
  };
}

// ---- report -----------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  let disk = '';
  try {
    disk = execFileSync('df', ['-T', os.tmpdir()], { encoding: 'utf8' }).trim().split('\n')[1]?.split(/\s+/).slice(0, 2).join(' ') ?? '';
  } catch { /* not on every system */ }
  return {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, sqlite: (new Database(':memory:').prepare('select sqlite_version() v').get() as { v: string }).v,
    tmpFilesystem: disk,
  };
}

type Row = [string, string, string, string];
const kb = (b: number) => `${(b / KB).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** ", 5.2 transactions a commit" from a phase's commit counts (absent in results of older runs). */
function perCommit(g: { commits: number; transactions: number; perCommit: number } | undefined, perCall = false): string {
  if (!g) return '';
  return perCall ? `; ${g.commits} commits for ${g.transactions} transactions` : `; ${g.perCommit} transactions a commit`;
}

function rows(r: Record<string, any>): Row[] {
  const out: Row[] = [];
  const has = (k: string) => r[k] && !r[k].error;
  for (const k of Object.keys(r)) if (r[k]?.error) out.push([k, `failed: ${r[k].error}`, '', 'ERROR']);
  if (has('miaoban')) {
    const m = r.miaoban;
    out.push(['秒办 in process: p50 / p99', `${m.p50Ms} / ${m.p99Ms} ms`, 'p99 ≤ 20 ms', verdict(m.p99Ms <= 20 && m.notApproved === 0)]);
    out.push(['秒办 in process: submissions approved', `${m.applications + m.concurrent.applications - m.notApproved} of ${m.applications + m.concurrent.applications}`, 'all', verdict(m.notApproved === 0)]);
    out.push(['秒办 in process: throughput', `${m.throughputPerSecond}/s (${m.applications} applications, 1 in 5 失业登记)`, '', '']);
    out.push(['bare durable commit (same SQLite settings)', `${m.bareCommitsPerSecond}/s`, '', '']);
    out.push(['秒办 one at a time ÷ bare commit', `${m.ratio}`, '≥ 0.3', verdict(m.ratio >= 0.3)]);
    out.push(['秒办 with 16 concurrent callers ÷ bare sequential commit', `${m.concurrent.ratioToBareSequential} (${m.concurrent.perSecond}/s, ${m.concurrent.applications} applications, group commit${perCommit(m.concurrent.groupCommit)}${m.concurrent.nodeCpuShare === undefined ? '' : `; Node CPU ${m.concurrent.nodeCpuShare} of a core`})`, '≥ 1.0', verdict(m.concurrent.ratioToBareSequential >= 1)]);
    out.push(['verifyCertificate handler, one at a time', `${m.handlerVerify.perSecond}/s (count, audit and receipt durable before each answer${perCommit(m.handlerVerify.groupCommit, true)})`, '', '']);
    const v = m.handlerVerify;
    out.push([`verifyCertificate, ${v.concurrent.callers} concurrent callers ÷ before (${v.before}/s)`, `${v.ratioToBefore} (${v.concurrent.perSecond}/s; ×${round(v.concurrent.perSecond / v.perSecond, 2)} one at a time in this run${perCommit(v.concurrent.groupCommit)})`, '≥ 3', verdict(v.ratioToBefore >= 3)]);
  }
  if (has('miaobanMysql')) {
    const m = r.miaobanMysql;
    out.push(['秒办 in process on MySQL (MariaDB): p50 / p99', `${m.p50Ms} / ${m.p99Ms} ms`, 'p99 ≤ 20 ms', verdict(m.p99Ms <= 20 && m.notApproved === 0)]);
    out.push(['秒办 on MySQL: submissions approved', `${m.applications + m.concurrent.applications - m.notApproved} of ${m.applications + m.concurrent.applications}`, 'all', verdict(m.notApproved === 0)]);
    out.push(['秒办 in process on MySQL: throughput', `${m.throughputPerSecond}/s one at a time (${m.applications} applications); ${m.concurrent.perSecond}/s with ${m.concurrent.callers} callers${m.concurrent.nodeCpuShare === undefined ? '' : ` (Node CPU ${m.concurrent.nodeCpuShare} of a core, ${m.concurrent.retries} deadlock retries)`}`, '', '']);
  }
  if (has('http')) {
    const h = r.http;
    for (const k of ['getMyCertificate', 'applyCertificate'] as const) {
      const x = h[k];
      out.push([`HTTP ${k} (${h.connections} connections)`, `${x.requestsPerSecond} req/s, p99 ${x.p99Ms} ms, ${x.total} requests`, 'no errors', verdict(x.non2xx === 0 && x.errors === 0 && x.timeouts === 0)]);
    }
  }
  if (has('qr')) {
    const q = r.qr;
    out.push(['QR token length', `${q.tokenChars} characters (${q.alg})`, '', '']);
    out.push(['QR version at ECC M', `${q.qrVersionEccM} (${q.modules}×${q.modules} modules)`, '≤ 10', verdict(q.qrVersionEccM <= 10)]);
    out.push(['QR verifications (TokenKeys.verify)', `${q.verifyConcurrentPerSecond}/s with ${q.inFlight} in flight; ${q.verifyPerSecond}/s one at a time`, '≥ 5,000/s', verdict(q.verifyConcurrentPerSecond >= 5000)]);
  }
  if (has('functions')) {
    for (const [name, size] of Object.entries(r.functions.bundles as Record<string, number>)) {
      out.push([`cloud function ${name}`, kb(size), '≤ 1 MB', verdict(size <= r.functions.limit)]);
      const c = r.functions.coldStart?.[name];
      if (c) out.push([`  ${name} cold start: load + first call`, `${c.loadMs} + ${c.firstCallMs} ms (median of ${r.functions.runs}, Node ${r.functions.node ?? process.version}; requires ${c.requires.join(', ')})`, 'answers ok', verdict(c.answeredOk)]);
    }
  }
  out.push(...clientRows(r, has));
  return out;
}

function table(rs: Row[], md: boolean): string {
  const head: Row = ['measure', 'result', 'target', ''];
  if (md) return [head, ['---', '---', '---', '---'] as Row, ...rs].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const w = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rs].map((r) => [...r[i]].length)));
  return [head, ...rs].map((r) => r.map((c, i) => c + ' '.repeat(w[i] - [...c].length)).join('  ')).join('\n');
}

async function main() {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const results: Record<string, unknown> = {};
  // A failed section is recorded and the others still run: one run, one table.
  const section = async (name: Section, fn: () => unknown) => {
    try {
      results[name] = await fn();
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? e.stack : e}`);
      results[name] = { error: e instanceof Error ? e.message : String(e) };
    }
  };
  try {
    if (only.has('miaoban')) { log(`秒办 in process, ${N} applications…`); await section('miaoban', miaoban); }
    if (only.has('miaobanMysql')) { log(`秒办 in process on MySQL (MariaDB), ${N_MYSQL} applications…`); await section('miaobanMysql', () => miaoban({ n: N_MYSQL })); }
    if (only.has('http')) { log('HTTP gateway with autocannon…'); await section('http', httpGateway); }
    if (only.has('qr')) { log('QR…'); await section('qr', qr); }
    if (only.has('functions')) { log('cloud function bundles…'); await section('functions', functions); }
    if (only.has('weapp') || only.has('h5')) {
      const appClient = clientWorkspace();
      const bareClient = bareWorkspace();
      if (only.has('weapp')) { log('weapp builds (app, bare page)…'); await section('weapp', () => weapp(appClient, bareClient)); }
      if (only.has('h5')) { log('H5 builds and first paint…'); await section('h5', () => h5(appClient, bareClient)); }
    }
  } finally {
    if (mariadb) await (await mariadb).stop().catch(() => undefined);
    rmSync(tmpRoot, { recursive: true, force: true });
  }
  const partial = only.size !== SECTIONS.length;
  // A partial run (--only=…) replaces its own sections in bench/results.json and keeps the others
  // from the run before, each section with the start of the run that measured it: every ratio is
  // still numerator and baseline from one run.
  const runs: Record<string, string> = {};
  for (const k of Object.keys(results)) runs[k] = startedAt;
  const resultsFile = join(OUT_DIR, 'results.json');
  // BENCH_MERGE=<results.json of another partial run>: its sections count as measured here (with
  // their own run's start), e.g. two partial runs on a busy machine combined into one table.
  if (process.env.BENCH_MERGE) {
    const other = JSON.parse(readFileSync(process.env.BENCH_MERGE, 'utf8')) as { startedAt: string; results: Record<string, unknown>; sectionRuns?: Record<string, string> };
    for (const [k, v] of Object.entries(other.results)) {
      if (k in results) continue;
      results[k] = v;
      runs[k] = other.sectionRuns?.[k] ?? other.startedAt;
    }
  }
  if (partial && existsSync(resultsFile)) {
    const before = JSON.parse(readFileSync(resultsFile, 'utf8')) as { startedAt: string; results: Record<string, unknown>; sectionRuns?: Record<string, string> };
    for (const [k, v] of Object.entries(before.results)) {
      if (k in results) continue;
      results[k] = v;
      runs[k] = before.sectionRuns?.[k] ?? before.startedAt;
    }
  }
  const ordered = Object.fromEntries(SECTIONS.filter((k) => k in results).map((k) => [k, results[k]]));
  const report = {
    startedAt, seconds: round((performance.now() - t0) / 1000, 1), partial: partial ? [...only] : undefined, sectionRuns: runs,
    machine: machine(), results: ordered,
  };
  const rs = rows(ordered);
  process.stdout.write(`\n${table(rs, false)}\n\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(report, null, 2) + '\n');
  const m = report.machine;
  const when = [...new Set(Object.values(runs))].length > 1
    ? `Sections from runs ${Object.entries(runs).map(([k, v]) => `${k} ${v}`).join(', ')}`
    : `Run ${startedAt}, ${report.seconds} s`;
  writeFileSync(join(OUT_DIR, 'results.md'), `${table(rs, true)}\n\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, SQLite ${m.sqlite}; temp files on ${m.tmpFilesystem}. ${when} (\`npm run bench\`).\n`);
  log(`wrote bench/results.json and bench/results.md in ${report.seconds} s`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
