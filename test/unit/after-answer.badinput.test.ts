/**
 * Generated bad input for what a citizen does after the first answer (人社厅发〔2020〕79号 二(六)):
 * withdrawApplication, requestReview, reportEmployment, updateMyRegistration, stopSubscription. As for
 * the forms (test/reliability): a valid input of each — one the person's state allows, so it *would*
 * store something — with one to three fields made bad for their rule, sometimes carrying keys that
 * reach Object.prototype when copied carelessly, sent as the wire carries it (JSON text). Each must
 * answer 400 with a Chinese message per field naming a field that was made bad, and leave every
 * collection of the store exactly as it was. At the end the valid inputs are sent and do store.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMITMENTS } from '@shared/commitment';
import { makeReportEmploymentSchema, reviewRequestSchema, updateRegistrationSchema, withdrawSchema } from '@shared/after-answer.schema';
import { isCountyCode } from '@shared/regions';
import { validate } from '@shared/validate';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { Collection, StorePort } from '../../cloudfunctions/core/store.port';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { passRealPerson } from '../support/real-person';

const NOW = '2026-05-12T10:00:00+08:00';
const TODAY = '2026-05-12';
const RUNS = 120;
const HAN = /[\u4e00-\u9fff]/;
const STAFF = [{ openid: 'bi-reviewer', name: '审核员', region: '2102', role: 'reviewer' }];
const INSURED = { unit: '大连海岸线贸易有限公司', since: '2024-05-01' };
const COLLECTIONS: Collection[] = [
  'applications', 'certificates', 'registrations', 'requests', 'persons', 'bindings', 'delegations', 'counters', 'outbox', 'messages',
  'subscriptions', 'audit', 'locks', 'verifications', 'tasks', 'keys', 'staff', 'deregistrations', 'services',
];

const ACTIONS = ['withdrawApplication', 'requestReview', 'reportEmployment', 'updateMyRegistration', 'stopSubscription'] as const;
type Action = (typeof ACTIONS)[number];

const waiting = makePerson({ region: '210204' });
const rejected = makePerson({ region: '210204' });
const registered = makePerson({ region: '210204' });
const OPENID: Record<Action, string> = {
  withdrawApplication: 'bi-waiting', requestReview: 'bi-rejected', reportEmployment: 'bi-registered', updateMyRegistration: 'bi-registered', stopSubscription: 'bi-registered',
};

let dir: string;
let rt: LocalRuntime;
const base: Partial<Record<Action, Record<string, unknown>>> = {};

// ---- generators ----------------------------------------------------------------------------------

/** A field left out. */
const MISSING = Symbol('missing');
interface Mutation { field: string; value: unknown; expect: string[] }
const on = (field: string, arb: fc.Arbitrary<unknown>, expect: string[] = [field]) => arb.map((value): Mutation => ({ field, value, expect }));
const pick = <T,>(...arbs: fc.Arbitrary<T>[]) => fc.oneof(...arbs);

const nonString = fc.constantFrom<unknown>(0, 42, -1.5, 1e21, true, false, ['x'], { v: 1 }, {});
const absent = fc.constantFrom<unknown>('', '   ', '\u3000', null, MISSING);
const CONTROL = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202E', '\u2066', '\u200B', '\u200F'];
/** a good text with a control or direction character inside it */
const withControl = (good: string) => fc.tuple(fc.constantFrom(...CONTROL), fc.integer({ min: 1, max: good.length - 1 })).map(([c, at]) => good.slice(0, at) + c + good.slice(at));
/** longer than `limit` characters, in Han, Latin or astral characters */
const tooLong = (limit: number) => fc.tuple(fc.constantFrom('汉', 'a', '𠀀', '😀'), fc.integer({ min: 1, max: 40 })).map(([ch, extra]) => ch.repeat(limit + extra));

