/**
 * Issue 17, the caseworker's side, through the real gateway:
 * - 注销登记 names the person by 证件类型 and number checked like the citizen forms (a wrong GB 11643
 *   check digit is refused with the citizen form's own message, nothing looked up or stored); a number
 *   with no registration in force in the region says so, instead of a confirmation with nobody in it;
 * - 催办 (remindOffice) reaches the office: the region's reviewers get an in-app staff message, the
 *   queue marks the application with a 催办 badge and its time, the 工作台 counts it;
 * - 办件编号 (caseNo) is on every queue item, and a caseworker finds an application by it as the person
 *   reads it out — own region only, audited.
 */
import { COMMITMENTS } from '@shared/commitment';
import { mod11_2 } from '@shared/id-number';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'x-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'x-dl-admin', name: '大连管理员', region: '2102', role: 'admin' },
  { openid: 'x-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const REVIEWER = 'x-dl-reviewer';

const NOW = '2026-03-10T10:00:00+08:00'; // Tuesday; a 灵活就业登记 is due in 5 working days → 2026-03-17
const registered = makePerson({ region: '210204' }); // 失业登记 approved at once
const waiting = makePerson({ region: '210204' }); // 灵活就业登记 sent to review (social insurance on record)
const stranger = makePerson({ region: '210204' }); // never registered
const gov = {
  persons: [govRecord(registered), govRecord(waiting, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } }), govRecord(stranger)],
  staff: STAFF,
};

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2025-10', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});
const flexible = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: p.residenceAddress.regionCode,
  commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
});

/** The same number with its last character (the GB 11643 check character) made wrong. */
function wrongCheckDigit(id: string): string {
  const right = mod11_2(id.slice(0, 17));
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

let gw: TestGateway;
let registeredApp = '';
let waitingApp = '';

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov });
  const r = await gw.call('submitUnemploymentRegistration', unemployment(registered), 'x-registered');
  expect(r.json.data.status).toBe('approved');
  registeredApp = r.json.data.applicationId;
  const w = await gw.call('submitFlexibleEmployment', flexible(waiting), 'x-waiting');
  expect(w.json.data.status).toBe('pending_review');
  waitingApp = w.json.data.applicationId;
});
afterAll(async () => { await gw?.close(); });

