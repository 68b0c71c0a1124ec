/**
 * What an attacker found from outside the local gateway (issue "Hardening"), each kept found: every
 * attack class below was tried against the product as it was and got through; each test here
 * failed then and holds now (docs/security.md lists the classes, their defence and these tests).
 *
 * Every attack tried is tallied by class — tried, refused (held), stored nothing, 5xx — written to
 * test-results/attacks.json and printed as a table at the end of `npm run test:reliability`
 * (test/support/summary-reporter.js). People are synthetic (test/support/people.ts).
 *
 * "Stored nothing" is measured for every attack, never taken from "held": the store the attack
 * reached is read before and after it (`unchanged`: the collections an attacker aims to write, compared
 * whole; audit entries of refusals and rate-limit counters are meant to be written). Where an attack
 * rides on a request that must write — a submission racing a conflict, a scheduled pass over
 * thousands of items — it is what was stored beyond that request's own writes: the same documents
 * as a clean run of the request, no record that no answer names, nothing more on a further run.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSentLog } from '../../cloudfunctions/adapters/channels.local';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { Caller, Deps } from '../../cloudfunctions/core/deps';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { TransactionConflictError, type Collection, type StorePort } from '../../cloudfunctions/core/store.port';
import { startGateway } from '../../cloudfunctions/gateway/server';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { toCsv, INDICATORS, type ExportRecord } from '@shared/export.rules';
import type { GovFileContent } from '../support/gateway';
import { passRealPerson } from '../support/real-person';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { decideHardshipSchema } from '@shared/staff.schema';
import { CONTROL_CHARS, STAFF_FORMS, baseInput, describeInput, staffBadInputs, staffBase, type BadInput, type StaffFormAction, type StaffRefusal, type StaffTargets } from './bad-inputs';

const NOW = '2026-03-10T10:00:00+08:00'; // a Tuesday, 10:00 Beijing
const HAN = /[\u4e00-\u9fff]/;
const STAFF_FUZZ_RUNS = Number(process.env.RELIABILITY_STAFF_RUNS ?? 300);

// ---- the tally --------------------------------------------------------------------------------

interface Tally { tried: number; refused: number; storedNothing: number; status5xx: number }
const CLASSES = {
  regionScope: '1 staff region scope (empty/short/invalid region, unknown role)',
  separation: '2 separation of duties (own case)',
  starvation: '3 scheduler starvation (thousands of items)',
  requestId: '4 requestId reused across actions / persons',
  traversal: '5 static files outside the H5 root',
  contactMask: '6 contact fields unmasked in staff detail',
  controlChars: '7 control / direction characters in text',
  csvFormula: '8 CSV formula injection',
  edgeInput: '9 edge input and staff-action fuzz → 400',
  races: '10 races and store conflicts → never 500',
  httpHygiene: '11 HTTP hygiene (Host, headers, 413, 405)',
  weakSpots: '12 weak spots (closed task, dotted note, SMS fairness, overdue contact)',
} as const;
type AttackClass = keyof typeof CLASSES;
const tally: Record<AttackClass, Tally> = Object.fromEntries(Object.keys(CLASSES).map((k) => [k, { tried: 0, refused: 0, storedNothing: 0, status5xx: 0 }])) as Record<AttackClass, Tally>;

/** One attack: `held` = refused / defended as it must be; `storedNothing`, measured, when nothing it aimed to write was written. */
function count(cls: AttackClass, o: { held: boolean; storedNothing: boolean; status?: number }): void {
  const t = tally[cls];
  t.tried += 1;
  if (o.held) t.refused += 1;
  if (o.storedNothing) t.storedNothing += 1;
  if ((o.status ?? 0) >= 500) t.status5xx += 1;
}

const dataDirs: string[] = [];

