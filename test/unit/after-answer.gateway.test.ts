/**
 * After the first answer (人社厅发〔2020〕79号 二(六) "申请—登记—服务—退出"), through the gateway:
 * withdraw → apply again; reject → 复核 by another reviewer; report a job → the registration ends with
 * that AJC00A code as the person's own declaration and the national export carries it; change of
 * details recorded and used by staff. Each refuses what the person's state does not allow.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'aa-reviewer-1', name: '审核员甲', region: '2102', role: 'reviewer' },
  { openid: 'aa-reviewer-2', name: '审核员乙', region: '2102', role: 'reviewer' },
  { openid: 'aa-admin', name: '管理员丙', region: '2102', role: 'admin' },
];
const EMPLOYER = { unit: '大连海岸线贸易有限公司', since: '2024-05-01' };

const unemployment = (p: TestPerson, rid = requestId()) => ({
  requestId: rid, ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职',
  claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

const pending = makePerson({ region: '210204' });
const rejected = makePerson({ region: '210202' });
const registered = makePerson({ region: '210203' });
let gw: TestGateway;

const govFor = (insured: boolean) => ({
  persons: [
    insured ? { ...govRecord(pending), unitInsurance: EMPLOYER } : govRecord(pending),
    { ...govRecord(rejected), unitInsurance: EMPLOYER },
    govRecord(registered),
  ],
  staff: STAFF,
});

beforeAll(async () => {
  gw = await startTestGateway({ now: '2026-03-03T10:00:00+08:00', gov: govFor(true) });
});
afterAll(async () => { await gw.close(); });

describe('withdraw a pending application, then apply again', () => {
  let applicationId: string;

  it('withdraws while it waits for review; staff see it leave the queue; the message says so', async () => {
    const r = await gw.call('submitUnemploymentRegistration', unemployment(pending), 'aa-pending');
    expect(r.json.data.status).toBe('pending_review');
    applicationId = r.json.data.applicationId;
    const queued = (await gw.call('listReviewQueue', {}, 'aa-reviewer-1')).json.data.items.map((i: { applicationId: string }) => i.applicationId);
    expect(queued).toContain(applicationId);

    const rid = requestId();
    const w = await gw.call('withdrawApplication', { requestId: rid, applicationId }, 'aa-pending');
    expect(w.status).toBe(200);
    expect(w.json.data.status).toBe('withdrawn');
    expect(w.json.data.timeline.at(-1)).toEqual(expect.objectContaining({ status: 'withdrawn' }));
    // the same requestId again: the same answer, nothing new
    expect((await gw.call('withdrawApplication', { requestId: rid, applicationId }, 'aa-pending')).json.data.status).toBe('withdrawn');
    // a new request on a withdrawn application: refused, saying why
    const again = await gw.call('withdrawApplication', { requestId: requestId(), applicationId }, 'aa-pending');
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toContain('已经撤回');

    const after = (await gw.call('listReviewQueue', {}, 'aa-reviewer-1')).json.data.items.map((i: { applicationId: string }) => i.applicationId);
    expect(after).not.toContain(applicationId);
    const msgs = (await gw.call('listMyMessages', {}, 'aa-pending')).json.data.messages;
    expect(msgs[0].title).toBe('您已撤回失业登记');
  });

  it('refuses a withdrawal by someone who is not the applicant, as if the application did not exist', async () => {
    const r = await gw.call('withdrawApplication', { requestId: requestId(), applicationId }, 'aa-stranger');
    expect(r.status).toBe(404);
  });

  it('lets the person apply again at once', async () => {
    gw.writeGov(govFor(false));
    const r = await gw.call('submitUnemploymentRegistration', unemployment(pending), 'aa-pending');
    expect(r.json.data.status).toBe('approved');
    expect(r.json.data.applicationId).not.toBe(applicationId);
  });

  it('refuses a requestId reused with another action instead of answering with the other result', async () => {
    const rid = requestId();
    const w = await gw.call('withdrawApplication', { requestId: rid, applicationId: 'nonexistent01' }, 'aa-pending');
    expect(w.status).toBe(404);
    const r = await gw.call('updateMyRegistration', { requestId: rid, skills: '叉车驾驶' }, 'aa-pending');
    expect(r.status).toBe(200);
    const clash = await gw.call('withdrawApplication', { requestId: rid, applicationId }, 'aa-pending');
    expect(clash.status).toBe(409);
    expect(clash.json.error?.message).toContain('另一项业务');
  });
});

describe('复核: a rejection reviewed by another staff member', () => {
  let applicationId: string;

  beforeAll(async () => {
    const r = await gw.call('submitUnemploymentRegistration', unemployment(rejected), 'aa-rejected');
    expect(r.json.data.status).toBe('pending_review');
    applicationId = r.json.data.applicationId;
    const d = await gw.call('decideApplication', { applicationId, decision: 'reject', reasonCode: 'R03' }, 'aa-reviewer-1');
    expect(d.json.data.status).toBe('rejected');
  });

  it('tells the person how to ask for a review and of their legal remedies', async () => {
    const msgs = (await gw.call('listMyMessages', {}, 'aa-rejected')).json.data.messages;
    expect(msgs[0].body).toContain('申请复核');
    expect(msgs[0].body).toContain('行政复议');
    expect(msgs[0].body).toContain('行政诉讼');
  });

  it('puts it back in the queue with a new due date; the reviewer who rejected may not decide it', async () => {
    const bad = await gw.call('requestReview', { requestId: requestId(), applicationId, reason: '' }, 'aa-rejected');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields?.reason).toBeTruthy();

    const r = await gw.call('requestReview', { requestId: requestId(), applicationId, reason: '我已于2026年2月离职，单位尚未办理停保' }, 'aa-rejected');
    expect(r.status).toBe(200);
    expect(r.json.data.status).toBe('pending_review');
    expect(r.json.data.dueDate).toBe('2026-03-06');

    const same = await gw.call('decideApplication', { applicationId, decision: 'approve' }, 'aa-reviewer-1');
    expect(same.status).toBe(403);
    const other = await gw.call('decideApplication', { applicationId, decision: 'approve', note: '复核：电话核实已离职' }, 'aa-reviewer-2');
    expect(other.status).toBe(200);
    expect(other.json.data.status).toBe('approved');
  });

  it('allows one review only, and never of an application that was not rejected', async () => {
    const r = await gw.call('requestReview', { requestId: requestId(), applicationId, reason: '再次申请复核看看结果' }, 'aa-rejected');
    expect(r.status).toBe(409);
  });
});

describe('report a job: the 失业登记 ends as the person\'s own declaration', () => {
  beforeAll(async () => {
    const r = await gw.call('submitUnemploymentRegistration', unemployment(registered), 'aa-registered');
    expect(r.json.data.status).toBe('approved');
  });

  it('changes details on the active registration, used by staff when they call', async () => {
    const newPhone = '13912345678';
    const bad = await gw.call('updateMyRegistration', { requestId: requestId() }, 'aa-registered');
    expect(bad.status).toBe(400);
    const r = await gw.call('updateMyRegistration', { requestId: requestId(), phone: newPhone, jobIntentions: ['仓储管理', '叉车司机'] }, 'aa-registered');
    expect(r.status).toBe(200);
    expect(r.json.data.changed.sort()).toEqual(['jobIntentions', 'phone']);
    const tasks = (await gw.call('listContactTasks', {}, 'aa-reviewer-1')).json.data.items;
    const mine = tasks.find((t: { phoneMasked: string }) => t.phoneMasked === '139****5678');
    expect(mine).toBeTruthy();
    expect(JSON.stringify(tasks)).not.toContain(newPhone);
  });

  it('needs the person to confirm what ends', async () => {
    const r = await gw.call('reportEmployment', { requestId: requestId(), situation: '11', unit: '大连北方重工有限公司', since: '2026-03-02' }, 'aa-registered');
    expect(r.status).toBe(400);
    expect(r.json.error?.fields?.confirmEnds).toContain('注销');
  });

  it('refuses codes only staff may establish, and a start in the future', async () => {
    expect((await gw.call('reportEmployment', { requestId: requestId(), situation: '32', since: '2026-03-02', confirmEnds: true }, 'aa-registered')).status).toBe(400);
    const future = await gw.call('reportEmployment', { requestId: requestId(), situation: '11', since: '2026-04-01', confirmEnds: true }, 'aa-registered');
    expect(future.status).toBe(400);
    expect(future.json.error?.fields?.since).toBeTruthy();
  });

  it('ends the registration with code 11, tells staff, and the national export carries it', async () => {
    const r = await gw.call('reportEmployment', { requestId: requestId(), situation: '11', unit: '大连北方重工有限公司', since: '2026-03-02', confirmEnds: true }, 'aa-registered');
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual(expect.objectContaining({ status: 'deregistered', reasonCode: '11' }));
    const status = (await gw.call('getMyStatus', {}, 'aa-registered')).json.data;
    expect(status.registrations.map((x: { kind: string }) => x.kind)).not.toContain('unemployment');
    const staffMsgs = (await gw.call('listMyMessages', {}, 'aa-reviewer-1')).json.data.messages;
    expect(staffMsgs.find((m: { title: string }) => m.title === '登记失业人员本人申报就业')).toBeTruthy();

    const exp = await gw.call('exportDeregistrations', { from: '20260301', to: '20260331' }, 'aa-admin');
    const row = exp.json.data.records.find((x: { AAC002: string }) => x.AAC002 === registered.idNumber);
    expect(row).toEqual(expect.objectContaining({ AJC00A: '11', AAE011: '本人网上申报' }));
    expect(row.AAE013).toContain('本人申报');

    const again = await gw.call('reportEmployment', { requestId: requestId(), situation: '11', since: '2026-03-02', confirmEnds: true }, 'aa-registered');
    expect(again.status).toBe(409);
  });
});
