/**
 * Generators of bad input for the three citizen forms (docs/forms.md): a valid form of a synthetic
 * person with one to three fields mutated out of their rule, sometimes decorated with keys that
 * reach Object.prototype when code copies them carelessly (`__proto__`, `constructor`, …).
 *
 * Every bad value here is bad *for that field*, checked against the rule it breaks: an optional
 * field's blank or null means "not given" (zod-kit `blankToUndefined`), so it is never used as a
 * bad value; free text accepts any character, so unusual Unicode is made bad by length there.
 * What comes out is what the wire carries: the input goes through JSON text, as the gateway and
 * `wx.cloud.callFunction` deliver it (own `__proto__` keys, lone surrogates escaped and back).
 */
import fc from 'fast-check';
import { COMMITMENTS } from '@shared/commitment';
import {
  EDUCATIONS, ETHNICITIES, HEALTH_STATUSES, ID_TYPES, POLITICAL_STATUSES, DISABILITY_LEVELS, HOUSEHOLD_TYPES, codesOf,
} from '@shared/codes';
import { idCheckChar } from '@shared/id-number';
import { isCountyCode } from '@shared/regions';
import { charCount } from '@shared/zod-kit';
import { makePerson, type TestPerson } from '../support/people';

export const FORMS = ['applyCertificate', 'submitUnemploymentRegistration', 'submitFlexibleEmployment'] as const;
export type FormAction = (typeof FORMS)[number];

/** A bad value, or the field left out. */
export const MISSING = Symbol('missing');
type Bad = unknown;

/**
 * Where a field's message is expected: on the field, or (cross-field rules) on the field it makes
 * required. `refusal`: a well-formed value that names nothing held (an unknown code or task, a QR
 * that is not ours) — answered with the action's documented refusal instead of a 400 (docs/api.md).
 */
export interface Mutation { field: string; value: Bad; expect: string[]; refusal?: StaffRefusal }
/** 404 NOT_FOUND (nothing of that name in the caller's scope), or a verification answered `valid: false`. */
export type StaffRefusal = 'not_found' | 'not_valid';

export function baseInput(form: FormAction, p: TestPerson, requestId: string): Record<string, unknown> {
  if (form === 'applyCertificate') return { requestId, ...p, commitment: { accepted: true, textVersion: COMMITMENTS.certificate.version } };
  if (form === 'submitUnemploymentRegistration') {
    return {
      requestId, ...p, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
      commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
    };
  }
  return {
    requestId, ...p, employmentForm: '自由职业', occupation: '平面设计', startDate: '2026-01-05', workRegion: p.residenceAddress.regionCode,
    commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
  };
}

// ---- building blocks ------------------------------------------------------------------------

/** Code points that are not whitespace (trim keeps them): Han, astral Han, emoji, RTL override,
 * zero-width, combining mark, control, BOM-less oddities, and a lone surrogate. */
const ODD = ['汉', '𠀀', '😀', '👩‍👩‍👧', '\u202E', '\u200B', '\u200D', '\u0301', '\u0000', '\u0007', '\u001B', 'é', 'a', '\uFFFD', '\u{10FFFF}'];

/** Text whose trimmed length (in code points, as charCount counts) is over `limit`. */
function tooLong(limit: number, huge: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.constantFrom(...ODD), { minLength: limit + 1, maxLength: limit + 40 }).map((a) => a.join('') + '\uD800') },
    { weight: 1, arbitrary: fc.constant('汉'.repeat(Math.floor(huge / 3))) },
    { weight: 1, arbitrary: fc.constant('a'.repeat(huge)) },
  ).map((s) => (charCount(s.trim()) > limit ? s : s + '汉'.repeat(limit + 1)));
}

/** Not a string at all (never valid for a string field; null excluded, it means "blank"). */
const nonString = fc.constantFrom<unknown>(0, 42, -1.5, 1e21, true, false, ['x'], { v: 1 }, {});
/** What a required field cannot be. */
const absent = fc.constantFrom<unknown>('', '   ', '\u3000', null, MISSING);