afterAll(() => {
  const dir = resolve(__dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  const rows = (Object.keys(CLASSES) as AttackClass[]).map((k) => ({ class: CLASSES[k], ...tally[k] }));
  writeFileSync(join(dir, 'attacks.json'), JSON.stringify({ at: new Date().toISOString(), classes: rows }, null, 2) + '\n');
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

// ---- runtimes ---------------------------------------------------------------------------------

function writeGovFile(file: string, content: GovFileContent, bump = 0): void {
  writeFileSync(file, JSON.stringify({ persons: [], staff: [], down: [], ...content }));
  const t = new Date(Date.now() + bump * 1000);
  utimesSync(file, t, t);
}

type Rt = LocalRuntime & { dataDir: string; govFile: string };
function runtime(tag: string, gov: GovFileContent, now = NOW): Rt {
  const dataDir = mkdtempSync(join(tmpdir(), `jy-hard-${tag}-`));
  dataDirs.push(dataDir);
  const govFile = join(dataDir, 'gov-data.json');
  writeGovFile(govFile, gov);
  const rt = localRuntime({ dataDir, govDataFile: govFile, now, log: () => {} });
  return Object.assign(rt, { dataDir, govFile });
}

const SUBMISSIONS = new Set(['applyCertificate', 'submitUnemploymentRegistration', 'submitFlexibleEmployment']);
const checked = new WeakMap<LocalRuntime, Set<string>>();

/** The 实人核验 a client runs before a submission, once per (runtime, openid, person). */
async function realPersonCheck(rt: LocalRuntime, openid: string, input: unknown): Promise<void> {
  const b = (input ?? {}) as { name?: unknown; idNumber?: unknown };
  const done = checked.get(rt) ?? checked.set(rt, new Set()).get(rt)!;
  const key = `${openid}|${String(b.idNumber)}|${String(b.name)}`;
  if (done.has(key)) return;
  if (await passRealPerson(rt.depsFor(await rt.callerFor(openid)), b)) done.add(key);
}

/** `check: false` for inputs that must be refused: the schema answers before any 实人核验 matters. */
async function call(rt: LocalRuntime, action: string, input: unknown, openid: string | null, patch: Partial<Deps> = {}, o: { check?: boolean } = {}) {
  if (openid && SUBMISSIONS.has(action) && o.check !== false) await realPersonCheck(rt, openid, input);
  const caller: Caller = await rt.callerFor(openid);
  const out = await dispatch(action, JSON.parse(JSON.stringify(input ?? {})), { ...rt.depsFor(caller), ...patch }, { local: true });
  return { status: out.status, body: out.body as any };
}

const WRITES: Collection[] = ['applications', 'requests', 'bindings', 'messages', 'locks', 'outbox', 'certificates', 'registrations', 'tasks', 'deregistrations', 'delegations', 'persons', 'services'];
async function snapshot(store: StorePort): Promise<string> {
  const parts: string[] = [];
  for (const c of WRITES) parts.push(`${c}:${JSON.stringify(await store.find(c, {}, { limit: 100_000 }))}`);
  return parts.join('\n');
}

/** Runs one attack and measures whether it stored anything: the WRITES collections compared whole, before and after. */
async function unchanged<T>(store: StorePort, attack: () => Promise<T>): Promise<[T, boolean]> {
  const before = await snapshot(store);
  const out = await attack();
  return [out, (await snapshot(store)) === before];
}

/** How many documents each collection holds (for passes that legitimately update what they visit). */
async function docCounts(store: StorePort, where: Array<[Collection, Record<string, string>]>): Promise<number[]> {
  return Promise.all(where.map(([c, w]) => store.count(c, w)));
}

/** Documents added or removed per WRITES collection between two counts. */
async function countAll(store: StorePort): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(WRITES.map(async (c) => [c, await store.count(c, {})] as const)));
}
const delta = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(WRITES.map((c) => [c, b[c] - a[c]]));

const unemployment = (p: TestPerson, extra: Record<string, unknown> = {}) => ({ ...baseInput('submitUnemploymentRegistration', p, requestId()), ...extra });

const DL_STAFF = [
  { openid: 'h-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'h-dl-reviewer2', name: '大连审核员二', region: '2102', role: 'reviewer' },
  { openid: 'h-dl-admin', name: '大连管理员', region: '2102', role: 'admin' },
];

/** The records staff look at: a pending application, an active registration with its contact task, a deregistration. */
async function seed(rt: Rt, people: { pending: TestPerson; registered: TestPerson; deregistered: TestPerson }) {
  const pending = await call(rt, 'submitUnemploymentRegistration', unemployment(people.pending), 'h-citizen-1');
  expect(pending.body.data.status).toBe('pending_review');
  const registered = await call(rt, 'submitUnemploymentRegistration', unemployment(people.registered), 'h-citizen-2');
  expect(registered.body.data.status).toBe('approved');
  const gone = await call(rt, 'submitUnemploymentRegistration', unemployment(people.deregistered), 'h-citizen-3');
  expect(gone.body.data.status).toBe('approved');
  const d = await call(rt, 'deregister', { idNumber: people.deregistered.idNumber, reasonCode: '11', note: '本人已就业' }, 'h-dl-reviewer');
  expect(d.status).toBe(200);
  return { pendingId: pending.body.data.applicationId as string, registeredId: registered.body.data.applicationId as string };
}

// ---- 1. region scope ----------------------------------------------------------------------------

describe('1. a malformed staff record is not staff; every list, read, export and statistic obeys one region rule', () => {
  const people = { pending: makePerson(), registered: makePerson(), deregistered: makePerson() };
  const MALFORMED = [
    { openid: 'bad-empty', name: '空区域', region: '', role: 'admin' },
    { openid: 'bad-zero', name: '零区域', region: '00', role: 'admin' },
    { openid: 'bad-one', name: '一位', region: '2', role: 'admin' },
    { openid: 'bad-five', name: '五位', region: '21020', role: 'admin' },
    { openid: 'bad-unknown', name: '不存在', region: '99', role: 'admin' },
    { openid: 'bad-text', name: '文字', region: 'all', role: 'admin' },
    { openid: 'bad-role', name: '超级', region: '2102', role: 'superuser' },
    { openid: 'bad-null', name: '无区域', region: null, role: 'admin' },
  ];
  let rt: Rt;
  let ids: { pendingId: string; registeredId: string };
  beforeAll(async () => {
    rt = runtime('scope', {
      persons: Object.values(people).map((p) => govRecord(p, p === people.pending ? { unitInsurance: { unit: '某公司', since: '2021-01-01' } } : {})),
      staff: [...DL_STAFF, { openid: 'h-city6', name: '六位城市码', region: '210200', role: 'admin' }, ...(MALFORMED as any)],
    });
    ids = await seed(rt, people);
  });
  afterAll(async () => { await rt.close(); });

  const lists = ['listReviewQueue', 'listContactTasks', 'monthlyStats', 'exportDeregistrations'] as const;
  const input = (a: string) => (a === 'monthlyStats' ? { month: '2026-03' } : a === 'exportDeregistrations' ? { from: '20260101', to: '20261231' } : {});

  it.each(MALFORMED.map((m) => m.openid))('%s: refused as staff (403) on every staff action, nothing of any region in the answer', async (openid) => {
    const secrets = [ids.pendingId, ids.registeredId, ...Object.values(people).flatMap((p) => [p.idNumber, p.name])];
    for (const action of [...lists, 'getApplicationDetail', 'decideApplication', 'revealContact']) {
      const target = action === 'getApplicationDetail' ? { applicationId: ids.pendingId } : action === 'decideApplication' ? { applicationId: ids.pendingId, decision: 'approve' } : action === 'revealContact' ? { taskId: `contact:${ids.registeredId}` } : input(action);
      const before = await snapshot(rt.store);
      const r = await call(rt, action, target, openid);
      const text = JSON.stringify(r.body);
      const held = r.status === 403 && secrets.every((s) => !text.includes(s));
      count('regionScope', { held, storedNothing: (await snapshot(rt.store)) === before, status: r.status });
      expect(r.status).toBe(403);
      for (const s of secrets) expect(text).not.toContain(s);
    }
  });

  it('a staff directory in the store (production adapter) refuses the same records at load', async () => {
    const { staffFromStore } = await import('../../cloudfunctions/adapters/staff.store');
    for (const m of MALFORMED) await rt.store.put('staff', m.openid, { name: m.name, region: m.region, role: m.role });
    await rt.store.put('staff', 'good', { name: '好', region: '2102', role: 'reviewer' });
    const dir = staffFromStore(rt.store);
    for (const m of MALFORMED) {
      const [s, storedNothing] = await unchanged(rt.store, () => dir.byOpenid(m.openid));
      count('regionScope', { held: s === null, storedNothing });
      expect(s).toBeNull();
    }
    expect((await dir.list()).map((s) => s.openid)).toEqual(['good']);
  });

  it('a city written as six digits (210200) sees its districts — the same rule as a detail read', async () => {
    const q = await call(rt, 'listReviewQueue', {}, 'h-city6');
    expect(q.body.data.items.map((i: any) => i.applicationId)).toContain(ids.pendingId);
    const s = await call(rt, 'monthlyStats', { month: '2026-03' }, 'h-city6');
    expect(s.body.data.registeredAtPeriodEnd).toBeGreaterThanOrEqual(1);
    // the four-digit form sees the same
    const other = await call(rt, 'listReviewQueue', {}, 'h-dl-admin');
    expect(other.body.data.items.map((i: any) => i.applicationId)).toContain(ids.pendingId);
  });
});

// ---- 2. separation of duties ------------------------------------------------------------------------

describe('2. separation of duties: no staff member acts on a person bound to their own openid', () => {
  const self = makePerson();
  const relative = makePerson();
  let rt: Rt;
  let own: string;
  let ownRegistered: string;
  beforeAll(async () => {
    rt = runtime('sod', {
      persons: [govRecord(self, { unitInsurance: { unit: '本单位', since: '2020-01-01' } }), govRecord(relative)],
      staff: DL_STAFF,
    });
    // the reviewer files their own 失业登记 (flagged 单位参保) and one for a relative, from their own account
    own = (await call(rt, 'submitUnemploymentRegistration', unemployment(self), 'h-dl-reviewer')).body.data.applicationId;
    const r = await call(rt, 'submitUnemploymentRegistration', unemployment(relative), 'h-dl-reviewer');
    expect(r.body.data.status).toBe('approved');
    ownRegistered = r.body.data.applicationId;
  });
  afterAll(async () => { await rt.close(); });

  it('refuses to decide, read for decision, deregister, reveal or close a task about their own case (403), and audits it', async () => {
    const attempts: Array<[string, unknown]> = [
      ['decideApplication', { applicationId: own, decision: 'approve' }],
      ['getApplicationDetail', { applicationId: own }],
      ['deregister', { idNumber: relative.idNumber, reasonCode: '11', note: '本人已就业' }],
      ['revealContact', { taskId: `contact:${ownRegistered}` }],
      ['completeContactTask', { taskId: `contact:${ownRegistered}`, outcome: 'reached' }],
    ];
    for (const [action, input] of attempts) {
      const before = await snapshot(rt.store);
      const r = await call(rt, action, input, 'h-dl-reviewer');
      const storedNothing = (await snapshot(rt.store)) === before;
      count('separation', { held: r.status === 403, storedNothing, status: r.status });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(HAN);
      expect(storedNothing).toBe(true);
    }
    expect(await rt.store.count('audit', { staffOpenid: 'h-dl-reviewer', result: 'refused', code: 'FORBIDDEN' })).toBeGreaterThanOrEqual(attempts.length);
    // their own case is not in their queue or task list
    const [[queue, tasks], listedNothing] = await unchanged(rt.store, async () => [await call(rt, 'listReviewQueue', {}, 'h-dl-reviewer'), await call(rt, 'listContactTasks', {}, 'h-dl-reviewer')]);
    const leaked = queue.body.data.items.some((i: any) => i.applicationId === own) || tasks.body.data.items.some((i: any) => i.applicationId === ownRegistered);
    count('separation', { held: !leaked, storedNothing: listedNothing });
    expect(leaked).toBe(false);
  });

  it('a colleague decides it; who decided is stored, so a 复核 can go to someone else', async () => {
    const r = await call(rt, 'decideApplication', { applicationId: own, decision: 'reject', reasonCode: 'R03' }, 'h-dl-reviewer2');
    expect(r.status).toBe(200);
    const app = await rt.store.get<any>('applications', own);
    expect(app.decision.by).toBe('h-dl-reviewer2');
    const { mayReviewDecision, reviewersFor } = await import('../../cloudfunctions/core/access');
    const staff = DL_STAFF.map((s) => ({ ...s, role: s.role as 'reviewer' | 'admin' }));
    expect(mayReviewDecision(staff[1], app.decision)).toBe(false);
    expect(reviewersFor(staff, app, app.decision).map((s) => s.openid)).toEqual(['h-dl-reviewer']);
  });
});

// ---- 3 and 12. scheduled passes over thousands of items --------------------------------------------------

describe('3. every scheduled pass reaches all of its work (thousands of items), bounded per run, resumable', () => {
  const N_REVIEWS = 3000;
  const N_FOLLOWUPS = 2200;
  const N_CONTACTS = 1200;
  let rt: Rt;
  beforeAll(async () => {
    rt = runtime('starve', { staff: DL_STAFF });
    const base = Date.parse(NOW) - 40 * 86_400_000;
    const person = makePerson();
    // synthetic records, written in batches (what thousands of submissions would have left)
    for (let start = 0; start < N_REVIEWS; start += 500) {
      await rt.store.transaction(async (tx) => {
        for (let i = start; i < Math.min(N_REVIEWS, start + 500); i++) {
          const id = `rv${String(i).padStart(6, '0')}`;
          await tx.put('applications', id, {
            applicationId: id, kind: 'unemployment', status: 'pending_review', openid: `c-${i}`, personKey: `pk-rv-${i}`, requestId: `req-${i}`,
            region: '210204', submittedAt: base, approvedAt: null, dueDate: '2026-03-10', dueDateUncertain: false, checks: [], timeline: [],
            person: { ...person, name: '周海涛' }, certificateNo: null, decision: null, reviewReasons: [],
          });
        }
      });
    }
    for (let start = 0; start < N_FOLLOWUPS; start += 500) {
      await rt.store.transaction(async (tx) => {
        for (let i = start; i < Math.min(N_FOLLOWUPS, start + 500); i++) {
          const app = `fu${String(i).padStart(6, '0')}`;
          await tx.put('registrations', `unemployment:pk-fu-${i}`, { registrationId: `unemployment:pk-fu-${i}`, kind: 'unemployment', personKey: `pk-fu-${i}`, status: 'active', applicationId: app, region: '210204', since: base, endedAt: null, endReasonCode: null, openid: `f-${i}` });
          await tx.put('tasks', `followup:${app}`, { taskId: `followup:${app}`, kind: 'followup', status: 'open', applicationId: app, personKey: `pk-fu-${i}`, openid: `f-${i}`, region: '210204', dueDate: '2026-03-0' + (1 + (i % 9)), anchorDate: '2026-02-01', count: 0, createdAt: base });
        }
      });
    }
    for (let start = 0; start < N_CONTACTS; start += 500) {
      await rt.store.transaction(async (tx) => {
        for (let i = start; i < Math.min(N_CONTACTS, start + 500); i++) {
          const app = `ct${String(i).padStart(6, '0')}`;
          await tx.put('tasks', `contact:${app}`, { taskId: `contact:${app}`, kind: 'contact', status: 'open', applicationId: app, personKey: `pk-ct-${i}`, openid: `t-${i}`, region: '210204', dueDate: '2026-03-0' + (1 + (i % 8)), createdAt: base });
        }
      });
    }
  }, 120_000);
  afterAll(async () => { await rt.close(); });

  it(`reminds all ${N_REVIEWS} pending reviews, follows up all ${N_FOLLOWUPS}, escalates all ${N_CONTACTS} overdue contact tasks — at most 500 each per run`, async () => {
    let runs = 0;
    const per: Array<{ reminders: number; followUps: number; contactEscalations: number }> = [];
    for (; runs < 12; runs++) {
      const r = await call(rt, 'runScheduler', {}, null);
      expect(r.status).toBe(200);
      per.push({ reminders: r.body.data.reminders, followUps: r.body.data.followUps, contactEscalations: r.body.data.contactEscalations ?? 0 });
      if (r.body.data.reminders === 0 && r.body.data.followUps === 0 && !r.body.data.contactEscalations) break;
    }
    const kinds: Array<[Collection, Record<string, string>]> = [['tasks', { kind: 'review_reminder' }], ['messages', { event: 'unemployment.followup' }], ['tasks', { kind: 'contact_escalation' }]];
    const [reminded, followed, escalated] = await docCounts(rt.store, kinds);
    // stored nothing beyond the pass's own work: a further run adds no reminder, follow-up or escalation
    const again = await call(rt, 'runScheduler', {}, null);
    const [remindedAgain, followedAgain, escalatedAgain] = await docCounts(rt.store, kinds);
    count('starvation', { held: reminded === N_REVIEWS, storedNothing: remindedAgain === reminded && reminded <= N_REVIEWS });
    count('starvation', { held: followed === N_FOLLOWUPS, storedNothing: followedAgain === followed && followed <= N_FOLLOWUPS });
    count('weakSpots', { held: escalated === N_CONTACTS, storedNothing: escalatedAgain === escalated && escalated <= N_CONTACTS });
    expect(reminded).toBe(N_REVIEWS);
    expect(followed).toBe(N_FOLLOWUPS);
    expect(escalated).toBe(N_CONTACTS);
    // bounded per run, and each run picked up where the last stopped (no run re-did the first ones)
    for (const p of per) {
      expect(p.reminders).toBeLessThanOrEqual(500);
      expect(p.followUps).toBeLessThanOrEqual(500);
      expect(p.contactEscalations).toBeLessThanOrEqual(500);
    }
    expect(per[0].reminders).toBe(500);
    expect(await rt.store.count('messages', { event: 'contact.escalation', openid: 'h-dl-admin' })).toBe(N_CONTACTS);
    // once: another run writes nothing new
    expect(again.body.data).toMatchObject({ reminders: 0, followUps: 0, contactEscalations: 0 });
    expect(await rt.store.count('tasks', { kind: 'review_reminder' })).toBe(N_REVIEWS);
  }, 300_000);
});

describe('12. SMS fallbacks are not held behind a backlog: delivered by due time, fairly across channels', () => {
  it('one SMS due now goes out in the first run despite 900 older subscribe entries waiting', async () => {
    const rt = runtime('fair', {});
    try {
      const t0 = Date.parse(NOW);
      const p = makePerson();
      await rt.store.put('applications', 'app-sms', { applicationId: 'app-sms', personKey: 'pk-sms', person: { ...p, phone: '13912340000' }, region: '210204', status: 'approved', kind: 'unemployment', openid: 'sms-owner' });
      const entry = (id: string, channel: 'subscribe' | 'sms', at: number, extra: Record<string, unknown> = {}) => ({
        entryId: id, messageId: id.replace(/:(subscribe|sms)$/, ''), event: 'test.backlog', channel, openid: `o-${id}`, recipient: 'citizen', personKey: null,
        applicationId: null, content: { template: 'result', subject: '办理结果', outcome: '已通过', note: '测试' }, messageAt: at, canWait: false,
        status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at, leaseUntil: null, claimId: null, consentTaken: false, results: [], sentAt: null, providerId: null, ...extra,
      });
      await rt.store.transaction(async (tx) => {
        for (let i = 0; i < 900; i++) await tx.put('outbox', `b${String(i).padStart(4, '0')}:subscribe`, entry(`b${String(i).padStart(4, '0')}:subscribe`, 'subscribe', t0 - 3_600_000 + i));
        await tx.put('outbox', 'urgent:sms', entry('urgent:sms', 'sms', t0 - 1000, { personKey: 'pk-sms', applicationId: 'app-sms', openid: 'sms-owner' }));
      });
      const before = await countAll(rt.store);
      const r = await call(rt, 'runScheduler', {}, null);
      expect(r.status).toBe(200);
      // delivering updates the entries it sends; it adds no document (no duplicate entry, no message)
      const added = delta(before, await countAll(rt.store));
      const sms = await rt.store.get<any>('outbox', 'urgent:sms');
      const sent = readSentLog(rt.dataDir).some((l: any) => l.messageId === 'urgent');
      count('weakSpots', { held: sms.status === 'sent' && sent, storedNothing: Object.values(added).every((n) => n === 0) });
      expect(sms.status).toBe('sent');
      expect(sent).toBe(true);
    } finally {
      await rt.close();
    }
  }, 60_000);
});

// ---- 4. requestId namespace -------------------------------------------------------------------------

describe('4. a requestId belongs to one action and one person', () => {
  const a = makePerson();
  const b = makePerson();
  let rt: Rt;
  beforeAll(async () => { rt = runtime('rid', { persons: [govRecord(a), govRecord(b)] }); });
  afterAll(async () => { await rt.close(); });

  it('reused with another action → 409 that says so; nothing of the first answer, nothing filed', async () => {
    const rid = requestId();
    const cert = await call(rt, 'applyCertificate', baseInput('applyCertificate', a, rid), 'rid-a');
    expect(cert.status).toBe(200);
    const cases: Array<[string, unknown]> = [
      ['submitUnemploymentRegistration', { ...unemployment(a), requestId: rid }],
      ['submitFlexibleEmployment', { ...baseInput('submitFlexibleEmployment', a, rid) }],
      ['reissueCertificate', { requestId: rid, kind: 'lost', statement: '手机丢失在公交车上了，需要补发' }],
    ];
    for (const [action, input] of cases) {
      const before = await snapshot(rt.store);
      const r = await call(rt, action, input, 'rid-a');
      const storedNothing = (await snapshot(rt.store)) === before;
      const text = JSON.stringify(r.body);
      const held = r.status === 409 && /提交编号/.test(r.body.error?.message ?? '') && !text.includes(cert.body.data.applicationId) && !text.includes('personKey');
      count('requestId', { held, storedNothing, status: r.status });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toContain('申领《就业创业证》');
      expect(text).not.toContain('personKey');
      expect(storedNothing).toBe(true);
    }
  });

  it('a 补发 requestId reused by a submission → 409 (not the internal record); the same one again → the same 补发', async () => {
    const rid = requestId();
    const re = await call(rt, 'reissueCertificate', { requestId: rid, kind: 'damaged', statement: '手机进水损坏，电子证无法打开' }, 'rid-a');
    expect(re.status).toBe(200);
    const [r, storedNothing] = await unchanged(rt.store, () => call(rt, 'submitUnemploymentRegistration', { ...unemployment(a), requestId: rid }, 'rid-a'));
    count('requestId', { held: r.status === 409 && !JSON.stringify(r.body).includes('personKey'), storedNothing, status: r.status });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).not.toContain('personKey');
    const same = await call(rt, 'reissueCertificate', { requestId: rid, kind: 'damaged', statement: '手机进水损坏，电子证无法打开' }, 'rid-a');
    expect(same.status).toBe(200);
    expect(same.body.data.version).toBe(re.body.data.version);
  });

  it('the same action for another person with the same requestId → 409; the same person → the first answer', async () => {
    const rid = requestId();
    const first = await call(rt, 'submitUnemploymentRegistration', { ...unemployment(b), requestId: rid }, 'rid-b');
    expect(first.status).toBe(200);
    // the client's 实人核验 before the submission (it binds this account to the person) is not the attack
    await realPersonCheck(rt, 'rid-b', a);
    const [other, otherStoredNothing] = await unchanged(rt.store, () => call(rt, 'applyCertificate', { ...baseInput('applyCertificate', a, rid) }, 'rid-b'));
    count('requestId', { held: other.status === 409, storedNothing: otherStoredNothing, status: other.status });
    expect(other.status).toBe(409);
    const p2 = makePerson();
    writeGovFile(rt.govFile, { persons: [govRecord(a), govRecord(b), govRecord(p2)] }, 2);
    await realPersonCheck(rt, 'rid-b', p2);
    const [otherPerson, otherPersonStoredNothing] = await unchanged(rt.store, () => call(rt, 'submitUnemploymentRegistration', { ...unemployment(p2), requestId: rid }, 'rid-b'));
    count('requestId', { held: otherPerson.status === 409, storedNothing: otherPersonStoredNothing, status: otherPerson.status });
    expect(otherPerson.status).toBe(409);
    const again = await call(rt, 'submitUnemploymentRegistration', { ...unemployment(b), requestId: rid }, 'rid-b');
    expect(again.body.data.applicationId).toBe(first.body.data.applicationId);
  });
});

// ---- HTTP: 5, 9 (path), 11 ---------------------------------------------------------------------------

/** A raw request: the path and headers exactly as written (fetch would normalise them). */
function raw(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; holdOpen?: boolean }): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((ok, fail) => {
    // a body gets its length unless the test frames it itself (DELETE/GET bodies are not chunked by Node)
    const framed = o.body === undefined || Object.keys(o.headers ?? {}).some((h) => /^(content-length|transfer-encoding)$/i.test(h));
    const length = framed ? {} : { 'content-length': String(Buffer.byteLength(o.body!)) };
    const req = http.request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: { host: `127.0.0.1:${port}`, ...length, ...o.headers }, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - t0 }));
      res.on('error', fail);
    });
    req.on('error', fail);
    if (o.body !== undefined) req.write(o.body);
    if (!o.holdOpen) req.end();
  });
}

