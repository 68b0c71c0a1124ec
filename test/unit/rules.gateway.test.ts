/**
 * Staff free text through the real gateway: a rejection note may not carry a reason 人社厅发〔2020〕79号 一(二) or
 * 大人社规发〔2025〕2号 三(一) forbids, nor ask for papers beyond the ID; AJC00A 90 needs a real explanation and cannot
 * stand in for 31/32 (人社厅发〔2020〕79号 一(四)). Every refusal names the rule and stores nothing.
 */
import { TAIWAN_PASS_MESSAGE } from '@shared/codes';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'r-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
];

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

describe('rejection notes are screened for forbidden reasons (人社厅发〔2020〕79号 一(二), 大人社规发〔2025〕2号 三(一))', () => {
  const pending = makePerson({ region: '210204' });
  let gw: TestGateway;
  let applicationId: string;
  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-03-09T09:00:00+08:00', gov: { persons: [govRecord(pending, { unitInsurance: { unit: '甲公司', since: '2020-01-01' } })], staff: STAFF } });
    const r = await gw.call('submitUnemploymentRegistration', unemployment(pending), 'r-citizen');
    expect(r.json.data.status).toBe('pending_review');
    applicationId = r.json.data.applicationId;
  });
  afterAll(async () => { await gw.close(); });

  it.each([
    ['材料不全，请补交离职证明', /人社厅发〔2020〕79号 一\(二\)/],
    ['请提供户口本', /人社厅发〔2020〕79号 一\(二\)/],
    ['未参保不予登记', /不得与是否在当地参加社会保险挂钩/],
    ['外地户口', /大人社规发〔2025〕2号 三\(一\)/],
  ])('refuses R90 "%s" with the rule named, and the citizen hears nothing', async (note, rule) => {
    const r = await gw.call('decideApplication', { applicationId, decision: 'reject', reasonCode: 'R90', note }, 'r-dl-reviewer');
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(rule);
    expect(r.json.error?.message).toMatch(/^依据/);
    expect(r.json.error?.fields?.note).toMatch(rule);
    const progress = await gw.call('getProgress', { applicationId }, 'r-citizen');
    expect(progress.json.data.status).toBe('pending_review');
    const msgs = await gw.call('listMyMessages', {}, 'r-citizen');
    expect(msgs.json.data.messages.some((m: { title: string }) => /未通过/.test(m.title))).toBe(false);
  });

  it('screens the note of a listed reason too', async () => {
    const r = await gw.call('decideApplication', { applicationId, decision: 'reject', reasonCode: 'R03', note: '经核实处于就业状态，请提供离职证明后再申请' }, 'r-dl-reviewer');
    expect(r.status).toBe(400);
    expect(r.json.error?.fields?.note).toMatch(/不得要求提供任何证明/);
  });

  it('screens an approval note too: it reaches the citizen\'s timeline as "经办人员审核通过：…"', async () => {
    const r = await gw.call('decideApplication', { applicationId, decision: 'approve', note: '先予通过，请一周内补交离职证明和户口本' }, 'r-dl-reviewer');
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(二\)/);
    expect(r.json.error?.fields?.note).toMatch(/不得要求提供任何证明/);
    const progress = (await gw.call('getProgress', { applicationId }, 'r-citizen')).json.data;
    expect(progress.status).toBe('pending_review');
    expect(JSON.stringify(progress.timeline)).not.toContain('离职证明');
  });

  it('accepts an honest explanation', async () => {
    const r = await gw.call('decideApplication', { applicationId, decision: 'reject', reasonCode: 'R03', note: '经比对社会保险记录，申请人在甲公司参保缴费至今，处于就业状态' }, 'r-dl-reviewer');
    expect(r.status).toBe(200);
    expect(r.json.data.status).toBe('rejected');
  });
});

describe('AJC00A 90 其他 needs a real sentence and cannot stand in for 31/32 (人社厅发〔2020〕79号 一(四))', () => {
  const person = makePerson({ region: '210204' });
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: '2026-03-09T09:00:00+08:00', gov: { persons: [govRecord(person)], staff: STAFF } });
    expect((await gw.call('submitUnemploymentRegistration', unemployment(person), 'r-90')).json.data.status).toBe('approved');
  });
  afterAll(async () => { await gw.close(); });

  const deregister = (note?: string) => gw.call('deregister', { idNumber: person.idNumber, reasonCode: '90', ...(note === undefined ? {} : { note }) }, 'r-dl-reviewer');

  it.each([[undefined], ['其他'], ['。。。。。。。。。。。。。。。。。。']])('refuses 90 with the note %j', async (note) => {
    const r = await deregister(note);
    expect(r.status).toBe(400);
    expect(r.json.error?.fields?.note).toMatch(/完整的一句话/);
  });

  it.each(['多次电话联系均无人接听，无法取得联系，予以注销', '本人连续三次拒绝参加推荐的招聘会和培训'])('refuses 90 about refusals or lost contact: %s', async (note) => {
    const r = await deregister(note);
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)，不能仅以连续3次拒绝接受公共就业服务或连续6个月无法取得联系为由注销/);
    const status = await gw.call('getMyStatus', {}, 'r-90');
    expect(status.json.data.registrations.map((x: { kind: string }) => x.kind)).toContain('unemployment');
  });

  it('accepts 90 with a sentence that says what happened', async () => {
    const r = await deregister('本人书面申请，因长期出国定居，要求注销失业登记');
    expect(r.status).toBe(200);
  });
});

describe('valid ID documents (鞍人社〔2020〕21号 二): intake takes only what the national export can report', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ now: '2026-03-09T09:00:00+08:00', gov: { staff: STAFF } }); });
  afterAll(async () => { await gw.close(); });

  it('refuses a 台湾居民来往大陆通行证 at intake, naming the documents to use, and stores nothing', async () => {
    const taiwan = makePerson({ region: '210204', gender: '1' });
    const r = await gw.call('submitUnemploymentRegistration', { ...unemployment(taiwan), idType: '06', idNumber: '12345678', birthDate: '1985-06-01' }, 'r-taiwan');
    expect(r.status).toBe(400);
    expect(r.json.error?.fields?.idType).toBe(TAIWAN_PASS_MESSAGE);
    expect(r.json.error?.fields?.idType).toMatch(/^依据鞍人社〔2020〕21号 二，.*港澳台居民居住证或社会保障卡/);
    expect((await gw.call('listMyApplications', {}, 'r-taiwan')).json.data.applications).toEqual([]);
  });
});