function pick<T>(...arbs: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  return fc.oneof(...arbs);
}

function notIn(codes: readonly string[], extra: string[] = []): fc.Arbitrary<unknown> {
  return pick<unknown>(
    fc.constantFrom(...['00', '0', '99', '100', '汉族', 'x', '01 ', '\u202E01', '0１', ...extra].filter((c) => !codes.includes(c.trim()))),
    fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() !== '' && !codes.includes(s) && !codes.includes(s.trim())),
  );
}

const badRegion = pick<unknown>(
  fc.constantFrom('210200', '210000', '999999', '21020', '2102021', '000000', '２１０２０２', '210202\u200B'),
  fc.stringMatching(/^\d{6}$/).filter((s) => !isCountyCode(s)),
  nonString,
);

// ---- per-field bad values -------------------------------------------------------------------

export interface Ctx { person: TestPerson; huge: number }

type FieldGen = (c: Ctx) => fc.Arbitrary<Mutation>;

const on = (field: string, arb: fc.Arbitrary<unknown>, expect: string[] = [field]) =>
  arb.map((value) => ({ field, value, expect }));

function wrongCheckChar(id: string): fc.Arbitrary<string> {
  const right = idCheckChar(id.slice(0, 17));
  return fc.constantFrom(...'0123456789X'.split('').filter((c) => c !== right)).map((c) => id.slice(0, 17) + c);
}

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

const PERSON: Record<string, FieldGen> = {
  name: (c) => on('name', pick<unknown>(nonString, absent, tooLong(50, c.huge),
    fc.constantFrom('王', '王3', '王 国', '王\u3000国', '·王国', '王国·', '王··国', '王\u200B国', '王\u202E国', '王😀', '王\uD800', '王\u0001国', 'Wang1', '王_国', '<script>'))),
  idType: () => pick(
    on('idType', pick<unknown>(nonString, absent, notIn(codesOf(ID_TYPES), ['02', '1', '001', 'ID']))),
    // a real code that does not fit an 18-digit 居民身份证 number (90 社会保障卡 does: it is the same number)
    on('idType', fc.constantFrom('04', '05', '06', '17'), ['idType', 'idNumber', 'birthDate']), // 06 台胞证: refused at intake (codes.ts TAIWAN_PASS)
  ),
  idNumber: (c) => {
    const id = c.person.idNumber;
    return on('idNumber', pick<unknown>(
      nonString, absent, wrongCheckChar(id), tooLong(40, c.huge),
      fc.constantFrom(id.slice(0, 17), id + '0', id.slice(0, 10) + 'A' + id.slice(11), id.slice(0, 17) + 'Y', '１' + id.slice(1), id.slice(0, 17) + '\u200B' + id[17]),
      // a birth date that does not exist, one in the future, and a 15-year-old (under 16, 鞍人社〔2020〕21号 一)
      fc.constantFrom(withCheck(`${id.slice(0, 6)}19881332${id.slice(14, 17)}`), withCheck(`${id.slice(0, 6)}20300101${id.slice(14, 17)}`),
        withCheck(`${id.slice(0, 6)}20110101${id.slice(14, 17)}`), withCheck(`99${id.slice(2, 17)}`), '210204881332123'),
    ));
  },
  birthDate: (c) => on('birthDate', pick<unknown>(nonString, tooLong(10, c.huge), fc.constantFrom('1990/03/15', '19900315', '1990-02-30', '2030-01-01', '1990-3-5', '昨天'))),
  // the person's ID says 女 (makePerson default): 男 disagrees (人社厅发〔2020〕79号 AAC002 与性别相符)
  gender: () => on('gender', pick<unknown>(nonString, absent, fc.constantFrom('0', '3', '男', 'F', '1'))),
  ethnicity: () => on('ethnicity', pick<unknown>(nonString, absent, notIn(codesOf(ETHNICITIES), ['57', '96', '1']))),
  politicalStatus: () => on('politicalStatus', pick<unknown>(nonString, notIn(codesOf(POLITICAL_STATUSES), ['14', '党员']))),
  education: () => on('education', pick<unknown>(nonString, absent, notIn(codesOf(EDUCATIONS), ['12', '本科']))),
  // 6 残疾 without a 伤残等级 (鞍人社〔2020〕21号 说明 2): the message goes on disabilityLevel
  health: () => pick(on('health', pick<unknown>(nonString, absent, notIn(codesOf(HEALTH_STATUSES), ['4', '5']))), on('health', fc.constant('6'), ['health', 'disabilityLevel'])),
  disabilityLevel: () => on('disabilityLevel', pick<unknown>(nonString, notIn(codesOf(DISABILITY_LEVELS), ['11', '一级']))),
  hukouAddress: (c) => address('hukouAddress', c),
  residenceAddress: (c) => address('residenceAddress', c),
  phone: (c) => on('phone', pick<unknown>(nonString, absent, tooLong(40, c.huge), fc.constantFrom('1391234567', '139123456789', '12912345678', '1391234567a', '+8613912345678', '１３９１２３４５６７８', '139\u200B12345678'))),
  landline: (c) => on('landline', pick<unknown>(nonString, tooLong(40, c.huge), fc.constantFrom('abc', '123', '0411-12', '0411-84201528-1234567', '☎84201528'))),
  email: (c) => on('email', pick<unknown>(nonString, tooLong(100, c.huge), fc.constantFrom('abc', 'a@b', 'a@@b.com', '@b.com', `${'a'.repeat(95)}@b.com`))),
  otherContact: (c) => on('otherContact', pick<unknown>(nonString, tooLong(50, c.huge), fc.constantFrom('wx\u0001id', 'qq\u007f123'))),
  qualifications: (c) => on('qualifications', pick<unknown>(
    fc.constantFrom('电工', 5, { title: '电工' }, true),
    fc.constant([{ title: '电工' }, { title: '焊工' }, { title: '钳工' }, { title: '车工' }]),
    fc.constantFrom([{ title: '', level: '高级' }], [5], [['电工']], [{ title: 7 }]),
    tooLong(50, c.huge).map((t) => [{ title: t }]),
    tooLong(20, c.huge).map((l) => [{ title: '电工', level: l }]),
  )),
};

