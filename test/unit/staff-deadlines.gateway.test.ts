/**
 * The staff side of follow-up as real work (issue 20), through the real gateway over weeks: each staff
 * contact task — the first contact (人社厅发〔2020〕79号 一(三)), the monthly call (大人社规发〔2025〕2号 三(三)) —
 * is reminded to the region's reviewers a working day before it is due and escalated to its admins once
 * late, each once; a task of a person no longer registered closes itself; the 工作台 counts what is due
 * today and what is late, for the staff member's region only.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'sd-reviewer', name: '中山区审核员', region: '210202', role: 'reviewer' },
  { openid: 'sd-admin', name: '大连管理员', region: '2102', role: 'admin' },
  { openid: 'sd-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const kept = makePerson({ region: '210202' });
const leaving = makePerson({ region: '210202' });
const waitingPerson = makePerson({ region: '210202' });
const gov = { persons: [govRecord(kept), govRecord(leaving), govRecord(waitingPerson, { inCardBase: false })], staff: STAFF };
let gw: TestGateway;

const form = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

async function at(now: string) {
  await gw.close(true);
  gw = await startTestGateway({ now, gov, dataDir: gw.dataDir });
  const r = await gw.call('runScheduler', {}, null);
  expect(r.status).toBe(200);
  return r.json.data;
}

const staffMessages = async (openid: string) => (await gw.call('listMyMessages', {}, openid)).json.data.messages as Array<{ title: string; body: string }>;

beforeAll(async () => {
  // Monday 2 March 2026: registrations approved; the first contact is due 5 working days later (9 March)
  gw = await startTestGateway({ now: '2026-03-02T09:00:00+08:00', gov });
  for (const [p, openid] of [[kept, 'sd-kept'], [leaving, 'sd-leaving']] as const) {
    expect((await gw.call('submitUnemploymentRegistration', form(p), openid)).json.data.status).toBe('approved');
  }
  expect((await gw.call('submitUnemploymentRegistration', form(waitingPerson), 'sd-waiting')).json.data.status).toBe('pending_review');
});
afterAll(async () => { await gw.close(); });

describe('contact tasks are reminded before they are due and escalated once late', () => {
  it('counts the region\'s work on the 工作台: nothing late yet; another city sees none of it', async () => {
    const wb = await gw.call('getWorkbench', {}, 'sd-reviewer');
    expect(wb.status).toBe(200);
    expect(wb.json.data.reviews).toEqual({ open: 1, dueToday: 0, overdue: 0, reminded: 0 });
    expect(wb.json.data.tasks).toEqual({ open: 2, dueToday: 0, overdue: 0 });
    const other = await gw.call('getWorkbench', {}, 'sd-as-reviewer');
    expect(other.json.data.tasks.open).toBe(0);
    expect(other.json.data.reviews.open).toBe(0);
    // a citizen has no 工作台
    expect((await gw.call('getWorkbench', {}, 'sd-kept')).status).toBe(403);
  });

  it('the working day before the first contact is due: one reminder per task to the district reviewer, none twice', async () => {
    // staff end one registration meanwhile: its task is no longer owed
    const ended = await gw.call('deregister', { idNumber: leaving.idNumber, reasonCode: '11' }, 'sd-reviewer');
    expect(ended.status).toBe(200);
    const run = await at('2026-03-06T09:00:00+08:00');
    expect(run.taskReminders).toBe(1);
    expect(run.tasksClosed).toBe(1);
    const reminders = (await staffMessages('sd-reviewer')).filter((m) => m.title === '失业登记后联系任务即将到期');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toContain('2026-03-09');
    expect(reminders[0].body).not.toContain(kept.idNumber);
    expect((await gw.call('runScheduler', {}, null)).json.data.taskReminders).toBe(0);
  });

  it('once late: escalated to the city admin, and the 工作台 shows it overdue', async () => {
    const run = await at('2026-03-10T09:00:00+08:00');
    expect(run.contactEscalations).toBe(1);
    const escalations = (await staffMessages('sd-admin')).filter((m) => m.title === '失业登记后联系任务已超期');
    expect(escalations).toHaveLength(1);
    const wb = (await gw.call('getWorkbench', {}, 'sd-reviewer')).json.data;
    expect(wb.tasks).toEqual({ open: 1, dueToday: 0, overdue: 1 });
    // the review waiting since 2 March is due 5 March (3 working days): late too
    expect(wb.reviews.overdue).toBe(1);
  });

  it('the monthly call is a task reminded and escalated in the same way', async () => {
    // 2 April: the first monthly follow-up opens this month's staff call, due the day before next month's
    await at('2026-04-02T09:00:00+08:00');
    const calls = (await gw.call('listContactTasks', {}, 'sd-reviewer')).json.data.items.filter((t: { kind: string }) => t.kind === 'followcall');
    expect(calls).toHaveLength(1);
    const due = calls[0].dueDate as string;
    expect(due).toBe('2026-05-01');
    // the working day before (30 April, a Thursday; 1 May is a holiday but the due date stays)
    const before = await at('2026-04-30T09:00:00+08:00');
    expect(before.taskReminders).toBe(1);
    expect((await staffMessages('sd-reviewer')).some((m) => m.title === '每月跟踪回访任务即将到期')).toBe(true);
    const late = await at('2026-05-06T09:00:00+08:00');
    expect(late.contactEscalations).toBeGreaterThanOrEqual(1);
    expect((await staffMessages('sd-admin')).some((m) => m.title === '每月跟踪回访任务已超期')).toBe(true);
  });
});
