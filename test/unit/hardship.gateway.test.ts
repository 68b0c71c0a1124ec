/**
 * 就业困难人员认定 with the 失业登记 as one thing (人社厅发〔2020〕79号 一(五); 鞍人社〔2020〕21号 四(五)), through the
 * real gateway: a declared 人员类别 that usually qualifies opens a request for the region's staff and
 * tells the person; staff decide (a refusal says why, screened like every staff note), the person
 * reads the outcome on 进度查询; other regions and the staff member's own case stay out.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [
  { openid: 'hs-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'hs-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const fifty = makePerson({ region: '210204', birth: '19730301' });
const young = makePerson({ region: '210204' });
const second = makePerson({ region: '210204' });
let gw: TestGateway;

const form = (p: TestPerson, personCategories: string[]) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  personCategories, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

beforeAll(async () => { gw = await startTestGateway({ now: '2026-07-06T09:30:00+08:00', gov: { persons: [fifty, young, second].map((p) => govRecord(p)), staff: STAFF } }); });
afterAll(async () => { await gw.close(); });

describe('就业困难人员认定 requested with the 失业登记', () => {
  let applicationId = '';

  it('a declared 4050人员 opens a request, told to the person; a 高校毕业生 opens none', async () => {
    const r = await gw.call('submitUnemploymentRegistration', form(fifty, ['4050人员']), 'hs-fifty');
    expect(r.json.data.status).toBe('approved');
    applicationId = r.json.data.applicationId;
    expect(r.json.data.hardship).toMatchObject({ status: 'requested', categories: ['4050人员'] });
    const msg = (await gw.call('listMyMessages', {}, 'hs-fifty')).json.data.messages.find((m: { title: string }) => m.title === '就业困难人员认定已同时申请');
    expect(msg.body).toContain('不需要您另外提交材料');
    const graduate = await gw.call('submitUnemploymentRegistration', form(young, ['高校毕业生']), 'hs-young');
    expect(graduate.json.data.hardship).toBeUndefined();
  });

  it('the region\'s staff see it, masked; another city\'s do not', async () => {
    const list = (await gw.call('listHardshipRequests', {}, 'hs-reviewer')).json.data.items;
    const mine = list.find((i: { applicationId: string }) => i.applicationId === applicationId);
    expect(mine).toMatchObject({ categories: ['4050人员'], regionName: expect.stringContaining('沙河口区') });
    expect(mine.holderName).not.toBe(fifty.name);
    expect(mine.idNumberMasked).not.toBe(fifty.idNumber);
    expect((await gw.call('listHardshipRequests', {}, 'hs-as-reviewer')).json.data.items).toEqual([]);
    expect((await gw.call('decideHardship', { taskId: mine.taskId, recognized: true }, 'hs-as-reviewer')).status).toBe(404);
  });

  it('a refusal needs its reason in a sentence, never a request for documents; a recognition is told to the person, once', async () => {
    const taskId = `hardship:${applicationId}`;
    expect((await gw.call('decideHardship', { taskId, recognized: false }, 'hs-reviewer')).json.error?.fields?.note).toBe('不予认定时须写明原因，申请人会看到');
    const papers = await gw.call('decideHardship', { taskId, recognized: false, note: '请补交户口本和收入证明后再申请就业困难人员认定' }, 'hs-reviewer');
    expect(papers.status).toBe(400);
    // a recognition's note reaches the person too (进度查询 shows it): screened the same way
    const recognizedPapers = await gw.call('decideHardship', { taskId, recognized: true, note: '先予认定，请补交收入证明' }, 'hs-reviewer');
    expect(recognizedPapers.status).toBe(400);
    expect(recognizedPapers.json.error?.fields?.note).toMatch(/^依据人社厅发〔2020〕79号 一\(二\)/);
    const yes = await gw.call('decideHardship', { taskId, recognized: true }, 'hs-reviewer');
    expect(yes.json.data).toEqual({ taskId, status: 'recognized' });
    expect((await gw.call('decideHardship', { taskId, recognized: false, note: '经核实不符合认定条件，年龄未达到规定' }, 'hs-reviewer')).status).toBe(409);
    const seen = (await gw.call('getProgress', { applicationId }, 'hs-fifty')).json.data.hardship;
    expect(seen).toMatchObject({ status: 'recognized' });
    expect((await gw.call('listMyMessages', {}, 'hs-fifty')).json.data.messages.map((m: { title: string }) => m.title)).toContain('您已被认定为就业困难人员');
    expect((await gw.call('listHardshipRequests', {}, 'hs-reviewer')).json.data.items.map((i: { applicationId: string }) => i.applicationId)).not.toContain(applicationId);
  });

  it('not recognized: the person reads why, and the registration stands', async () => {
    const r = await gw.call('submitUnemploymentRegistration', form(second, ['零就业家庭人员', '高校毕业生']), 'hs-second');
    expect(r.json.data.hardship.categories).toEqual(['零就业家庭人员']);
    const no = await gw.call('decideHardship', { taskId: `hardship:${r.json.data.applicationId}`, recognized: false, note: '经与社区核实，家庭中已有成员在职，不属于零就业家庭' }, 'hs-reviewer');
    expect(no.json.data.status).toBe('not_recognized');
    const seen = (await gw.call('getProgress', { applicationId: r.json.data.applicationId }, 'hs-second')).json.data;
    expect(seen.hardship).toMatchObject({ status: 'not_recognized', note: '经与社区核实，家庭中已有成员在职，不属于零就业家庭' });
    expect((await gw.call('getMyStatus', {}, 'hs-second')).json.data.registrations).toHaveLength(1);
  });
});