const REQUEST_ID = on('requestId', pick<unknown>(
  nonString, absent,
  fc.string({ maxLength: 7 }),
  fc.stringMatching(/^[A-Za-z0-9]{65,90}$/),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{8,20}$/), fc.constantFrom(' ', '中', '😀', '\u200B', '/', '.', ':', '\n')).map(([s, x]) => s + x),
));
const APPLICATION_ID = on('applicationId', pick<unknown>(nonString, absent, fc.constantFrom('../x', 'a b', '中文编号', 'x'.repeat(65), 'abc\u0000', 'abc/def', 'app.1')));
const badRegion = pick<unknown>(
  fc.constantFrom('210200', '210000', '999999', '21020', '2102021', '000000', '２１０２０２', '210202\u200B'),
  fc.stringMatching(/^\d{6}$/).filter((s) => !isCountyCode(s)),
  nonString,
);

const GENS: Record<Action, Record<string, fc.Arbitrary<Mutation>>> = {
  withdrawApplication: { requestId: REQUEST_ID, applicationId: APPLICATION_ID },
  requestReview: {
    requestId: REQUEST_ID,
    applicationId: APPLICATION_ID,
    // 5–500 characters in the person's own words, no control characters
    reason: on('reason', pick<unknown>(nonString, absent, fc.constantFrom('不对', '1234', '请复核'), tooLong(500), withControl('我已经离职了请再核对一次'))),
  },
  reportEmployment: {
    requestId: REQUEST_ID,
    // only the codes of the person's own life; 25, 26, 31, 32, 90 are for staff
    situation: on('situation', pick<unknown>(nonString, absent, fc.constantFrom('31', '32', '25', '26', '90', '00', '15', '11 ', '１１', '被各类用人单位录用或招聘'))),
    unit: on('unit', pick<unknown>(nonString, tooLong(100), withControl('大连某物流有限公司'))),
    since: on('since', pick<unknown>(nonString, absent, fc.constantFrom('2026-02-30', '2026/05/01', '20260501', '2026-5-1', '2026-05-13', '2099-01-01', '昨天', '2026-05'))),
    // never silently: the confirmation of what ends is `true` itself
    confirmEnds: on('confirmEnds', fc.constantFrom<unknown>(false, 'true', 1, 0, null, MISSING, 'yes', [], {}, '')),
  },
  updateMyRegistration: {
    requestId: REQUEST_ID,
    phone: on('phone', pick<unknown>(nonString, tooLong(11), fc.constantFrom('1391234567', '139123456789', '12912345678', '1391234567a', '+8613912345678', '１３９１２３４５６７８', '139\u200B12345678'))),
    residenceAddress: on('residenceAddress', pick<unknown>(
      fc.constantFrom<unknown>('胜利路16号', 5, [], ['210302'], {}, true),
      badRegion.map((regionCode) => ({ regionCode, detail: '胜利路16号' })),
      fc.constant({ detail: '胜利路16号' }),
      pick<unknown>(fc.constantFrom('', '   ', null), nonString, tooLong(100), withControl('胜利路16号')).map((detail) => ({ regionCode: '210302', detail })),
    )),
    jobIntentions: on('jobIntentions', pick<unknown>(
      fc.constantFrom<unknown>(5, { a: 1 }, true, ['仓储', '叉车', '装卸', '理货'], [5], [['仓储']], [{ a: 1 }], [''], ['  '], [null]),
      tooLong(30).map((t) => [t]),
      withControl('仓储管理').map((t) => [t]),
    )),
    skills: on('skills', pick<unknown>(nonString, tooLong(200), withControl('叉车驾驶证三年'))),
  },
  stopSubscription: {
    template: on('template', pick<unknown>(nonString, absent, fc.constantFrom('RESULT', 'result ', 'reminders', '__proto__', 'constructor', 'toString', '结果通知'))),
  },
};

/** updateMyRegistration: nothing to change at all (every detail blank or left out) — the message goes on `phone`. */
const NOTHING_TO_CHANGE = fc.constantFrom<unknown>('', null, MISSING, '   ').chain((blank) =>
  fc.constant<Mutation[]>(['phone', 'residenceAddress', 'jobIntentions', 'skills'].map((field) => ({ field, value: field === 'residenceAddress' && blank !== MISSING ? null : blank, expect: ['phone'] }))));

