/**
 * The staff back office through the real gateway: region scoping both ways, decisions told to the
 * citizen, deregistration rules (人社厅发〔2020〕79号 一(四)), the national export (人社厅发〔2020〕79号 附件),
 * monthly statistics periods (人社厅发〔2020〕79号 三) and the audit trail.
 */
import { COMMITMENTS } from '@shared/commitment';
import { INDICATORS } from '@shared/export.rules';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 's-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 's-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
  { openid: 's-dl-verifier', name: '窗口核验员', region: '210202', role: 'verifier' },
  { openid: 's-dl-admin', name: '大连管理员', region: '2102', role: 'admin' },
  { openid: 's-dl-spaced', name: '王 经办', region: '2102', role: 'reviewer' },
];

const unemployment = (p: TestPerson, since = '2025-12') => ({
  requestId: requestId(), ...p, unemployedSince: since, registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

async function readAudit(dataDir: string) {
  const store = openSqliteStore({ dataDir });
  try { return await store.find<Record<string, unknown>>('audit', {}); } finally { await store.close?.(); }
}

describe('review queue and decisions (docs/product.md "Staff back office")', () => {
  const dalian = makePerson({ region: '210204' });
  const dalianLater = makePerson({ region: '210211' });
  const anshan = makePerson({ region: '210302' });
  const gov: GovFileContent = {
    persons: [
      govRecord(dalian, { unitInsurance: { unit: '甲公司', since: '2020-01-01' } }),
      govRecord(dalianLater, { pension: true }),
      govRecord(anshan, { contractFiling: { unit: '乙公司', since: '2022-01-01' } }),
    ],
    staff: STAFF,
  };
  let gw: TestGateway;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-03-09T09:00:00+08:00', gov });
    ids.dalian = (await gw.call('submitUnemploymentRegistration', unemployment(dalian), 'c-dalian')).json.data.applicationId;
    ids.anshan = (await gw.call('submitUnemploymentRegistration', unemployment(anshan), 'c-anshan')).json.data.applicationId;
    await gw.close(true);
    // a day later: the second application has a later due date
    gw = await startTestGateway({ now: '2026-03-10T09:00:00+08:00', gov, dataDir: gw.dataDir });
    ids.later = (await gw.call('submitUnemploymentRegistration', unemployment(dalianLater), 'c-later')).json.data.applicationId;
  });
  afterAll(async () => { await gw.close(); });

  it('shows a reviewer only the applications of their region, earliest due date first', async () => {
    const dl = await gw.call('listReviewQueue', {}, 's-dl-reviewer');
    expect(dl.status).toBe(200);
    expect(dl.json.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([ids.dalian, ids.later]);
    const as = await gw.call('listReviewQueue', {}, 's-as-reviewer');
    expect(as.json.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([ids.anshan]);
  });

  it('masks names and ID numbers in the queue', async () => {
    const dl = await gw.call('listReviewQueue', {}, 's-dl-reviewer');
    const text = JSON.stringify(dl.json);
    expect(text).not.toContain(dalian.idNumber);
    expect(text).not.toContain(dalian.name);
  });

  it('answers another region\'s application with NOT_FOUND, for reading and for deciding', async () => {
    expect((await gw.call('getApplicationDetail', { applicationId: ids.anshan }, 's-dl-reviewer')).status).toBe(404);
    expect((await gw.call('decideApplication', { applicationId: ids.anshan, decision: 'approve' }, 's-dl-reviewer')).status).toBe(404);
    expect((await gw.call('getApplicationDetail', { applicationId: ids.dalian }, 's-as-reviewer')).status).toBe(404);
  });

  it('refuses every staff action to a citizen and a too-low role with 403', async () => {
    for (const action of ['listReviewQueue', 'getApplicationDetail', 'decideApplication', 'deregister', 'exportDeregistrations', 'monthlyStats', 'verifyCertificate']) {
      expect((await gw.call(action, {}, 'c-dalian')).status).toBe(403);
    }
    expect((await gw.call('listReviewQueue', {}, 's-dl-verifier')).status).toBe(403);
    expect((await gw.call('exportDeregistrations', { from: '20260101', to: '20260331' }, 's-dl-reviewer')).status).toBe(403);
  });

  it('cannot express a forbidden rejection reason, and R90 needs a note (人社厅发〔2020〕79号 一(二))', async () => {
    const forbidden = await gw.call('decideApplication', { applicationId: ids.dalian, decision: 'reject', reasonCode: '材料不全' }, 's-dl-reviewer');
    expect(forbidden.status).toBe(400);
    expect(forbidden.json.error?.fields?.reasonCode).toBeTruthy();
    const noReason = await gw.call('decideApplication', { applicationId: ids.dalian, decision: 'reject' }, 's-dl-reviewer');
    expect(noReason.json.error?.fields?.reasonCode).toBeTruthy();
    const r90 = await gw.call('decideApplication', { applicationId: ids.dalian, decision: 'reject', reasonCode: 'R90' }, 's-dl-reviewer');
    expect(r90.json.error?.fields?.note).toBeTruthy();
  });

  it('audits a staff read of an application (who, what, when)', async () => {
    const detail = await gw.call('getApplicationDetail', { applicationId: ids.dalian }, 's-dl-reviewer');
    expect(detail.status).toBe(200);
    expect(detail.json.data.checks.find((c: { name: string }) => c.name === 'socialInsurance').detail).toContain('甲公司');
    const entries = await readAudit(gw.dataDir);
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'getApplicationDetail', applicationId: ids.dalian, staffOpenid: 's-dl-reviewer', at: expect.any(Number) })]));
  });

  it('approves: the citizen\'s progress shows the decision, the registration and the certificate, and a message', async () => {
    const d = await gw.call('decideApplication', { applicationId: ids.dalian, decision: 'approve', note: '已电话核实已离职' }, 's-dl-reviewer');
    expect(d.status).toBe(200);
    const p = await gw.call('getProgress', { applicationId: ids.dalian }, 'c-dalian');
    expect(p.json.data.status).toBe('approved');
    expect(p.json.data.timeline.map((t: { status: string }) => t.status)).toEqual(['submitted', 'checked', 'pending_review', 'approved', 'services']);
    expect(p.json.data.certificate.registrationStatus).toBe('active');
    const msgs = await gw.call('listMyMessages', {}, 'c-dalian');
    const titles = msgs.json.data.messages.map((m: { title: string }) => m.title);
    expect(titles.some((t: string) => t.includes('审核通过'))).toBe(true);
    // 人社厅发〔2020〕79号 一(三): after registration the person gets the region's policy, service and agency lists
    expect(titles.some((t: string) => t.includes('就业服务清单'))).toBe(true);
    const again = await gw.call('decideApplication', { applicationId: ids.dalian, decision: 'approve' }, 's-dl-reviewer');
    expect(again.status).toBe(409);
  });

  it('rejects with a reason from the list; the citizen reads it and may apply again', async () => {
    const d = await gw.call('decideApplication', { applicationId: ids.later, decision: 'reject', reasonCode: 'R02' }, 's-dl-reviewer');
    expect(d.json.data.status).toBe('rejected');
    const p = await gw.call('getProgress', { applicationId: ids.later }, 'c-later');
    expect(p.json.data.timeline.at(-1).note).toContain('已依法享受基本养老保险待遇');
    const again = await gw.call('submitUnemploymentRegistration', unemployment(dalianLater), 'c-later');
    expect(again.json.data.applicationId).not.toBe(ids.later);
  });
});