describe('注销登记: the person named by a number checked like the citizen form (issue 17)', () => {
  it('refuses a wrong check digit with the citizen form\'s own message, and ends nothing', async () => {
    const bad = wrongCheckDigit(registered.idNumber);
    const citizen = await gw.call('submitUnemploymentRegistration', unemployment({ ...stranger, idNumber: bad }), 'x-someone', { check: false });
    expect(citizen.status).toBe(400);
    const message = citizen.json.error!.fields!.idNumber;
    expect(message).toBe('证件号码校验位不正确，请核对最后一位');
    for (const action of ['getDeregistrationEvidence', 'deregister']) {
      const r = await gw.call(action, { idNumber: bad, reasonCode: '11' }, REVIEWER);
      expect(r.status).toBe(400);
      expect(r.json.error!.fields!.idNumber).toBe(message);
    }
    const status = await gw.call('getMyStatus', {}, 'x-registered');
    expect(status.json.data.registrations.map((x: { kind: string }) => x.kind)).toContain('unemployment');
  });

  it('checks the number against its 证件类型: a 通行证 only as one, a 居住证 number not as a 居民身份证', async () => {
    expect((await gw.call('getDeregistrationEvidence', { idNumber: 'H12345678' }, REVIEWER)).json.error!.fields!.idNumber).toMatch(/位数不对/);
    // a well-formed 港澳通行证 that names nobody here: looked up, and said so
    expect((await gw.call('getDeregistrationEvidence', { idType: '04', idNumber: 'h12345678' }, REVIEWER)).status).toBe(404);
    expect((await gw.call('getDeregistrationEvidence', { idType: '05', idNumber: 'H12345678' }, REVIEWER)).json.error!.fields!.idNumber).toBe('澳门居民的通行证号码以M开头，请核对号码或证件类型');
    const permit = '810000199001011234'.slice(0, 17);
    const r = await gw.call('getDeregistrationEvidence', { idNumber: permit + mod11_2(permit) }, REVIEWER);
    expect(r.json.error!.fields!.idNumber).toContain('港澳台居民居住证');
    expect((await gw.call('getDeregistrationEvidence', { idType: '06', idNumber: '12345678' }, REVIEWER)).json.error!.fields!.idType).toContain('鞍人社〔2020〕21号');
  });

  it('says plainly that no registration is in force when the number names none — in the region or at all', async () => {
    const none = await gw.call('getDeregistrationEvidence', { idNumber: stranger.idNumber }, REVIEWER);
    expect(none.status).toBe(404);
    expect(none.json.error!.message).toBe('没有查到这个证件号码在您所辖区域内有效的失业登记，请核对证件类型和号码');
    const elsewhere = await gw.call('getDeregistrationEvidence', { idNumber: registered.idNumber }, 'x-as-reviewer');
    expect(elsewhere.json.error!.message).toBe(none.json.error!.message);
    const dereg = await gw.call('deregister', { idNumber: stranger.idNumber, reasonCode: '11' }, REVIEWER);
    expect(dereg.status).toBe(404);
    expect(dereg.json.error!.message).toBe(none.json.error!.message);
  });

  it('shows whose registration it is before confirming: masked name and number, region, since', async () => {
    const e = await gw.call('getDeregistrationEvidence', { idType: '01', idNumber: ` ${registered.idNumber.toLowerCase()} ` }, REVIEWER);
    expect(e.status).toBe(200);
    expect(e.json.data).toMatchObject({ since: '2026-03-10', regionName: expect.stringContaining('沙河口区') });
    expect(e.json.data.holderName).not.toBe(registered.name);
    expect(e.json.data.holderName.startsWith(registered.name[0])).toBe(true);
    expect(e.json.data.idNumberMasked).not.toContain(registered.idNumber.slice(6, 14));
    expect(JSON.stringify(e.json.data)).not.toContain(registered.idNumber);
  });
});

