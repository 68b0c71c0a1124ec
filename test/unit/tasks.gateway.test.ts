/**
 * Staff contact tasks (人社厅发〔2020〕79号 一(三): 办理失业登记后5个工作日内主动联系): the region's staff see them
 * with phones masked, reveal one phone for a call (audited), and close them; the citizen's timeline
 * shows it. Another region's staff see nothing of them.
 */
import { COMMITMENTS } from '@shared/commitment';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const STAFF = [
  { openid: 't-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 't-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
  { openid: 't-dl-verifier', name: '窗口核验员', region: '2102', role: 'verifier' },
];
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let taskId: string;

beforeAll(async () => {
  // Tue 2026-09-29: 5 working days across the National Day holiday → 2026-10-12 (the 调休 Saturday 10-10 counts)
  gw = await startTestGateway({ now: '2026-09-29T10:00:00+08:00', gov: { persons: [govRecord(person)], staff: STAFF } });
  const r = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-06', registrationPlace: 'residence', reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, 't-citizen');
  expect(r.json.data.status).toBe('approved');
});
afterAll(async () => { await gw.close(); });

it('lists the region\'s contact tasks with the due date and the phone masked', async () => {
  const list = await gw.call('listContactTasks', {}, 't-dl-reviewer');
  expect(list.status).toBe(200);
  expect(list.json.data.items).toHaveLength(1);
  const item = list.json.data.items[0];
  expect(item.dueDate).toBe('2026-10-12');
  expect(item.overdue).toBe(false);
  expect(JSON.stringify(list.json)).not.toContain(person.phone);
  expect(item.phoneMasked).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(7)}`);
  taskId = item.taskId;
});

it('shows another region nothing, and refuses a verifier', async () => {
  expect((await gw.call('listContactTasks', {}, 't-as-reviewer')).json.data.items).toHaveLength(0);
  expect((await gw.call('revealContact', { taskId }, 't-as-reviewer')).status).toBe(404);
  expect((await gw.call('completeContactTask', { taskId, outcome: 'reached' }, 't-as-reviewer')).status).toBe(404);
  expect((await gw.call('listContactTasks', {}, 't-dl-verifier')).status).toBe(403);
  expect((await gw.call('listContactTasks', {}, 't-citizen')).status).toBe(403);
});

it('reveals the phone for a call and audits who looked', async () => {
  const r = await gw.call('revealContact', { taskId }, 't-dl-reviewer');
  expect(r.json.data.phone).toBe(person.phone);
  const store = openSqliteStore({ dataDir: gw.dataDir });
  try {
    const rows = await store.find<Record<string, unknown>>('audit', { action: 'revealContact' });
    expect(rows.filter((r) => r.staffOpenid === 't-dl-reviewer')).toEqual([expect.objectContaining({ taskId, at: expect.any(Number) })]);
    // the other region's attempt is on record too, as refused
    expect(rows.filter((r) => r.staffOpenid === 't-as-reviewer')).toEqual([expect.objectContaining({ result: 'refused' })]);
  } finally { await store.close?.(); }
});

it('needs a note when the person could not be reached', async () => {
  const r = await gw.call('completeContactTask', { taskId, outcome: 'unreachable' }, 't-dl-reviewer');
  expect(r.status).toBe(400);
  expect(r.json.error?.fields?.note).toBeTruthy();
});

it('closes the task once; the citizen\'s timeline shows the contact', async () => {
  const done = await gw.call('completeContactTask', { taskId, outcome: 'reached', note: '已电话介绍培训和岗位' }, 't-dl-reviewer');
  expect(done.json.data).toMatchObject({ status: 'done', outcome: 'reached' });
  expect((await gw.call('completeContactTask', { taskId, outcome: 'reached' }, 't-dl-reviewer')).status).toBe(409);
  expect((await gw.call('listContactTasks', {}, 't-dl-reviewer')).json.data.items).toHaveLength(0);
  const apps = await gw.call('listMyApplications', {}, 't-citizen');
  const timeline = apps.json.data.applications[0].timeline;
  expect(timeline.at(-1)).toMatchObject({ status: 'services', note: expect.stringContaining('已与您电话联系') });
});