describe('HTTP gateway: static root, Host, headers, body limit, methods', () => {
  let gw: Awaited<ReturnType<typeof startGateway>>;
  let root: string;
  const SECRET = 'SECRET-OUTSIDE-THE-H5-ROOT';
  const INLINE = 'document.documentElement.style.fontSize = "20px";';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jy-hard-http-'));
    dataDirs.push(dir);
    root = join(dir, 'h5');
    mkdirSync(root);
    mkdirSync(join(dir, 'h5-secret'));
    writeFileSync(join(root, 'index.html'), `<!doctype html><title>h5</title><script>${INLINE}</script><script src="/app.js"></script>`);
    writeFileSync(join(dir, 'h5-secret', 'secret.txt'), SECRET);
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    const govFile = join(dir, 'gov.json');
    writeGovFile(govFile, { staff: DL_STAFF });
    gw = await startGateway({ port: 0, dataDir: join(dir, 'data'), govDataFile: govFile, now: NOW, staticDir: root, hosts: ['jiuye.example.gov.cn'], log: () => {} });
  });
  afterAll(async () => { await gw.close(); });

  it('5. never serves a file outside the H5 root: encoded, double-encoded, backslash and sibling-folder paths', async () => {
    const paths = [
      '/..%2fh5-secret%2fsecret.txt', '/%2e%2e%2fh5-secret%2fsecret.txt', '/%2e%2e/h5-secret/secret.txt', '/..%2f..%2fsecret.txt', '/..%2fsecret.txt',
      '/..%252fh5-secret%252fsecret.txt', '/%252e%252e%252fsecret.txt', '/..%5ch5-secret%5csecret.txt', '/..\\h5-secret\\secret.txt', '/%5c..%5csecret.txt',
      '/....//h5-secret/secret.txt', '/..%c0%afsecret.txt', '/%2e%2e%5c%2e%2e%5csecret.txt', '/..%00/secret.txt', '/../h5-secret/secret.txt', '//../secret.txt',
    ];
    for (const path of paths) {
      const [r, storedNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { path }));
      const held = !r.text.includes(SECRET) && r.status < 500;
      count('traversal', { held, storedNothing, status: r.status });
      expect(r.text).not.toContain(SECRET);
      expect(r.status).toBeLessThan(500);
    }
    // the app itself is still served
    expect((await raw(gw.port, { path: '/index.html' })).text).toContain('<title>h5</title>');
  });

  it('9. a malformed percent-encoded path → 400 with a Chinese message, never 500', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%zz', '/a%2', '/%C0%80%', '/api%']) {
      const [r, storedNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { path }));
      count('edgeInput', { held: r.status === 400, storedNothing, status: r.status });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text).error.message).toMatch(HAN);
    }
  });

  it('11. only the configured host names are answered (DNS rebinding), the API included', async () => {
    const bad = ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '', 'jiuye.example.gov.cn.evil', '[::2]'];
    for (const host of bad) {
      const [r, storedNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { method: 'POST', path: '/api/listReviewQueue', headers: { host, 'x-dev-openid': 'h-dl-reviewer', 'content-type': 'application/json' }, body: '{}' }));
      count('httpHygiene', { held: r.status === 421 && !r.text.includes('items'), storedNothing, status: r.status });
      expect(r.status).toBe(421);
      expect(r.text).not.toContain('items');
    }
    for (const host of [`127.0.0.1:${gw.port}`, `localhost:${gw.port}`, 'jiuye.example.gov.cn', 'JIUYE.example.gov.cn:443']) {
      const r = await raw(gw.port, { method: 'POST', path: '/api/whoAmI', headers: { host, 'x-dev-openid': 'someone', 'content-type': 'application/json' }, body: '{}' });
      expect(r.status).toBe(200);
    }
  });

  it('11. every answer carries nosniff, a referrer policy, frame protection and a CSP', async () => {
    for (const path of ['/', '/index.html', '/healthz', '/api/whoAmI', '/nope']) {
      const [r, storedNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { path, method: path.startsWith('/api') ? 'POST' : 'GET', body: path.startsWith('/api') ? '{}' : undefined, headers: { 'x-dev-openid': 'someone' } }));
      const ok = r.headers['x-content-type-options'] === 'nosniff' && r.headers['referrer-policy'] === 'no-referrer' && r.headers['x-frame-options'] === 'DENY'
        && /frame-ancestors 'none'/.test(String(r.headers['content-security-policy'] ?? ''));
      count('httpHygiene', { held: ok, storedNothing, status: r.status });
      expect(ok).toBe(true);
    }
    const page = await raw(gw.port, { path: '/' });
    // the page's own inline script by its hash (Taro's template inlines one); nothing else inline
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(page.headers['content-security-policy']).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('11. a body over 64 KB is answered 413 at once, without reading the rest', async () => {
    // declared 10 MB, 1 KB sent, the request kept open: the answer comes without waiting for the rest
    const [declared, declaredStoredNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { method: 'POST', path: '/api/applyCertificate', headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024), 'x-dev-openid': 'big' }, body: 'x'.repeat(1024), holdOpen: true }));
    count('httpHygiene', { held: declared.status === 413 && declared.ms < 2000, storedNothing: declaredStoredNothing, status: declared.status });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error.code).toBe('PAYLOAD_TOO_LARGE');
    // chunked (no length): stops at 64 KB
    const [chunked, chunkedStoredNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { method: 'POST', path: '/api/applyCertificate', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-dev-openid': 'big' }, body: Buffer.alloc(70 * 1024, 0x61), holdOpen: true }));
    count('httpHygiene', { held: chunked.status === 413, storedNothing: chunkedStoredNothing, status: chunked.status });
    expect(chunked.status).toBe(413);
    expect((await raw(gw.port, { path: '/healthz' })).status).toBe(200);
  });

  it('11. a wrong method is 405 METHOD_NOT_ALLOWED with an Allow header, not NOT_FOUND', async () => {
    for (const [method, path] of [['GET', '/api/whoAmI'], ['PUT', '/api/applyCertificate'], ['DELETE', '/'], ['POST', '/index.html'], ['PATCH', '/healthz-not']] as const) {
      const [r, storedNothing] = await unchanged(gw.runtime.store, () => raw(gw.port, { method, path, body: method === 'GET' ? undefined : '{}' }));
      const body = JSON.parse(r.text);
      count('httpHygiene', { held: r.status === 405 && body.error.code === 'METHOD_NOT_ALLOWED', storedNothing, status: r.status });
      expect(r.status).toBe(405);
      expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
      expect(r.headers.allow).toBeTruthy();
    }
  });
});

