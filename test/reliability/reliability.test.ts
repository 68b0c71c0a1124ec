/**
 * Reliability and security suite: the product holds people's identity and benefits, so it must keep
 * working under bad input, retries, crashes and curious users, and lose nothing.
 *
 * One file on purpose: the last check reads every log the run produced (in-process runtimes, the
 * in-process gateways and the child-process gateways), and the figures are printed once, at the end.
 * People are synthetic (test/support/people.ts), never the demo file's.
 */
import fc from 'fast-check';
import type { RowDataPacket } from 'mysql2';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSentLog } from '../../cloudfunctions/adapters/channels.local';
import { COLLECTIONS, openMysqlStore, tableOf } from '../../cloudfunctions/adapters/store.mysql';
import { integrityCheck, openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { Caller, Deps, GovDataPort, RealPersonPort, SourceName } from '../../cloudfunctions/core/deps';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { Collection, StorePort } from '../../cloudfunctions/core/store.port';
import { localDataKeys, localRuntime, openLocalStore, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { sealedStore } from '../../cloudfunctions/core/sealed-store';
import { ACTIONS, type ActionName } from '@shared/api';
import { idCheckChar } from '@shared/id-number';
import { makeApplyCertificateSchema } from '@shared/certificate.schema';
import { makeFlexibleSchema } from '@shared/flexible.schema';
import { makeUnemploymentSchema } from '@shared/unemployment.schema';
import { validate } from '@shared/validate';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { startMariadb, type MariadbServer } from '../support/mariadb';
import { govRecord, makeName, makePerson, requestId, type TestPerson } from '../support/people';
import { FORMS, badInputs, baseInput, describeInput, fuzzPerson, type BadInput, type FormAction } from './bad-inputs';
import { post, spawnGateway } from './child-gateway';
import { passRealPerson, passRealPersonOver } from '../support/real-person';
import { proofClaims } from '../../cloudfunctions/core/proof';

const NOW = '2026-03-10T10:00:00+08:00'; // a Tuesday, 10:00 Beijing: no quiet hours
const TODAY = '2026-03-10';
const IN_PROCESS_RUNS = Number(process.env.RELIABILITY_RUNS ?? 10_000);
const HTTP_RUNS = Number(process.env.RELIABILITY_HTTP_RUNS ?? 500);
const HAN = /[\u4e00-\u9fff]/;

// ---- what the whole run collects ----------------------------------------------------------------

/** every log line written by any runtime or gateway of this run */
const logs: string[] = [];
/** every DATA_DIR of this run (their outbox-sent.log is read at the end, then they are removed) */
const dataDirs: string[] = [];
/** every synthetic person used: none of their ID numbers or phones may appear in a log */
const people: TestPerson[] = [];
const figures = {
  fuzz: { inputsTried: 0, refused: 0, stored: 0, nonValidationAnswers: 0, pollutions: 0, inProcess: 0, http: 0, byForm: {} as Record<string, number>, anyActionTried: 0 },
  duplicates: { submissions: 0, applications: 0, extraApplications: 0, activeRegistrations: 0, certificates: 0 },
  crash: { rounds: 0, okAnswersBeforeKill: 0, unansweredAtKill: 0, lost: 0, halfWritten: 0, integrity: [] as string[] },
  access: { cases: 0, refused: 0, staffRefusalsAudited: 0, revealing: 0 },
  faults: { sourcesDown: 0, sourcesSlow: 0, messagesDelivered: 0, sentTwice: 0, retried: 0 },
  personalData: { logLines: 0, fullIdNumbers: 0, fullPhones: 0 },
};

function newDataDir(tag: string): string {
  const d = mkdtempSync(join(tmpdir(), `jy-rel-${tag}-`));
  dataDirs.push(d);
  return d;
}

function writeGovFile(file: string, content: GovFileContent, bump = 0): void {
  writeFileSync(file, JSON.stringify({ persons: [], staff: [], down: [], ...content }));
  // the file adapter re-reads on a new mtime; two writes in one timer tick can share one, so set it
  const t = new Date(Date.now() + bump * 1000);
  utimesSync(file, t, t);
}

function runtime(tag: string, gov: GovFileContent, o: { now?: string } = {}): LocalRuntime & { dataDir: string; govFile: string } {
  const dataDir = newDataDir(tag);
  const govFile = join(dataDir, 'gov-data.json');
  writeGovFile(govFile, gov);
  const rt = localRuntime({ dataDir, govDataFile: govFile, now: o.now ?? NOW, log: (line) => logs.push(line) });
  return Object.assign(rt, { dataDir, govFile });
}

async function gateway(gov: GovFileContent, now = NOW): Promise<TestGateway> {
  const gw = await startTestGateway({ now, gov });
  dataDirs.push(gw.dataDir);
  return gw;
}

// ---- the stores the duplicate and crash rounds run on: SQLite (the default) and a real MariaDB --

/** One MariaDB server for the file, started on first use (test/support/mariadb.ts). */
let mariadb: Promise<MariadbServer> | null = null;
const mariadbServer = () => (mariadb ??= startMariadb());
afterAll(async () => {
  if (mariadb) await (await mariadb).stop();
});

interface StoreUnderTest {
  kind: 'sqlite' | 'mysql';
  /** a place for one describe's data: a DATA_DIR, and for MySQL a new database */
  prepare(dataDir: string): Promise<void>;
  /** environment of a child gateway (`STORE=mysql MYSQL_URL=… npm run serve`) */
  env(): Record<string, string>;
  /** a second handle on the same data, to inspect it */
  open(dataDir: string): Promise<StorePort>;
  /** the store's own consistency check: 'ok' when sound */
  integrity(dataDir: string): Promise<string>;
}

function storeUnderTest(kind: 'sqlite' | 'mysql'): StoreUnderTest {
  if (kind === 'sqlite') {
    return {
      kind, prepare: async () => undefined, env: () => ({}),
      open: async (dataDir) => openLocalStore(dataDir),
      integrity: async (dataDir) => integrityCheck(dataDir),
    };
  }
  let url = '';
  return {
    kind,
    async prepare() {
      url = await (await mariadbServer()).freshDatabase('rel');
    },
    env: () => ({ STORE: 'mysql', MYSQL_URL: url }),
    // as the handlers see it: ID numbers and phones sealed with the DATA_DIR's key (core/sealed-store.ts)
    open: async (dataDir) => sealedStore(await openMysqlStore({ url, connectionLimit: 8 }), localDataKeys(dataDir)),
    async integrity() {
      // CHECK TABLE on every table of the store (InnoDB verifies pages and indexes)
      const store = await openMysqlStore({ url });
      try {
        const [rows] = await store.pool.query<RowDataPacket[]>(`CHECK TABLE ${COLLECTIONS.map(tableOf).join(', ')}`);
        const bad = rows.filter((r) => r.Msg_type === 'error' || (r.Msg_type === 'status' && r.Msg_text !== 'OK'));
        return bad.length ? bad.map((r) => r.Msg_text).join('\n') : 'ok';
      } finally {
        await store.close?.();
      }
    },
  };
}
const STORES = [storeUnderTest('sqlite'), storeUnderTest('mysql')];

/** Documents a submission writes; a refused input must leave every one of them untouched. */
const SUBMISSION_COLLECTIONS: Collection[] = ['applications', 'requests', 'bindings', 'messages', 'locks', 'outbox', 'certificates', 'registrations', 'tasks'];

async function storedDocs(store: StorePort): Promise<number> {
  let n = 0;
  for (const c of SUBMISSION_COLLECTIONS) n += await store.count(c, {});
  return n;
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_KEYS
    || probe.polluted !== undefined || probe.isAdmin !== undefined || probe.status !== undefined
    || (Array.prototype as unknown as Record<string, unknown>).polluted !== undefined;
}

function schemaFor(form: FormAction) {
  if (form === 'applyCertificate') return makeApplyCertificateSchema({ today: TODAY });
  if (form === 'submitUnemploymentRegistration') return makeUnemploymentSchema({ today: TODAY });
  return makeFlexibleSchema({ today: TODAY });
}

/** The refusal every bad input must get: 400, VALIDATION_FAILED, a Chinese message per field. */
function refusalProblem(status: number, body: any, b: BadInput): string | null {
  if (status !== 400) return `status ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (body?.ok !== false || body.error?.code !== 'VALIDATION_FAILED') return `not VALIDATION_FAILED: ${JSON.stringify(body).slice(0, 300)}`;
  if (typeof body.error.message !== 'string' || !HAN.test(body.error.message)) return `message not Chinese: ${body.error.message}`;
  const fields = body.error.fields;
  if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0) return `no field messages: ${JSON.stringify(body.error)}`;
  for (const [k, m] of Object.entries(fields)) {
    if (typeof m !== 'string' || !HAN.test(m)) return `field ${k}: message not Chinese: ${String(m)}`;
  }
  // the refusal names what was wrong: some mutated field (or the field its cross-field rule requires)
  const named = b.mutations.some((m) => m.expect.some((f) => Object.keys(fields).some((k) => k === f || k.startsWith(`${f}.`))));
  if (!named) return `no message on a mutated field (${b.mutations.map((m) => m.field).join(', ')}): ${Object.keys(fields).join(', ')}`;
  return null;
}

function rememberPerson(p: TestPerson): TestPerson {
  people.push(p);
  return p;
}

afterAll(() => {
  mkdirSync(resolve(__dirname, '../../test-results'), { recursive: true });
  writeFileSync(resolve(__dirname, '../../test-results/reliability.json'), JSON.stringify(figures, null, 2) + '\n');
  const f = figures;
  const rows: Array<[string, string | number]> = [
    ['bad inputs tried (in-process + HTTP)', `${f.fuzz.inputsTried} (${f.fuzz.inProcess} + ${f.fuzz.http})`],
    ['  refused with 400 + field messages', f.fuzz.refused],
    ['  stored (documents written)', f.fuzz.stored],
    ['  other answers (500, crash…)', f.fuzz.nonValidationAnswers],
    ['  Object.prototype polluted', f.fuzz.pollutions],
    ['arbitrary JSON to every action (no 5xx)', f.fuzz.anyActionTried],
    ['concurrent duplicate submissions', f.duplicates.submissions],
    ['  applications created (expected 2 per store)', f.duplicates.applications],
    ['  duplicates (extra applications)', f.duplicates.extraApplications],
    ['crash rounds (kill -9 mid-load; SQLite and MariaDB)', f.crash.rounds],
    ['  ok answers before the kill', f.crash.okAnswersBeforeKill],
    ['  in flight at the kill (no answer)', f.crash.unansweredAtKill],
    ['  lost (answered ok, then missing)', f.crash.lost],
    ['  half-written applications', f.crash.halfWritten],
    ['access cases (action × caller)', f.access.cases],
    ['  refused', f.access.refused],
    ['  answers revealing a record', f.access.revealing],
    ['  staff refusals audited', f.access.staffRefusalsAudited],
    ['sources down / slow → review', `${f.faults.sourcesDown} / ${f.faults.sourcesSlow}`],
    ['messages delivered under provider faults (twice)', `${f.faults.messagesDelivered} (${f.faults.sentTwice})`],
    ['log lines scanned / full ID numbers / full phones', `${f.personalData.logLines} / ${f.personalData.fullIdNumbers} / ${f.personalData.fullPhones}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  // eslint-disable-next-line no-console
  console.log(`Reliability figures (test-results/reliability.json)\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}`);
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

// ---- 1. fuzzed input ----------------------------------------------------------------------------

describe('fuzzed input: every bad form is refused with field messages, nothing stored, the process alive', () => {
  const person = rememberPerson(fuzzPerson());

  it.each(FORMS)('starts from a valid %s form, so each refusal is the mutation\'s doing', (form) => {
    expect(validate(schemaFor(form), baseInput(form, person, requestId())).ok).toBe(true);
  });

  it.each(FORMS)(`refuses ${IN_PROCESS_RUNS} generated bad %s inputs through dispatch (in-process)`, async (form) => {
    const rt = runtime('fuzz', { persons: [govRecord(person)] });
    const deps = rt.depsFor({ openid: 'fuzz-citizen', staff: null });
    const base = baseInput(form, person, 'req-fuzz-0001');
    let tried = 0;
    try {
      await fc.assert(
        fc.asyncProperty(badInputs(form, { person, huge: 1024 * 1024 }, base), async (b) => {
          tried++;
          const out = await dispatch(form, b.input, deps, { local: true });
          const problem = refusalProblem(out.status, out.body, b);
          if (out.status !== 400) figures.fuzz.nonValidationAnswers++;
          const stored = await storedDocs(rt.store);
          const polluted = prototypePolluted();
          if (polluted) figures.fuzz.pollutions++;
          if (problem || stored !== 0 || polluted) {
            throw new Error(`${problem ?? ''} stored=${stored} polluted=${polluted} input=${describeInput(b)}`);
          }
          figures.fuzz.refused++;
        }),
        { numRuns: IN_PROCESS_RUNS, endOnFailure: true },
      );
    } finally {
      figures.fuzz.inputsTried += tried;
      figures.fuzz.inProcess += tried;
      figures.fuzz.byForm[form] = (figures.fuzz.byForm[form] ?? 0) + tried;
      figures.fuzz.stored += await storedDocs(rt.store);
      await rt.close();
    }
    expect(tried).toBeGreaterThanOrEqual(IN_PROCESS_RUNS);
  }, 180_000);

  it('answers arbitrary JSON sent to every action without a 500, a throw or a polluted prototype', async () => {
    const rt = runtime('anything', { persons: [govRecord(person)], staff: [{ openid: 'fuzz-admin', name: '管理员', region: '2102', role: 'admin' }] });
    const actions = Object.keys(ACTIONS) as ActionName[];
    let tried = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actions), fc.json({ maxDepth: 3 }), fc.constantFrom('fuzz-citizen', 'fuzz-admin'), async (action, json, openid) => {
          tried++;
          const deps = rt.depsFor(await rt.callerFor(openid));
          const out = await dispatch(action, JSON.parse(json), deps, { local: true });
          if (out.status >= 500 || prototypePolluted()) throw new Error(`${action} ${json.slice(0, 200)} → ${out.status} ${JSON.stringify(out.body).slice(0, 200)}`);
          if (!out.body.ok && !HAN.test(out.body.error.message)) throw new Error(`message not Chinese: ${out.body.error.message}`);
        }),
        { numRuns: 2000, endOnFailure: true },
      );
    } finally {
      // counted apart: arbitrary JSON may be a valid input, so these are not all refusals
      figures.fuzz.anyActionTried += tried;
      await rt.close();
    }
  }, 120_000);

  it('stores a valid form that carries poison keys without them, and pollutes nothing', async () => {
    const gw = await gateway({ persons: [govRecord(person)] });
    try {
      const body = JSON.stringify(baseInput('submitUnemploymentRegistration', person, requestId()))
        .replace(/^\{/, '{"__proto__":{"polluted":"yes","status":"approved"},"constructor":{"prototype":{"polluted":"yes"}},"isAdmin":true,')
        .replace('"hukouAddress":{', '"hukouAddress":{"__proto__":{"polluted":"yes"},');
      // the 实人核验 the client runs first (the body is sent as text here, so gw.call cannot do it)
      expect(await passRealPersonOver((a, b, o) => gw.call(a, b, o), 'fuzz-poison', person)).toBe(true);
      const { status, json } = await gw.call('submitUnemploymentRegistration', body, 'fuzz-poison');
      expect(status).toBe(200);
      expect(prototypePolluted()).toBe(false);
      const store = openSqliteStore({ dataDir: gw.dataDir });
      try {
        const app = await store.get<Record<string, any>>('applications', json.data.applicationId);
        const text = JSON.stringify(app);
        expect(text).not.toContain('polluted');
        expect(text).not.toContain('isAdmin');
        expect(Object.keys(app!.person)).not.toContain('constructor');
      } finally {
        await store.close?.();
      }
    } finally {
      logs.push(...gw.logs);
      await gw.close(true);
    }
  });

  describe('through the real HTTP gateway', () => {
    let gw: TestGateway;
    let store: StorePort;
    beforeAll(async () => {
      gw = await gateway({ persons: [govRecord(person)] });
      store = openSqliteStore({ dataDir: gw.dataDir });
    });
    afterAll(async () => {
      await store.close?.();
      logs.push(...gw.logs);
      await gw.close(true);
    });

    it.each(FORMS)(`refuses ${HTTP_RUNS} generated bad %s bodies over HTTP`, async (form) => {
      const base = baseInput(form, person, 'req-fuzz-http-1');
      let tried = 0;
      try {
        await fc.assert(
          // strings up to 18 K characters: three of them stay under the 64 KB body limit
          fc.asyncProperty(badInputs(form, { person, huge: 18_000 }, base), async (b) => {
            tried++;
            // no 实人核验 first: the schema refuses before it matters, and the check would write its own records
            const { status, json } = await gw.call(form, b.input, 'fuzz-http', { check: false, commit: false });
            const problem = refusalProblem(status, json, b);
            if (status !== 400) figures.fuzz.nonValidationAnswers++;
            const stored = await storedDocs(store);
            if (problem || stored !== 0 || prototypePolluted()) throw new Error(`${problem ?? ''} stored=${stored} input=${describeInput(b)}`);
            figures.fuzz.refused++;
          }),
          { numRuns: HTTP_RUNS, endOnFailure: true },
        );
      } finally {
        figures.fuzz.inputsTried += tried;
        figures.fuzz.http += tried;
        figures.fuzz.byForm[form] = (figures.fuzz.byForm[form] ?? 0) + tried;
      }
      expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    }, 120_000);

    it('refuses bodies that are not a form at all with 400 and a Chinese message, and a 1 MB body with 413', async () => {
      const bodies = ['[]', '"text"', '42', 'true', '{"__proto__": {"polluted": "yes"}}', '{"constructor": {"prototype": {"polluted": "yes"}}}', '{"a":', '\u0000', '{"requestId": "\uD800"}'];
      for (const form of FORMS) {
        for (const body of bodies) {
          const { status, json } = await gw.call(form, body, 'fuzz-http');
          expect(status).toBe(400);
          expect(json.error?.code).toBe('VALIDATION_FAILED');
          expect(json.error?.message).toMatch(HAN);
          figures.fuzz.inputsTried++;
          figures.fuzz.http++;
          figures.fuzz.refused++;
        }
        const huge = await gw.call(form, { ...baseInput(form, person, requestId()), remarks: 'x'.repeat(1024 * 1024) }, 'fuzz-http', { check: false });
        expect(huge.status).toBe(413);
      }
      expect(await storedDocs(store)).toBe(0);
      expect(prototypePolluted()).toBe(false);
    });
  });
});

