/**
 * The certificate outside the app, through the real gateway (docs/api.md `createShareCode`,
 * `listShareCodes`, `revokeShareCode`, `viewSharedCertificate`, `GET /.well-known/revocations`,
 * `getRevocationList`): the holder shares the electronic 《就业创业证》 with an employer by a code, for
 * one purpose and a few hours (大人社规发〔2025〕2号 一(一): 享受就业政策、接受就业公共服务的有效凭证); the
 * employer needs no account and sees that purpose's fields only; every view reaches the holder; a
 * wrong, expired or revoked code answers the same; guessing meets 429. A verifier with no signal
 * checks a 补发-voided code (一(四)) with the signed revocation list and the public keys alone.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, compactVerify, createLocalJWKSet, jwtVerify } from 'jose';
import { parseCertificateIdentifier } from '@shared/certificate-identifier';
import { COMMITMENTS } from '@shared/commitment';
import { maskName } from '@shared/mask';
import { SHARE_CODE_INVALID, SHARE_VIEWS_PER_CALLER_PER_MINUTE, SHARE_VIEWS_PER_CODE_PER_HOUR } from '@shared/share';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';
const T0 = Date.parse(NOW);
const CODE = /^[2-9A-HJ-NP-Z]{8}$/;
const VERIFIER = { openid: 'staff-share-verifier', name: '周敏', region: '2102', role: 'verifier' };

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

/**
 * `viewSharedCertificate` as an employer's browser sends it: no X-Dev-Openid, from its own address
 * (a loopback address of its own, so per-caller limits can be seen apart).
 */
function viewFrom(gw: TestGateway, code: unknown, from = '127.0.0.2'): Promise<{ status: number; text: string; json: any }> {
  const { port } = new URL(gw.url);
  const body = JSON.stringify({ code });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), path: '/api/viewSharedCertificate', method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text, json: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A well-formed code nobody was given (differs from every code in `taken`). */
function strangerCode(taken: string[], seed = 0): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  // the seed's own base-32 digits: one seed, one code
  for (let n = 123_456_789 + seed * 1_000; ; n++) {
    const c = Array.from({ length: 8 }, (_, k) => alphabet[Math.floor(n / 32 ** (7 - k)) % 32]).join('');
    if (!taken.includes(c)) return c;
  }
}

