/**
 * 退回补正 through the real gateway (issue 20, 人社厅发〔2020〕79号 二(六) "申请—登记—服务—退出"): staff return
 * a waiting application saying what to correct — screened like a rejection note, never a request for
 * documents (人社厅发〔2020〕79号 一(二)) — the person sees exactly what, resubmits with
 * `correctsApplicationId`, and the new application links to the returned one, whose life ends there.
 */
import { rmSync } from 'node:fs';
import { addWorkingDays } from '@shared/calendar';
import { COMMITMENTS } from '@shared/commitment';
import { reviewDaysFor } from '@shared/region-profiles';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type GovPerson, type TestPerson } from '../support/people';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [
  { openid: 'rc-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'rc-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const WHAT = '您填写的姓名与社会保障卡登记的不一致，请核对姓名中每个字是否正确后重新提交';
let gw: TestGateway;
let gov: GovPerson[] = [];

const form = (p: TestPerson, extra: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version }, ...extra,
});

function setGov(records: GovPerson[]) {
  gov = records;
  gw.writeGov({ persons: gov, staff: STAFF });
}

/** A 失业登记 that waits for staff: the identity base does not know the person yet. */
async function waiting(openid: string): Promise<{ p: TestPerson; applicationId: string }> {
  const p = makePerson({ region: '210204' });
  setGov([...gov, govRecord(p, { inCardBase: false })]);
  const res = await gw.call('submitUnemploymentRegistration', form(p), openid);
  expect(res.json.data.status).toBe('pending_review');
  return { p, applicationId: res.json.data.applicationId };
}

const decide = (applicationId: string, body: Record<string, unknown>, staff = 'rc-reviewer') =>
  gw.call('decideApplication', { applicationId, ...body }, staff);

beforeAll(async () => { gw = await startTestGateway({ now: NOW, gov: { staff: STAFF } }); });
afterAll(async () => { await gw.close(); });

describe('staff return an application for correction', () => {
  it('refuses a return without saying what to correct, or asking for documents, and changes nothing', async () => {
    const { applicationId } = await waiting('rc-refused');
    const bare = await decide(applicationId, { decision: 'return' });
    expect(bare.status).toBe(400);
    expect(bare.json.error?.fields?.note).toBe('退回补正时须写明需要修改的内容');
    const short = await decide(applicationId, { decision: 'return', note: '改一下' });
    expect(short.json.error?.fields?.note).toMatch(/^退回补正的说明须写成完整的一句话/);
    const papers = await decide(applicationId, { decision: 'return', note: '请补交户口本复印件和解除劳动合同证明后再提交申请' });
    expect(papers.status).toBe(400);
    expect(papers.json.error?.fields?.note).toMatch(/人社厅发〔2020〕79号/);
    expect((await gw.call('getProgress', { applicationId }, 'rc-refused')).json.data.status).toBe('pending_review');
    // another region's staff do not even see it
    expect((await decide(applicationId, { decision: 'return', note: WHAT }, 'rc-as-reviewer')).status).toBe(404);
  });

  it('returns it with the note: the person reads what to change, with no materials asked, and the message says how', async () => {
    const { applicationId } = await waiting('rc-returned');
    const res = await decide(applicationId, { decision: 'return', note: WHAT });
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('returned');
    const seen = (await gw.call('getProgress', { applicationId }, 'rc-returned')).json.data;
    expect(seen.status).toBe('returned');
    expect(seen.returnedFor).toBe(WHAT);
    expect(seen.dueDate).toBeUndefined();
    expect(seen.nextStep).toContain('修改后重新提交');
    expect(seen.timeline.at(-1)).toMatchObject({ status: 'returned', note: `请修改：${WHAT}` });
    const message = (await gw.call('listMyMessages', {}, 'rc-returned')).json.data.messages.find((m: { applicationId?: string; title: string }) => m.applicationId === applicationId && m.title.includes('修改'));
    expect(message.title).toBe('您的失业登记需要修改后重新提交');
    expect(message.body).toContain(WHAT);
    expect(message.body).toContain('不需要补交任何材料');
    // it left the staff queue
    const queue = (await gw.call('listReviewQueue', {}, 'rc-reviewer')).json.data.items.map((i: { applicationId: string }) => i.applicationId);
    expect(queue).not.toContain(applicationId);
  });
});