describe('deregistration and the national export (人社厅发〔2020〕79号 一(四), attachment)', () => {
  const a = makePerson({ region: '210204', gender: '1' });
  const b = makePerson({ region: '210203', gender: '2' });
  const c = makePerson({ region: '210202', gender: '1' });
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-04-01T10:00:00+08:00', gov: { persons: [govRecord(a), govRecord(b), govRecord(c)], staff: STAFF } });
    for (const [p, o] of [[a, 'd-a'], [b, 'd-b'], [c, 'd-c']] as const) {
      expect((await gw.call('submitUnemploymentRegistration', unemployment(p), o)).json.data.status).toBe('approved');
    }
  });
  afterAll(async () => { await gw.close(); });

  it('refuses AJC00A 32 without six months of recorded failed contacts, whatever the note says (人社厅发〔2020〕79号 一(四))', async () => {
    const bare = await gw.call('deregister', { idNumber: a.idNumber, reasonCode: '32' }, 's-dl-reviewer');
    expect(bare.status).toBe(400);
    expect(bare.json.error?.fields?.note).toMatch(/核实/);
    // Before issue 12 a note was enough on the day of registration; now the record must show the months
    // (test/unit/deregistration-evidence.gateway.test.ts walks the six months).
    const noted = await gw.call('deregister', { idNumber: a.idNumber, reasonCode: '32', note: '2026年3月起每月电话、短信、上门均无法联系，社区已核实' }, 's-dl-reviewer');
    expect(noted.status).toBe(400);
    expect(noted.json.error?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)，不能仅以连续6个月无法联系为由注销/);
    expect((await gw.call('deregister', { idNumber: a.idNumber, reasonCode: '11' }, 's-dl-reviewer')).status).toBe(200);
  });

  it('tells the person, and a second deregistration is a conflict', async () => {
    const msgs = await gw.call('listMyMessages', {}, 'd-a');
    expect(msgs.json.data.messages[0].title).toBe('您的失业登记已注销');
    expect((await gw.call('deregister', { idNumber: a.idNumber, reasonCode: '11' }, 's-dl-reviewer')).status).toBe(409);
  });

  it('refuses an unknown reason code and another region\'s person', async () => {
    expect((await gw.call('deregister', { idNumber: b.idNumber, reasonCode: '22' }, 's-dl-reviewer')).status).toBe(400);
    expect((await gw.call('deregister', { idNumber: b.idNumber, reasonCode: '11' }, 's-as-reviewer')).status).toBe(404);
  });

  it('exports exactly the indicator fields, and lists a record that breaks a rule with its rule', async () => {
    expect((await gw.call('deregister', { idNumber: b.idNumber, reasonCode: '11' }, 's-dl-reviewer')).status).toBe(200);
    // Issue 12: a staff name with a space used to break AAE011 and the record was never reported; the
    // 经办人 is now written as the export takes it (shared/export.rules.ts exportStaffName).
    expect((await gw.call('deregister', { idNumber: c.idNumber, reasonCode: '12' }, 's-dl-spaced')).status).toBe(200);
    // a record made before that change (a 台胞证 holder, refused at intake since): listed with its rule
    const store = openSqliteStore({ dataDir: gw.dataDir });
    try {
      await store.put('deregistrations', '210204legacy', {
        region: '210204', serial: '202604010000009999', personKey: 'legacy', name: '林志明', idType: '06', idNumber: '12345678', gender: '1',
        at: Date.parse('2026-04-01T09:00:00+08:00'), date: '2026-04-01', reasonCode: '11', staffName: '大连审核员', note: '', registrationId: 'legacy',
      });
    } finally { await store.close?.(); }
    const out = await gw.call('exportDeregistrations', { from: '20260401', to: '20260401' }, 's-dl-admin');
    expect(out.status).toBe(200);
    const { records, rejected, csv } = out.json.data;
    expect(records).toHaveLength(3);
    for (const r of records) expect(Object.keys(r)).toEqual([...INDICATORS]);
    expect(records.map((r: { AAC002: string }) => r.AAC002).sort()).toEqual([a.idNumber, b.idNumber, c.idNumber].sort());
    expect(records.find((r: { AAC002: string }) => r.AAC002 === c.idNumber).AAE011).toBe('王经办');
    expect(records.every((r: { ADC210: string; AAZ341: string }) => r.ADC210 === '20260401' && r.AAZ341.length === 18)).toBe(true);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].rule).toBe('AAC002 首位不是字母的，长度为15或18位');
    expect(rejected[0].record.AAC002).not.toBe('12345678');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(INDICATORS.join(','));
    const none = await gw.call('exportDeregistrations', { from: '20260402', to: '20260430' }, 's-dl-admin');
    expect(none.json.data.records).toHaveLength(0);
  });
});