// ---- 6. contact fields --------------------------------------------------------------------------

describe('6. staff detail masks every contact field; the full values only through the audited reveal', () => {
  it('landline, email and other contact are masked in getApplicationDetail; revealContact gives them and is audited', async () => {
    const p = makePerson({ landline: '0411-84201528', email: 'zhou.haitao@example.com', otherContact: '微信 zhouht1988' } as any);
    const q = makePerson({ landline: '0411-84207777', email: 'q.person@example.com', otherContact: 'QQ 12345678' } as any);
    const rt = runtime('mask', { persons: [govRecord(p, { unitInsurance: { unit: '某公司', since: '2021-01-01' } }), govRecord(q)], staff: DL_STAFF });
    try {
      const pending = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'mask-1');
      const [d, readNothingStored] = await unchanged(rt.store, () => call(rt, 'getApplicationDetail', { applicationId: pending.body.data.applicationId }, 'h-dl-reviewer'));
      expect(d.status).toBe(200);
      const text = JSON.stringify(d.body);
      for (const secret of ['84201528', 'zhou.haitao', 'zhouht1988', p.phone]) {
        count('contactMask', { held: !text.includes(secret), storedNothing: readNothingStored });
        expect(text).not.toContain(secret);
      }
      const reg = await call(rt, 'submitUnemploymentRegistration', unemployment(q), 'mask-2');
      const list = await call(rt, 'listContactTasks', {}, 'h-dl-reviewer');
      expect(JSON.stringify(list.body)).not.toContain('84207777');
      const rev = await call(rt, 'revealContact', { taskId: `contact:${reg.body.data.applicationId}` }, 'h-dl-reviewer');
      expect(rev.body.data).toMatchObject({ landline: '0411-84207777', email: 'q.person@example.com', otherContact: 'QQ 12345678' });
      expect(await rt.store.count('audit', { action: 'revealContact', staffOpenid: 'h-dl-reviewer' })).toBe(1);
    } finally {
      await rt.close();
    }
  });
});