describe('the person corrects and resubmits', () => {
  it('the corrected submission links to the returned one, is decided afresh (here 秒办), and the returned one is closed', async () => {
    const { p, applicationId } = await waiting('rc-fix');
    await decide(applicationId, { decision: 'return', note: WHAT });
    // the record now matches (the person corrected what staff named)
    setGov(gov.map((g) => (g.idNumber === p.idNumber ? { ...g, inCardBase: true } : g)));
    const again = await gw.call('submitUnemploymentRegistration', form(p, { correctsApplicationId: applicationId }), 'rc-fix');
    expect(again.status).toBe(200);
    expect(again.json.data.status).toBe('approved');
    expect(again.json.data.correctsApplicationId).toBe(applicationId);
    expect(again.json.data.timeline[0].note).toMatch(/^修改后重新提交（原申请 /);
    const old = (await gw.call('getProgress', { applicationId }, 'rc-fix')).json.data;
    expect(old.status).toBe('resubmitted');
    expect(old.correctedByApplicationId).toBe(again.json.data.applicationId);
    expect(old.timeline.at(-1).note).toContain(again.json.data.caseNo);
    // one registration, from the corrected submission
    expect((await gw.call('getMyStatus', {}, 'rc-fix')).json.data.registrations).toEqual([
      { kind: 'unemployment', applicationId: again.json.data.applicationId, since: '2026-07-06' },
    ]);

    // the same correction again (a new requestId): refused with the reason, nothing new stored
    const twice = await gw.call('submitUnemploymentRegistration', form(p, { correctsApplicationId: applicationId }), 'rc-fix');
    expect(twice.status).toBe(409);
    expect(twice.json.error?.message).toBe('这条申请已经修改并重新提交过了，请查看新的申请');
  });

  it('a correction of an application that was not returned, or of someone else\'s, is refused and stores nothing', async () => {
    const { p, applicationId } = await waiting('rc-owner');
    const notReturned = await gw.call('submitUnemploymentRegistration', form(p, { correctsApplicationId: applicationId }), 'rc-owner');
    expect(notReturned.status).toBe(409);
    expect(notReturned.json.error?.message).toBe('这条申请没有被退回补正，不需要修改后重新提交');
    await decide(applicationId, { decision: 'return', note: WHAT });
    const stranger = makePerson({ region: '210204' });
    setGov([...gov, govRecord(stranger)]);
    const other = await gw.call('submitUnemploymentRegistration', form(stranger, { correctsApplicationId: applicationId }), 'rc-stranger');
    expect(other.status).toBe(404);
    expect(other.json.error?.fields?.correctsApplicationId).toBe('没有找到要修改的申请，请从“进度查询”中打开它后再修改');
    expect((await gw.call('listMyApplications', {}, 'rc-stranger')).json.data.applications).toEqual([]);
    expect((await gw.call('getProgress', { applicationId }, 'rc-owner')).json.data.status).toBe('returned');
    const bad = await gw.call('submitUnemploymentRegistration', form(p, { correctsApplicationId: '../x' }), 'rc-owner');
    expect(bad.status).toBe(400);
  });

  it('a returned application may be withdrawn instead of corrected', async () => {
    const { applicationId } = await waiting('rc-withdraw');
    await decide(applicationId, { decision: 'return', note: WHAT });
    const res = await gw.call('withdrawApplication', { requestId: requestId(), applicationId }, 'rc-withdraw');
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('withdrawn');
  });
});

describe('getReturnedApplication: the answers to correct', () => {
  it('gives the person their returned answers (not the commitment, which is given again), and no one else', async () => {
    const { p, applicationId } = await waiting('rc-read');
    expect((await gw.call('getReturnedApplication', { applicationId }, 'rc-read')).status).toBe(409);
    await decide(applicationId, { decision: 'return', note: WHAT });
    const res = await gw.call('getReturnedApplication', { applicationId }, 'rc-read');
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ applicationId, kind: 'unemployment', returnedFor: WHAT });
    expect(res.json.data.form).toMatchObject({ name: p.name, idNumber: p.idNumber, unemployedSince: '2026-04', reason: '从各类单位辞职' });
    expect(res.json.data.form.commitment).toBeUndefined();
    const other = await gw.call('getReturnedApplication', { applicationId }, 'rc-someone-else');
    expect(other.status).toBe(404);
  });
});

