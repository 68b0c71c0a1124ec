/**
 * Issue 17 through the real gateway: 办件编号 on every application answer, the offices of a region
 * (`listOffices`), 催办 of a late review (`remindOffice`, once a day) and 好差评 (`rateService`, once per
 * finished application) — only on one's own applications, nothing stored for bad input.
 */
import { COMMITMENTS } from '@shared/commitment';
import { CASE_NO_PATTERN } from '@shared/case-no';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const flexibleForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: p.residenceAddress.regionCode,
  commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
});

const NOW = '2026-03-10T10:00:00+08:00'; // Tuesday; 5 working days → due 2026-03-17
const clean = makePerson({ region: '210204' });
const insured = makePerson({ region: '210204' });
const gov = { persons: [govRecord(clean), govRecord(insured, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } })] };

describe('办件编号, offices, 催办 and 好差评', () => {
  let gw: TestGateway;
  let pendingId = '';
  let approvedId = '';
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov });
    const a = await gw.call('applyCertificate', { requestId: requestId(), ...clean }, 'sv-clean');
    approvedId = a.json.data.applicationId;
    const p = await gw.call('submitFlexibleEmployment', flexibleForm(insured), 'sv-insured');
    expect(p.json.data.status).toBe('pending_review');
    pendingId = p.json.data.applicationId;
  });
  afterAll(async () => { await gw?.close(); });

  it('gives every application answer a short 办件编号, the same wherever it is read', async () => {
    const progress = await gw.call('getProgress', { applicationId: pendingId }, 'sv-insured');
    expect(progress.json.data.caseNo).toMatch(CASE_NO_PATTERN);
    expect(progress.json.data.caseNo.startsWith('LH-260310-')).toBe(true);
    const list = await gw.call('listMyApplications', {}, 'sv-insured');
    expect(list.json.data.applications[0].caseNo).toBe(progress.json.data.caseNo);
    const approved = await gw.call('getProgress', { applicationId: approvedId }, 'sv-clean');
    expect(approved.json.data.caseNo.startsWith('SL-260310-')).toBe(true);
  });

  it('names the handling office with its phone on a result waiting for staff', async () => {
    const progress = await gw.call('getProgress', { applicationId: pendingId }, 'sv-insured');
    expect(progress.json.data.office).toMatchObject({ name: expect.stringContaining('沙河口区'), phone: expect.any(String), latitude: expect.any(Number) });
    const approved = await gw.call('getProgress', { applicationId: approvedId }, 'sv-clean');
    expect(approved.json.data.office).toBeUndefined();
  });

  it('lists the offices of a region, the district first; refuses a malformed region', async () => {
    const res = await gw.call('listOffices', { region: '210204' }, 'sv-anyone');
    expect(res.status).toBe(200);
    expect(res.json.data.offices[0].name).toContain('沙河口区');
    expect(res.json.data.offices.some((o: { name: string }) => o.name.includes('大连市'))).toBe(true);
    expect(res.json.data.demo).toBe(true);
    const generic = await gw.call('listOffices', { region: '110101' }, 'sv-anyone');
    expect(generic.json.data.offices[0].phone).toBe('12333');
    const bad = await gw.call('listOffices', { region: 'abc' }, 'sv-anyone');
    expect(bad.status).toBe(400);
    expect(bad.json.error!.fields!.region).toBeTruthy();
  });

  it('refuses 催办 before the due date, and of anyone else\'s application', async () => {
    const early = await gw.call('remindOffice', { applicationId: pendingId }, 'sv-insured');
    expect(early.status).toBe(409);
    expect(early.json.error!.message).toContain('2026-03-17');
    const other = await gw.call('remindOffice', { applicationId: pendingId }, 'sv-clean');
    expect(other.status).toBe(404);
  });

  it('refuses 好差评 before 办结, with a bad score (nothing stored), and of anyone else\'s', async () => {
    expect((await gw.call('rateService', { requestId: requestId(), applicationId: pendingId, score: 5 }, 'sv-insured')).status).toBe(409);
    const bad = await gw.call('rateService', { requestId: requestId(), applicationId: approvedId, score: 7, comment: 'x' }, 'sv-clean');
    expect(bad.status).toBe(400);
    expect(bad.json.error!.fields!.score).toContain('1到5');
    expect((await gw.call('getProgress', { applicationId: approvedId }, 'sv-clean')).json.data.rating).toBeUndefined();
    expect((await gw.call('rateService', { requestId: requestId(), applicationId: approvedId, score: 5 }, 'sv-insured')).status).toBe(404);
  });

  it('takes one 好差评 per finished application; the same request again answers the same', async () => {
    const rid = requestId();
    const first = await gw.call('rateService', { requestId: rid, applicationId: approvedId, score: 4, comment: '  很快，不用跑腿  ' }, 'sv-clean');
    expect(first.status).toBe(200);
    expect(first.json.data.rating).toMatchObject({ score: 4, comment: '很快，不用跑腿' });
    const again = await gw.call('rateService', { requestId: rid, applicationId: approvedId, score: 4, comment: '很快，不用跑腿' }, 'sv-clean');
    expect(again.json.data.rating).toEqual(first.json.data.rating);
    const second = await gw.call('rateService', { requestId: requestId(), applicationId: approvedId, score: 1 }, 'sv-clean');
    expect(second.status).toBe(409);
    expect(second.json.error!.message).toContain('4星');
    expect((await gw.call('getProgress', { applicationId: approvedId }, 'sv-clean')).json.data.rating).toMatchObject({ score: 4 });
  });
});

