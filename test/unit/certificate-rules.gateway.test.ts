/**
 * The 《就业创业证》 as 大人社规发〔2025〕2号 一(三)(四) writes it, through the real gateway:
 *   一(三) 实行个人信息书面申报承诺制度 — a 申领 carries the person's written commitment, or stores nothing;
 *   一(四) 补发 of a lost or damaged certificate and 换发 of another city's write the latest 就业登记、
 *          失业登记、接受就业服务和享受就业政策 on it; a certificate the provincial system holds is valid:
 *          this city's never-collected number is 补发 under that number, another city's is 换发.
 */
import { COMMITMENTS } from '@shared/commitment';
import { CERTIFICATE_COMMITMENT, startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type GovPerson, type TestPerson } from '../support/people';

const NOW = '2026-06-10T10:00:00+08:00';
const STAFF = [{ openid: 'cr-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' }];
let gw: TestGateway;
let gov: GovPerson[] = [];

function known(p: TestPerson, o: Partial<GovPerson> = {}): TestPerson {
  gov = [...gov, govRecord(p, o)];
  gw.writeGov({ persons: gov, staff: STAFF });
  return p;
}

beforeAll(async () => { gw = await startTestGateway({ now: NOW, gov: { staff: STAFF } }); });
afterAll(async () => { await gw.close(); });

describe('申领 with its 个人信息书面申报承诺 (大人社规发〔2025〕2号 一(三))', () => {
  it('refuses a 申领 without the commitment, with the message on the field, and stores nothing', async () => {
    const p = known(makePerson({ region: '210204' }));
    const bare = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'cr-bare', { commit: false });
    expect(bare.status).toBe(400);
    expect(bare.json.error?.fields?.commitment).toBe('请阅读并勾选承诺');
    const unticked = await gw.call('applyCertificate', { requestId: requestId(), ...p, commitment: { accepted: false, textVersion: COMMITMENTS.certificate.version } }, 'cr-bare');
    expect(unticked.json.error?.fields?.['commitment.accepted']).toBe('请阅读并勾选承诺');
    const old = await gw.call('applyCertificate', { requestId: requestId(), ...p, commitment: { accepted: true, textVersion: 'certificate-2020-v0' } }, 'cr-bare');
    expect(old.json.error?.fields?.['commitment.textVersion']).toBe('承诺书内容已更新，请重新阅读并勾选承诺');
    expect((await gw.call('listMyApplications', {}, 'cr-bare')).json.data.applications).toEqual([]);
    expect((await gw.call('getMyCertificate', {}, 'cr-bare')).status).toBe(404);
  });

  it('publishes the text and version (getCommitments) and keeps what was accepted, with its time, for staff', async () => {
    const published = (await gw.call('getCommitments', {}, 'cr-any', { check: false })).json.data.commitments
      .find((c: { kind: string }) => c.kind === 'certificate');
    expect(published).toEqual({ kind: 'certificate', action: 'applyCertificate', version: COMMITMENTS.certificate.version, text: COMMITMENTS.certificate.text });
    expect(published.text).toContain('记入信用记录');
    // a 申领 that goes to staff (the identity base does not know the name), so the detail is theirs to read
    const p = known(makePerson({ region: '210204' }), { inCardBase: false });
    const app = await gw.call('applyCertificate', { requestId: requestId(), ...p, commitment: { accepted: true, textVersion: published.version } }, 'cr-commit');
    expect(app.json.data.status).toBe('pending_review');
    const detail = await gw.call('getApplicationDetail', { applicationId: app.json.data.applicationId }, 'cr-reviewer');
    expect(detail.json.data.form.commitment).toEqual({ accepted: true, textVersion: published.version, text: published.text, acceptedAt: expect.stringMatching(/^2026-06-10T10:/) });
  });
});

