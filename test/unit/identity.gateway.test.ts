/**
 * Who is who, through the real gateway (docs/identity.md "Who is who"). The attack that was found:
 * knowing only a person's ID number, with any name, a new openid got that person's applications
 * (with the employer found), a valid certificate QR, and could 补发 it — voiding the holder's QR.
 * Each variant must fail: any name; the right name and the wrong face; a failed face check; a
 * stale, foreign, replayed or expired check token; no check at all. A second device of the same
 * person is allowed, and the other devices are told.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makeName, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-04-14T10:00:00+08:00';
const VERIFIER = { openid: 'staff-id-verifier', name: '林晓燕', region: '2102', role: 'verifier' };
const EMPLOYER = '大连某某精密机械有限公司';

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

describe('who is who: a name and an ID number never let anyone read or act for a person', () => {
  // the victim: bound on their own phone, a certificate with a live QR, a 失业登记 in review (an employer found)
  const victim = makePerson({ region: '210204' });
  const VICTIM = 'openid-victim-phone';
  const failing = makePerson({ region: '210204' });
  const gov: GovFileContent = {
    persons: [govRecord(victim, { unitInsurance: { unit: EMPLOYER, since: '2021-04-01' } }), govRecord(failing, { realPerson: 'fail' })],
    staff: [VERIFIER],
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-id-'));
  let gw: TestGateway;
  let victimQr: string;

  const check = async (openid: string, p: { name: string; idNumber: string }) => {
    const s = await gw.call('startRealPersonCheck', { name: p.name, idNumber: p.idNumber }, openid);
    expect(s.json.ok).toBe(true);
    return { token: s.json.data.checkToken as string, confirm: () => gw.call('confirmRealPersonCheck', { checkToken: s.json.data.checkToken }, openid) };
  };

  /** Everything a stranger could get about the victim: none of it may name the victim's records. */
  const nothingOfVictim = async (openid: string) => {
    const list = await gw.call('listMyApplications', {}, openid);
    expect(JSON.stringify(list.json)).not.toContain(EMPLOYER);
    const cert = await gw.call('getMyCertificate', {}, openid);
    expect(cert.status).toBe(404);
    const status = await gw.call('getMyStatus', {}, openid);
    expect(status.json.data).toMatchObject({ registrations: [], certificate: null });
    const profile = await gw.call('getMyProfile', {}, openid);
    expect(profile.json.data.person).toBeNull();
    const reissue = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '手机丢失在公交车上了，需要补发' }, openid);
    expect(reissue.status).toBe(404);
    // the holder's code still verifies: nobody voided it
    const v = await gw.call('verifyCertificate', { token: victimQr }, VERIFIER.openid);
    expect(v.json.data).toMatchObject({ valid: true });
    return list.json.data.applications as Array<{ applicationId: string; checks: Array<{ detail: string }> }>;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov, dataDir });
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...victim }, VICTIM)).json.data.status).toBe('approved');
    const reg = await gw.call('submitUnemploymentRegistration', unemploymentForm(victim), VICTIM);
    expect(reg.json.data).toMatchObject({ status: 'pending_review' });
    expect(JSON.stringify(reg.json.data.checks)).toContain(EMPLOYER); // the person sees their own findings
    victimQr = (await gw.call('getMyCertificate', {}, VICTIM)).json.data.qrToken;
    expect(victimQr).toBeTruthy();
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the attack: the victim’s ID number with any name — the face check may pass (the simulation sees no face), no binding, the submission goes to review and shows nothing of the victim', async () => {
    const ATTACKER = 'openid-attacker-1';
    const wrongName = makeName();
    const c = await check(ATTACKER, { name: wrongName, idNumber: victim.idNumber });
    const confirmed = await c.confirm();
    expect(confirmed.json.data).toMatchObject({ passed: true, bound: false });
    expect(confirmed.json.data.detail).toContain('窗口');
    // the machine never rejects: a submission of a new kind goes to staff review …
    const flex = await gw.call('submitFlexibleEmployment', {
      requestId: requestId(), ...victim, name: wrongName, employmentForm: '自由职业', occupation: '平面设计', startDate: '2026-01-05',
      workRegion: victim.residenceAddress.regionCode, commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
    }, ATTACKER);
    expect(flex.json.data).toMatchObject({ status: 'pending_review' });
    // … and its answer holds nothing the outside data said of the victim
    expect(JSON.stringify(flex.json.data)).not.toContain(EMPLOYER);
    // a kind the victim already holds (a certificate, an active 失业登记) answers a conflict, naming nothing
    const cert = await gw.call('applyCertificate', { requestId: requestId(), ...victim, name: wrongName }, ATTACKER);
    expect(cert.status).toBe(409);
    expect(JSON.stringify(cert.json)).not.toContain(victim.idNumber.slice(-4));
    const unemp = await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(victim), name: wrongName }, ATTACKER);
    expect(unemp.status).toBe(409);
    // the sender sees their own application, and nothing else held about the victim
    const apps = await nothingOfVictim(ATTACKER);
    expect(apps.map((a) => a.applicationId)).toEqual([flex.json.data.applicationId]);
  });

  test('variant: the right name and the wrong person — the face check fails, nothing is written or read, the message says where to go', async () => {
    const ATTACKER = 'openid-attacker-2';
    // the simulation cannot see a face: the outside-data file says this person's checks fail
    const c = await check(ATTACKER, { name: failing.name, idNumber: failing.idNumber });
    const confirmed = await c.confirm();
    expect(confirmed.json.data).toMatchObject({ passed: false, bound: false });
    expect(confirmed.json.data.counterRoute).toMatch(/公共就业服务窗口/);
    const sub = await gw.call('applyCertificate', { requestId: requestId(), ...failing }, ATTACKER, { check: false });
    expect(sub.status).toBe(403);
    expect((await gw.call('listMyApplications', {}, ATTACKER)).json.data.applications).toEqual([]);
  });

  test('variant: a submission with no check at all is refused, and a check of oneself does not cover another person', async () => {
    const ATTACKER = 'openid-attacker-3';
    const bare = await gw.call('submitUnemploymentRegistration', unemploymentForm(victim), ATTACKER, { check: false });
    expect(bare.status).toBe(403);
    expect(bare.json.error!.message).toContain('实人核验');
    // the attacker passes the check as themself …
    const self = makePerson({ region: '210204' });
    gw.writeGov({ ...gov, persons: [...gov.persons!, govRecord(self)] });
    expect((await (await check(ATTACKER, self)).confirm()).json.data).toMatchObject({ passed: true, bound: true });
    // … and it says nothing about the victim
    const other = await gw.call('applyCertificate', { requestId: requestId(), ...victim }, ATTACKER, { check: false });
    expect(other.status).toBe(403);
    await nothingOfVictim(ATTACKER);
    gw.writeGov(gov);
  });

  test('variant: a check token of another account, a replayed one and an expired one are refused; nothing of the person is read or written', async () => {
    const ATTACKER = 'openid-attacker-4';
    const victimsOwn = await check(VICTIM, victim);
    // foreign: the victim's token confirmed from the attacker's account
    const foreign = await gw.call('confirmRealPersonCheck', { checkToken: victimsOwn.token }, ATTACKER);
    expect(foreign.status).toBe(400);
    expect(foreign.json.error!.message).toMatch(/无效或不属于当前微信账号/);
    // the victim's token still works for the victim, once
    expect((await victimsOwn.confirm()).json.data).toMatchObject({ passed: true, bound: true });
    const replay = await victimsOwn.confirm();
    expect(replay.status).toBe(400);
    expect(replay.json.error!.message).toMatch(/已使用过/);
    // a token the attacker obtained for the victim with the right name, confirmed after 10 minutes
    const stale = await check(ATTACKER, victim);
    await gw.close(true);
    gw = await startTestGateway({ now: new Date(Date.parse(NOW) + 11 * 60_000).toISOString(), gov, dataDir });
    const expired = await gw.call('confirmRealPersonCheck', { checkToken: stale.token }, ATTACKER);
    expect(expired.status).toBe(400);
    expect(expired.json.error!.message).toMatch(/超时/);
    const sub = await gw.call('applyCertificate', { requestId: requestId(), ...victim }, ATTACKER, { check: false });
    expect(sub.status).toBe(403);
    victimQr = (await gw.call('getMyCertificate', {}, VICTIM)).json.data.qrToken;
    await nothingOfVictim(ATTACKER);
    // malformed tokens: a field error, never a 500
    for (const bad of [{}, { checkToken: 42 }, { checkToken: 'x'.repeat(200) }]) {
      expect((await gw.call('confirmRealPersonCheck', bad, ATTACKER)).status).toBe(400);
    }
  });

  test('a second device that passes the check for the same person is the same person; the other devices are told at once', async () => {
    const SECOND = 'openid-victim-tablet';
    expect((await (await check(SECOND, victim)).confirm()).json.data).toMatchObject({ passed: true, bound: true });
    const cert = await gw.call('getMyCertificate', {}, SECOND);
    expect(cert.json.data.qrToken).toBeTruthy();
    const msgs = (await gw.call('listMyMessages', {}, VICTIM)).json.data.messages as Array<{ title: string; body: string }>;
    const told = msgs.find((m) => m.title === '新设备访问提醒');
    expect(told?.body).toMatch(/您的信息在新设备上被访问：\d+月\d+日 \d\d:\d\d/);
    expect(told?.body).toContain('12333');
    // the new device itself is not told about itself
    const own = (await gw.call('listMyMessages', {}, SECOND)).json.data.messages as Array<{ title: string }>;
    expect(own.some((m) => m.title === '新设备访问提醒')).toBe(false);
  });

  test('check starts are rate-limited per openid (10 an hour), with the counter route in the message', async () => {
    const BUSY = 'openid-many-starts';
    const p = makePerson({ region: '210204' });
    for (let i = 0; i < 10; i++) expect((await gw.call('startRealPersonCheck', { name: p.name, idNumber: p.idNumber }, BUSY)).status).toBe(200);
    const over = await gw.call('startRealPersonCheck', { name: p.name, idNumber: p.idNumber }, BUSY);
    expect(over.status).toBe(429);
    expect(over.json.error!.message).toContain('窗口');
    // another account is not affected
    expect((await gw.call('startRealPersonCheck', { name: p.name, idNumber: p.idNumber }, 'openid-other-starter')).status).toBe(200);
  });
});
