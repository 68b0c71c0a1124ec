/**
 * AJC00A 31 / 32 on evidence (人社厅发〔2020〕79号 一(四): 不能简单以连续3次拒绝接受公共就业服务、连续6个月无法取得联系为由注销),
 * through the real gateway over six months: the first contact and each month's follow-up call are staff
 * tasks whose outcomes are recorded (reached or not, services offered, accepted or refused, each dated by
 * the server clock); 32 is refused until six consecutive months of failed attempts are on record, 31
 * until three refusals in a row; both still need a statement of the verification; staff see the
 * evidence before confirming; nothing ends a registration on its own.
 */
import { COMMITMENTS } from '@shared/commitment';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'e-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'e-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const REVIEWER = 'e-dl-reviewer';
const VERIFIED = '已于6月5日会同社区上门走访，邻居称本人已搬离半年，社区网格员确认无法联系';

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2025-10', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

const lost = makePerson({ region: '210204' }); // never reached
const onceReached = makePerson({ region: '210204' }); // reached in February, lost afterwards
const refuser = makePerson({ region: '210202' }); // reached, refuses what is offered
const gov = { persons: [lost, onceReached, refuser].map((p) => govRecord(p)), staff: STAFF };
const apps: Record<string, string> = {};
let gw: TestGateway;

async function month(now: string): Promise<void> {
  await gw.close(true);
  gw = await startTestGateway({ now, gov, dataDir: gw.dataDir });
  expect((await gw.call('runScheduler', {}, null)).status).toBe(200);
}

/** The open contact or follow-up task of a person, as the staff list shows it. */
async function taskOf(who: string): Promise<{ taskId: string; kind: string; kindLabel: string }> {
  const list = await gw.call('listContactTasks', {}, REVIEWER);
  const mine = list.json.data.items.filter((t: { applicationId: string }) => t.applicationId === apps[who]);
  expect(mine).toHaveLength(1);
  return mine[0];
}

async function record(who: string, body: Record<string, unknown>): Promise<void> {
  const t = await taskOf(who);
  const r = await gw.call('completeContactTask', { taskId: t.taskId, ...body }, REVIEWER);
  expect(r.status).toBe(200);
}

const unreachable = { outcome: 'unreachable', channel: 'phone', note: '上午、下午各拨打一次，无人接听' };
const refused = (...services: string[]) => ({ outcome: 'reached', channel: 'phone', offers: services.map((service) => ({ service, outcome: 'refused' })) });
const evidence = async (p: TestPerson, openid = REVIEWER) => gw.call('getDeregistrationEvidence', { idNumber: p.idNumber }, openid);
const deregister = (p: TestPerson, reasonCode: string, note?: string) => gw.call('deregister', { idNumber: p.idNumber, reasonCode, ...(note ? { note } : {}) }, REVIEWER);

beforeAll(async () => {
  gw = await startTestGateway({ now: '2026-01-05T10:00:00+08:00', gov });
  for (const [p, key] of [[lost, 'lost'], [onceReached, 'onceReached'], [refuser, 'refuser']] as const) {
    const r = await gw.call('submitUnemploymentRegistration', unemployment(p), `e-${key}`);
    expect(r.json.data.status).toBe('approved');
    apps[key] = r.json.data.applicationId;
  }
});
afterAll(async () => { await gw.close(); });

