/**
 * The electronic 《就业创业证》 QR through the real gateway (docs/product.md flow 6; docs/api.md
 * `/.well-known/jwks.json`, `getMyCertificate`, `verifyCertificate`): an outside verifier checks
 * the token with jose and the published keys alone; staff see genuine/current at once with the
 * masked minimum; a forged, tampered, stale (screenshot) or 补发-superseded code does not pass
 * (大人社规发〔2025〕2号 一(四)); every verification is audited and the holder is told.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { fileKeys } from '../../cloudfunctions/adapters/keys.file';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { claimsFor } from '../../cloudfunctions/core/qr/token.port';
import type { CertificateRecord } from '../../cloudfunctions/core/records';
import { formatCertificateNo } from '@shared/certificate-number';
import { certificateIdentifier, parseCertificateIdentifier } from '@shared/certificate-identifier';
import { COMMITMENTS } from '@shared/commitment';
import { maskName } from '@shared/mask';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';
const T0 = Date.parse(NOW);

const VERIFIER = { openid: 'staff-qr-dalian', name: '林晓燕', region: '2102', role: 'verifier' };
const FAR_VERIFIER = { openid: 'staff-qr-hangzhou', name: '钱立群', region: '3301', role: 'verifier' };
const REVIEWER = { openid: 'staff-qr-reviewer', name: '韩志远', region: '2102', role: 'reviewer' };

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

const swapPayload = (token: string, claims: object) => {
  const [h, , s] = token.split('.');
  return `${h}.${base64url.encode(JSON.stringify(claims))}.${s}`;
};
const payloadOf = (token: string) => JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1])));

describe('electronic certificate QR through the gateway (docs/product.md flow 6)', () => {
  const holder = makePerson({ region: '210204' });
  const HOLDER = 'openid-qr-holder';
  const gov: GovFileContent = { persons: [govRecord(holder)], staff: [VERIFIER, FAR_VERIFIER, REVIEWER] };
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-qr-'));
  let gw: TestGateway;
  let token: string;
  let certificateNo: string;
  let reissuedToken: string;
  const verify = (t: string, staff = VERIFIER.openid) => gw.call('verifyCertificate', { token: t }, staff);

  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov, dataDir });
    const applied = await gw.call('applyCertificate', { requestId: requestId(), ...holder }, HOLDER);
    expect(applied.json.data.status).toBe('approved');
    const reg = await gw.call('submitUnemploymentRegistration', unemploymentForm(holder), HOLDER);
    expect(reg.json.data.status).toBe('approved');
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the holder of a valid certificate a QR token that expires in about two minutes', async () => {
    const { status, json } = await gw.call('getMyCertificate', {}, HOLDER);
    expect(status).toBe(200);
    expect(json.data.status).toBe('valid');
    certificateNo = json.data.certificateNo;
    token = json.data.qrToken;
    expect(token.split('.')).toHaveLength(3);
    const left = Date.parse(json.data.qrExpiresAt) - T0;
    expect(json.data.qrExpiresAt).toMatch(/\+08:00$/);
    expect(left).toBeGreaterThanOrEqual(115_000);
    expect(left).toBeLessThanOrEqual(130_000);
    // the token carries a number, a version and two times — no name, no ID number in clear
    expect(Object.keys(payloadOf(token)).sort()).toEqual(['c', 'exp', 'iat', 'v']);
    const decoded = Buffer.from(token.split('.')[1], 'base64url').toString('utf8');
    expect(decoded).not.toContain(holder.name);
    expect(decoded).not.toContain(holder.idNumber);
  });

  it('lets an outside verifier check the token with jose and the published JWKS alone', async () => {
    const res = await fetch(`${gw.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const jwks = await res.json();
    expect(jwks.keys.every((k: Record<string, unknown>) => !('d' in k))).toBe(true);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], currentDate: new Date(T0 + 10_000) });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: expect.any(String) });
    expect(payload).toMatchObject({ c: certificateNo, v: 1 });
  });

  it('tells staff at once that the certificate is genuine and current, with the masked minimum', async () => {
    const { status, json } = await verify(token);
    expect(status).toBe(200);
    expect(json.data).toEqual({
      valid: true, certificateNo, holderName: maskName(holder.name), status: 'valid', registrationStatus: 'active', registrationKind: 'unemployment',
      identifier: certificateIdentifier({ issuerCode: certificateNo.slice(0, 6), serial: certificateNo, version: 1 }),
      validAsOf: expect.stringMatching(/^2026-03-10T10:0\d:\d\d\.\d{3}\+08:00$/),
    });
    // the 电子证照标识 (GB/T 36904) checks, and names this number and version
    expect(parseCertificateIdentifier(json.data.identifier)).toMatchObject({ issuerCode: '210204', serial: certificateNo, version: 1 });
    expect(json.data.holderName).not.toBe(holder.name);
    const text = JSON.stringify(json);
    expect(text).not.toContain(holder.idNumber);
    expect(text).not.toContain(holder.phone);
  });

  it('lets a verifier of another region verify too (a 就业创业证 is used nationwide; not region-scoped)', async () => {
    const { status, json } = await verify(token, FAR_VERIFIER.openid);
    expect(status).toBe(200);
    expect(json.data.valid).toBe(true);
    const higher = await verify(token, REVIEWER.openid);
    expect(higher.json.data.valid).toBe(true);
  });

  it('refuses a tampered token: another version, another number, a changed signature', async () => {
    const claims = payloadOf(token);
    for (const forged of [
      swapPayload(token, { ...claims, v: 2 }),
      swapPayload(token, { ...claims, c: formatCertificateNo('210204', 2026, 999) }),
      swapPayload(token, { ...claims, exp: claims.exp + 86_400 }),
      token.slice(0, -20) + (token.at(-20) === 'A' ? 'B' : 'A') + token.slice(-19),
    ]) {
      const { status, json } = await verify(forged);
      expect(status).toBe(200);
      expect(json.data).toMatchObject({ valid: false, reason: 'bad_signature', reasonText: expect.stringMatching(/伪造|篡改/) });
      expect(json.data.holderName).toBeUndefined();
      expect(json.data.certificateNo).toBeUndefined();
    }
  });

  it('refuses a code signed with a key the service never published, and one that is not a token', async () => {
    const ours = decodeProtectedHeader(token).kid;
    let foreign = await fileKeys({ dir: join(dataDir, 'foreign-keys-1') }).current(T0);
    for (let i = 2; foreign.kid === ours; i++) foreign = await fileKeys({ dir: join(dataDir, `foreign-keys-${i}`) }).current(T0);
    const forged = await foreign.sign(claimsFor(certificateNo, 1, T0));
    expect((await verify(forged)).json.data).toMatchObject({ valid: false, reason: 'unknown_key' });
    expect((await verify('https://example.com/not-a-token')).json.data).toMatchObject({ valid: false, reason: 'malformed', reasonText: '不是有效的电子证二维码' });
    const empty = await verify('');
    expect(empty.status).toBe(400);
    expect(empty.json.error?.fields?.token).toMatch(/二维码/);
  });

  it('refuses verification to a citizen with 403, and to no identity with 401', async () => {
    const citizen = await gw.call('verifyCertificate', { token }, HOLDER);
    expect(citizen.status).toBe(403);
    expect(citizen.json.error?.code).toBe('FORBIDDEN');
    const nobody = await gw.call('verifyCertificate', { token }, null);
    expect(nobody.status).toBe(401);
  });

  it('sends the holder a scan receipt naming the staff member', async () => {
    const { json } = await gw.call('listMyMessages', {}, HOLDER);
    const receipts = json.data.messages.filter((m: { body: string }) => /被 林晓燕 核验/.test(m.body));
    expect(receipts.length).toBeGreaterThanOrEqual(1);
    expect(receipts[0].body).toMatch(/^您的电子《就业创业证》于 3月10日 10:0\d 被 林晓燕 核验/);
    expect(json.data.messages.some((m: { body: string }) => /被 钱立群 核验/.test(m.body))).toBe(true);
  });

  it('补发 (大人社规发〔2025〕2号 一(四)): needs a written statement, raises the version, and voids every old code at once', async () => {
    const short = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '丢了' }, HOLDER);
    expect(short.status).toBe(400);
    expect(short.json.error?.fields?.statement).toMatch(/10/);

    const rid = requestId();
    const body = { requestId: rid, kind: 'lost', statement: '2026年3月9日在地铁2号线丢失手机，电子证可能被他人看到，申请补发。' };
    const { status, json } = await gw.call('reissueCertificate', body, HOLDER);
    expect(status).toBe(200);
    expect(json.data).toMatchObject({ certificateNo, version: 2, status: 'valid' });
    reissuedToken = json.data.qrToken;
    expect(payloadOf(reissuedToken)).toMatchObject({ c: certificateNo, v: 2 });

    const old = await verify(token);
    expect(old.json.data).toMatchObject({ valid: false, reason: 'superseded', reasonText: '该二维码已因补发作废', certificateNo });
    expect(old.json.data.holderName).toBeUndefined();
    expect((await verify(reissuedToken)).json.data).toMatchObject({ valid: true, certificateNo });

    // the same requestId again: the same answer, no third version
    const again = await gw.call('reissueCertificate', body, HOLDER);
    expect(again.json.data.version).toBe(2);
    const mine = await gw.call('getMyCertificate', {}, HOLDER);
    expect(mine.json.data.version).toBe(2);
    const messages = (await gw.call('listMyMessages', {}, HOLDER)).json.data.messages;
    expect(messages.filter((m: { title: string }) => m.title === '电子《就业创业证》已补发')).toHaveLength(1);
  });

  it('refuses 补发 to someone who holds no certificate', async () => {
    const { status } = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'damaged', statement: '手机屏幕损坏，无法出示二维码，申请补发。' }, 'openid-qr-nobody');
    expect(status).toBe(404);
  });

  it('records who verified what and when', async () => {
    const store = openSqliteStore({ dataDir });
    try {
      const rows = await store.find<Record<string, unknown>>('audit', { action: 'verifyCertificate' }, { orderBy: { field: 'at', direction: 'asc' } });
      expect(rows.length).toBeGreaterThanOrEqual(8);
      expect(rows[0]).toMatchObject({ staffOpenid: VERIFIER.openid, staffName: VERIFIER.name, certificateNo, result: 'valid', at: expect.any(Number) });
      expect(rows.some((r) => r.staffOpenid === FAR_VERIFIER.openid && r.result === 'valid')).toBe(true);
      expect(rows.some((r) => r.result === 'bad_signature' && r.certificateNo === null)).toBe(true);
      expect(rows.some((r) => r.result === 'superseded' && r.certificateNo === certificateNo)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(holder.idNumber);
    } finally {
      await store.close?.();
    }
  });

  it('answers 证件已注销 for a revoked certificate, and shows its holder no QR', async () => {
    const store = openSqliteStore({ dataDir });
    try {
      const [cert] = await store.find<CertificateRecord>('certificates', { certificateNo });
      await store.transaction((tx) => tx.put('certificates', cert.personKey, { ...cert, _id: undefined, status: 'revoked' }));
    } finally {
      await store.close?.();
    }
    expect((await verify(reissuedToken)).json.data).toMatchObject({ valid: false, reason: 'revoked', reasonText: '证件已注销' });
    const mine = await gw.call('getMyCertificate', {}, HOLDER);
    expect(mine.json.data.status).toBe('revoked');
    expect(mine.json.data.qrToken).toBeUndefined();
  });

  it('answers expired for a code shown after its two minutes (a screenshot), with the keys kept across a restart', async () => {
    const kid = decodeProtectedHeader(reissuedToken).kid;
    await gw.close();
    gw = await startTestGateway({ now: new Date(T0 + 10 * 60_000).toISOString(), gov, dataDir });
    const jwks = await (await fetch(`${gw.url}/.well-known/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(kid);
    const { json } = await verify(reissuedToken);
    expect(json.data).toMatchObject({ valid: false, reason: 'expired', reasonText: expect.stringMatching(/过期/) });
  });
});

describe('verification is rate-limited per staff account', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ now: NOW, gov: { staff: [VERIFIER, FAR_VERIFIER] } }); });
  afterAll(async () => { await gw.close(); });

  it('answers the 61st verification in a minute with 429 and a Chinese message, other staff unaffected', async () => {
    for (let i = 0; i < 60; i++) {
      const { status } = await gw.call('verifyCertificate', { token: `scan-${i}` }, VERIFIER.openid);
      expect(status).toBe(200);
    }
    const limited = await gw.call('verifyCertificate', { token: 'scan-61' }, VERIFIER.openid);
    expect(limited.status).toBe(429);
    expect(limited.json.error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/每分钟最多核验 60 次/) });
    const other = await gw.call('verifyCertificate', { token: 'scan-x' }, FAR_VERIFIER.openid);
    expect(other.status).toBe(200);
  });
});

describe('国密 deployment: QR_ALG=SM2', () => {
  const holder = makePerson({ region: '210211' });
  let gw: TestGateway;
  const saved = process.env.QR_ALG;
  beforeAll(async () => {
    process.env.QR_ALG = 'SM2';
    gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(holder)], staff: [VERIFIER] } });
  });
  afterAll(async () => {
    await gw.close();
    if (saved === undefined) delete process.env.QR_ALG;
    else process.env.QR_ALG = saved;
  });

  it('signs with SM2, publishes an SM2 key, and verifies the code', async () => {
    await gw.call('applyCertificate', { requestId: requestId(), ...holder }, 'openid-sm2');
    const token = (await gw.call('getMyCertificate', {}, 'openid-sm2')).json.data.qrToken as string;
    expect(decodeProtectedHeader(token).alg).toBe('SM2');
    const jwks = await (await fetch(`${gw.url}/.well-known/jwks.json`)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM2', use: 'sig' });
    expect((await gw.call('verifyCertificate', { token }, VERIFIER.openid)).json.data).toMatchObject({ valid: true, holderName: maskName(holder.name) });
    const claims = payloadOf(token);
    expect((await gw.call('verifyCertificate', { token: swapPayload(token, { ...claims, v: 9 }) }, VERIFIER.openid)).json.data.reason).toBe('bad_signature');
  });
});
