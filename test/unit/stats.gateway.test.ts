/**
 * Monthly statistics by the region of each registration (登记失业地; 人社厅发〔2020〕79号 三(九)(十)): two cities
 * (大连, 鞍山), three districts, registrations and deregistrations in each, one person who registered in
 * 鞍山, was deregistered there and registered again in 大连 — and the totals cross-checked against a
 * direct count of the stored records.
 */
import { COMMITMENTS } from '@shared/commitment';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'st-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'st-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
  { openid: 'st-dl-admin', name: '大连管理员', region: '2102', role: 'admin' },
  { openid: 'st-as-admin', name: '鞍山管理员', region: '2103', role: 'admin' },
  { openid: 'st-zs-admin', name: '中山区管理员', region: '210202', role: 'admin' },
  { openid: 'st-ln-admin', name: '省管理员', region: '21', role: 'admin' },
];

const unemployment = (p: TestPerson, extra: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version }, ...extra,
});

describe('monthly statistics count each figure in the region of the registration (登记失业地)', () => {
  const zhongshan1 = makePerson({ region: '210202' });
  const zhongshan2 = makePerson({ region: '210202' });
  const shahekou = makePerson({ region: '210204' });
  const tiedong = makePerson({ region: '210302' });
  // hukou and first registration in 鞍山 (铁东区); moves to 大连 (中山区) and registers again there
  const mover = makePerson({ region: '210302' });
  const gov = { persons: [zhongshan1, zhongshan2, shahekou, tiedong, mover].map((p) => govRecord(p)), staff: STAFF };
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-03-02T09:00:00+08:00', gov });
    for (const [p, o] of [[zhongshan1, 'sc-1'], [zhongshan2, 'sc-2'], [shahekou, 'sc-3'], [tiedong, 'sc-4'], [mover, 'sc-5']] as const) {
      expect((await gw.call('submitUnemploymentRegistration', unemployment(p), o)).json.data.status).toBe('approved');
    }
    expect((await gw.call('deregister', { idNumber: shahekou.idNumber, reasonCode: '11' }, 'st-dl-reviewer')).status).toBe(200);
    expect((await gw.call('deregister', { idNumber: mover.idNumber, reasonCode: '11' }, 'st-as-reviewer')).status).toBe(200);
    await gw.close(true);
    gw = await startTestGateway({ now: '2026-03-09T09:00:00+08:00', gov, dataDir: gw.dataDir });
    const moved = unemployment(mover, { residenceAddress: { regionCode: '210202', detail: '人民路 8 号' } });
    expect((await gw.call('submitUnemploymentRegistration', moved, 'sc-5')).json.data.status).toBe('approved');
    expect((await gw.call('deregister', { idNumber: zhongshan2.idNumber, reasonCode: '12' }, 'st-dl-reviewer')).status).toBe(200);
  });
  afterAll(async () => { await gw.close(); });

  const stats = async (openid: string) => {
    const r = await gw.call('monthlyStats', { month: '2026-03' }, openid);
    expect(r.status).toBe(200);
    return r.json.data;
  };

  it('大连 counts its own registrations and deregistrations, and not the 鞍山 registration of a person who moved', async () => {
    const dl = await stats('st-dl-admin');
    // 中山区: zhongshan1, zhongshan2, mover (second registration); 沙河口区: shahekou
    expect(dl.newRegistrations).toBe(4);
    expect(dl.deregistrations).toBe(2);
    expect(dl.registeredAtPeriodEnd).toBe(2);
    expect(Object.keys(dl.byRegion).sort()).toEqual(['210202', '210204']);
    expect(dl.byRegion['210202']).toMatchObject({ newRegistrations: 3, deregistrations: 1, registeredAtPeriodEnd: 2 });
    expect(dl.byRegion['210204']).toMatchObject({ newRegistrations: 1, deregistrations: 1, registeredAtPeriodEnd: 0 });
  });

  it('鞍山 keeps the registration and the deregistration that happened there', async () => {
    const as = await stats('st-as-admin');
    expect(as.newRegistrations).toBe(2);
    expect(as.deregistrations).toBe(1);
    expect(as.registeredAtPeriodEnd).toBe(1);
    expect(Object.keys(as.byRegion)).toEqual(['210302']);
    expect(as.byRegion['210302']).toMatchObject({ newRegistrations: 2, deregistrations: 1, registeredAtPeriodEnd: 1 });
  });

  it('a district admin sees only the district', async () => {
    const zs = await stats('st-zs-admin');
    expect(zs.newRegistrations).toBe(3);
    expect(Object.keys(zs.byRegion)).toEqual(['210202']);
  });

  it('the province total is the sum of the cities and equals a direct count of the stored records', async () => {
    const [ln, dl, as] = [await stats('st-ln-admin'), await stats('st-dl-admin'), await stats('st-as-admin')];
    for (const k of ['newRegistrations', 'deregistrations', 'registeredAtPeriodEnd'] as const) expect(ln[k]).toBe(dl[k] + as[k]);
    const store = openSqliteStore({ dataDir: gw.dataDir });
    try {
      const approved = await store.find<{ region: string }>('applications', { kind: 'unemployment', status: 'approved' });
      const deregs = await store.find<{ region: string }>('deregistrations', {});
      expect(ln.newRegistrations).toBe(approved.length);
      expect(ln.deregistrations).toBe(deregs.length);
      const byRegion = (rows: Array<{ region: string }>) => rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.region]: (m[r.region] ?? 0) + 1 }), {});
      expect(Object.fromEntries(Object.entries(ln.byRegion).map(([c, f]) => [c, (f as { newRegistrations: number }).newRegistrations]))).toEqual(byRegion(approved));
      expect(Object.fromEntries(Object.entries(ln.byRegion).map(([c, f]) => [c, (f as { deregistrations: number }).deregistrations]).filter(([, n]) => n))).toEqual(byRegion(deregs));
    } finally { await store.close?.(); }
  });
});