describe('the record of contacts and services (人社厅发〔2020〕79号 一(三)(四))', () => {
  it('refuses 32 and 31 on the day of registration, whatever the note says, and stores nothing', async () => {
    const r32 = await deregister(lost, '32', VERIFIED);
    expect(r32.status).toBe(400);
    expect(r32.json.error?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)，不能仅以连续6个月无法联系为由注销：系统记录中连续未能联系上的月份为0个月/);
    expect(r32.json.error?.fields?.reasonCode).toBe(r32.json.error?.message);
    const r31 = await deregister(refuser, '31', VERIFIED);
    expect(r31.status).toBe(400);
    expect(r31.json.error?.message).toMatch(/不能仅以连续3次拒绝接受公共就业服务为由注销：系统记录中连续拒绝的次数为0次/);
    expect((await gw.call('getMyStatus', {}, 'e-lost')).json.data.registrations.map((x: { kind: string }) => x.kind)).toContain('unemployment');
  });

  it('records an attempt without closing the task, then closes it with the outcome (the first contact, January)', async () => {
    const t = await taskOf('lost');
    expect(t).toMatchObject({ kind: 'contact', kindLabel: '登记后首次联系' });
    const first = await gw.call('recordContactAttempt', { taskId: t.taskId, ...unreachable }, REVIEWER);
    expect(first.json.data).toMatchObject({ status: 'open', attempt: { reached: false, channel: 'phone', date: '2026-01-05' } });
    // a reached contact with no offers, or an unreachable one with offers, are told apart
    const bad = await gw.call('recordContactAttempt', { taskId: t.taskId, outcome: 'unreachable', note: '无人接听', offers: [{ service: 'training', outcome: 'refused' }] }, REVIEWER);
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields?.offers).toMatch(/未能联系上时不能记录/);
    await record('lost', { ...unreachable, channel: 'sms' });
    await record('onceReached', unreachable);
    await record('refuser', refused('job_referral'));
  });

  it('February: the monthly follow-up is a staff call, recorded with the same form', async () => {
    await month('2026-02-05T10:00:00+08:00');
    const t = await taskOf('lost');
    expect(t).toMatchObject({ kind: 'followcall', kindLabel: '每月跟踪回访', taskId: `followcall:${apps.lost}:2026-02-05` });
    await record('lost', unreachable);
    await record('onceReached', { outcome: 'reached', channel: 'phone', offers: [{ service: 'training', outcome: 'accepted' }] });
    await record('refuser', refused('training', 'career_guidance'));
    const r31 = await deregister(refuser, '31', VERIFIED);
    expect(r31.status).toBe(400);
    expect(r31.json.error?.message).toMatch(/连续拒绝的次数为2次/);
  });

  it('March: a third refusal in a row allows 31, with a statement of what was verified', async () => {
    await month('2026-03-05T10:00:00+08:00');
    await record('lost', unreachable);
    await record('onceReached', unreachable);
    await record('refuser', refused('job_fair'));
    const e = await evidence(refuser);
    expect(e.status).toBe(200);
    expect(e.json.data.refusals).toMatchObject({ satisfied: true, needed: 3, refusals: [{ date: '2026-01-05' }, { date: '2026-02-05' }, { date: '2026-03-05' }] });
    expect(e.json.data.codes['31'].allowed).toBe(true);
    expect(e.json.data.codes['32'].allowed).toBe(false);
    expect(e.json.data.attempts.map((a: { text: string }) => a.text)).toEqual([
      '2026-01-05 电话：已联系上，提供 职业介绍（推荐岗位）（拒绝）',
      '2026-02-05 电话：已联系上，提供 职业技能培训（拒绝）、职业指导（拒绝）',
      '2026-03-05 电话：已联系上，提供 招聘活动（拒绝）',
    ]);
    expect(JSON.stringify(e.json)).not.toContain(refuser.idNumber);
    expect((await deregister(refuser, '31', '已核实')).status).toBe(400);
    const done = await deregister(refuser, '31', '三次均由本人明确表示不需要服务，无正当理由，已电话向本人再次核实');
    expect(done.status).toBe(200);
  });

  it('April and May: five months are not six', async () => {
    for (const now of ['2026-04-06T10:00:00+08:00', '2026-05-06T10:00:00+08:00']) {
      await month(now);
      await record('lost', unreachable);
      await record('onceReached', unreachable);
    }
    const r = await deregister(lost, '32', VERIFIED);
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/连续未能联系上的月份为5个月/);
  });

  it('June: six consecutive months of failed attempts allow 32, shown to staff before they confirm', async () => {
    await month('2026-06-05T10:00:00+08:00');
    await record('lost', unreachable);
    await record('onceReached', unreachable);
    const e = await evidence(lost);
    expect(e.json.data.unreachable).toMatchObject({ satisfied: true, needed: 6, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] });
    expect(e.json.data.unreachable.attempts).toHaveLength(7);
    expect(e.json.data.codes['32']).toMatchObject({ allowed: true });
    // reached in February: only March–June count
    const other = await evidence(onceReached);
    expect(other.json.data.unreachable).toMatchObject({ satisfied: false, months: ['2026-03', '2026-04', '2026-05', '2026-06'] });
    expect(other.json.data.codes['32'].message).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)/);
    expect((await deregister(onceReached, '32', VERIFIED)).status).toBe(400);
    // the statement of the verification is still needed
    const bare = await deregister(lost, '32', '无法联系');
    expect(bare.status).toBe(400);
    expect(bare.json.error?.fields?.note).toMatch(/核实情况/);
    const done = await deregister(lost, '32', VERIFIED);
    expect(done.status).toBe(200);
  });

  it('keeps the evidence with the deregistration (audit) and audits every read of it', async () => {
    const store = openSqliteStore({ dataDir: gw.dataDir });
    try {
      const reads = await store.find<Record<string, unknown>>('audit', { action: 'getDeregistrationEvidence' });
      expect(reads.length).toBeGreaterThanOrEqual(3);
      const dereg = (await store.find<Record<string, unknown>>('audit', { action: 'deregister' })).find((r) => r.reasonCode === '32');
      expect(dereg).toMatchObject({ verification: VERIFIED, evidence: expect.arrayContaining(['2026-06-05 电话：未能联系上']) });
    } finally { await store.close?.(); }
  });

  it('another region sees nothing; a registration ended leaves no follow-up call to make', async () => {
    expect((await evidence(onceReached, 'e-as-reviewer')).status).toBe(404);
    const list = await gw.call('listContactTasks', {}, REVIEWER);
    expect(list.json.data.items.map((t: { applicationId: string }) => t.applicationId)).not.toContain(apps.lost);
  });

  it('nothing ends a registration on its own: a seventh month of scheduler runs leaves it active', async () => {
    await month('2026-07-06T10:00:00+08:00');
    const status = await gw.call('getMyStatus', {}, 'e-onceReached');
    expect(status.json.data.registrations.map((x: { kind: string }) => x.kind)).toContain('unemployment');
  });
});