describe('补发 writes the latest registrations and services on the certificate (大人社规发〔2025〕2号 一(四))', () => {
  it('after a 失业登记 that ended in a job and a month of service, the 补发 certificate records them; policy reads 无记录', async () => {
    const p = known(makePerson({ region: '210204' }));
    const openid = 'cr-reissue';
    const reg = await gw.call('submitUnemploymentRegistration', {
      requestId: requestId(), ...p, unemployedSince: '2026-03', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
      commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
    }, openid);
    expect(reg.json.data.status).toBe('approved');
    // staff reach the person on the first-contact task and offer job referral, which is accepted
    const tasks = (await gw.call('listContactTasks', {}, 'cr-reviewer')).json.data.items.filter((t: { applicationId: string }) => t.applicationId === reg.json.data.applicationId);
    expect(tasks).toHaveLength(1);
    const done = await gw.call('completeContactTask', { taskId: tasks[0].taskId, outcome: 'reached', channel: 'phone', offers: [{ service: 'job_referral', outcome: 'accepted' }] }, 'cr-reviewer');
    expect(done.status).toBe(200);
    const job = await gw.call('reportEmployment', { requestId: requestId(), situation: '11', unit: '大连某物流公司', since: '2026-06-08', confirmEnds: true }, openid);
    expect(job.status).toBe(200);

    const before = (await gw.call('getMyCertificate', {}, openid)).json.data;
    expect(before.entries).toBeUndefined();
    const reissued = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '6月9日在公交车上丢失手机，无法出示原电子证' }, openid);
    expect(reissued.status).toBe(200);
    const cert = reissued.json.data;
    expect(cert.version).toBe(2);
    expect(cert.entries).toEqual({
      employment: { what: '被各类用人单位录用或招聘', since: '2026-06-10', until: null },
      unemployment: { since: '2026-06-10', until: '2026-06-10', endReason: '被各类用人单位录用或招聘' },
      service: { date: '2026-06-10', what: '提供职业介绍（推荐岗位）' },
      policy: null,
      recordedOn: '2026-06-10',
      source: 'local',
    });
    // the holder reads the same on 我的电子证
    expect((await gw.call('getMyCertificate', {}, openid)).json.data.entries).toEqual(cert.entries);
  });
});

describe('补发 records the latest policy the service carried out for the person (大人社规发〔2025〕2号 一(四))', () => {
  it('a recognised 就业困难人员认定, then a 失业保险金 claim once it is handed on; a request still waiting is not written', async () => {
    const p = known(makePerson({ region: '210204', birth: '19730301' }));
    const openid = 'cr-policy';
    const reg = await gw.call('submitUnemploymentRegistration', {
      requestId: requestId(), ...p, unemployedSince: '2026-03', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: true,
      personCategories: ['4050人员'], commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
    }, openid);
    expect(reg.json.data.status).toBe('approved');
    expect(reg.json.data.hardship).toMatchObject({ status: 'requested' });
    expect(reg.json.data.insuranceClaim).toMatchObject({ status: 'queued' });
    const reissue = async () => {
      const r = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'damaged', statement: '手机进水损坏，原电子证无法出示，申请补发' }, openid);
      expect(r.status).toBe(200);
      return r.json.data.entries;
    };
    // requested and queued only: nothing enjoyed yet
    expect((await reissue()).policy).toBeNull();

    const recognized = await gw.call('decideHardship', { taskId: `hardship:${reg.json.data.applicationId}`, recognized: true }, 'cr-reviewer');
    expect(recognized.json.data.status).toBe('recognized');
    expect((await reissue()).policy).toEqual({ name: '就业困难人员认定', since: '2026-06-10' });

    const run = await gw.call('runScheduler', {}, null);
    expect(run.json.data.insuranceClaims.sent).toBeGreaterThanOrEqual(1);
    expect((await gw.call('getProgress', { applicationId: reg.json.data.applicationId }, openid)).json.data.insuranceClaim.status).toBe('sent');
    const entries = await reissue();
    expect(entries.policy).toEqual({ name: '失业保险金申领（已转交失业保险经办机构）', since: '2026-06-10' });
    expect((await gw.call('getMyCertificate', {}, openid)).json.data.entries.policy).toEqual(entries.policy);
  });
});