// ---- 7. control and direction characters ------------------------------------------------------------

describe('7. control and direction characters are refused in every free-text field; text is stored NFC', () => {
  const p = makePerson();
  let rt: Rt;
  let taskId: string;
  let pendingId: string;
  beforeAll(async () => {
    const q = makePerson();
    const r = makePerson();
    rt = runtime('ctrl', { persons: [govRecord(p), govRecord(q), govRecord(r, { unitInsurance: { unit: '某公司', since: '2021-01-01' } })], staff: DL_STAFF });
    const reg = await call(rt, 'submitUnemploymentRegistration', unemployment(q), 'ctrl-q');
    taskId = `contact:${reg.body.data.applicationId}`;
    pendingId = (await call(rt, 'submitUnemploymentRegistration', unemployment(r), 'ctrl-r')).body.data.applicationId;
  });
  afterAll(async () => { await rt.close(); });

  const citizenFields: Array<[string, (s: string) => Record<string, unknown>, string]> = [
    ['remarks', (s) => unemployment(p, { remarks: `情况说明${s}完毕` }), 'remarks'],
    ['reasonOther', (s) => unemployment(p, { reason: '其他', reasonOther: `家中${s}有事` }), 'reasonOther'],
    ['address detail', (s) => unemployment(p, { residenceAddress: { regionCode: '210204', detail: `幸福街道${s}12号` } }), 'residenceAddress.detail'],
    ['otherContact', (s) => unemployment(p, { otherContact: `微信${s}abc` }), 'otherContact'],
    ['occupation', (s) => ({ ...baseInput('submitFlexibleEmployment', p, requestId()), occupation: `平面${s}设计` }), 'occupation'],
    ['name', (s) => unemployment(p, { name: `${p.name.slice(0, 1)}${s}${p.name.slice(1)}` }), 'name'],
  ];

  it.each(citizenFields)('%s: every control / direction character → 400 on the field, nothing stored', async (_label, make, field) => {
    for (const c of CONTROL_CHARS) {
      const input = make(c);
      const action = 'occupation' in input ? 'submitFlexibleEmployment' : 'submitUnemploymentRegistration';
      const before = await snapshot(rt.store);
      const r = await call(rt, action, input, 'ctrl-p', {}, { check: false });
      const storedNothing = (await snapshot(rt.store)) === before;
      const held = r.status === 400 && typeof r.body.error?.fields?.[field] === 'string' && HAN.test(r.body.error.fields[field]);
      count('controlChars', { held, storedNothing, status: r.status });
      if (!held || !storedNothing) throw new Error(`${field} with U+${c.codePointAt(0)!.toString(16)} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
  });

  it('staff notes and the 补发 statement too', async () => {
    const attempts: Array<[string, (s: string) => Record<string, unknown>, string]> = [
      ['decideApplication', (s) => ({ applicationId: pendingId, decision: 'reject', reasonCode: 'R90', note: `核实${s}不符` }), 'note'],
      ['completeContactTask', (s) => ({ taskId, outcome: 'unreachable', note: `拨打${s}两次` }), 'note'],
      ["deregister", (s) => ({ idNumber: p.idNumber, reasonCode: "11", note: `已${s}就业` }), "note"],
      ['reissueCertificate', (s) => ({ requestId: requestId(), kind: 'lost', statement: `手机丢失在公交车上${s}了，需要补发` }), 'statement'],
    ];
    for (const [action, make, field] of attempts) {
      for (const c of CONTROL_CHARS) {
        const before = await snapshot(rt.store);
        const r = await call(rt, action, make(c), action === 'reissueCertificate' ? 'ctrl-q' : 'h-dl-reviewer');
        const storedNothing = (await snapshot(rt.store)) === before;
        const held = r.status === 400 && typeof r.body.error?.fields?.[field] === 'string';
        count('controlChars', { held, storedNothing, status: r.status });
        if (!held || !storedNothing) throw new Error(`${action}.${field} with U+${c.codePointAt(0)!.toString(16)} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      }
    }
  });

  it('names: zero-width joiners and Kangxi radicals refused; text stored NFC', async () => {
    for (const name of [`${p.name.slice(0, 1)}\u200D${p.name.slice(1)}`, `${p.name.slice(0, 1)}\u200C${p.name.slice(1)}`, '\u2F08\u4E00', '王\u2EE2']) {
      const [r, storedNothing] = await unchanged(rt.store, () => call(rt, 'submitUnemploymentRegistration', unemployment(p, { name }), 'ctrl-p', {}, { check: false }));
      count('controlChars', { held: r.status === 400 && !!r.body.error.fields?.name, storedNothing, status: r.status });
      expect(r.status).toBe(400);
      expect(r.body.error.fields.name).toMatch(HAN);
    }
    const r = await call(rt, 'submitUnemploymentRegistration', unemployment(p, { remarks: 'Cafe\u0301 与 e\u0301' }), 'ctrl-nfc');
    expect(r.status).toBe(200);
    const app = await rt.store.get<any>('applications', r.body.data.applicationId);
    expect(app.person.remarks).toBe('Caf\u00e9 与 \u00e9');
  });
});