function address(field: string, c: Ctx): fc.Arbitrary<Mutation> {
  const good = c.person.residenceAddress;
  return on(field, pick<unknown>(
    fc.constantFrom('幸福街道12号', 5, [], ['210204'], null, MISSING, {}),
    badRegion.map((regionCode) => ({ regionCode, detail: good.detail })),
    fc.constantFrom(MISSING).map(() => ({ detail: good.detail })),
    pick<unknown>(absent.filter((v) => v !== MISSING), nonString, tooLong(100, c.huge)).map((detail) => ({ regionCode: good.regionCode, detail })),
  ));
}

function commitment(kind: 'certificate' | 'unemployment' | 'flexible', huge: number): fc.Arbitrary<Mutation> {
  const v = COMMITMENTS[kind].version;
  const other = COMMITMENTS[kind === 'unemployment' ? 'flexible' : 'unemployment'].version;
  // a signature over the 48 KB limit (only where the input may be that large: not over HTTP's 64 KB)
  const bigSignature = huge > 48 * 1024 ? [fc.constant({ accepted: true, textVersion: v, signature: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(49 * 1024)}` })] : [];
  return on('commitment', pick<unknown>(
    ...bigSignature,
    fc.constantFrom(null, MISSING, true, 'accepted', [], {}),
    fc.constantFrom({ accepted: false, textVersion: v }, { accepted: 'true', textVersion: v }, { accepted: 1, textVersion: v }, { textVersion: v },
      { accepted: true }, { accepted: true, textVersion: other }, { accepted: true, textVersion: `${v}-old` }, { accepted: true, textVersion: 5 },
      { accepted: true, textVersion: v, signature: 'data:image/jpeg;base64,/9j/4AAQ' }, { accepted: true, textVersion: v, signature: 7 },
      { accepted: true, textVersion: v, signature: 'javascript:alert(1)' }),
  ));
}

const UNEMPLOYMENT: Record<string, FieldGen> = {
  unemployedSince: (c) => on('unemployedSince', pick<unknown>(nonString, absent, tooLong(10, c.huge),
    // not a month, in the future (today 2026-03-10), before the 16th birthday (born 1988-06 → 2004-06)
    fc.constantFrom('2025-13', '2025-00', '2025-1', '202512', '2025/12', '2026-04', '2099-12', '2004-05', '1990-01', '2025-12-01'))),
  registrationPlace: () => pick(
    on('registrationPlace', pick<unknown>(nonString, absent, fc.constantFrom('home', 'HUKOU', '户籍地', 'residence '.repeat(2)))),
    // 就业地/参保地 need the county (人社厅发〔2020〕79号 一(一))
    on('registrationPlace', fc.constantFrom('employment', 'insurance'), ['registrationPlace', 'registrationRegion']),
  ),
  registrationRegion: () => on('registrationRegion', badRegion),
  reason: () => pick(
    on('reason', pick<unknown>(nonString, absent, fc.constantFrom('辞职', 'x', '其它'))),
    on('reason', fc.constant('其他'), ['reason', 'reasonOther']),
  ),
  reasonOther: (c) => on('reasonOther', pick<unknown>(nonString, tooLong(100, c.huge))),
  claimsUnemploymentInsurance: () => on('claimsUnemploymentInsurance', fc.constantFrom<unknown>('false', 'true', 0, 1, null, MISSING, 'yes', [], {}, '')),
  householdType: () => on('householdType', pick<unknown>(nonString, notIn(codesOf(HOUSEHOLD_TYPES), ['家庭户']))),
  personCategories: () => on('personCategories', fc.constantFrom<unknown>('高校毕业生x', 5, { a: 1 }, ['x'], ['高校毕业生', '高校毕业生'], [1], [null], true)),
  categoryCertificateNo: (c) => on('categoryCertificateNo', pick<unknown>(nonString, fc.constantFrom('中文', 'a b', 'A'.repeat(31), 'ab_12'), tooLong(30, c.huge))),
  jobIntentions: (c) => on('jobIntentions', pick<unknown>(
    fc.constantFrom<unknown>('电工', 5, { a: 1 }, true, ['电工', '焊工', '钳工', '车工'], [5], [['电工']], [{ a: 1 }]),
    tooLong(20, c.huge).map((t) => [t]),
  )),
  remarks: (c) => on('remarks', pick<unknown>(nonString, tooLong(500, c.huge))),
  commitment: (c) => commitment('unemployment', c.huge),
};

const FLEXIBLE: Record<string, FieldGen> = {
  employmentForm: () => pick(
    on('employmentForm', pick<unknown>(nonString, absent, fc.constantFrom('全职', 'x', '新就业形态'))),
    on('employmentForm', fc.constant('其他'), ['employmentForm', 'employmentFormOther']),
    on('employmentForm', fc.constant('新就业形态（平台）'), ['employmentForm', 'platform']),
  ),
  employmentFormOther: (c) => on('employmentFormOther', pick<unknown>(nonString, tooLong(50, c.huge))),
  occupation: (c) => on('occupation', pick<unknown>(nonString, absent, tooLong(50, c.huge))),
  // not a date, in the future, before the 16th birthday (born 1988-06-12)
  startDate: (c) => on('startDate', pick<unknown>(nonString, absent, tooLong(10, c.huge), fc.constantFrom('2026-02-30', '2026/01/05', '20260105', '2026-03-11', '2099-01-01', '2004-06-11', '1970-01-01'))),
  workRegion: () => on('workRegion', pick<unknown>(badRegion, absent)),
  platform: (c) => on('platform', pick<unknown>(nonString, tooLong(50, c.huge))),
  commitment: (c) => commitment('flexible', c.huge),
};

const CERTIFICATE: Record<string, FieldGen> = {
  requestId: () => REQUEST_ID,
  // 个人信息书面申报承诺 (大人社规发〔2025〕2号 一(三))
  commitment: (c) => commitment('certificate', c.huge),
  // 补发 belongs to the 我的电子证 page: even a well-formed one is refused here, with a message on `reissue`
  reissue: (c) => on('reissue', pick<unknown>(
    fc.constantFrom<unknown>(null, 'lost', 5, [], {}),
    fc.constantFrom({ kind: 'x', statement: '手机丢失在公交车上了，需要补发' }, { kind: 'lost', statement: '丢了' }, { kind: 'lost' }),
    tooLong(500, c.huge).map((statement) => ({ kind: 'damaged', statement })),
    fc.constant({ kind: 'lost', statement: '手机丢失在公交车上了，需要补发' }),
  )),
};

const REQUEST_ID: fc.Arbitrary<Mutation> = on('requestId', pick<unknown>(
  nonString, absent,
  fc.string({ maxLength: 7 }),
  fc.stringMatching(/^[A-Za-z0-9]{65,90}$/),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{8,20}$/), fc.constantFrom(' ', '中', '😀', '\u200B', '\u202E', '\u0000', '/', '.', ':', '\uD800', '\n')).map(([s, x]) => s + x),
));

export function fieldGens(form: FormAction): Record<string, FieldGen> {
  const specific = form === 'applyCertificate' ? CERTIFICATE : form === 'submitUnemploymentRegistration' ? UNEMPLOYMENT : FLEXIBLE;
  return { requestId: () => REQUEST_ID, ...PERSON, ...specific };
}

// ---- decoration: keys that pollute prototypes when copied carelessly -----------------------------

const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isAdmin'];
const POISON_VALUES: unknown[] = [{ polluted: 'yes', isAdmin: true, status: 'approved' }, { prototype: { polluted: 'yes' } }, 'polluted', 1, null];

/** Own properties (as JSON.parse makes them), never a real prototype change. */
function poison(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

export interface BadInput { input: unknown; mutations: Mutation[]; poisoned: string[] }

/**
 * One to three distinct fields mutated, then, in about a third of the inputs, poison keys at the top
 * and inside the nested objects (addresses, commitment, reissue). Returned as parsed JSON.
 */
export function badInputs(form: FormAction, c: Ctx, base: Record<string, unknown>): fc.Arbitrary<BadInput> {
  const gens = fieldGens(form);
  const names = Object.keys(gens);
  return fc
    .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 })
    .chain((fields) => fc.tuple(fc.tuple(...fields.map((f) => gens[f](c))), fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom(...POISON_KEYS), fc.constantFrom(...POISON_VALUES), fc.constantFrom('top', 'hukouAddress', 'residenceAddress', 'commitment', 'reissue')), { minLength: 1, maxLength: 3 }), { freq: 2 })))
    .map(([mutations, poisons]) => {
      const input: Record<string, unknown> = structuredClone(base);
      for (const m of mutations) {
        if (m.value === MISSING) delete input[m.field];
        else input[m.field] = structuredClone(m.value);
      }
      const poisoned: string[] = [];
      for (const [key, value, where] of poisons ?? []) {
        const target = where === 'top' ? input : input[where];
        if (target && typeof target === 'object' && !Array.isArray(target)) {
          poison(target as Record<string, unknown>, key, structuredClone(value));
          poisoned.push(`${where}.${key}`);
        }
      }
      return { input: JSON.parse(JSON.stringify(input)), mutations, poisoned };
    });
}

/** A fresh synthetic person (never the demo file's people) of the given birth year offset. */
export function fuzzPerson(): TestPerson {
  return makePerson({ region: '210204', birth: '19880612', gender: '2' });
}

/** A short printable description of an input for a failure message (no huge strings). */
export function describeInput(b: BadInput): string {
  return JSON.stringify({ mutations: b.mutations.map((m) => ({ field: m.field, value: typeof m.value === 'symbol' ? 'MISSING' : JSON.stringify(m.value).slice(0, 120) })), poisoned: b.poisoned });
}

// ---- staff actions (docs/api.md): every input fuzzed as the citizen forms are -------------------------

export const STAFF_FORMS = [
  'decideApplication', 'deregister', 'exportDeregistrations', 'monthlyStats', 'revealContact', 'completeContactTask', 'recordContactAttempt', 'getApplicationDetail', 'getDeregistrationEvidence',
  'confirmIdentityAtCounter', 'decideHardship', 'verifyCertificate',
] as const;
export type StaffFormAction = (typeof STAFF_FORMS)[number];

/** Control and direction characters that no text field may hold (shared/zod-kit.ts `controlCharProblem`). */
export const CONTROL_CHARS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B', '\u202E', '\u202D', '\u2066', '\u200B', '\uFEFF', '\u200F'];

// inside the text: at either end, a BOM is whitespace that trim() removes (nothing of it is stored)
const withControl = (good: string) => fc.tuple(fc.constantFrom(...CONTROL_CHARS), fc.integer({ min: 1, max: good.length - 1 })).map(([c, at]) => good.slice(0, at) + c + good.slice(at));

const staffNote = (max: number, c: Ctx) => pick<unknown>(nonString, tooLong(max, c.huge), withControl('已电话核实本人情况'));
const badCompactDate = pick<unknown>(nonString, absent, fc.constantFrom('2026-01-01', '20261301', '20260230', '00010101', '99991231', '19891231', '21000101', '2026011', '２０２６０１０１', '20260101\u200B'));
const badTaskId = pick<unknown>(nonString, absent, fc.constantFrom('contact/../x', 'a b', '中文', 'x'.repeat(81), 'contact:\u202Eabc'));

/** What the staff actions aim at: a pending application, a registered person, an open contact task, a
 * counter code a citizen asked for (with what they claimed), an open 就业困难人员认定 request, a QR. */
export interface StaffTargets {
  applicationId: string;
  idNumber: string;
  taskId: string;
  counter: { code: string; name: string; idType: string; idNumber: string };
  hardshipTaskId: string;
  qrToken: string;
}

/** A reason for 不予认定 that the note rules accept (a sentence, no request for documents). */
export const HARDSHIP_REFUSAL_NOTE = '经核实您目前已有稳定收入，不符合本市就业困难人员的认定条件';

/** A valid input of each staff action: the mutation alone makes it bad. */
export function staffBase(action: StaffFormAction, t: StaffTargets): Record<string, unknown> {
  switch (action) {
    case 'confirmIdentityAtCounter': return { code: t.counter.code, documentType: t.counter.idType, documentNumber: t.counter.idNumber, name: t.counter.name };
    case 'decideHardship': return { taskId: t.hardshipTaskId, recognized: false, note: HARDSHIP_REFUSAL_NOTE };
    case 'verifyCertificate': return { token: t.qrToken };
    case 'decideApplication': return { applicationId: t.applicationId, decision: 'reject', reasonCode: 'R03', note: '材料与系统比对不一致' };
    case 'deregister': return { idNumber: t.idNumber, reasonCode: '11', note: '本人已就业' };
    case 'exportDeregistrations': return { from: '20260101', to: '20261231' };
    case 'monthlyStats': return { month: '2026-03' };
    case 'revealContact': return { taskId: t.taskId };
    case 'completeContactTask': case 'recordContactAttempt': return { taskId: t.taskId, outcome: 'unreachable', note: '上午拨打两次无人接听' };
    case 'getApplicationDetail': return { applicationId: t.applicationId };
    case 'getDeregistrationEvidence': return { idNumber: t.idNumber };
  }
}

/** One character of a compact JWS changed (mid-part, so the decoded bytes change), or a part cut or swapped. */
function tamperedToken(token: string): fc.Arbitrary<string> {
  const [h, p, sig] = token.split('.');
  const flip = (part: string, at: number) => part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
  return fc.oneof(
    fc.integer({ min: 2, max: sig.length - 4 }).map((at) => `${h}.${p}.${flip(sig, at)}`),
    fc.integer({ min: 2, max: p.length - 4 }).map((at) => `${h}.${flip(p, at)}.${sig}`),
    fc.constantFrom(`${h}.${p}`, `${h}.${p}.`, `${p}.${h}.${sig}`, `${h}.${p}.${sig}.${sig}`, `${h}..${sig}`, token.split('').reverse().join('')),
    // the same claims, unsigned ("alg":"none") or under a header naming a key we never had
    fc.constantFrom(
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`,
      `${Buffer.from('{"alg":"EdDSA","kid":"forged-key"}').toString('base64url')}.${p}.${sig}`,
      `${Buffer.from('{"alg":"HS256","kid":"k1"}').toString('base64url')}.${p}.${sig}`,
    ),
  );
}

