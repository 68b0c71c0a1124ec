/**
 * The local gateway contract (docs/api.md) and the 《就业创业证》 flow through it
 * (大人社规发〔2025〕2号 一: 一站受理、即时出证; one certificate per person).
 */
import { isCertificateNo } from '@shared/certificate-number';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';

describe('local gateway: the envelope and status codes of docs/api.md', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ now: NOW }); });
  afterAll(async () => { await gw.close(); });

  it('answers /healthz with 200 once it accepts calls', async () => {
    const res = await fetch(`${gw.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers an unknown action with 404 NOT_FOUND and a Chinese message', async () => {
    const { status, json } = await gw.call('noSuchAction', {});
    expect(status).toBe(404);
    expect(json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const { status, json } = await gw.call('applyCertificate', '{"name": ');
    expect(status).toBe(400);
    expect(json.error?.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over 64 KB with 413', async () => {
    const { status, json } = await gw.call('applyCertificate', { requestId: requestId(), remarks: 'x'.repeat(70 * 1024) });
    expect(status).toBe(413);
    expect(json.ok).toBe(false);
  });

  it('answers a call without identity with 401 UNAUTHENTICATED', async () => {
    const { status, json } = await gw.call('listMyApplications', {}, null);
    expect(status).toBe(401);
    expect(json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a staff action to a citizen with 403', async () => {
    const { status, json } = await gw.call('listReviewQueue', {}, 'citizen-x');
    expect(status).toBe(403);
    expect(json.error?.code).toBe('FORBIDDEN');
  });
});

describe('applyCertificate through the gateway (大人社规发〔2025〕2号 一)', () => {
  let gw: TestGateway;
  const clean = makePerson({ region: '210204' });
  const stranger = makePerson({ region: '210211' });
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(clean)] } });
  });
  afterAll(async () => { await gw.close(); });

  it('issues the certificate at once to a person the identity base knows (大人社规发〔2025〕2号 一(二) 即时出证)', async () => {
    const { status, json } = await gw.call('applyCertificate', { requestId: requestId(), ...clean }, 'openid-clean');
    expect(status).toBe(200);
    expect(json.data.status).toBe('approved');
    const no = json.data.certificate.certificateNo as string;
    expect(isCertificateNo(no)).toBe(true);
    expect(no.startsWith('2102042026')).toBe(true);
    expect(json.data.certificate.holderName).not.toBe(clean.name);
    expect(json.data.certificate.holderName).toContain('*');

    const mine = await gw.call('getMyCertificate', {}, 'openid-clean');
    expect(mine.json.data.certificateNo).toBe(no);
    expect(mine.json.data.status).toBe('valid');
  });

  it('returns the first answer for the same requestId and stores nothing new', async () => {
    const rid = requestId();
    const p = makePerson({ region: '210203' });
    gw.writeGov({ persons: [govRecord(clean), govRecord(p)] });
    const first = await gw.call('applyCertificate', { requestId: rid, ...p }, 'openid-twice');
    const second = await gw.call('applyCertificate', { requestId: rid, ...p }, 'openid-twice');
    expect(second.json).toEqual(first.json);
    const list = await gw.call('listMyApplications', {}, 'openid-twice');
    expect(list.json.data.applications).toHaveLength(1);
  });

  it('shows the existing certificate when the same person applies again (one certificate per person)', async () => {
    const again = await gw.call('applyCertificate', { requestId: requestId(), ...clean }, 'openid-clean');
    const mine = await gw.call('getMyCertificate', {}, 'openid-clean');
    expect(again.json.data.certificate.certificateNo).toBe(mine.json.data.certificateNo);
    const list = await gw.call('listMyApplications', {}, 'openid-clean');
    expect(list.json.data.applications).toHaveLength(1);
  });

  it('sends a person the identity base does not know to staff review with the reason and a due date', async () => {
    const { status, json } = await gw.call('applyCertificate', { requestId: requestId(), ...stranger }, 'openid-stranger');
    expect(status).toBe(200);
    expect(json.data.status).toBe('pending_review');
    expect(json.data.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const identity = json.data.checks.find((c: { name: string }) => c.name === 'identity');
    expect(identity.passed).toBe(false);
    expect(identity.detail).toMatch(/社会保障卡/);
    expect(json.data.certificate).toBeUndefined();
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const bad = { ...makePerson(), requestId: requestId(), phone: '12345', idNumber: '210204198806120000' };
    const { status, json } = await gw.call('applyCertificate', bad, 'openid-bad');
    expect(status).toBe(400);
    expect(json.error?.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(json.error?.fields ?? {})).toEqual(expect.arrayContaining(['phone', 'idNumber']));
    const list = await gw.call('listMyApplications', {}, 'openid-bad');
    expect(list.json.data.applications).toHaveLength(0);
  });

  it('refuses a person under 16 on the application date at validation (鞍人社〔2020〕21号 一)', async () => {
    const young = makePerson({ birth: '20100311' }); // turns 16 on 2026-03-11, the day after NOW
    const { status, json } = await gw.call('applyCertificate', { requestId: requestId(), ...young }, 'openid-young');
    expect(status).toBe(400);
    expect(json.error?.fields?.idNumber).toMatch(/16/);
  });

  it('does not show one citizen the certificate or the application of another', async () => {
    const other = await gw.call('getMyCertificate', {}, 'openid-someone-else');
    expect(other.status).toBe(404);
    const mine = await gw.call('listMyApplications', {}, 'openid-clean');
    const id = mine.json.data.applications[0].applicationId;
    const peek = await gw.call('getProgress', { applicationId: id }, 'openid-someone-else');
    expect(peek.status).toBe(404);
    const own = await gw.call('getProgress', { applicationId: id }, 'openid-clean');
    expect(own.status).toBe(200);
    expect(own.json.data.timeline.map((t: { status: string }) => t.status)).toEqual(['submitted', 'checked', 'approved']);
  });

  it('goes to review, not to an error, when the identity source is down', async () => {
    const p = makePerson({ region: '210202' });
    gw.writeGov({ persons: [govRecord(clean), govRecord(p)], down: ['identity'] });
    const { status, json } = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'openid-down');
    expect(status).toBe(200);
    expect(json.data.status).toBe('pending_review');
    expect(json.data.checks.find((c: { name: string }) => c.name === 'identity').detail).toMatch(/数据暂不可比对/);
  });

  it('never writes a full ID number or phone number to the log', () => {
    const all = gw.logs.join('\n');
    expect(all).not.toContain(clean.idNumber);
    expect(all).not.toContain(clean.phone);
  });
});

describe('getMyProfile: pre-filling the next form from one\'s own earlier submission', () => {
  it('returns the caller\'s own latest person fields, and nothing to anyone else', async () => {
    const p = makePerson();
    const gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(p)] } });
    try {
      expect((await gw.call('getMyProfile', {}, 'pf-1')).json.data.person).toBeNull();
      await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'pf-1');
      const mine = await gw.call('getMyProfile', {}, 'pf-1');
      expect(mine.json.data.person).toMatchObject({ name: p.name, idNumber: p.idNumber, phone: p.phone });
      expect((await gw.call('getMyProfile', {}, 'pf-2')).json.data.person).toBeNull();
    } finally { await gw.close(); }
  });
});