describe('农村户籍 and non-local persons in the statistics: a regional rule (吉人社函字〔2018〕175号 四(三), 大人社规发〔2025〕2号 三(一))', () => {
  const jl = (p: TestPerson, extra: Record<string, unknown>) => unemployment(p, { residenceAddress: { regionCode: '220102', detail: '人民大街 1 号' }, ...extra });
  const localUrban = makePerson({ region: '220102' });
  const rural = makePerson({ region: '220122' }); // 农安县, same city, 农村居民家庭
  const fromDalian = makePerson({ region: '210204' }); // hukou in 大连, lives and registers in 长春
  const inDalianFromAnshan = makePerson({ region: '210302' });
  const staff = [...STAFF, { openid: 'st-jl-admin', name: '吉林管理员', region: '22', role: 'admin' }];
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-03-02T09:00:00+08:00', gov: { persons: [localUrban, rural, fromDalian, inDalianFromAnshan].map((p) => govRecord(p)), staff } });
  });
  afterAll(async () => { await gw.close(); });

  it('asks 户籍性质 and, for a rural or non-local person, the time in stable work at the residence — only where the profile needs them', async () => {
    const noType = await gw.call('submitUnemploymentRegistration', jl(localUrban, {}), 'jl-1');
    expect(noType.status).toBe(400);
    expect(noType.json.error?.fields?.householdType).toBe('请选择户籍性质');
    const noStable = await gw.call('submitUnemploymentRegistration', jl(fromDalian, { householdType: '城镇居民家庭' }), 'jl-3');
    expect(noStable.status).toBe(400);
    expect(noStable.json.error?.fields?.stableEmploymentAtResidence).toMatch(/满6个月/);
    // 大连 (profile 'included') asks neither
    const dl = await gw.call('submitUnemploymentRegistration', unemployment(inDalianFromAnshan, { residenceAddress: { regionCode: '210202', detail: '人民路 8 号' } }), 'dl-4');
    expect(dl.json.data.status).toBe('approved');
  });

  it('吉林 keeps them out of 本期新增 and reports them apart, split at 6 months; 大连 counts them and reports them too', async () => {
    expect((await gw.call('submitUnemploymentRegistration', jl(localUrban, { householdType: '城镇居民家庭', stableEmploymentAtResidence: 'under_6m' }), 'jl-1')).json.data.status).toBe('approved');
    expect((await gw.call('submitUnemploymentRegistration', jl(rural, { householdType: '农村居民家庭', stableEmploymentAtResidence: '6m_or_more' }), 'jl-2')).json.data.status).toBe('approved');
    expect((await gw.call('submitUnemploymentRegistration', jl(fromDalian, { householdType: '城镇居民家庭', stableEmploymentAtResidence: 'under_6m' }), 'jl-3')).json.data.status).toBe('approved');
    const jlStats = (await gw.call('monthlyStats', { month: '2026-03' }, 'st-jl-admin')).json.data;
    expect(jlStats.newRegistrations).toBe(1);
    expect(jlStats.registeredAtPeriodEnd).toBe(1);
    expect(jlStats.ruralOrNonLocal).toEqual({ newRegistrations: 2, stable6MonthsOrMore: 1, stableUnder6Months: 1, stableNotAsked: 0, registeredAtPeriodEnd: 2, inMainFigures: false });
    const dlStats = (await gw.call('monthlyStats', { month: '2026-03' }, 'st-dl-admin')).json.data;
    expect(dlStats.newRegistrations).toBe(1);
    expect(dlStats.ruralOrNonLocal).toMatchObject({ newRegistrations: 1, stableNotAsked: 1, inMainFigures: true });
  });
});