function staffGens(action: StaffFormAction, idNumber: string, t?: StaffTargets): Record<string, FieldGen> {
  switch (action) {
    case 'confirmIdentityAtCounter': {
      const claimed = t!.counter;
      // nothing here may equal what the citizen claimed once trimmed or normalised (that would confirm)
      return {
        code: (c) => pick(
          on('code', pick<unknown>(nonString, absent, tooLong(20, c.huge), fc.constantFrom('1234567', '123456789', 'abcdefgh', '１２３４５６７８', '1234-5678', '1234567\u200B8', '\u202E12345678'))),
          on('code', fc.stringMatching(/^\d{8}$/).filter((s) => s !== claimed.code)).map((m) => ({ ...m, refusal: 'not_found' as const })),
        ),
        documentType: () => pick(
          on('documentType', pick<unknown>(nonString, absent, notIn(codesOf(ID_TYPES), ['02', '1', '001', 'ID']))),
          // a real type that is not what was claimed: the number does not fit it, or it differs
          on('documentType', fc.constantFrom(...codesOf(ID_TYPES).filter((c) => c !== claimed.idType)), ['documentType', 'documentNumber']),
        ),
        documentNumber: (c) => on('documentNumber', pick<unknown>(
          nonString, absent, wrongCheckChar(claimed.idNumber), tooLong(40, c.huge),
          fc.constantFrom(claimed.idNumber.slice(0, 17), claimed.idNumber + '0', `${claimed.idNumber.slice(0, 10)}\u200B${claimed.idNumber.slice(10)}`, '12345', '中文号码'),
          // a valid number of someone else: the document does not say what was claimed
          fc.integer({ min: 0, max: 998 }).map((n) => withCheck(`${claimed.idNumber.slice(0, 14)}${String(n).padStart(3, '0')}`)).filter((id) => id !== claimed.idNumber),
        )),
        name: (c) => on('name', pick<unknown>(
          nonString, absent, tooLong(50, c.huge),
          fc.constantFrom('王', '钱立群', '赵春梅', `${claimed.name}${claimed.name}`, `${claimed.name.slice(0, 1)}某`).filter((n) => n.trim() !== claimed.name),
        )),
      };
    }
    case 'decideHardship': return {
      taskId: () => pick(
        on('taskId', badTaskId),
        on('taskId', fc.stringMatching(/^hardship:[a-f0-9]{8,32}$/).filter((s) => s !== t!.hardshipTaskId)).map((m) => ({ ...m, refusal: 'not_found' as const })),
      ),
      recognized: () => on('recognized', fc.constantFrom<unknown>('true', 'false', 0, 1, null, MISSING, '是', '认定', [], {}, '')),
      // 不予认定 needs its reason in a sentence, and never a request for documents (人社厅发〔2020〕79号 一(二))
      note: (c) => on('note', pick<unknown>(staffNote(200, c), fc.constantFrom(MISSING, '', '..........', '不符合', '请补交户口本和收入证明后再申请就业困难人员认定'))),
    };
    case 'verifyCertificate': return {
      token: (c) => pick(
        on('token', pick<unknown>(nonString, absent, tooLong(2048, c.huge))),
        on('token', pick<unknown>(tamperedToken(t!.qrToken), fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ''))).map((m) => ({ ...m, refusal: 'not_valid' as const })),
      ),
    };
    case 'decideApplication': return {
      applicationId: (c) => on('applicationId', pick<unknown>(nonString, absent, tooLong(64, c.huge), fc.constantFrom('../x', 'a b', '中文', 'x'.repeat(65), 'abc\u0000'))),
      decision: () => on('decision', pick<unknown>(nonString, absent, fc.constantFrom('yes', 'APPROVE', 'approve ', '通过', 'return\u202E'))),
      reasonCode: () => on('reasonCode', pick<unknown>(nonString, fc.constantFrom('R00', 'R99', 'r03', '03', '身份'))),
      note: (c) => on('note', staffNote(200, c)),
    };
    case 'deregister': return {
      idNumber: (c) => on('idNumber', pick<unknown>(nonString, absent, tooLong(40, c.huge), fc.constantFrom('12345', '中文号码', `${idNumber.slice(0, 10)}\u200B${idNumber.slice(10)}`))),
      reasonCode: () => on('reasonCode', pick<unknown>(nonString, absent, fc.constantFrom('00', '99', '1', '011', '就业'))),
      note: (c) => on('note', staffNote(100, c)),
    };
    case 'exportDeregistrations': return { from: () => on('from', badCompactDate), to: () => on('to', badCompactDate) };
    case 'monthlyStats': return { month: () => on('month', pick<unknown>(nonString, absent, fc.constantFrom('2026-13', '2026-00', '0001-01', '0000-00', '9999-12', '1989-12', '2100-01', '202603', '2026-3', '2026-03-01', '２０２６-03'))) };
    case 'revealContact': return { taskId: () => on('taskId', badTaskId) };
    case 'completeContactTask': case 'recordContactAttempt': return {
      taskId: () => on('taskId', badTaskId),
      outcome: () => on('outcome', pick<unknown>(nonString, absent, fc.constantFrom('done', 'REACHED', '已联系'))),
      note: (c) => on('note', staffNote(200, c)),
      channel: () => on('channel', pick<unknown>(nonString, fc.constantFrom('wechat', 'PHONE', '电话', 'phone\u200B'))),
    };
    case 'getApplicationDetail': return { applicationId: () => on('applicationId', pick<unknown>(nonString, fc.constantFrom('', null, MISSING))) };
    case 'getDeregistrationEvidence': return { idNumber: (c) => on('idNumber', pick<unknown>(nonString, absent, tooLong(40, c.huge), fc.constantFrom('12345', '中文号码', `${idNumber.slice(0, 10)}\u200B${idNumber.slice(10)}`))) };
  }
}

/** One to three fields of a valid staff input made bad (no poison keys: the citizen fuzz covers those). */
export function staffBadInputs(action: StaffFormAction, c: Ctx, base: Record<string, unknown>, t?: StaffTargets): fc.Arbitrary<BadInput> {
  const gens = staffGens(action, String(base.idNumber ?? c.person.idNumber), t);
  const names = Object.keys(gens);
  return fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) })
    .chain((fields) => fc.tuple(...fields.map((f) => gens[f](c))))
    .map((mutations) => {
      const input: Record<string, unknown> = structuredClone(base);
      for (const m of mutations) {
        if (m.value === MISSING) delete input[m.field];
        else input[m.field] = structuredClone(m.value);
      }
      return { input: JSON.parse(JSON.stringify(input)), mutations, poisoned: [] };
    });
}