describe('办件编号 in the staff queue, and finding an application by it', () => {
  it('shows the 办件编号 the person sees on every queue item', async () => {
    const progress = await gw.call('getProgress', { applicationId: waitingApp }, 'x-waiting');
    const q = await gw.call('listReviewQueue', {}, REVIEWER);
    expect(q.status).toBe(200);
    const item = q.json.data.items.find((i: { applicationId: string }) => i.applicationId === waitingApp);
    expect(item).toMatchObject({ caseNo: progress.json.data.caseNo, status: 'pending_review', reminderCount: 0, lastRemindedAt: null });
  });

  it('finds it as read out on the phone (lower case, spaces, no hyphens), finished ones too', async () => {
    const caseNo = (await gw.call('getProgress', { applicationId: waitingApp }, 'x-waiting')).json.data.caseNo as string;
    const spoken = caseNo.toLowerCase().replace(/-/g, ' ');
    const found = await gw.call('listReviewQueue', { caseNo: spoken }, REVIEWER);
    expect(found.status).toBe(200);
    expect(found.json.data.caseNo).toBe(caseNo);
    expect(found.json.data.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([waitingApp]);
    expect(JSON.stringify(found.json.data)).not.toContain(waiting.idNumber);
    const doneNo = (await gw.call('getProgress', { applicationId: registeredApp }, 'x-registered')).json.data.caseNo as string;
    const done = await gw.call('listReviewQueue', { caseNo: doneNo }, REVIEWER);
    expect(done.json.data.items).toEqual([expect.objectContaining({ applicationId: registeredApp, status: 'approved', overdue: false })]);
  });

  it('finds nothing of another region, refuses what is not a 办件编号, and audits the search', async () => {
    const caseNo = (await gw.call('getProgress', { applicationId: waitingApp }, 'x-waiting')).json.data.caseNo as string;
    const other = await gw.call('listReviewQueue', { caseNo }, 'x-as-reviewer');
    expect(other.status).toBe(200);
    expect(other.json.data.items).toEqual([]);
    for (const bad of ['abc', 'SY-261399-K7Q2MA', 'XX-260310-K7Q2MA', 12345]) {
      const r = await gw.call('listReviewQueue', { caseNo: bad }, REVIEWER);
      expect(r.status).toBe(400);
      expect(r.json.error!.fields!.caseNo).toMatch(/办件编号/);
    }
    expect((await gw.call('listReviewQueue', { caseNo }, 'x-waiting')).status).toBe(403);
    const store = openSqliteStore({ dataDir: gw.dataDir });
    try {
      const searches = (await store.find<Record<string, unknown>>('audit', { action: 'listReviewQueue' })).filter((a) => a.caseNo === caseNo);
      expect(searches).toEqual(expect.arrayContaining([
        expect.objectContaining({ staffOpenid: REVIEWER, count: 1, applicationIds: [waitingApp] }),
        expect.objectContaining({ staffOpenid: 'x-as-reviewer', count: 0 }),
      ]));
    } finally { await store.close?.(); }
  });
});

describe('催办 reaches the office (issue 17)', () => {
  it('a late review chased by the person: a staff message to the region, a badge with its time in the queue, a count on the 工作台', async () => {
    await gw.close(true);
    // Wed 2026-03-18, a day past the due date
    gw = await startTestGateway({ now: '2026-03-18T09:30:00+08:00', gov, dataDir: gw.dataDir });
    const before = await gw.call('getWorkbench', {}, REVIEWER);
    expect(before.json.data.reviews).toMatchObject({ overdue: 1, reminded: 0 });

    const r = await gw.call('remindOffice', { applicationId: waitingApp }, 'x-waiting');
    expect(r.json.data).toMatchObject({ alreadyToday: false, reminders: 1 });
    const caseNo = (await gw.call('getProgress', { applicationId: waitingApp }, 'x-waiting')).json.data.caseNo as string;

    const inbox = (await gw.call('listMyMessages', {}, REVIEWER)).json.data.messages.filter((m: { title: string }) => m.title.startsWith('群众催办'));
    expect(inbox).toEqual([expect.objectContaining({ title: '群众催办：灵活就业登记已超期', applicationId: waitingApp })]);
    expect(inbox[0].body).toContain(caseNo);
    expect(inbox[0].body).toContain('2026-03-17');
    expect(inbox[0].body).toContain('2026-03-18 09:30');
    expect(inbox[0].body).not.toContain(waiting.name);
    expect(inbox[0].body).not.toContain(waiting.idNumber);
    expect(inbox[0].body).not.toContain(waiting.phone);
    // another city's staff are not told
    expect((await gw.call('listMyMessages', {}, 'x-as-reviewer')).json.data.messages.filter((m: { title: string }) => m.title.startsWith('群众催办'))).toEqual([]);

    const q = await gw.call('listReviewQueue', {}, REVIEWER);
    const item = q.json.data.items.find((i: { applicationId: string }) => i.applicationId === waitingApp);
    expect(item).toMatchObject({ overdue: true, reminderCount: 1 });
    expect(item.lastRemindedAt.startsWith('2026-03-18T09:30')).toBe(true);
    expect((await gw.call('getWorkbench', {}, REVIEWER)).json.data.reviews).toMatchObject({ overdue: 1, reminded: 1 });
    expect((await gw.call('getWorkbench', {}, 'x-as-reviewer')).json.data.reviews.reminded).toBe(0);

    // the same day again: nothing new for staff either
    expect((await gw.call('remindOffice', { applicationId: waitingApp }, 'x-waiting')).json.data.alreadyToday).toBe(true);
    expect((await gw.call('listMyMessages', {}, REVIEWER)).json.data.messages.filter((m: { title: string }) => m.title.startsWith('群众催办'))).toHaveLength(1);
  });

  it('once decided, the application no longer counts as chased', async () => {
    const d = await gw.call('decideApplication', { applicationId: waitingApp, decision: 'approve' }, REVIEWER);
    expect(d.status).toBe(200);
    expect((await gw.call('getWorkbench', {}, REVIEWER)).json.data.reviews).toMatchObject({ overdue: 0, reminded: 0 });
  });
});
