/**
 * The other routes of docs/identity.md through the real gateway: the counter route (窗口核验, for
 * 港澳台 documents and failed face checks — 人脸识别技术应用安全管理办法 (2025) 第十条), family help
 * (代办 / 亲情服务), and the person's view of their data and of who read it (个人信息保护法 第四十四、四十五条).
 */
import { COMMITMENTS } from '@shared/commitment';
import { maskName } from '@shared/mask';
import { mod11_2 } from '@shared/id-number';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makeName, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-05-12T09:30:00+08:00';
const VERIFIER = { openid: 'staff-rt-verifier', name: '林晓燕', region: '2102', role: 'verifier' };
const REVIEWER = { openid: 'staff-rt-reviewer', name: '韩志远', region: '2102', role: 'reviewer' };
const FAR = { openid: 'staff-rt-far', name: '钱立群', region: '2103', role: 'verifier' };

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

/** A 港澳居民居住证 number (810000 prefix, GB 11643 check character) of a woman (even sequence, as makePerson's gender '2'). */
function hkResidencePermit(): string {
  const body = `81000019900101${String(2 * (50 + Math.floor(Math.random() * 400))).padStart(3, '0')}`;
  return body + mod11_2(body);
}

describe('the counter route, family help and my data', () => {
  const failing = makePerson({ region: '210204' }); // a face that does not pass
  const hk = { ...makePerson({ region: '210204', gender: '2', birth: '19900101' }), idType: '17', idNumber: hkResidencePermit() };
  const elder = makePerson({ region: '210204', birth: '19580301' });
  const daughter = makePerson({ region: '210204' });
  const gov: GovFileContent = {
    persons: [govRecord(failing, { realPerson: 'fail' }), govRecord(elder), govRecord(daughter)],
    staff: [VERIFIER, REVIEWER, FAR],
  };
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ now: NOW, gov }); });
  afterAll(async () => { await gw?.close(); });

  const counterCode = async (openid: string, p: { name: string; idType: string; idNumber: string }) => {
    const r = await gw.call('requestCounterCheck', { name: p.name, idType: p.idType, idNumber: p.idNumber, region: '210204' }, openid);
    expect(r.json.ok).toBe(true);
    expect(r.json.data.where).toContain('公共就业服务窗口');
    return r.json.data.code as string;
  };

  test('a failed face check: the message says where to go; staff of the region confirm with the document seen; the openid is bound and the person can act', async () => {
    const ME = 'openid-rt-failing';
    const s = await gw.call('startRealPersonCheck', { name: failing.name, idNumber: failing.idNumber }, ME);
    const c = await gw.call('confirmRealPersonCheck', { checkToken: s.json.data.checkToken }, ME);
    expect(c.json.data).toMatchObject({ passed: false, bound: false });
    expect(c.json.data.counterRoute).toMatch(/窗口.*核验码/);
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...failing }, ME, { check: false })).status).toBe(403);

    const code = await counterCode(ME, failing);
    const seen = { code, documentType: '01', documentNumber: failing.idNumber, name: failing.name };
    // staff of another region: as if the code did not exist
    expect((await gw.call('confirmIdentityAtCounter', seen, FAR.openid)).status).toBe(404);
    // a citizen cannot call the staff action
    expect((await gw.call('confirmIdentityAtCounter', seen, ME)).status).toBe(403);
    // the document says something else: refused, field by field
    const wrong = await gw.call('confirmIdentityAtCounter', { ...seen, name: makeName() }, VERIFIER.openid);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error?.fields).toHaveProperty('name');
    const ok = await gw.call('confirmIdentityAtCounter', seen, VERIFIER.openid);
    expect(ok.json.data).toMatchObject({ confirmed: true, holderName: maskName(failing.name) });
    expect(JSON.stringify(ok.json)).not.toContain(failing.idNumber);
    // used once
    expect((await gw.call('confirmIdentityAtCounter', seen, VERIFIER.openid)).status).toBe(404);
    // the client's check start says there is nothing to scan (the face check would fail again)
    expect((await gw.call('startRealPersonCheck', { name: failing.name, idNumber: failing.idNumber }, ME)).json.data).toEqual({ mode: 'counter' });
    // another account still gets a face check, which fails for this person
    expect((await gw.call('startRealPersonCheck', { name: failing.name, idNumber: failing.idNumber }, 'openid-rt-someone')).json.data.mode).toBe('simulated');
    // now bound: submits without a face check, and reads their own records
    const applied = await gw.call('applyCertificate', { requestId: requestId(), ...failing }, ME, { check: false });
    expect(applied.json.data).toMatchObject({ status: 'approved' });
    expect((await gw.call('getMyCertificate', {}, ME)).json.data.qrToken).toBeTruthy();
    const msgs = (await gw.call('listMyMessages', {}, ME)).json.data.messages as Array<{ title: string }>;
    expect(msgs.map((m) => m.title)).toContain('窗口核验已完成');
    // audited, and the person sees the read
    const reads = (await gw.call('listWhoReadMyData', {}, ME)).json.data.reads as Array<{ purpose: string; who: string; role: string; office: string }>;
    expect(reads).toContainEqual(expect.objectContaining({ purpose: '在窗口核验您的身份', who: maskName(VERIFIER.name), role: '核验员' }));
  });

  test('a 港澳居民居住证 holder (no face check possible): counter-confirmed, then a 失业登记 goes through', async () => {
    const ME = 'openid-rt-hk';
    const code = await counterCode(ME, hk);
    expect((await gw.call('confirmIdentityAtCounter', { code, documentType: '17', documentNumber: hk.idNumber, name: hk.name }, VERIFIER.openid)).json.ok).toBe(true);
    // issue 12 §7: a 港澳台居民 says whether they were employed in 内地（大陆） (鞍人社〔2020〕21号 一)
    const reg = await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(hk as TestPerson), employedInMainlandBefore: true }, ME);
    expect(reg.json).toMatchObject({ ok: true });
    expect((await gw.call('listMyApplications', {}, ME)).json.data.applications).toHaveLength(1);
  });

  test('family help: the elder invites, the daughter accepts after her own check, submits on the elder’s behalf; the elder is told and sees it; no QR for the helper; revoked, it stops', async () => {
    const ELDER = 'openid-rt-elder';
    const DAUGHTER = 'openid-rt-daughter';
    const STRANGER = 'openid-rt-stranger';
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...elder }, ELDER)).json.data.status).toBe('approved');
    // not bound: no invitation
    expect((await gw.call('createDelegationInvite', {}, STRANGER)).status).toBe(403);
    const invite = await gw.call('createDelegationInvite', {}, ELDER);
    const inviteCode = invite.json.data.inviteCode as string;
    // the helper must have passed her own check first
    expect((await gw.call('acceptDelegationInvite', { inviteCode }, DAUGHTER)).status).toBe(403);
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...daughter }, DAUGHTER)).json.data.status).toBe('approved');
    const accepted = await gw.call('acceptDelegationInvite', { inviteCode }, DAUGHTER);
    expect(accepted.json.data).toMatchObject({ status: 'active', role: 'helper', otherName: maskName(elder.name) });
    const delegationId = accepted.json.data.delegationId as string;
    // an invitation is used once
    expect((await gw.call('acceptDelegationInvite', { inviteCode }, DAUGHTER)).status).toBe(404);

    // the daughter submits for the elder: no face check of the elder's face from her phone
    const sub = await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(elder), onBehalfOf: delegationId }, DAUGHTER);
    expect(sub.json.data).toMatchObject({ status: 'approved' });
    // without the delegation, or with someone else's: refused
    expect((await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(elder), onBehalfOf: 'f'.repeat(32) }, DAUGHTER)).status).toBe(403);
    expect((await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(elder), onBehalfOf: delegationId }, STRANGER)).status).toBe(403);
    // she follows the elder's progress …
    const list = (await gw.call('listMyApplications', {}, DAUGHTER)).json.data.applications as Array<{ applicationId: string }>;
    expect(list.map((a) => a.applicationId)).toContain(sub.json.data.applicationId);
    // … but her certificate page holds only her own QR, and she cannot 补发 the elder's
    const herCert = (await gw.call('getMyCertificate', {}, DAUGHTER)).json.data;
    const elderCert = (await gw.call('getMyCertificate', {}, ELDER)).json.data;
    expect(herCert.certificateNo).not.toBe(elderCert.certificateNo);
    expect(JSON.stringify(list)).not.toContain('qrToken');
    await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '手机丢失在公交车上了，需要补发', certificateNo: elderCert.certificateNo }, DAUGHTER);
    expect((await gw.call('verifyCertificate', { token: elderCert.qrToken }, VERIFIER.openid)).json.data.valid).toBe(true);
    // the elder is told of each action and sees the helper's reads
    const msgs = (await gw.call('listMyMessages', {}, ELDER)).json.data.messages as Array<{ title: string; body: string }>;
    expect(msgs.map((m) => m.title)).toEqual(expect.arrayContaining(['家人代办已生效', '代办提醒']));
    const reads = (await gw.call('listWhoReadMyData', {}, ELDER)).json.data.reads as Array<{ role: string; purpose: string }>;
    expect(reads).toContainEqual(expect.objectContaining({ role: '家人代办人', purpose: '家人代办：查看办理进度' }));
    expect(reads).toContainEqual(expect.objectContaining({ role: '家人代办人', purpose: '家人代办：代为提交失业登记' }));
    const mine = (await gw.call('listDelegations', {}, ELDER)).json.data.delegations;
    expect(mine).toContainEqual(expect.objectContaining({ delegationId, role: 'person', status: 'active', otherName: maskName(daughter.name) }));

    // revoked by the elder: the daughter can no longer submit or read
    expect((await gw.call('revokeDelegation', { delegationId }, STRANGER)).status).toBe(404);
    expect((await gw.call('revokeDelegation', { delegationId }, ELDER)).json.data.status).toBe('revoked');
    expect((await gw.call('submitUnemploymentRegistration', { ...unemploymentForm(elder), onBehalfOf: delegationId }, DAUGHTER)).status).toBe(403);
    const after = (await gw.call('listMyApplications', {}, DAUGHTER)).json.data.applications as Array<{ applicationId: string }>;
    expect(after.map((a) => a.applicationId)).not.toContain(sub.json.data.applicationId);
    expect(((await gw.call('listMyMessages', {}, DAUGHTER)).json.data.messages as Array<{ title: string }>).map((m) => m.title)).toContain('家人代办已撤销');
  });

  test('an invitation expires after 24 hours', async () => {
    const dataDir = gw.dataDir;
    const ELDER = 'openid-rt-elder';
    const invite = await gw.call('createDelegationInvite', {}, ELDER);
    await gw.close(true);
    gw = await startTestGateway({ now: new Date(Date.parse(NOW) + 25 * 3_600_000).toISOString(), gov, dataDir });
    const late = await gw.call('acceptDelegationInvite', { inviteCode: invite.json.data.inviteCode }, 'openid-rt-daughter');
    expect(late.status).toBe(409);
    expect(late.json.error?.message).toContain('过期');
    const list = (await gw.call('listDelegations', {}, ELDER)).json.data.delegations as Array<{ delegationId: string; status: string }>;
    expect(list.find((d) => d.delegationId === invite.json.data.delegationId)?.status).toBe('expired');
  });

  test('my data: everything held about me (full, it is mine) and who read it — staff reads with office, role, time, purpose, the name masked; nothing for a stranger', async () => {
    const ME = 'openid-rt-daughter';
    const data = (await gw.call('getMyData', {}, ME)).json.data.people;
    expect(data).toHaveLength(1);
    expect(data[0].person).toMatchObject({ name: daughter.name, idNumber: daughter.idNumber });
    expect(data[0].certificate).toMatchObject({ status: 'valid' });
    expect(data[0].devices).toEqual([expect.objectContaining({ via: 'face', thisDevice: true })]);
    // a reviewer reads her application: she sees it
    const [app] = (await gw.call('listMyApplications', {}, ME)).json.data.applications.filter((a: { kind: string }) => a.kind === 'certificate');
    await gw.call('getApplicationDetail', { applicationId: app.applicationId }, REVIEWER.openid);
    const reads = (await gw.call('listWhoReadMyData', {}, ME)).json.data.reads as Array<{ at: string; office: string; role: string; who: string; purpose: string }>;
    const read = reads.find((r) => r.purpose === '审核您的申请');
    expect(read).toMatchObject({ role: '审核员', who: maskName(REVIEWER.name) });
    expect(read!.office).toContain('大连');
    expect(read!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(JSON.stringify(reads)).not.toContain(REVIEWER.name);
    expect((await gw.call('getMyData', {}, 'openid-rt-nobody')).json.data.people).toEqual([]);
    expect((await gw.call('listWhoReadMyData', {}, 'openid-rt-nobody')).json.data.reads).toEqual([]);
  });
});