describe('monthly statistics: period 21st → 20th, Beijing time (人社厅发〔2020〕79号 三)', () => {
  it('counts a registration at 20th 23:59 in this month and one at 21st 00:00 in the next', async () => {
    const before = makePerson({ region: '210204', birth: '20030101' }); // 23 at the end of March 2026
    const after = makePerson({ region: '210204' });
    const gov = { persons: [govRecord(before), govRecord(after)], staff: STAFF };
    let gw = await startTestGateway({ now: '2026-03-20T23:59:00+08:00', gov });
    expect((await gw.call('submitUnemploymentRegistration', unemployment(before, '2025-09'), 'm-1')).json.data.status).toBe('approved');
    await gw.close(true);
    gw = await startTestGateway({ now: '2026-03-21T00:00:00+08:00', gov, dataDir: gw.dataDir });
    try {
      expect((await gw.call('submitUnemploymentRegistration', unemployment(after), 'm-2')).json.data.status).toBe('approved');
      const march = await gw.call('monthlyStats', { month: '2026-03' }, 's-dl-admin');
      expect(march.status).toBe(200);
      expect(march.json.data.period).toEqual({ from: '2026-02-21', to: '2026-03-20' });
      expect(march.json.data.newRegistrations).toBe(1);
      expect(march.json.data.registeredAtPeriodEnd).toBe(1);
      expect(march.json.data.youth16to24).toBe(1);
      expect(march.json.data.unemployedOver6Months).toBe(1);
      expect(march.json.data.byRegion['210204'].newRegistrations).toBe(1);
      const april = await gw.call('monthlyStats', { month: '2026-04' }, 's-dl-admin');
      expect(april.json.data.newRegistrations).toBe(1);
      expect(april.json.data.registeredAtPeriodEnd).toBe(2);
      const other = await gw.call('monthlyStats', { month: '2026-04' }, 's-as-reviewer');
      expect(other.status).toBe(403);
    } finally { await gw.close(); }
  });
});