const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'isAdmin'];
const POISON_VALUES: unknown[] = [{ polluted: 'yes', isAdmin: true, status: 'approved' }, { prototype: { polluted: 'yes' } }, 'polluted', 1];

interface BadInput { input: unknown; mutations: Mutation[]; poisoned: string[] }

function badInputs(action: Action, valid: Record<string, unknown>): fc.Arbitrary<BadInput> {
  const gens = GENS[action];
  const names = Object.keys(gens);
  const some = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) }).chain((fields) => fc.tuple(...fields.map((f) => gens[f])));
  const mutationSets = action === 'updateMyRegistration' ? fc.oneof({ weight: 9, arbitrary: some }, { weight: 1, arbitrary: NOTHING_TO_CHANGE }) : some;
  return fc
    .tuple(mutationSets, fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom(...POISON_KEYS), fc.constantFrom(...POISON_VALUES)), { minLength: 1, maxLength: 2, selector: ([k]) => k }), { freq: 2 }))
    .map(([mutations, poisons]) => {
      const input: Record<string, unknown> = structuredClone(valid);
      for (const m of mutations) {
        if (m.value === MISSING) delete input[m.field];
        else input[m.field] = structuredClone(m.value);
      }
      const poisoned: string[] = [];
      for (const [key, value] of poisons ?? []) {
        // an own property, as JSON.parse makes it — never a real prototype change
        Object.defineProperty(input, key, { value: structuredClone(value), enumerable: true, configurable: true, writable: true });
        poisoned.push(key);
      }
      return { input: JSON.parse(JSON.stringify(input)), mutations, poisoned };
    });
}

const describeInput = (b: BadInput) => JSON.stringify({ mutations: b.mutations.map((m) => ({ field: m.field, value: typeof m.value === 'symbol' ? 'MISSING' : JSON.stringify(m.value).slice(0, 120) })), poisoned: b.poisoned });

// ---- checks -------------------------------------------------------------------------------------

/** Every document of every collection, as text: equal before and after means nothing was stored. */
async function snapshot(store: StorePort): Promise<string> {
  const parts: string[] = [];
  for (const c of COLLECTIONS) {
    const docs = await store.find<Record<string, unknown>>(c, {});
    parts.push(`${c}:${JSON.stringify(docs.map((d) => JSON.stringify(d)).sort())}`);
  }
  return parts.join('\n');
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_KEYS || probe.polluted !== undefined || probe.isAdmin !== undefined || probe.status !== undefined;
}