// ---- 2. concurrent duplicates ---------------------------------------------------------------------

describe.each(STORES)('duplicates on $kind: 100 concurrent submissions with one requestId, 100 with different ones → one of everything', (sut) => {
  const unemployed = rememberPerson(makePerson());
  const applicant = rememberPerson(makePerson());
  let gw: TestGateway;
  let gwStore: StorePort | undefined;
  beforeAll(async () => {
    const dataDir = newDataDir(`dup-${sut.kind}`);
    await sut.prepare(dataDir);
    // SQLite: the gateway's own file under DATA_DIR; MySQL: the gateway runs on the server (as `STORE=mysql`)
    gwStore = sut.kind === 'mysql' ? await openMysqlStore({ url: sut.env().MYSQL_URL, connectionLimit: 8 }) : undefined;
    gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(unemployed), govRecord(applicant)] }, dataDir, store: gwStore });
  }, 120_000);
  afterAll(async () => { logs.push(...gw.logs); await gw.close(true); });

  async function burst(action: FormAction, p: TestPerson, openid: string): Promise<Set<string>> {
    const same = { ...baseInput(action, p, requestId()) };
    const answers = await Promise.all([
      ...Array.from({ length: 100 }, () => gw.call(action, same, openid)),
      ...Array.from({ length: 100 }, () => gw.call(action, baseInput(action, p, requestId()), openid)),
    ]);
    figures.duplicates.submissions += answers.length;
    for (const a of answers) expect(a.status).toBe(200);
    return new Set(answers.map((a) => a.json.data.applicationId as string));
  }

  it('失业登记: one application, one active registration, one certificate; every answer names it', async () => {
    const ids = await burst('submitUnemploymentRegistration', unemployed, 'dup-u');
    expect(ids.size).toBe(1);
    const store = await sut.open(gw.dataDir);
    try {
      const apps = (await store.find<any>('applications', { kind: 'unemployment' })).filter((a) => a.person.idNumber === unemployed.idNumber);
      const regs = (await store.find<any>('registrations', { kind: 'unemployment', status: 'active' })).filter((r) => r.person?.idNumber === unemployed.idNumber || r.personKey === apps[0]?.personKey);
      const certs = await store.find<any>('certificates', { personKey: apps[0].personKey });
      figures.duplicates.applications += apps.length;
      figures.duplicates.extraApplications += apps.length - 1;
      figures.duplicates.activeRegistrations += regs.length;
      figures.duplicates.certificates += certs.length;
      expect(apps.map((a) => a.applicationId)).toEqual([...ids]);
      expect(regs).toHaveLength(1);
      expect(certs).toHaveLength(1);
      // the outcome is told once, not once per retry
      expect(await store.count('messages', { applicationId: apps[0].applicationId, event: 'unemployment.approved' })).toBe(1);
      expect(await store.count('requests', {})).toBe(101);
    } finally {
      await store.close?.();
    }
  }, 60_000);

  it('申领《就业创业证》: one application, one certificate; every answer names it', async () => {
    const ids = await burst('applyCertificate', applicant, 'dup-c');
    expect(ids.size).toBe(1);
    const store = await sut.open(gw.dataDir);
    try {
      const apps = (await store.find<any>('applications', { kind: 'certificate' })).filter((a) => a.person.idNumber === applicant.idNumber);
      const certs = await store.find<any>('certificates', { personKey: apps[0].personKey });
      figures.duplicates.applications += apps.length;
      figures.duplicates.extraApplications += apps.length - 1;
      figures.duplicates.certificates += certs.length;
      expect(apps.map((a) => a.applicationId)).toEqual([...ids]);
      expect(certs).toHaveLength(1);
      expect(certs[0].version).toBe(1);
    } finally {
      await store.close?.();
    }
  }, 60_000);
});