// ---- 8. CSV formula injection --------------------------------------------------------------------

describe('8. the national export CSV never carries a live formula; the JSON keeps the text', () => {
  it('notes starting with = + - @ are neutralised in the CSV, kept as written in the records', async () => {
    const notes = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-2+3', '@SUM(A1:A9)', '=1+1', '-'];
    const people = notes.map(() => makePerson());
    const rt = runtime('csv', { persons: people.map((p) => govRecord(p)), staff: DL_STAFF });
    try {
      for (const [i, p] of people.entries()) {
        expect((await call(rt, 'submitUnemploymentRegistration', unemployment(p), `csv-${i}`)).body.data.status).toBe('approved');
        expect((await call(rt, 'deregister', { idNumber: p.idNumber, reasonCode: '11', note: notes[i] }, 'h-dl-reviewer')).status).toBe(200);
      }
      // the export is a read: it stores nothing (its audit entry aside)
      const [r, exportStoredNothing] = await unchanged(rt.store, () => call(rt, 'exportDeregistrations', { from: '20260101', to: '20261231' }, 'h-dl-admin'));
      expect(r.status).toBe(200);
      expect(r.body.data.records.map((x: ExportRecord) => x.AAE013).sort()).toEqual([...notes].sort());
      const rows = r.body.data.csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
      const noteCol = INDICATORS.indexOf('AAE013');
      for (const row of rows) {
        const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c: string) => c.replace(/,$/, ''));
        const cell = cells[noteCol].replace(/^"|"$/g, '').replace(/""/g, '"');
        const held = !/^[=+\-@\t\r]/.test(cell);
        count('csvFormula', { held, storedNothing: exportStoredNothing });
        expect(held).toBe(true);
      }
      // tab and CR cannot reach a note (control characters are refused), and toCsv guards them anyway
      const rec = { ...r.body.data.records[0], AAE013: '\t=1+1' } as ExportRecord;
      const [csv, csvStoredNothing] = await unchanged(rt.store, async () => toCsv([rec, { ...rec, AAE013: '\r=1' }]));
      for (const line of csv.split('\r\n').slice(1, 3)) {
        const held = !/,[\t\r=+\-@]/.test(line) && !/,"[\t\r=+\-@]/.test(line);
        count('csvFormula', { held, storedNothing: csvStoredNothing });
        expect(held).toBe(true);
      }
    } finally {
      await rt.close();
    }
  });
});

// ---- 9. edge input and staff fuzz ------------------------------------------------------------------