describe('share codes: the holder shares the certificate by consent; an employer checks it with no account', () => {
  const holder = makePerson({ region: '210204' });
  const HOLDER = 'openid-share-holder';
  const gov: GovFileContent = { persons: [govRecord(holder)], staff: [VERIFIER] };
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-share-'));
  let gw: TestGateway;
  let certificateNo: string;
  let oldQrToken: string;
  const codes: Record<string, string> = {};
  const create = (body: Record<string, unknown>, openid = HOLDER) => gw.call('createShareCode', { requestId: requestId(), ...body }, openid);

  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov, dataDir });
    const applied = await gw.call('applyCertificate', { requestId: requestId(), ...holder }, HOLDER);
    expect(applied.json.data.status).toBe('approved');
    const reg = await gw.call('submitUnemploymentRegistration', unemploymentForm(holder), HOLDER);
    expect(reg.json.data.status).toBe('approved');
    const mine = await gw.call('getMyCertificate', {}, HOLDER);
    certificateNo = mine.json.data.certificateNo;
    oldQrToken = mine.json.data.qrToken;
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the holder a code for the purpose and hours chosen; the same requestId gives the same code, not a second share', async () => {
    const body = { requestId: requestId(), purpose: 'job', hours: 2 };
    const { status, json } = await gw.call('createShareCode', body, HOLDER);
    expect(status).toBe(200);
    expect(json.data).toMatchObject({
      purpose: 'job', purposeLabel: '求职应聘', showFullName: false, certificateNo, status: 'active', views: 0,
      createdAt: expect.stringMatching(/^2026-03-10T10:0\d/), shows: expect.stringContaining('登记状态'),
    });
    expect(json.data.code).toMatch(CODE);
    expect(json.data.codeDisplay).toBe(`${json.data.code.slice(0, 4)}-${json.data.code.slice(4)}`);
    const hours = (Date.parse(json.data.expiresAt) - Date.parse(json.data.createdAt)) / 3_600_000;
    expect(hours).toBe(2);
    codes.job = json.data.code;

    const again = await gw.call('createShareCode', body, HOLDER);
    expect(again.json.data).toEqual(json.data);
    const list = await gw.call('listShareCodes', {}, HOLDER);
    expect(list.json.data.shares).toHaveLength(1);
    expect(list.json.data.shares[0]).toMatchObject({ shareId: json.data.shareId, code: codes.job, status: 'active' });
    // 24 hours unless the holder chooses
    const policy = await create({ purpose: 'policy', showFullName: true });
    expect((Date.parse(policy.json.data.expiresAt) - Date.parse(policy.json.data.createdAt)) / 3_600_000).toBe(24);
    codes.policy = policy.json.data.code;
    codes.service = (await create({ purpose: 'service', hours: 72 })).json.data.code;
    codes.toRevoke = (await create({ purpose: 'job', hours: 1 })).json.data.code;
    expect(new Set(Object.values(codes)).size).toBe(4);
  });

  it('refuses bad choices with a Chinese message per field and stores nothing; no certificate, no code; no account, 401', async () => {
    const before = (await gw.call('listShareCodes', {}, HOLDER)).json.data.shares.length;
    for (const [body, field] of [
      [{ purpose: 'marriage' }, 'purpose'], [{ purpose: 'job', hours: 0 }, 'hours'], [{ purpose: 'job', hours: 73 }, 'hours'],
      [{ purpose: 'job', hours: 1.5 }, 'hours'], [{ purpose: 'job', showFullName: 'yes' }, 'showFullName'], [{ purpose: 'job', requestId: 'x' }, 'requestId'],
    ] as const) {
      const { status, json } = await gw.call('createShareCode', { requestId: requestId(), ...body }, HOLDER);
      expect({ field, status }).toEqual({ field, status: 400 });
      expect(json.error?.fields?.[field]).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await gw.call('listShareCodes', {}, HOLDER)).json.data.shares).toHaveLength(before);
    const stranger = await create({ purpose: 'job' }, 'openid-share-nobody');
    expect(stranger.status).toBe(404);
    expect(stranger.json.error?.message).toMatch(/还没有电子《就业创业证》/);
    expect((await gw.call('createShareCode', { requestId: requestId(), purpose: 'job' }, null)).status).toBe(401);
    expect((await gw.call('listShareCodes', {}, 'openid-share-nobody')).json.data.shares).toEqual([]);
  });

  it('verifies without a staff account or a WeChat binding, and shows only what the purpose needs', async () => {
    const job = await viewFrom(gw, codes.job.toLowerCase().replace(/^(.{4})/, '$1-'));
    expect(job.status).toBe(200);
    expect(job.json.data).toEqual({
      valid: true, purpose: 'job', purposeLabel: '求职应聘', holderName: maskName(holder.name),
      registration: { status: 'active', kind: 'unemployment', since: '2026-03-10', text: '失业登记有效（2026-03-10 起）' },
      validAsOf: expect.stringMatching(/^2026-03-10T10:0\d:\d\d\.\d{3}\+08:00$/), expiresAt: expect.stringMatching(/^2026-03-10T12:0\d/),
    });
    for (const secret of [holder.idNumber, holder.phone, holder.name, certificateNo]) expect(job.text).not.toContain(secret);

    // 政策申领, the holder chose the full name: the number and the 电子证照标识 too
    const policy = await viewFrom(gw, codes.policy);
    expect(policy.json.data).toMatchObject({ valid: true, purpose: 'policy', holderName: holder.name, certificateNo });
    expect(parseCertificateIdentifier(policy.json.data.identifier)).toMatchObject({ serial: certificateNo, version: 1 });
    expect(policy.json.data.issuingRegionName).toBeUndefined();
    expect(policy.text).not.toContain(holder.idNumber);

    const service = await viewFrom(gw, codes.service);
    expect(service.json.data).toMatchObject({ purpose: 'service', holderName: maskName(holder.name), certificateNo, issuingRegion: '210204', issuingRegionName: expect.stringContaining('大连') });
  });

  it('tells the holder of every view, and counts them on the share', async () => {
    const messages = (await gw.call('listMyMessages', {}, HOLDER)).json.data.messages.filter((m: { title: string }) => m.title === '电子证分享码被查看');
    expect(messages).toHaveLength(3);
    const jobMessage = messages.find((m: { body: string }) => m.body.includes('求职应聘'));
    expect(jobMessage.body).toMatch(new RegExp(`^您为“求职应聘”分享的电子《就业创业证》（分享码尾号 ${codes.job.slice(-2)}）于 3月10日 10:0\\d 被查看，这是第 1 次查看`));
    expect(jobMessage.body).not.toContain(codes.job);
    const shares = (await gw.call('listShareCodes', {}, HOLDER)).json.data.shares;
    expect(shares.find((s: { code?: string }) => s.code === codes.job)).toMatchObject({ views: 1, lastViewedAt: expect.stringMatching(/^2026-03-10T10/) });
    // and in 谁查看了我的信息, beside staff reads
    const reads = (await gw.call('listWhoReadMyData', {}, HOLDER)).json.data.reads.filter((r: { office: string }) => r.office === '电子证分享码');
    expect(reads.map((r: { purpose: string }) => r.purpose).sort()).toEqual(['查看您分享的电子证（异地办理就业服务）', '查看您分享的电子证（政策申领）', '查看您分享的电子证（求职应聘）']);
  });

  it('is revocable at any time, by the holder only; a revoked, a wrong and a never-issued code answer byte for byte alike', async () => {
    const other = await gw.call('revokeShareCode', { requestId: requestId(), code: codes.toRevoke }, 'openid-share-nobody');
    expect(other.status).toBe(404);
    expect((await viewFrom(gw, codes.toRevoke, '127.0.0.3')).status).toBe(200);

    const body = { requestId: requestId(), code: codes.toRevoke };
    const revoked = await gw.call('revokeShareCode', body, HOLDER);
    expect(revoked.status).toBe(200);
    expect(revoked.json.data).toMatchObject({ status: 'revoked', revokedAt: expect.stringMatching(/^2026-03-10T10/) });
    expect(revoked.json.data.code).toBeUndefined();
    expect((await gw.call('revokeShareCode', body, HOLDER)).json.data.status).toBe('revoked');

    const wrong = codes.toRevoke.slice(0, 7) + (codes.toRevoke[7] === 'A' ? 'B' : 'A');
    const answers = await Promise.all([codes.toRevoke, wrong, strangerCode(Object.values(codes))].map((c, i) => viewFrom(gw, c, `127.0.0.${4 + i}`)));
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: SHARE_CODE_INVALID } });
      expect(a.text).toBe(answers[0].text);
    }
    // not a code at all: 400, says what a code looks like
    const malformed = await viewFrom(gw, '0O1I', '127.0.0.7');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields.code).toMatch(/8 位/);
  });

  it('logs no name, ID number, phone or code', () => {
    const text = gw.logs.join('\n');
    for (const secret of [holder.name, holder.idNumber, holder.phone, ...Object.values(codes)]) expect(text).not.toContain(secret);
    expect(text).toMatch(/share\.viewed/);
  });

  it('expires after the hours chosen (the clock moved on): the same answer as a wrong code', async () => {
    await gw.close(true);
    gw = await startTestGateway({ now: new Date(T0 + 3 * 3_600_000).toISOString(), gov, dataDir });
    const expired = await viewFrom(gw, codes.job);
    const wrong = await viewFrom(gw, strangerCode(Object.values(codes), 5), '127.0.0.8');
    expect(expired.status).toBe(404);
    expect(expired.text).toBe(wrong.text);
    expect((await viewFrom(gw, codes.policy)).json.data.valid).toBe(true);
    const shares = (await gw.call('listShareCodes', {}, HOLDER)).json.data.shares;
    const job = shares.find((s: { purpose: string; views: number }) => s.purpose === 'job' && s.views === 1 && !s.hasOwnProperty('revokedAt'));
    expect(job).toMatchObject({ status: 'expired' });
    expect(job.code).toBeUndefined();
  });

  it('补发 (大人社规发〔2025〕2号 一(四)) voids the codes of the old version; the signed revocation list names the voided version and verifies with jose and the JWKS alone', async () => {
    // 补发 needs a fresh 实人核验 of the holder (hours have passed since the first)
    const started = await gw.call('startRealPersonCheck', { name: holder.name, idNumber: holder.idNumber }, HOLDER);
    await gw.call('confirmRealPersonCheck', { checkToken: started.json.data.checkToken }, HOLDER);
    const reissued = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '手机在公交车上丢失，电子证可能被他人看到，申请补发。' }, HOLDER);
    expect(reissued.json.data).toMatchObject({ certificateNo, version: 2 });
    expect((await viewFrom(gw, codes.policy)).json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: SHARE_CODE_INVALID } });

    // an outside verifier: the keys and the list over HTTP, then jose alone
    const jwks = await (await fetch(`${gw.url}/.well-known/jwks.json`)).json();
    const res = await fetch(`${gw.url}/.well-known/revocations`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jwt');
    const list = await res.text();
    const keySet = createLocalJWKSet(jwks);
    const { protectedHeader } = await compactVerify(list, keySet);
    expect(protectedHeader.alg).toBe('EdDSA');
    const now = new Date(T0 + 3 * 3_600_000 + 60_000);
    const { payload } = await jwtVerify(list, keySet, { algorithms: ['EdDSA'], currentDate: now });
    expect(payload).toMatchObject({ sub: 'revocations', n: expect.any(Number) });
    expect((payload.exp as number) - (payload.iat as number)).toBe(24 * 3600);
    expect(payload.iat as number).toBeGreaterThanOrEqual(Math.floor((T0 + 3 * 3_600_000) / 1000));
    // the superseded version 1 is in; the current version 2 is not (versions 1…n of a number are void)
    const sup = new Map(payload.sup as Array<[string, number]>);
    expect(sup.get(certificateNo)).toBe(1);
    expect(sup.get(certificateNo)! >= 2).toBe(false);
    expect((payload.rev as Array<[string, number]>).some(([c]) => c === certificateNo)).toBe(false);
    // a day later the list proves nothing: jose refuses it
    await expect(jwtVerify(list, keySet, { currentDate: new Date(now.getTime() + 25 * 3_600_000) })).rejects.toThrow(/exp/);
    // tampered: refused
    const [h, , s] = list.split('.');
    const forged = `${h}.${base64url.encode(JSON.stringify({ ...payload, sup: [] }))}.${s}`;
    await expect(compactVerify(forged, keySet)).rejects.toThrow(/signature/);

    // the old QR token (version 1), checked offline: genuine signature, voided by the list
    const { payload: token } = await compactVerify(oldQrToken, keySet);
    const claims = JSON.parse(new TextDecoder().decode(token));
    expect(claims).toMatchObject({ c: certificateNo, v: 1 });
    expect(sup.get(claims.c)! >= claims.v).toBe(true);
  });

  it('gives staff the same list and the keys through getRevocationList; not to a citizen', async () => {
    const { status, json } = await gw.call('getRevocationList', {}, VERIFIER.openid);
    expect(status).toBe(200);
    expect(json.data).toMatchObject({ count: 1, issuedAt: expect.stringMatching(/\+08:00$/), expiresAt: expect.stringMatching(/\+08:00$/) });
    const { payload } = await jwtVerify(json.data.list, createLocalJWKSet(json.data.jwks), { currentDate: new Date(Date.parse(json.data.issuedAt) + 1000) });
    expect(payload.sup).toEqual([[certificateNo, 1]]);
    expect((await gw.call('getRevocationList', {}, HOLDER)).status).toBe(403);
    expect((await gw.call('getRevocationList', {}, null)).status).toBe(401);
  });
});