// ---- 3. crash safety ----------------------------------------------------------------------------

/** Distinct people for the crash rounds: the birth date walks one day per person (unique ID numbers). */
function crashPerson(i: number): TestPerson {
  const birth = new Date(Date.UTC(1965, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `210204${birth}${String(101 + (i % 400) * 2).padStart(3, '0')}`; // odd sequence → 男
  const phone = `137${String(10_000_000 + i * 7919).slice(-8)}`;
  return { ...makePerson({ region: '210204', gender: '1' }), name: makeName(), idNumber: body + idCheckChar(body), gender: '1', phone };
}

describe.each(STORES.map((sut, k) => [sut.kind, sut, k] as const))('crash safety on %s: kill -9 mid-load, restart on the same store, nothing answered is lost', (_kind, sut, k) => {
  const ROUNDS = 3;
  const PER_ROUND = 1500;
  const dataDir = newDataDir(`crash-${sut.kind}`);
  beforeAll(() => sut.prepare(dataDir), 120_000);
  const govFile = join(dataDir, 'gov-data.json');
  // distinct people per store (the ID numbers walk on from the first store's)
  const crowd = Array.from({ length: ROUNDS * PER_ROUND }, (_, i) => crashPerson(i + k * ROUNDS * PER_ROUND));
  people.push(...crowd);
  // a third of them are employed somewhere: their applications wait for review (a different write path)
  writeGovFile(govFile, { persons: crowd.map((p, i) => govRecord(p, i % 3 === 2 ? { unitInsurance: { unit: '某机械厂', since: '2020-01-01' } } : {})) });
  const childOutput: string[] = [];
  afterAll(() => { logs.push(...childOutput.join('').split('\n')); });

  interface Answered { action: FormAction; openid: string; body: Record<string, unknown>; data: any }

  it.each(Array.from({ length: ROUNDS }, (_, r) => r + 1))('round %i: every ok answer survives, the store is sound, nothing half-written', async (round) => {
    const gw = await spawnGateway({ dataDir, govFile, now: NOW, output: childOutput, env: sut.env() });
    const answered: Answered[] = [];
    let inFlightErrors = 0;
    let next = (round - 1) * PER_ROUND;
    let killed = false;
    const kinds: FormAction[] = ['submitUnemploymentRegistration', 'applyCertificate', 'submitFlexibleEmployment'];
    const client = async (c: number) => {
      while (!killed && next < round * PER_ROUND) {
        const i = next++;
        const action = kinds[i % 3];
        const openid = `crash-${round}-${c}-${i}`;
        const body = baseInput(action, crowd[i], `req-crash-${round}-${i}`);
        try {
          // the 实人核验 the client runs before the submission (its requests are part of the load)
          await passRealPersonOver((a, b, o) => post(gw.url, a, b, o), openid, crowd[i]);
          // a 503 (store busy past its retries) is no answer: the client sends the same requestId again,
          // as its outbox does — "再次提交不会重复办理"
          let r = await post(gw.url, action, body, openid);
          for (let again = 0; r.status === 503 && again < 5 && !killed; again++) {
            await new Promise((res) => setTimeout(res, 100 * (again + 1)));
            r = await post(gw.url, action, body, openid);
          }
          if (r.status === 200) answered.push({ action, openid, body, data: r.json.data });
          else throw new Error(`unexpected ${r.status} ${r.text.slice(0, 200)}`);
        } catch (e) {
          if (!killed) throw e;
          inFlightErrors++;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    // let the load run, then pull the plug with requests in flight. The kill waits for a few
    // dozen answers as well as the time: on a loaded machine the child's first second can be
    // start-up alone, and a round that killed before any answer would prove nothing.
    await new Promise((r) => setTimeout(r, 1200 + round * 200));
    for (const t0 = Date.now(); answered.length < 30 && Date.now() - t0 < 60_000;) await new Promise((r) => setTimeout(r, 50));
    killed = true;
    await gw.kill9();
    await load;
    expect(answered.length).toBeGreaterThan(10);
    // the kill did land mid-load: some requests were cut off without an answer
    expect(inFlightErrors).toBeGreaterThan(0);
    figures.crash.rounds++;
    figures.crash.okAnswersBeforeKill += answered.length;
    figures.crash.unansweredAtKill += inFlightErrors;

    const integrity = await sut.integrity(dataDir);
    figures.crash.integrity.push(`${sut.kind}: ${integrity}`);
    expect(integrity).toBe('ok');

    const again = await spawnGateway({ dataDir, govFile, now: NOW, output: childOutput, env: sut.env() });
    try {
      let lost = 0;
      for (const a of answered) {
        const progress = await post(again.url, 'getProgress', { applicationId: a.data.applicationId }, a.openid);
        if (progress.status !== 200 || progress.json.data.applicationId !== a.data.applicationId || progress.json.data.status !== a.data.status) lost++;
      }
      figures.crash.lost += lost;
      expect(lost).toBe(0);
      // a client that never saw its answer sends again: it gets the first answer, not a second application
      for (const a of answered) {
        const resent = await post(again.url, a.action, a.body, a.openid);
        expect(resent.status).toBe(200);
        expect(resent.json.data).toEqual(a.data);
      }

      // nothing half-written: an application never exists without what its transaction wrote with it
      const store = await sut.open(dataDir);
      try {
        const apps = await store.find<any>('applications', { openid: { prefix: `crash-${round}-` } }, { limit: 100_000 });
        expect(apps.length).toBeGreaterThanOrEqual(answered.length);
        let half = 0;
        for (const app of apps) {
          const problems: string[] = [];
          const req = await store.get<any>('requests', `${app.openid}:${app.requestId}`);
          if (req?.answer?.applicationId !== app.applicationId) problems.push('request record');
          const lock = await store.get<any>('locks', `${app.kind}:${app.personKey}`);
          if (lock?.applicationId !== app.applicationId) problems.push('lock');
          if (!(await store.get('bindings', `${app.openid}:${app.personKey}`))) problems.push('binding');
          const msgs = await store.find<any>('messages', { applicationId: app.applicationId });
          if (!msgs.some((m) => m.event === `${app.kind}.${app.status}`)) problems.push('message');
          for (const m of msgs) if (!(await store.get('outbox', `${m.messageId}:subscribe`))) problems.push('outbox entry');
          if (app.status === 'approved') {
            if (!(await store.get('certificates', app.personKey))) problems.push('certificate');
            if (app.kind !== 'certificate' && (await store.get<any>('registrations', `${app.kind}:${app.personKey}`))?.status !== 'active') problems.push('registration');
          }
          if (problems.length) half++;
        }
        figures.crash.halfWritten += half;
        expect(half).toBe(0);
        // no answer was recorded for an application that is not there
        const reqs = await store.find<any>('requests', {}, { limit: 100_000 });
        for (const r of reqs.filter((x) => String(x.openid).startsWith(`crash-${round}-`))) {
          expect(await store.get('applications', r.answer.applicationId)).not.toBeNull();
        }
      } finally {
        await store.close?.();
      }
    } finally {
      await again.stop();
    }
    expect(await sut.integrity(dataDir)).toBe('ok');
  }, 180_000);
});

// ---- 4. access matrix ---------------------------------------------------------------------------

describe('access matrix: every action × (no identity, another citizen, staff of another region, a role too low)', () => {
  const owner = rememberPerson(makePerson({ region: '210204' }));
  const registered = rememberPerson(makePerson({ region: '210204' }));
  const neverSeen = rememberPerson(makePerson({ region: '210204' }));
  const STAFF = [
    { openid: 'acc-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
    { openid: 'acc-dl-verifier', name: '大连核验员', region: '2102', role: 'verifier' },
    { openid: 'acc-as-verifier', name: '鞍山核验员', region: '2103', role: 'verifier' },
    { openid: 'acc-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
    { openid: 'acc-as-admin', name: '鞍山管理员', region: '2103', role: 'admin' },
  ] as const;
  let rt: ReturnType<typeof runtime>;
  const ids: Record<string, string> = {};
  let qrToken = '';
  let proofToken = '';

  /** An openid may act only for the person it checked: here the passes are set by the test, not by start/confirm. */
  const passed = new Set([`acc-owner|${owner.idNumber}`, `acc-owner|${registered.idNumber}`]);
  const strictRealPerson: RealPersonPort = {
    async start() { return { mode: 'simulated', checkToken: 'acc-token' }; },
    async confirm() { return { passed: false, detail: '核验未通过' }; },
    async check(openid, p) {
      return passed.has(`${openid}|${p.idNumber}`) ? { passed: true, detail: '已核验' } : { passed: false, detail: '未核验' };
    },
  };

  async function call(action: string, input: unknown, openid: string | null, local = true) {
    const caller: Caller = await rt.callerFor(openid);
    const deps: Deps = { ...rt.depsFor(caller), realPerson: strictRealPerson };
    return dispatch(action, JSON.parse(JSON.stringify(input ?? {})), deps, { local });
  }

  beforeAll(async () => {
    rt = runtime('access', {
      persons: [govRecord(owner, { unitInsurance: { unit: '某公司', since: '2021-01-01' } }), govRecord(registered)],
      staff: [...STAFF],
    });
    // the owner's records: a pending 失业登记 (region 210204), a certificate, and an active registration
    const pending = await call('submitUnemploymentRegistration', baseInput('submitUnemploymentRegistration', owner, requestId()), 'acc-owner');
    expect(pending.body).toMatchObject({ ok: true, data: { status: 'pending_review' } });
    ids.pending = (pending.body as any).data.applicationId;
    const reg = await call('submitUnemploymentRegistration', baseInput('submitUnemploymentRegistration', registered, requestId()), 'acc-owner');
    expect(reg.body).toMatchObject({ ok: true, data: { status: 'approved' } });
    ids.registered = (reg.body as any).data.applicationId;
    const cert = await call('getMyCertificate', {}, 'acc-owner');
    qrToken = (cert.body as any).data.qrToken;
    expect(qrToken).toBeTruthy();
    // the QR of a 失业登记证明 of the active registration, signed as getRegistrationProof signs it
    const ownerDeps = rt.depsFor({ openid: 'acc-owner', staff: null });
    const signedAt = ownerDeps.clock.now();
    proofToken = await (await ownerDeps.qrKeys!.current(signedAt)).signJson({ ...proofClaims({ applicationId: ids.registered, kind: 'unemployment' }, signedAt) });
  });
  afterAll(async () => { await rt.close(); });

  /**
   * For each action: an input aimed at the owner's record, and the same input aimed at a record that
   * does not exist. A refusal must not tell the two apart: the answers are compared byte for byte.
   */
  const targets: Partial<Record<ActionName, () => { existing: unknown; missing: unknown }>> = {
    applyCertificate: () => ({ existing: baseInput('applyCertificate', registered, 'req-acc-aaaa'), missing: baseInput('applyCertificate', neverSeen, 'req-acc-aaaa') }),
    submitUnemploymentRegistration: () => ({ existing: baseInput('submitUnemploymentRegistration', registered, 'req-acc-bbbb'), missing: baseInput('submitUnemploymentRegistration', neverSeen, 'req-acc-bbbb') }),
    submitFlexibleEmployment: () => ({ existing: baseInput('submitFlexibleEmployment', registered, 'req-acc-cccc'), missing: baseInput('submitFlexibleEmployment', neverSeen, 'req-acc-cccc') }),
    reissueCertificate: () => ({ existing: { requestId: 'req-acc-dddd', kind: 'lost', statement: '手机丢失在公交车上了，需要补发' }, missing: { requestId: 'req-acc-dddd', kind: 'lost', statement: '手机丢失在公交车上了，需要补发' } }),
    getProgress: () => ({ existing: { applicationId: ids.pending }, missing: { applicationId: 'f'.repeat(32) } }),
    listMyApplications: () => ({ existing: {}, missing: {} }),
    getMyCertificate: () => ({ existing: {}, missing: {} }),
    listMyMessages: () => ({ existing: {}, missing: {} }),
    getMyProfile: () => ({ existing: {}, missing: {} }),
    startRealPersonCheck: () => ({ existing: { name: registered.name, idNumber: registered.idNumber }, missing: { name: neverSeen.name, idNumber: neverSeen.idNumber } }),
    confirmRealPersonCheck: () => ({ existing: { bizToken: 'biz-acc' }, missing: { bizToken: 'biz-acc' } }),
    // 'reject' leaves the count as it was, so two calls answer alike
    recordSubscription: () => ({ existing: { templates: { result: 'reject' } }, missing: { templates: { result: 'reject' } } }),
    whoAmI: () => ({ existing: {}, missing: {} }),
    verifyCertificate: () => ({ existing: { token: qrToken }, missing: { token: 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' } }),
    verifyProof: () => ({ existing: { token: proofToken }, missing: { token: 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' } }),
    listReviewQueue: () => ({ existing: {}, missing: {} }),
    getApplicationDetail: () => ({ existing: { applicationId: ids.pending }, missing: { applicationId: 'f'.repeat(32) } }),
    decideApplication: () => ({ existing: { applicationId: ids.pending, decision: 'reject', reasonCode: 'R03' }, missing: { applicationId: 'f'.repeat(32), decision: 'reject', reasonCode: 'R03' } }),
    deregister: () => ({ existing: { idNumber: registered.idNumber, reasonCode: '11' }, missing: { idNumber: neverSeen.idNumber, reasonCode: '11' } }),
    exportDeregistrations: () => ({ existing: { from: '20260101', to: '20261231' }, missing: { from: '20260101', to: '20261231' } }),
    // the contact task schedule.ts opened when the registration was approved
    listContactTasks: () => ({ existing: {}, missing: {} }),
    getWorkbench: () => ({ existing: {}, missing: {} }),
    getMyReminders: () => ({ existing: {}, missing: {} }),
    stopSubscription: () => ({ existing: { template: 'result' }, missing: { template: 'result' } }),
    listHardshipRequests: () => ({ existing: {}, missing: {} }),
    decideHardship: () => ({ existing: { taskId: `hardship:${ids.pending}`, recognized: true }, missing: { taskId: `hardship:${'f'.repeat(32)}`, recognized: true } }),
    revealContact: () => ({ existing: { taskId: `contact:${ids.registered}` }, missing: { taskId: `contact:${'f'.repeat(32)}` } }),
    completeContactTask: () => ({ existing: { taskId: `contact:${ids.registered}`, outcome: 'reached' }, missing: { taskId: `contact:${'f'.repeat(32)}`, outcome: 'reached' } }),
    recordContactAttempt: () => ({ existing: { taskId: `contact:${ids.registered}`, outcome: 'unreachable', note: '电话无人接听' }, missing: { taskId: `contact:${'f'.repeat(32)}`, outcome: 'unreachable', note: '电话无人接听' } }),
    getDeregistrationEvidence: () => ({ existing: { idNumber: registered.idNumber }, missing: { idNumber: neverSeen.idNumber } }),
    monthlyStats: () => ({ existing: { month: '2026-03' }, missing: { month: '2026-03' } }),
    runScheduler: () => ({ existing: {}, missing: {} }),
    // a counter code nobody was given: outside the region and unknown read the same
    confirmIdentityAtCounter: () => ({ existing: { code: '12345678', documentType: '01', documentNumber: registered.idNumber, name: registered.name }, missing: { code: '12345678', documentType: '01', documentNumber: neverSeen.idNumber, name: neverSeen.name } }),
    withdrawApplication: () => ({ existing: { requestId: 'req-acc-wdrw', applicationId: ids.pending }, missing: { requestId: 'req-acc-wdrw', applicationId: 'f'.repeat(32) } }),
    getReturnedApplication: () => ({ existing: { applicationId: ids.pending }, missing: { applicationId: 'f'.repeat(32) } }),
    requestReview: () => ({ existing: { requestId: 'req-acc-rvw1', applicationId: ids.pending, reason: '我已离职，请复核' }, missing: { requestId: 'req-acc-rvw1', applicationId: 'f'.repeat(32), reason: '我已离职，请复核' } }),
    reportEmployment: () => ({ existing: { requestId: 'req-acc-rpt1', situation: '11', since: '2026-01-05', confirmEnds: true }, missing: { requestId: 'req-acc-rpt1', situation: '11', since: '2026-01-05', confirmEnds: true } }),
    updateMyRegistration: () => ({ existing: { requestId: 'req-acc-upd1', skills: '电工' }, missing: { requestId: 'req-acc-upd1', skills: '电工' } }),
  };

  /** The staff member one rank below what the action needs (a citizen below verifier). */
  const lowRole: Record<'verifier' | 'reviewer' | 'admin', string> = { verifier: 'acc-citizen-curious', reviewer: 'acc-dl-verifier', admin: 'acc-dl-reviewer' };
  /** Staff of another region (2103 鞍山), of the rank the action needs. */
  const otherRegion: Record<'citizen' | 'verifier' | 'reviewer' | 'admin', string> = { citizen: 'acc-as-verifier', verifier: 'acc-as-verifier', reviewer: 'acc-as-reviewer', admin: 'acc-as-admin' };
  const staffRefusals: Array<{ openid: string; action: string }> = [];

  const actions = Object.keys(ACTIONS) as ActionName[];

  it.each(actions)('%s', async (action) => {
    const audience = ACTIONS[action].audience;
    // an action added to shared/api.ts without a target here is still run, with an empty input
    const t = targets[action]?.() ?? { existing: {}, missing: {} };
    const same = async (openid: string | null, local = true) => {
      const a = await call(action, t.existing, openid, local);
      const b = await call(action, t.missing, openid, local);
      figures.access.cases += 1;
      if (JSON.stringify(a) !== JSON.stringify(b)) figures.access.revealing++;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      if (a.status >= 400) figures.access.refused++;
      return a;
    };

    if (audience === 'local') {
      // the timer function: not callable at all from outside the local gateway, whoever asks
      for (const who of [null, 'acc-other', 'acc-dl-reviewer', 'acc-as-admin']) {
        expect((await same(who, false)).status).toBe(404);
      }
      return;
    }

    if (audience === 'public') {
      // viewSharedCertificate, callable with no account: the owner's share code, once revoked, answers
      // exactly as a code never issued, whoever asks (no oracle; viewSharedCertificate.handler.ts)
      const made = await call('createShareCode', { requestId: 'req-acc-shr1', purpose: 'job' }, 'acc-owner');
      expect(made.body).toMatchObject({ ok: true });
      const code = (made.body as any).data.code as string;
      expect((await call('revokeShareCode', { requestId: 'req-acc-shr2', code }, 'acc-owner')).status).toBe(200);
      const never = code === '23456789' ? '98765432' : '23456789';
      for (const who of [null, 'acc-other', 'acc-as-admin']) {
        const a = await call(action, { code }, who);
        const b = await call(action, { code: never }, who);
        figures.access.cases += 1;
        if (JSON.stringify(a) !== JSON.stringify(b)) figures.access.revealing++;
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a.status).toBe(404);
        figures.access.refused++;
      }
      return;
    }

    // no identity
    const anon = await same(null);
    expect(anon.status).toBe(401);

    if (audience === 'citizen') {
      // another citizen, and staff of another region acting as a citizen: aiming at the owner's record
      // answers exactly as aiming at nothing (submissions: refused by the 实人核验 before any lookup —
      // the production FaceID check; the local simulated one passes everyone, hence the strict double)
      for (const who of ['acc-other', otherRegion.citizen]) {
        const a = await same(who);
        const text = JSON.stringify(a.body);
        expect(text).not.toContain(ids.pending);
        expect(text).not.toContain(ids.registered);
        expect(text).not.toContain(registered.idNumber);
        if (action === 'getProgress' || action === 'reissueCertificate' || action === 'getMyCertificate') expect(a.status).toBe(404);
        if (action.startsWith('submit') || action === 'applyCertificate') expect(a.status).toBe(403);
      }
      return;
    }

    // a role too low: 403 before anything is looked up; a staff member's refusal is audited
    const low = lowRole[audience];
    const refused = await same(low);
    expect(refused.status).toBe(403);
    if (low.startsWith('acc-dl-')) staffRefusals.push({ openid: low, action });

    // staff of another region, of the right rank: a record outside the region is not there
    const other = otherRegion[audience];
    if (action === 'getRevocationList') {
      // the list GET /.well-known/revocations publishes to anyone (core/revocations.ts): certificate
      // numbers and versions, no person, no region scope — and signed per call, so no byte comparison
      const v = await call(action, {}, other);
      figures.access.cases += 1;
      expect(v.status).toBe(200);
      for (const secret of [ids.pending, ids.registered, registered.idNumber, owner.idNumber, owner.name, registered.name]) expect(JSON.stringify(v.body)).not.toContain(secret);
      return;
    }
    if (action === 'verifyProof') {
      // like the certificate: a proof is shown to an office anywhere, so any verifier may check it;
      // the holder is masked and the check audited
      const v = await call(action, t.existing, other);
      figures.access.cases += 1;
      expect(v.body).toMatchObject({ ok: true, data: { valid: true } });
      expect(JSON.stringify(v.body)).not.toContain(registered.name);
      expect(JSON.stringify(v.body)).not.toContain(registered.idNumber);
      expect(await rt.store.count('audit', { action: 'verifyProof', staffOpenid: other })).toBeGreaterThan(0);
      return;
    }
    if (action === 'verifyCertificate') {
      // national by design (大人社规发〔2025〕2号 一 全国通用, verifyCertificate.handler.ts): telling valid from forged is the
      // point, so no byte comparison; the holder is masked and the scan audited
      const v = await call(action, t.existing, other);
      figures.access.cases += 1;
      expect(v.body).toMatchObject({ ok: true, data: { valid: true } });
      expect(JSON.stringify(v.body)).not.toContain(registered.name);
      expect(await rt.store.count('audit', { action: 'verifyCertificate', staffOpenid: other })).toBeGreaterThan(0);
      return;
    }
    const a = await same(other);
    const text = JSON.stringify(a.body);
    if (['getApplicationDetail', 'decideApplication', 'deregister', 'revealContact', 'completeContactTask', 'recordContactAttempt', 'getDeregistrationEvidence', 'confirmIdentityAtCounter', 'decideHardship'].includes(action)) {
      expect(a.status).toBe(404);
      staffRefusals.push({ openid: other, action });
    } else {
      // lists and figures: the region's own, which holds nothing of 大连
      expect(a.status).toBe(200);
    }
    for (const secret of [ids.pending, ids.registered, registered.idNumber, owner.idNumber, owner.name, registered.name]) expect(text).not.toContain(secret);
  });

  it('audits every staff refusal (who, which action, refused)', async () => {
    expect(staffRefusals.length).toBeGreaterThan(0);
    const audit = await rt.store.find<any>('audit', { result: 'refused' }, { limit: 10_000 });
    for (const r of staffRefusals) {
      const rows = audit.filter((x) => x.staffOpenid === r.openid && x.action === r.action);
      // two calls per case (existing and missing target), both audited
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows[0]).toMatchObject({ at: expect.any(Number), result: 'refused', code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
      expect(JSON.stringify(rows)).not.toContain(registered.idNumber);
    }
    figures.access.staffRefusalsAudited = staffRefusals.length;
  });

  it('still serves the owner and the region\'s own staff (the refusals are about who asks)', async () => {
    expect((await call('getProgress', { applicationId: ids.pending }, 'acc-owner')).status).toBe(200);
    expect((await call('getApplicationDetail', { applicationId: ids.pending }, 'acc-dl-reviewer')).status).toBe(200);
  });
});

// ---- 5. faults of the outside world -------------------------------------------------------------

const SOURCES: SourceName[] = ['identity', 'pension', 'socialInsurance', 'contractFiling', 'businessRegistration'];

describe('faults: outside sources down or slow → pending_review with 数据暂不可比对 and a due date, never an error', () => {
  it.each(SOURCES)('%s down (the gov file `down` list)', async (source) => {
    const p = rememberPerson(makePerson());
    const gw = await gateway({ persons: [govRecord(p)], down: [source] });
    try {
      const forms: FormAction[] = source === 'identity' ? ['submitUnemploymentRegistration', 'applyCertificate'] : ['submitUnemploymentRegistration', 'submitFlexibleEmployment'];
      for (const form of forms) {
        const { status, json } = await gw.call(form, baseInput(form, p, requestId()), `fault-${source}-${form}`);
        expect(status).toBe(200);
        expect(json.data.status).toBe('pending_review');
        expect(json.data.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(json.data.checks.find((c: { name: string }) => c.name === source).detail).toContain('数据暂不可比对');
      }
      figures.faults.sourcesDown++;
    } finally {
      logs.push(...gw.logs);
      await gw.close(true);
    }
  });

  it('every source slow (> 2 s) or throwing: the citizen still gets an answer within ~2 s, sent to review', async () => {
    const rt = runtime('slow', {});
    try {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const answer = { available: true as const, value: null };
      const base: GovDataPort = {
        identity: async () => ({ available: true, value: { matched: true } }),
        pension: async () => ({ available: true, value: { receiving: false } }),
        socialInsurance: async () => answer, contractFiling: async () => answer, businessRegistration: async () => answer,
        certificate: async () => answer,
      };
      const runs = SOURCES.flatMap((source) => (['slow', 'throws'] as const).map((mode) => ({ source, mode })));
      await Promise.all(runs.map(async ({ source, mode }, i) => {
        const gov: GovDataPort = {
          ...base,
          [source]: async () => {
            if (mode === 'throws') throw new Error('connection reset');
            await sleep(2600);
            return (base as any)[source]();
          },
        };
        const p = rememberPerson(makePerson());
        const deps: Deps = { ...rt.depsFor({ openid: `slow-${i}`, staff: null }), gov };
        expect(await passRealPerson(deps, p)).toBe(true);
        const t0 = Date.now();
        const out = await dispatch('submitUnemploymentRegistration', baseInput('submitUnemploymentRegistration', p, requestId()), deps, { local: true });
        const ms = Date.now() - t0;
        expect(out.status).toBe(200);
        const data = (out.body as any).data;
        expect(data.status).toBe('pending_review');
        expect(data.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(data.checks.find((c: { name: string }) => c.name === source).detail).toContain('数据暂不可比对');
        expect(ms).toBeLessThan(3000);
        if (mode === 'slow') figures.faults.sourcesSlow++;
      }));
    } finally {
      await rt.close();
    }
  }, 30_000);

  it('the message provider failing half the time: every message is delivered exactly once after retries', async () => {
    const start = Date.parse(NOW);
    let now = start;
    const dataDir = newDataDir('outbox');
    const govFile = join(dataDir, 'gov-data.json');
    const crowd = Array.from({ length: 8 }, () => rememberPerson(makePerson()));
    writeGovFile(govFile, { persons: crowd.map((p) => govRecord(p)) });
    const rt = localRuntime({ dataDir, govDataFile: govFile, now: NOW, channelFaults: { failureRate: 0.5, seed: 20260310 }, log: (l) => logs.push(l) });
    const depsOf = async (openid: string | null): Promise<Deps> => ({ ...rt.depsFor(await rt.callerFor(openid)), clock: { now: () => now } });
    try {
      for (const [i, p] of crowd.entries()) {
        if (i % 2 === 0) await dispatch('recordSubscription', { templates: { result: 'accept', reminder: 'accept' } }, await depsOf(`msg-${i}`), { local: true });
        expect(await passRealPerson(await depsOf(`msg-${i}`), p)).toBe(true);
        const r = await dispatch('submitUnemploymentRegistration', baseInput('submitUnemploymentRegistration', p, requestId()), await depsOf(`msg-${i}`), { local: true });
        expect((r.body as any).data.status).toBe('approved');
      }
      let retried = 0;
      // run the timer until nothing is waiting; jump to the next attempt each time (backoff 1 min … 8 h)
      for (let run = 0; run < 60; run++) {
        const waiting = await rt.store.find<any>('outbox', { status: { in: ['pending', 'sending'] } }, { orderBy: { field: 'nextAttemptAt', direction: 'asc' }, limit: 1 });
        if (waiting.length === 0) break;
        now = Math.max(now + 1000, waiting[0].nextAttemptAt + 1000, waiting[0].leaseUntil ?? 0);
        const report = await dispatch('runScheduler', {}, await depsOf(null), { local: true });
        retried += (report.body as any).data.retried;
      }
      expect(await rt.store.count('outbox', { status: { in: ['pending', 'sending'] } })).toBe(0);
      const log = readSentLog(dataDir);
      const messages = await rt.store.find<any>('messages', {}, { limit: 10_000 });
      const perMessage = new Map<string, number>();
      for (const l of log) perMessage.set(l.messageId, (perMessage.get(l.messageId) ?? 0) + 1);
      const twice = [...perMessage.values()].filter((n) => n > 1).length;
      figures.faults.messagesDelivered += perMessage.size;
      figures.faults.sentTwice += twice;
      figures.faults.retried += retried;
      expect(retried).toBeGreaterThan(0);
      expect(twice).toBe(0);
      expect([...perMessage.keys()].sort()).toEqual(messages.map((m) => m.messageId).sort());
      // and the in-app list has every one of them, whatever the provider did
      for (let i = 0; i < crowd.length; i++) {
        const list = await dispatch('listMyMessages', {}, await depsOf(`msg-${i}`), { local: true });
        expect((list.body as any).data.messages.length).toBe(messages.filter((m) => m.openid === `msg-${i}`).length);
      }
    } finally {
      await rt.close();
    }
  }, 60_000);
});

// ---- 6. personal data in logs (last: reads everything the run wrote) ------------------------------

describe('personal data: after the whole run, no log holds a full ID number or phone number', () => {
  it('scans every log line and every outbox-sent.log of the run', () => {
    const texts: string[] = [...logs];
    for (const d of dataDirs) {
      const f = join(d, 'outbox-sent.log');
      if (existsSync(f)) texts.push(...readFileSync(f, 'utf8').split('\n'));
    }
    const all = texts.join('\n');
    figures.personalData.logLines = texts.length;
    expect(texts.length).toBeGreaterThan(1000);
    const ids = new Set(people.map((p) => p.idNumber));
    const phones = new Set(people.map((p) => p.phone));
    const leakedIds = [...ids].filter((id) => all.includes(id));
    const leakedPhones = [...phones].filter((ph) => all.includes(ph));
    // and anything shaped like one, whoever it belongs to (a mutated number from the fuzzer, say)
    const idLike = all.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? [];
    // a phone stands as a number of its own: the same boundary the redaction uses (core/log.ts), so
    // 11 phone-like digits inside a hex message id are not a phone (and must stay intact to be usable)
    const phoneLike = all.match(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g) ?? [];
    figures.personalData.fullIdNumbers = leakedIds.length + idLike.length;
    figures.personalData.fullPhones = leakedPhones.length + phoneLike.length;
    expect(leakedIds).toEqual([]);
    expect(leakedPhones).toEqual([]);
    expect(idLike).toEqual([]);
    expect(phoneLike).toEqual([]);
    // the scan saw real traffic: the crash gateways' request lines are in it
    expect(all).toContain('"event":"api"');
  });
});