describe('催办 after the due date (人社厅发〔2020〕79号 一(三) time limit): at most once a day', () => {
  it('records one reminder a day, tells the person when they already did, and shows it on the application', async () => {
    const first = await startTestGateway({ now: NOW, gov });
    const p = await first.call('submitFlexibleEmployment', flexibleForm(insured), 'sv-late');
    const id = p.json.data.applicationId;
    await first.close(true);
    // Wed 2026-03-18: a day after the due date
    const late = await startTestGateway({ now: '2026-03-18T09:00:00+08:00', gov, dataDir: first.dataDir });
    try {
      const r1 = await late.call('remindOffice', { applicationId: id }, 'sv-late');
      expect(r1.status).toBe(200);
      expect(r1.json.data).toMatchObject({ alreadyToday: false, reminders: 1 });
      const r2 = await late.call('remindOffice', { applicationId: id }, 'sv-late');
      expect(r2.json.data).toMatchObject({ alreadyToday: true, reminders: 1 });
      const view = await late.call('getProgress', { applicationId: id }, 'sv-late');
      expect(view.json.data.reminders).toHaveLength(1);
      expect(view.json.data.reminders[0].startsWith('2026-03-18')).toBe(true);
    } finally {
      await late.close();
    }
  });
});

describe('催办 and 好差评 by a sender the identity base could not match (not bound, so staff review it)', () => {
  it('lets the person who sent it chase it after the due date and rate it once staff approved it; nobody else', async () => {
    const unmatched = makePerson({ region: '210204' });
    const people = { persons: [govRecord(unmatched, { inCardBase: false })], staff: [{ openid: 'sv-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' }] };
    const first = await startTestGateway({ now: NOW, gov: people });
    const p = await first.call('submitFlexibleEmployment', flexibleForm(unmatched), 'sv-unmatched');
    expect(p.json.data.status).toBe('pending_review');
    const id = p.json.data.applicationId;
    await first.close(true);
    const late = await startTestGateway({ now: '2026-03-18T09:00:00+08:00', gov: people, dataDir: first.dataDir });
    try {
      expect((await late.call('remindOffice', { applicationId: id }, 'sv-someone-else')).status).toBe(404);
      const r = await late.call('remindOffice', { applicationId: id }, 'sv-unmatched');
      expect(r.status).toBe(200);
      expect(r.json.data).toMatchObject({ alreadyToday: false, reminders: 1 });
      expect((await late.call('decideApplication', { applicationId: id, decision: 'approve', note: '电话核实信息无误' }, 'sv-reviewer')).json.data.status).toBe('approved');
      expect((await late.call('rateService', { requestId: requestId(), applicationId: id, score: 5 }, 'sv-someone-else')).status).toBe(404);
      const rated = await late.call('rateService', { requestId: requestId(), applicationId: id, score: 5, comment: '审核很及时' }, 'sv-unmatched');
      expect(rated.status).toBe(200);
      expect((await late.call('getProgress', { applicationId: id }, 'sv-unmatched')).json.data.rating).toMatchObject({ score: 5, comment: '审核很及时' });
    } finally {
      await late.close();
    }
  });
});