describe('a corrected submission that goes to review, approved by staff (its own due date)', () => {
  // Monday: submitted and returned; Thursday: corrected and resubmitted. The gateway is restarted on the
  // same data at the later time (the clock port), so nothing here depends on today's date.
  const MONDAY = '2026-07-06T09:30:00+08:00';
  const THURSDAY = '2026-07-09T10:00:00+08:00';
  const p = makePerson({ region: '210204' });
  let first: TestGateway;
  let later: TestGateway;

  afterAll(async () => {
    await later?.close();
    rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('counts the new due date in working days from the resubmission, and a reviewer approves it', async () => {
    // the identity base does not know the person: the submission waits for staff, and so does its correction
    first = await startTestGateway({ now: MONDAY, gov: { persons: [govRecord(p, { inCardBase: false })], staff: STAFF } });
    const sent = await first.call('submitUnemploymentRegistration', form(p), 'rc-review-path');
    expect(sent.json.data.status).toBe('pending_review');
    expect(sent.json.data.dueDate).toBe(addWorkingDays('2026-07-06', reviewDaysFor('unemployment', '210204')).date);
    expect((await first.call('decideApplication', { applicationId: sent.json.data.applicationId, decision: 'return', note: WHAT }, 'rc-reviewer')).json.data.status).toBe('returned');
    await first.close(true);

    later = await startTestGateway({ now: THURSDAY, dataDir: first.dataDir, gov: { persons: [govRecord(p, { inCardBase: false })], staff: STAFF } });
    const again = await later.call('submitUnemploymentRegistration', form(p, { correctsApplicationId: sent.json.data.applicationId }), 'rc-review-path');
    expect(again.status).toBe(200);
    expect(again.json.data.status).toBe('pending_review'); // not 秒办: the record still does not match
    expect(again.json.data.correctsApplicationId).toBe(sent.json.data.applicationId);
    // 3 working days from Thursday 2026-07-09 (Fri, Mon, Tue), not from the first submission on Monday
    const due = addWorkingDays('2026-07-09', reviewDaysFor('unemployment', '210204')).date;
    expect(due).toBe('2026-07-14');
    expect(again.json.data.dueDate).toBe(due);
    expect(again.json.data.dueDate).not.toBe(sent.json.data.dueDate);

    // staff see the corrected one in their queue with that due date; the returned one is not there
    const queue = (await later.call('listReviewQueue', {}, 'rc-reviewer')).json.data.items;
    const waiting = queue.find((i: { applicationId: string }) => i.applicationId === again.json.data.applicationId);
    expect(waiting).toBeTruthy();
    expect(waiting.dueDate).toBe(due);
    expect(queue.map((i: { applicationId: string }) => i.applicationId)).not.toContain(sent.json.data.applicationId);

    const yes = await later.call('decideApplication', { applicationId: again.json.data.applicationId, decision: 'approve', note: '电话核实姓名已改正' }, 'rc-reviewer');
    expect(yes.status).toBe(200);
    expect(yes.json.data.status).toBe('approved');
    const seen = (await later.call('getProgress', { applicationId: again.json.data.applicationId }, 'rc-review-path')).json.data;
    expect(seen.status).toBe('approved');
    expect(seen.correctsApplicationId).toBe(sent.json.data.applicationId);
    expect((await later.call('getProgress', { applicationId: sent.json.data.applicationId }, 'rc-review-path')).json.data.status).toBe('resubmitted');
    // the registration runs from the approval: staff owe the first contact of the corrected application
    const tasks = (await later.call('listContactTasks', {}, 'rc-reviewer')).json.data.items.filter((t: { applicationId: string }) => t.applicationId === again.json.data.applicationId);
    expect(tasks.map((t: { kind: string }) => t.kind)).toEqual(['contact']);
  });
});
