/**
 * 我的登记 → updateMyRegistration through the real gateway (人社厅发〔2020〕79号 二(六) "申请—登记—服务—退出"):
 * each change is recorded in the registration's history (which fields, when, by whom — never the
 * values), the same requestId changes nothing twice, and a move of the residence to another county is
 * told to the staff of both counties, the person masked, the 登记失业地 unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMITMENTS } from '@shared/commitment';
import { regionName } from '@shared/regions';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { StorePort } from '../../cloudfunctions/core/store.port';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [
  { openid: 'ur-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'ur-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
  { openid: 'ur-jl-reviewer', name: '吉林审核员', region: '2202', role: 'reviewer' },
];
const OPENID = 'ur-citizen';
const MOVED_TO = '210302'; // 鞍山市铁东区
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let raw: StorePort;
let storeDir: string;
let applicationId: string;

interface Change { at: number; fields: string[]; by: string }
interface Reg { registrationId: string; region: string; status: string; changes?: Change[]; details?: Record<string, unknown> }

const history = async (): Promise<Change[]> => {
  const [reg] = await raw.find<Reg>('registrations', { status: 'active' });
  return reg?.changes ?? [];
};
const staffNotices = async (openid: string) =>
  ((await gw.call('listMyMessages', {}, openid)).json.data.messages as Array<{ title: string; body: string }>).filter((m) => m.title === '登记人员常住地变更');

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'jy-ur-'));
  raw = openSqliteStore({ dataDir: storeDir });
  gw = await startTestGateway({ now: NOW, store: raw, gov: { persons: [govRecord(person)], staff: STAFF } });
  const r = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, OPENID);
  expect(r.json.data.status).toBe('approved');
  applicationId = r.json.data.applicationId;
});
afterAll(async () => {
  await gw.close();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('the registration\'s history records each change', () => {
  it('starts with no changes', async () => {
    expect(await history()).toEqual([]);
  });

  it('records the phone change: which field, when, by whom — not the number', async () => {
    const rid = requestId();
    const r = await gw.call('updateMyRegistration', { requestId: rid, phone: '13700001234' }, OPENID);
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ changed: ['phone'], regionChanged: false });
    const h = await history();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ fields: ['phone'], by: OPENID });
    expect(h[0].at).toBeGreaterThanOrEqual(Date.parse(NOW)); // the gateway's clock, not today's date
    expect(JSON.stringify(h)).not.toContain('13700001234');
    // the same requestId again: the same answer, no second entry
    expect((await gw.call('updateMyRegistration', { requestId: rid, phone: '13700001234' }, OPENID)).json.data.changed).toEqual(['phone']);
    expect(await history()).toHaveLength(1);
  });

  it('adds one entry per change, in order, each naming only what changed', async () => {
    expect((await gw.call('updateMyRegistration', { requestId: requestId(), jobIntentions: ['仓储管理'], skills: '叉车驾驶证，三年仓库经验' }, OPENID)).status).toBe(200);
    expect((await gw.call('updateMyRegistration', { requestId: requestId(), residenceAddress: { regionCode: '210204', detail: '黄河路88号3单元' } }, OPENID)).json.data.regionChanged).toBe(false);
    const h = await history();
    expect(h.map((c) => [...c.fields].sort())).toEqual([['phone'], ['jobIntentions', 'skills'], ['residenceAddress']]);
    expect(h[1].at).toBeGreaterThanOrEqual(h[0].at);
    expect(h[2].at).toBeGreaterThanOrEqual(h[1].at);
    // the person is told each time what was changed
    const titles = ((await gw.call('listMyMessages', {}, OPENID)).json.data.messages as Array<{ title: string; body: string }>).filter((m) => m.title === '失业登记信息已更新');
    expect(titles).toHaveLength(3);
    expect(titles.map((m) => m.body).join('|')).toContain('常住地址');
  });

  it('a move within the same county tells no staff', async () => {
    expect(await staffNotices('ur-dl-reviewer')).toEqual([]);
    expect(await staffNotices('ur-as-reviewer')).toEqual([]);
  });

  it('a bad change is refused with the field named, and nothing is recorded', async () => {
    const before = await history();
    const bad = await gw.call('updateMyRegistration', { requestId: requestId(), residenceAddress: { regionCode: '210200', detail: '' } }, OPENID);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error!.fields!).some((k) => k.startsWith('residenceAddress'))).toBe(true);
    expect(await history()).toEqual(before);
  });
});

describe('a move to another county tells the staff of both', () => {
  it('answers regionChanged, records it, and both counties\' reviewers get a notice naming the places, the person masked', async () => {
    const r = await gw.call('updateMyRegistration', { requestId: requestId(), residenceAddress: { regionCode: MOVED_TO, detail: '胜利路16号' } }, OPENID);
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ changed: ['residenceAddress'], regionChanged: true });
    expect((await history()).at(-1)).toMatchObject({ fields: ['residenceAddress'] });

    const dalian = await staffNotices('ur-dl-reviewer');
    const anshan = await staffNotices('ur-as-reviewer');
    expect(dalian).toHaveLength(1);
    expect(anshan).toHaveLength(1);
    for (const m of [dalian[0], anshan[0]]) {
      expect(m.body).toContain(regionName('210204')!);
      expect(m.body).toContain(regionName(MOVED_TO)!);
      expect(m.body).toContain(`${person.name[0]}*`);
      expect(m.body).not.toContain(person.name);
      expect(m.body).not.toContain(person.idNumber);
    }
    // staff elsewhere hear nothing
    expect(await staffNotices('ur-jl-reviewer')).toEqual([]);
  });

  it('keeps the 登记失业地 where the person registered', async () => {
    const [reg] = await raw.find<Reg>('registrations', { status: 'active' });
    expect(reg.region).toBe('210204');
    expect((await gw.call('getMyStatus', {}, OPENID)).json.data.registrations.map((x: { kind: string }) => x.kind)).toEqual(['unemployment']);
  });

  it('shows staff the person\'s current address and phone in the application, not the ones first filed', async () => {
    const detail = await gw.call('getApplicationDetail', { applicationId }, 'ur-dl-reviewer');
    expect(detail.status).toBe(200);
    expect(detail.json.data.form.residenceAddress).toEqual({ regionCode: MOVED_TO, detail: '胜利路16号' });
    expect(detail.json.data.form.phone).not.toBe(person.phone);
    expect(detail.json.data.form.phone).toMatch(/^137\*+1234$/);
  });
});