describe('9. edge input is a 400 with a field message; every staff action fuzzed like the citizen forms', () => {
  const registered = makePerson();
  const pending = makePerson();
  const walkIn = makePerson(); // asks for a counter code; their face check fails
  const older = makePerson({ birth: '19730301' }); // declares 4050人员: a 就业困难人员认定 request opens
  const holder = makePerson(); // holds a certificate whose QR the verifier scans
  let rt: Rt;
  let t: StaffTargets;
  beforeAll(async () => {
    rt = runtime('sfuzz', {
      persons: [govRecord(registered), govRecord(pending, { unitInsurance: { unit: '某公司', since: '2021-01-01' } }), govRecord(walkIn, { realPerson: 'fail' }), govRecord(older), govRecord(holder)],
      staff: DL_STAFF,
    });
    const reg = await call(rt, 'submitUnemploymentRegistration', unemployment(registered), 'sf-1');
    const pen = await call(rt, 'submitUnemploymentRegistration', unemployment(pending), 'sf-2');
    const counter = await call(rt, 'requestCounterCheck', { name: walkIn.name, idType: walkIn.idType, idNumber: walkIn.idNumber, region: '210204' }, 'sf-3');
    expect(counter.status).toBe(200);
    const hard = await call(rt, 'submitUnemploymentRegistration', unemployment(older, { personCategories: ['4050人员'] }), 'sf-4');
    expect(hard.body.data.hardship).toMatchObject({ status: 'requested' });
    expect((await call(rt, 'applyCertificate', { ...baseInput('applyCertificate', holder, requestId()) }, 'sf-5')).body.data.status).toBe('approved');
    const cert = await call(rt, 'getMyCertificate', {}, 'sf-5');
    expect(cert.body.data.qrToken).toBeTruthy();
    t = {
      applicationId: pen.body.data.applicationId, idNumber: registered.idNumber, taskId: `contact:${reg.body.data.applicationId}`,
      counter: { code: counter.body.data.code, name: walkIn.name, idType: walkIn.idType, idNumber: walkIn.idNumber },
      hardshipTaskId: `hardship:${hard.body.data.applicationId}`, qrToken: cert.body.data.qrToken,
    };
  });
  afterAll(async () => { await rt.close(); });

  it('monthlyStats 0001-01 / 9999-12 and exportDeregistrations to=99991231 / from=00010101 → 400 on the field', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['monthlyStats', { month: '0001-01' }, 'month'], ['monthlyStats', { month: '9999-12' }, 'month'], ['monthlyStats', { month: '0000-01' }, 'month'],
      ['exportDeregistrations', { from: '20260101', to: '99991231' }, 'to'], ['exportDeregistrations', { from: '00010101', to: '20260101' }, 'from'],
      ['exportDeregistrations', { from: '00010101', to: '99991231' }, 'from'],
    ];
    for (const [action, input, field] of cases) {
      const [r, storedNothing] = await unchanged(rt.store, () => call(rt, action, input, 'h-dl-admin'));
      count('edgeInput', { held: r.status === 400 && HAN.test(r.body.error?.fields?.[field] ?? ''), storedNothing, status: r.status });
      expect(r.status).toBe(400);
      expect(r.body.error.fields[field]).toMatch(HAN);
    }
  });

  it('the base input of each new fuzzed action is valid (a mutation alone makes it bad)', () => {
    const v = decideHardshipSchema.safeParse(staffBase('decideHardship', t));
    expect(v.success).toBe(true);
  });

  /** The documented refusal of a well-formed value that names nothing held (docs/api.md). */
  const refused = (kind: StaffRefusal, r: { status: number; body: any }): boolean =>
    kind === 'not_found'
      ? r.status === 404 && r.body.error?.code === 'NOT_FOUND' && HAN.test(r.body.error.message)
      : r.status === 200 && r.body.data?.valid === false && HAN.test(r.body.data.reasonText ?? '') && !('holderName' in r.body.data);

  it.each(STAFF_FORMS)(`%s: ${STAFF_FUZZ_RUNS} generated bad inputs → 400 with a Chinese message on a mutated field (or the documented refusal), nothing stored`, async (action: StaffFormAction) => {
    const base = staffBase(action, t);
    const openid = action === 'monthlyStats' || action === 'exportDeregistrations' ? 'h-dl-admin' : 'h-dl-reviewer';
    // (getDeregistrationEvidence and deregister aim at the registered person, recordContactAttempt at the open task)
    // verifyCertificate: 60 a minute per verifier — each try a minute later, so the limit never answers for the input
    let minute = 0;
    const patch = (): Partial<Deps> => (action === 'verifyCertificate' ? { clock: { now: () => rt.clock.now() + ++minute * 60_000 } } : {});
    const start = await snapshot(rt.store);
    let before = start;
    await fc.assert(
      fc.asyncProperty(staffBadInputs(action, { person: registered, huge: 4096 }, base, t), async (b: BadInput) => {
        const r = await call(rt, action, b.input, openid, patch());
        const after = await snapshot(rt.store);
        const storedNothing = after === before;
        before = after;
        const fields = r.body.error?.fields ?? {};
        const named = b.mutations.some((m) => Object.keys(fields).some((k) => m.expect.includes(k) || k === m.field || k.startsWith(`${m.field}.`)));
        const invalid = r.status === 400 && r.body.error.code === 'VALIDATION_FAILED' && HAN.test(r.body.error.message) && named
          && Object.values(fields).every((m) => typeof m === 'string' && HAN.test(m));
        const refusal = b.mutations.find((m) => m.refusal)?.refusal;
        const held = invalid || (refusal !== undefined && refused(refusal, r));
        count('edgeInput', { held, storedNothing, status: r.status });
        if (!held || !storedNothing) throw new Error(`${action} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)} stored=${!storedNothing} input=${describeInput(b)}`);
      }),
      { numRuns: STAFF_FUZZ_RUNS, endOnFailure: true },
    );
    expect((await snapshot(rt.store)) === start).toBe(true);
  }, 180_000);

  it('after the fuzz the counter code, the 认定 request and the certificate are untouched: the real input still works once', async () => {
    const confirmed = await call(rt, 'confirmIdentityAtCounter', staffBase('confirmIdentityAtCounter', t), 'h-dl-reviewer');
    expect(confirmed.body.data).toMatchObject({ confirmed: true });
    const decided = await call(rt, 'decideHardship', staffBase('decideHardship', t), 'h-dl-reviewer');
    expect(decided.body.data).toMatchObject({ status: 'not_recognized' });
    const verified = await call(rt, 'verifyCertificate', { token: (await call(rt, 'getMyCertificate', {}, 'sf-5')).body.data.qrToken }, 'h-dl-reviewer');
    expect(verified.body.data).toMatchObject({ valid: true });
  });
});

// ---- 10. races and conflicts ---------------------------------------------------------------------