describe('share code views are rate-limited per caller and per code (429)', () => {
  const holder = makePerson({ region: '210211' });
  const HOLDER = 'openid-share-limits';
  let gw: TestGateway;
  let code: string;
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(holder)] } });
    await gw.call('applyCertificate', { requestId: requestId(), ...holder }, HOLDER);
    code = (await gw.call('createShareCode', { requestId: requestId(), purpose: 'job' }, HOLDER)).json.data.code;
  });
  afterAll(async () => { await gw.close(); });

  it(`answers a caller's ${SHARE_VIEWS_PER_CALLER_PER_MINUTE + 1}th code in a minute with 429, other callers unaffected`, async () => {
    for (let i = 0; i < SHARE_VIEWS_PER_CALLER_PER_MINUTE; i++) expect((await viewFrom(gw, strangerCode([code], i * 3), '127.0.0.20')).status).toBe(404);
    const limited = await viewFrom(gw, code, '127.0.0.20');
    expect(limited.status).toBe(429);
    expect(limited.json.error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/每分钟最多查询 10 次/) });
    expect((await viewFrom(gw, code, '127.0.0.21')).status).toBe(200);
  });

  it(`answers a code's ${SHARE_VIEWS_PER_CODE_PER_HOUR + 1}th view in an hour with 429 from any caller, and a never-issued code the same way`, async () => {
    const stranger = strangerCode([code], 99);
    // views spread over callers, so only the per-code limit is reached (the code was viewed once above)
    for (let i = 1; i < SHARE_VIEWS_PER_CODE_PER_HOUR; i++) expect((await viewFrom(gw, code, `127.0.1.${i}`)).status).toBe(200);
    for (let i = 0; i < SHARE_VIEWS_PER_CODE_PER_HOUR; i++) expect((await viewFrom(gw, stranger, `127.0.2.${i + 1}`)).status).toBe(404);
    const a = await viewFrom(gw, code, '127.0.3.1');
    const b = await viewFrom(gw, stranger, '127.0.3.2');
    expect(a.status).toBe(429);
    expect(a.text).toBe(b.text);
    expect(a.json.error.message).toMatch(/分享码查询次数过多/);
    const views = (await gw.call('listMyMessages', {}, HOLDER)).json.data.messages.filter((m: { title: string }) => m.title === '电子证分享码被查看');
    expect(views).toHaveLength(SHARE_VIEWS_PER_CODE_PER_HOUR);
  });
});