describe('a certificate the provincial system holds is valid (大人社规发〔2025〕2号 一(四))', () => {
  const entries = {
    unemployment: { since: '2024-03-01', until: '2024-09-30', endReason: '被各类用人单位录用或招聘' },
    employment: { what: '被各类用人单位录用或招聘', since: '2024-09-30', until: null },
    service: { date: '2024-08-15', what: '提供职业指导' },
    policy: { name: '职业培训补贴', since: '2024-06-01' },
  };

  it('换发: a person from another city gets a certificate here that names the one it replaces and carries its entries', async () => {
    const p = known(makePerson({ region: '210204' }), { certificate: { certificateNo: '21010220190000123', issuingRegion: '210102', issuedOn: '2019-05-06', ...entries } });
    const res = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'cr-exchange');
    expect(res.json.data.status).toBe('approved');
    const cert = res.json.data.certificate;
    expect(cert.certificateNo.startsWith('2102042026')).toBe(true);
    expect(cert.exchangedFrom).toEqual({ certificateNo: '21010220190000123', issuingRegion: '210102', issuingRegionName: expect.stringContaining('沈阳市'), issuedOn: '2019-05-06' });
    expect(cert.entries).toEqual({ ...entries, recordedOn: '2026-06-10', source: 'provincial' });
    const line = res.json.data.checks.find((c: { name: string }) => c.name === 'certificate');
    expect(line).toMatchObject({ passed: true });
    expect(line.detail).toContain('换发');
    const messages = (await gw.call('listMyMessages', {}, 'cr-exchange')).json.data.messages;
    expect(messages[0].title).toBe('电子《就业创业证》已换发');
  });

  it('补发 of a number this city gave and the person never collected: the same number, not a new one', async () => {
    const p = known(makePerson({ region: '210204' }), { certificate: { certificateNo: '21020320230000456', issuingRegion: '210203', issuedOn: '2023-11-20' } });
    const res = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'cr-uncollected');
    expect(res.json.data.status).toBe('approved');
    expect(res.json.data.certificate.certificateNo).toBe('21020320230000456');
    expect(res.json.data.certificate.exchangedFrom).toBeUndefined();
    expect(res.json.data.certificate.entries).toMatchObject({ employment: null, unemployment: null, service: null, policy: null, source: 'provincial' });
    expect((await gw.call('listMyMessages', {}, 'cr-uncollected')).json.data.messages[0].title).toBe('电子《就业创业证》已按原编号补发');
  });

  it('the provincial system down: no number is given blind — the 申领 goes to staff with 数据暂不可比对', async () => {
    const p = known(makePerson({ region: '210204' }));
    gw.writeGov({ persons: gov, staff: STAFF, down: ['certificate'] });
    try {
      const res = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'cr-down');
      expect(res.json.data.status).toBe('pending_review');
      expect(res.json.data.checks).toContainEqual({ name: 'certificate', passed: false, detail: '全省《就业创业证》记录：数据暂不可比对，已转人工审核' });
    } finally {
      gw.writeGov({ persons: gov, staff: STAFF });
    }
  });

  it('a person the provincial system does not know gets a first certificate, with nothing written as 补发 or 换发', async () => {
    const p = known(makePerson({ region: '210204' }));
    const res = await gw.call('applyCertificate', { requestId: requestId(), ...p }, 'cr-first');
    expect(res.json.data.status).toBe('approved');
    expect(res.json.data.checks.map((c: { name: string }) => c.name)).not.toContain('certificate');
    expect(res.json.data.certificate.entries).toBeUndefined();
    expect(res.json.data.certificate.exchangedFrom).toBeUndefined();
  });
});