describe('10. a conflict is retried inside the server; the citizen never sees INTERNAL', () => {
  it('store transactions that conflict (TransactionConflictError) a few times still answer 200; always → 503, not 500', async () => {
    const p = makePerson();
    const q = makePerson({ });
    // twins: the same requests without a conflict, to compare what each stores
    const p0 = makePerson();
    const q0 = makePerson();
    const insured = { unitInsurance: { unit: '某公司', since: '2021-01-01' } };
    const rt = runtime('conflict', { persons: [govRecord(p), govRecord(q, insured), govRecord(p0), govRecord(q0, insured)], staff: DL_STAFF });
    try {
      const flaky = (failures: number): StorePort => {
        let left = failures;
        return new Proxy(rt.store, {
          get(target, prop, recv) {
            if (prop === 'transaction') {
              return async (fn: any) => { if (left-- > 0) throw new TransactionConflictError(); return target.transaction(fn); };
            }
            const v = Reflect.get(target, prop, recv);
            return typeof v === 'function' ? v.bind(target) : v;
          },
        });
      };
      // stored nothing beyond the request's own writes: the same documents as the clean twin stores
      const writes = async (f: () => Promise<unknown>) => {
        const before = await countAll(rt.store);
        await f();
        return delta(before, await countAll(rt.store));
      };
      for (const [who, openid] of [[p0, 'cf-0'], [p, 'cf-1']] as const) await realPersonCheck(rt, openid, who);
      const clean = await writes(() => call(rt, 'submitUnemploymentRegistration', unemployment(p0), 'cf-0'));
      let r: Awaited<ReturnType<typeof call>> | undefined;
      const conflicted = await writes(async () => { r = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'cf-1', { store: flaky(2) }); });
      count('races', { held: r!.status === 200, storedNothing: JSON.stringify(conflicted) === JSON.stringify(clean), status: r!.status });
      expect(r!.status).toBe(200);
      expect(conflicted).toEqual(clean);
      const pend0 = await call(rt, 'submitUnemploymentRegistration', unemployment(q0), 'cf-20');
      const pend = await call(rt, 'submitUnemploymentRegistration', unemployment(q), 'cf-2');
      const cleanDecision = await writes(() => call(rt, 'decideApplication', { applicationId: pend0.body.data.applicationId, decision: 'approve' }, 'h-dl-reviewer'));
      let d: Awaited<ReturnType<typeof call>> | undefined;
      const conflictedDecision = await writes(async () => { d = await call(rt, 'decideApplication', { applicationId: pend.body.data.applicationId, decision: 'approve' }, 'h-dl-reviewer', { store: flaky(2) }); });
      count('races', { held: d!.status === 200, storedNothing: JSON.stringify(conflictedDecision) === JSON.stringify(cleanDecision), status: d!.status });
      expect(d!.status).toBe(200);
      expect(conflictedDecision).toEqual(cleanDecision);
      // a store that conflicts on every try (not something a caller can cause): past the retries the
      // answer is 503 "busy, try again" (the same requestId then does the work once), never INTERNAL
      const r2 = makePerson();
      writeGovFile(rt.govFile, { persons: [govRecord(p), govRecord(q, { unitInsurance: { unit: '某公司', since: '2021-01-01' } }), govRecord(r2)], staff: DL_STAFF }, 2);
      const always = await call(rt, 'submitUnemploymentRegistration', unemployment(r2), 'cf-3', { store: flaky(1000) });
      expect(always.status).toBe(503);
      expect(always.body.error.code).toBe('UNAVAILABLE');
      expect(always.body.error.message).toMatch(HAN);
    } finally {
      await rt.close();
    }
  });

  it('a submission racing a deregistration ("active application changed") → 200, and the new one went through the checks', async () => {
    const p = makePerson();
    const rt = runtime('race', { persons: [govRecord(p)], staff: DL_STAFF });
    try {
      const first = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'race-1');
      expect(first.body.data.status).toBe('approved');
      // the deregistration lands between the submission's first look at the lock and its transaction
      let fired = false;
      const racing = new Proxy(rt.store, {
        get(target, prop, recv) {
          if (prop === 'transaction' && !fired) {
            return async (fn: any) => {
              fired = true;
              const d = await call(rt, 'deregister', { idNumber: p.idNumber, reasonCode: '11', note: '本人已就业' }, 'h-dl-reviewer');
              expect(d.status).toBe(200);
              return target.transaction(fn);
            };
          }
          const v = Reflect.get(target, prop, recv);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const again = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'race-1', { store: racing });
      // stored nothing no answer names: the person's applications are exactly the two answered
      const personKey = rt.depsFor(await rt.callerFor(null)).personKey(p.idNumber);
      const held = (await rt.store.find<any>('applications', { personKey })).map((a) => a._id).sort();
      count('races', { held: again.status === 200, storedNothing: JSON.stringify(held) === JSON.stringify([first.body.data.applicationId, again.body.data.applicationId].sort()), status: again.status });
      expect(again.status).toBe(200);
      expect(again.body.data.applicationId).not.toBe(first.body.data.applicationId);
      expect(again.body.data.checks.length).toBeGreaterThan(1);
    } finally {
      await rt.close();
    }
  });

  it('50 submissions and a deregistration at once over the real store: no 5xx', async () => {
    const p = makePerson();
    const rt = runtime('race50', { persons: [govRecord(p)], staff: DL_STAFF });
    try {
      const first = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'r50');
      expect(first.status).toBe(200);
      const answers = await Promise.all([
        ...Array.from({ length: 50 }, (_, i) => call(rt, 'submitUnemploymentRegistration', unemployment(p), `r50-${i % 5}`)),
        call(rt, 'deregister', { idNumber: p.idNumber, reasonCode: '11', note: '本人已就业' }, 'h-dl-reviewer'),
      ]);
      // stored nothing no answer names: every application of the person is one an answer gave
      const personKey = rt.depsFor(await rt.callerFor(null)).personKey(p.idNumber);
      const stored = new Set((await rt.store.find<any>('applications', { personKey })).map((a) => a._id));
      const answered = new Set([first.body.data.applicationId, ...answers.map((a) => a.body.data?.applicationId).filter(Boolean)]);
      const orphans = [...stored].filter((id) => !answered.has(id));
      for (const a of answers) count('races', { held: a.status < 500, storedNothing: orphans.length === 0, status: a.status });
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      expect(orphans).toEqual([]);
    } finally {
      await rt.close();
    }
  }, 60_000);
});

// ---- 12. weak spots ---------------------------------------------------------------------------------

describe('12. weak spots: a closed task reveals nothing; a note of dots verifies nothing', () => {
  it('revealContact on a completed task → 409, not the phone', async () => {
    const p = makePerson();
    const rt = runtime('closed', { persons: [govRecord(p)], staff: DL_STAFF });
    try {
      const reg = await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'cl-1');
      const taskId = `contact:${reg.body.data.applicationId}`;
      expect((await call(rt, 'completeContactTask', { taskId, outcome: 'reached' }, 'h-dl-reviewer')).status).toBe(200);
      const [r, storedNothing] = await unchanged(rt.store, () => call(rt, 'revealContact', { taskId }, 'h-dl-reviewer2'));
      count('weakSpots', { held: r.status === 409 && !JSON.stringify(r.body).includes(p.phone), storedNothing, status: r.status });
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).not.toContain(p.phone);
    } finally {
      await rt.close();
    }
  });

  it('deregister with AJC00A 31/32 and a note of ten dots (or spaces, or dashes) → 400 on the note, nothing stored', async () => {
    const p = makePerson();
    const rt = runtime('dots', { persons: [govRecord(p)], staff: DL_STAFF });
    try {
      await call(rt, 'submitUnemploymentRegistration', unemployment(p), 'dot-1');
      for (const reasonCode of ['31', '32']) {
        for (const note of ['..........', '。。。。。。。。。。', '----------', '. . . . . . . . . .', '！！！！！！！！！！！']) {
          const before = await snapshot(rt.store);
          const r = await call(rt, 'deregister', { idNumber: p.idNumber, reasonCode, note }, 'h-dl-reviewer');
          const storedNothing = (await snapshot(rt.store)) === before;
          count('weakSpots', { held: r.status === 400 && !!r.body.error.fields?.note, storedNothing, status: r.status });
          expect(r.status).toBe(400);
          expect(r.body.error.fields.note).toMatch(HAN);
          expect(storedNothing).toBe(true);
        }
      }
    } finally {
      await rt.close();
    }
  });
});

// ---- the tally itself --------------------------------------------------------------------------------

describe('the tally', () => {
  it('every attack tried, in every class, stored nothing (as measured) and none answered 5xx', () => {
    for (const k of Object.keys(CLASSES) as AttackClass[]) expect([CLASSES[k], tally[k].storedNothing, tally[k].status5xx]).toEqual([CLASSES[k], tally[k].tried, 0]);
  });
});