function refusalProblem(status: number, body: any, b: BadInput): string | null {
  if (status !== 400) return `status ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (body?.ok !== false || body.error?.code !== 'VALIDATION_FAILED') return `not VALIDATION_FAILED: ${JSON.stringify(body).slice(0, 300)}`;
  if (typeof body.error.message !== 'string' || !HAN.test(body.error.message)) return `message not Chinese: ${body.error.message}`;
  const fields = body.error.fields;
  if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0) return `no field messages: ${JSON.stringify(body.error)}`;
  for (const [k, m] of Object.entries(fields)) if (typeof m !== 'string' || !HAN.test(m)) return `field ${k}: message not Chinese: ${String(m)}`;
  const named = b.mutations.some((m) => m.expect.some((f) => Object.keys(fields).some((k) => k === f || k.startsWith(`${f}.`))));
  if (!named) return `no message on a mutated field (${b.mutations.map((m) => m.field).join(', ')}): ${Object.keys(fields).join(', ')}`;
  return null;
}

const depsOf = async (openid: string | null) => rt.depsFor(await rt.callerFor(openid));

async function submit(openid: string, p: TestPerson): Promise<{ applicationId: string; status: string }> {
  expect(await passRealPerson(await depsOf(openid), p)).toBe(true);
  const out = await dispatch('submitUnemploymentRegistration', {
    requestId: requestId(), ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, await depsOf(openid), { local: false });
  expect(out.body.ok).toBe(true);
  return (out.body as { data: { applicationId: string; status: string } }).data;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jy-aa-bad-'));
  const govFile = join(dir, 'gov.json');
  writeFileSync(govFile, JSON.stringify({
    persons: [{ ...govRecord(waiting), unitInsurance: INSURED }, { ...govRecord(rejected), unitInsurance: INSURED }, govRecord(registered)],
    staff: STAFF, down: [],
  }));
  rt = localRuntime({ dataDir: dir, govDataFile: govFile, now: NOW, log: () => {} });
  // each valid input is one the person's state allows: a waiting application, a rejected one, a registration
  const w = await submit(OPENID.withdrawApplication, waiting);
  expect(w.status).toBe('pending_review');
  const r = await submit(OPENID.requestReview, rejected);
  const no = await dispatch('decideApplication', { applicationId: r.applicationId, decision: 'reject', reasonCode: 'R03' }, await depsOf(STAFF[0].openid), { local: false });
  expect((no.body as { data: { status: string } }).data.status).toBe('rejected');
  expect((await submit(OPENID.reportEmployment, registered)).status).toBe('approved');
  await dispatch('recordSubscription', { templates: { reminder: 'accept' } }, await depsOf(OPENID.stopSubscription), { local: false });

  base.withdrawApplication = { requestId: 'req-bad-withdraw-0001', applicationId: w.applicationId };
  base.requestReview = { requestId: 'req-bad-review-0001', applicationId: r.applicationId, reason: '我已于2026年1月离职，社保卡信息是对的，请再核对一次' };
  base.reportEmployment = { requestId: 'req-bad-report-0001', situation: '11', unit: '大连某物流有限公司', since: '2026-05-04', confirmEnds: true };
  base.updateMyRegistration = { requestId: 'req-bad-update-0001', phone: '13700001234', residenceAddress: { regionCode: '210302', detail: '胜利路16号' }, jobIntentions: ['仓储管理'], skills: '叉车驾驶证，三年仓库经验' };
  base.stopSubscription = { template: 'reminder' };
});
afterAll(async () => {
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('generated bad input after the first answer: 400, a Chinese message per field, nothing stored', () => {
  it('starts from valid inputs, so each refusal is the mutation\'s doing', () => {
    expect(validate(withdrawSchema, base.withdrawApplication).ok).toBe(true);
    expect(validate(reviewRequestSchema, base.requestReview).ok).toBe(true);
    expect(validate(makeReportEmploymentSchema(TODAY), base.reportEmployment).ok).toBe(true);
    expect(validate(updateRegistrationSchema, base.updateMyRegistration).ok).toBe(true);
  });

  it.each(ACTIONS)(`refuses ${RUNS} generated bad %s inputs and stores nothing`, async (action) => {
    const deps = await depsOf(OPENID[action]);
    const before = await snapshot(rt.store);
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(badInputs(action, base[action]!), async (b) => {
        tried++;
        const out = await dispatch(action, b.input, deps, { local: false });
        const problem = refusalProblem(out.status, out.body, b);
        const changed = (await snapshot(rt.store)) !== before;
        const polluted = prototypePolluted();
        if (problem || changed || polluted) throw new Error(`${action}: ${problem ?? ''} stored=${changed} polluted=${polluted} input=${describeInput(b)}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);

  it.each(ACTIONS)('answers a body that is not an object (%s) with 400 and a Chinese message, storing nothing', async (action) => {
    const deps = await depsOf(OPENID[action]);
    const before = await snapshot(rt.store);
    for (const body of [null, 'x', 5, [], [base[action]], true]) {
      const out = await dispatch(action, body, deps, { local: false });
      expect(out.status).toBe(400);
      expect((out.body as { error: { message: string } }).error.message).toMatch(HAN);
    }
    expect(await snapshot(rt.store)).toBe(before);
  });

  // reportEmployment last: it ends the registration the others act on
  it.each(['withdrawApplication', 'requestReview', 'updateMyRegistration', 'stopSubscription', 'reportEmployment'] as const)('the valid %s input itself is accepted and stores (the check above can see a write)', async (action) => {
    const before = await snapshot(rt.store);
    const out = await dispatch(action, base[action], await depsOf(OPENID[action]), { local: false });
    expect(out.status).toBe(200);
    expect(await snapshot(rt.store)).not.toBe(before);
  });
});
