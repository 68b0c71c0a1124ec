/**
 * After the first answer in miniprogram-simulate (人社厅发〔2020〕79号 二(六) "申请—登记—服务—退出"), on the
 * compiled weapp pages with `wx.cloud.callFunction` reaching the real cloud handlers (dispatch on a
 * local runtime): withdraw a waiting application on 进度查询 and apply again; 复核 of a rejection; 退回补正
 * → the form opens pre-filled → resubmitted; on 我的登记 a move to another county, then a job reported
 * after confirming what ends (鞍人社〔2020〕21号 五); the staff follow-up form recording a reached call
 * with a refused service (大人社规发〔2025〕2号 三(三)), beside the 核实就业状态 task naming the record the
 * daily comparison found (人社厅发〔2020〕79号 二(八)).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMITMENTS } from '@shared/commitment';
import { beijingDate } from '@shared/dates';
import { citiesOf, countiesOf, provinces } from '@shared/regions';
import { SELF_REPORT_CODES } from '@shared/after-answer.schema';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { govRecord, makePerson, requestId, type GovPerson, type TestPerson } from '../support/people';
import { passRealPerson } from '../support/real-person';
import { installGlobals, WEAPP, type CloudCall } from './harness';

const simulate = require('miniprogram-simulate');
/** the phone's own date: the date lists of the pages end there (the simulated page runs on the real clock) */
const NOW_DATE = beijingDate(Date.now());
const NOW = '2026-05-12T10:00:00+08:00';
/** a month on: the monthly follow-up and the daily comparison have run */
const MONTH_LATER = '2026-06-15T09:00:00+08:00';
const STAFF = [
  { openid: 'mp-aa-reviewer-1', name: '审核员甲', region: '2102', role: 'reviewer' },
  { openid: 'mp-aa-reviewer-2', name: '审核员乙', region: '2102', role: 'reviewer' },
];
const WHAT = '您填写的姓名与社会保障卡登记的不一致，请核对姓名中每个字是否正确后重新提交';
const NEW_EMPLOYER = { unit: '大连湾船舶修造有限公司', since: '2026-06-01' };

const waiting = makePerson({ region: '210204' });
const rejected = makePerson({ region: '210204' });
const returned = makePerson({ region: '210204' });
const registered = makePerson({ region: '210204' });
const followed = makePerson({ region: '210204' });

let rt: LocalRuntime;
let dataDir: string;
let govFile: string;
const gov = new Map<string, GovPerson>();
/** who holds the phone: the openid the simulated WeChat reports to the cloud */
let who = 'mp-aa-nobody';
/** what the next page opened gets as its query (`corrects=`), as WeChat passes it to onLoad */
let pageOptions: Record<string, string> = {};
const calls: Array<CloudCall & { openid: string }> = [];
const navigations: string[] = [];

function writeGov() {
  writeFileSync(govFile, JSON.stringify({ persons: [...gov.values()], staff: STAFF, down: [] }));
}
function setGov(p: TestPerson, o: Partial<GovPerson> & { inCardBase?: boolean } = {}) {
  gov.set(p.idNumber, { ...govRecord(p, { inCardBase: o.inCardBase ?? true }), ...o });
  writeGov();
}

const depsOf = async (openid: string | null) => rt.depsFor(await rt.callerFor(openid));
async function act<T = any>(action: string, input: unknown, openid: string | null): Promise<{ status: number; body: { ok: boolean; data?: T; error?: { message: string } } }> {
  const out = await dispatch(action, input, await depsOf(openid), { local: openid === null });
  return out as any;
}

/** A 失业登记 sent as the page sends it (after the 实人核验), set up outside the page under test. */
async function submitted(openid: string, p: TestPerson): Promise<{ applicationId: string; status: string }> {
  expect(await passRealPerson(await depsOf(openid), p)).toBe(true);
  const r = await act('submitUnemploymentRegistration', {
    requestId: requestId(), ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, openid);
  expect(r.body.ok).toBe(true);
  return r.body.data;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'jy-mp-aa-'));
  govFile = join(dataDir, 'gov.json');
  writeGov();
  rt = localRuntime({ dataDir, govDataFile: govFile, now: NOW, log: () => {} });
  const { storage } = installGlobals(async (call) => {
    calls.push({ ...call, openid: who });
    const caller = await rt.callerFor(who); // in CloudBase: getWXContext().OPENID, never the body
    const out = await dispatch(call.data.action, call.data.input, rt.depsFor(caller), { local: false });
    return out.body;
  });
  // this phone's person agreed earlier to the processing of the ID number and of the face (the separate
  // consents of 个人信息保护法 二十九条 are tested in flows.test.ts); the pages here go straight to the form
  for (const key of ['consent:idNumber:v1', 'consent:face:v1']) storage.set(key, '2026-05-01T09:00:00.000+08:00');
  const g = global as any;
  // the harness starts every page with an empty query; here a page may be opened with one
  const harnessPage = g.Page;
  g.Page = (opts: any) => {
    const onLoad = opts.onLoad;
    opts.onLoad = function (this: unknown, o: Record<string, string>) {
      return onLoad?.call(this, { ...o, ...pageOptions });
    };
    harnessPage(opts);
  };
  const navigateTo = g.wx.navigateTo;
  g.wx.navigateTo = (o: { url: string }) => {
    navigations.push(o.url);
    return navigateTo(o);
  };
  require(join(WEAPP, 'app.js'));
  g.getApp().onLaunch?.({});
});

afterAll(async () => {
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const loaded = new Map<string, string>();
function open(page: string, options: Record<string, string> = {}) {
  pageOptions = options;
  if (!loaded.has(page)) loaded.set(page, simulate.load(join(WEAPP, page.includes('/') ? `${page}/index` : `pages/${page}/index`), { rootPath: WEAPP }));
  const comp = simulate.render(loaded.get(page));
  comp.attach(document.createElement('parent-wrapper'));
  pageOptions = {};
  shown = comp;
  return comp;
}

/** the page last opened: a wait that times out says what it showed */
let shown: any = null;
async function until(fn: () => boolean, ms = 20000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) {
      const text = ((shown?.dom.textContent as string | undefined) ?? '').replace(/\s+/g, ' ').slice(0, 600);
      throw new Error(`timed out waiting for the page (${fn.toString().slice(0, 120)}); it shows: ${text}; last calls: ${calls.slice(-4).map((c) => c.data.action).join(', ')}`);
    }
    await simulate.sleep(20);
  }
}

const textOf = (page: any, id: string): string => ((page.querySelector(`#${id}`)?.dom.textContent as string | undefined) ?? '').trim();

function controls(page: any) {
  const c = {
    type(id: string, value: string) {
      const el = page.querySelector(`#${id}`);
      el.dispatchEvent('input', { detail: { value } });
      el.dispatchEvent('blur', { detail: { value } });
    },
    /** a list field: tap the box, then the row; a box still disabled by the last choice (not yet re-rendered on a busy machine) is tapped again */
    async change(id: string, index: number) {
      const option = () => !!page.querySelector(`#${id}-opt-${index}`);
      for (let attempt = 0; attempt < 10 && !option(); attempt++) {
        page.querySelector(`#${id}`).dispatchEvent('tap');
        await until(option, 2000).catch(() => undefined);
      }
      await until(option);
      page.querySelector(`#${id}-opt-${index}`).dispatchEvent('tap');
      await until(() => !option(), 5000).catch(() => undefined);
      await simulate.sleep(40);
    },
    async date(id: string, value: string, end: string) {
      const [y, m, d] = value.split('-').map(Number);
      const steps: Array<[string, number]> = [[`${id}-year`, Number(end.slice(0, 4)) - y], [`${id}-month`, m - 1]];
      if (d) steps.push([`${id}-day`, d - 1]);
      for (const [part, index] of steps) await c.change(part, index);
    },
    async tap(id: string) {
      page.querySelector(`#${id}`).dispatchEvent('tap');
      await simulate.sleep(60);
    },
  };
  return c;
}

const indexOf = (list: readonly { code: string }[], code: string) => list.findIndex((i) => i.code === code);
const sent = (action: string) => calls.filter((c) => c.data.action === action);

/** 进度查询 → the one application opened. */
async function openProgress(applicationId: string) {
  const page = open('packageMine/progress');
  await until(() => !!page.querySelector(`#application-${applicationId}`));
  page.querySelector(`#application-${applicationId}`).dispatchEvent('tap');
  await until(() => !!page.querySelector('#result-status'));
  return page;
}

/** The wizard's five steps with what is already in the form (pre-filled), the commitment ticked, sent. */
async function stepThroughAndSubmit(page: any, fillStep3?: () => Promise<void>) {
  const { tap } = controls(page);
  await tap('step-next'); // 基本信息
  await until(() => !!page.querySelector('#field-phone'));
  await tap('step-next'); // 联系方式与地址
  await until(() => !!page.querySelector('#field-unemployedSince'));
  if (fillStep3) await fillStep3();
  await tap('step-next');
  await until(() => !!page.querySelector('#commit-accept'));
  await tap('commit-accept');
  await tap('step-next');
  await until(() => !!page.querySelector('#submit'));
  await tap('submit');
  await until(() => !!page.querySelector('#result-status') || !!page.querySelector('#submit-error'), 15000);
  expect(page.querySelector('#submit-error')).toBeFalsy();
}

describe('withdraw a waiting application on 进度查询, then apply again', () => {
  it('withdraws after the confirmation; the application says 已撤回 and offers no second withdrawal', async () => {
    who = 'mp-aa-wait';
    // the outside data still shows the last employer's insurance: staff must look
    setGov(waiting, { unitInsurance: { unit: '大连海岸线贸易有限公司', since: '2024-05-01' } });
    const app = await submitted(who, waiting);
    expect(app.status).toBe('pending_review');
    const modal = jest.spyOn((global as any).wx, 'showModal');

    const page = await openProgress(app.applicationId);
    expect(textOf(page, 'result-status')).toContain('待人工审核');
    await controls(page).tap('withdraw');
    await until(() => textOf(page, 'result-status').includes('已撤回'));
    // never silently: what withdrawing means was asked first
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('撤回后工作人员不再审核') }));
    modal.mockRestore();
    expect(sent('withdrawApplication').at(-1)!.data.input).toMatchObject({ applicationId: app.applicationId });
    expect(page.querySelector('#withdraw')).toBeFalsy();
    // staff no longer see it
    const queue = (await act('listReviewQueue', {}, STAFF[0].openid)).body.data.items.map((i: { applicationId: string }) => i.applicationId);
    expect(queue).not.toContain(app.applicationId);
  });

  it('lets the person apply again at once on the wizard, and the new 失业登记 is decided at once', async () => {
    setGov(waiting); // the employer has stopped the insurance meanwhile
    const page = open('packageForms/unemployment');
    await until(() => !!page.querySelector('#step-next'));
    expect(page.querySelector('#already-registered')).toBeFalsy();
    await until(() => !!page.querySelector('#profile-prefilled')); // the earlier answers of this person
    const { tap, date } = controls(page);
    await stepThroughAndSubmit(page, async () => {
      await date('field-unemployedSince', '2026-01', NOW_DATE);
      await tap('field-reason-4'); // 从各类单位辞职
      await tap('field-claimsUnemploymentInsurance-1');
      await tap('field-registrationPlace-1');
    });
    expect(textOf(page, 'result-status')).toContain('已办结');
    const mine = (await act('listMyApplications', {}, who)).body.data.applications as Array<{ status: string }>;
    expect(mine.map((a) => a.status).sort()).toEqual(['approved', 'withdrawn']);
  });
});

describe('复核 after a rejection', () => {
  it('asks for a reason, sends the 复核, and the application waits for a reviewer other than the one who rejected', async () => {
    who = 'mp-aa-rej';
    setGov(rejected, { inCardBase: false });
    const app = await submitted(who, rejected);
    const no = await act('decideApplication', { applicationId: app.applicationId, decision: 'reject', reasonCode: 'R03' }, STAFF[0].openid);
    expect(no.body.data.status).toBe('rejected');

    const page = await openProgress(app.applicationId);
    expect(textOf(page, 'result-status')).toContain('未通过');
    await until(() => !!page.querySelector('#review-request'));
    const request = textOf(page, 'review-request');
    expect(request).toContain('作出决定以外的工作人员');
    expect(request).toContain('行政复议');
    const { tap, type } = controls(page);
    const before = sent('requestReview').length;
    await tap('review-submit'); // no reason yet: said on the page, nothing sent
    await until(() => textOf(page, 'after-answer-error').includes('理由'));
    expect(sent('requestReview')).toHaveLength(before);
    type('review-reason', '我已于2026年1月离职，社保卡信息是对的，请再核对一次');
    await tap('review-submit');
    await until(() => textOf(page, 'result-status').includes('待人工审核'));
    expect(sent('requestReview').at(-1)!.data.input).toMatchObject({ applicationId: app.applicationId, reason: '我已于2026年1月离职，社保卡信息是对的，请再核对一次' });
    expect(page.querySelector('#review-request')).toBeFalsy();

    expect((await act('decideApplication', { applicationId: app.applicationId, decision: 'approve' }, STAFF[0].openid)).status).toBe(403);
    const other = await act('decideApplication', { applicationId: app.applicationId, decision: 'approve', note: '复核：电话核实已离职' }, STAFF[1].openid);
    expect(other.body.data.status).toBe('approved');
  });
});

describe('退回补正: the form opens pre-filled and is resubmitted', () => {
  let applicationId: string;

  it('进度查询 shows what to change, word for word, and opens the form for this application', async () => {
    who = 'mp-aa-fix';
    setGov(returned, { inCardBase: false });
    applicationId = (await submitted(who, returned)).applicationId;
    expect((await act('decideApplication', { applicationId, decision: 'return', note: WHAT }, STAFF[0].openid)).body.data.status).toBe('returned');
    setGov(returned); // the person corrects what staff named: the record matches now

    const page = await openProgress(applicationId);
    await until(() => !!page.querySelector('#returned'));
    expect(textOf(page, 'returned-for')).toBe(WHAT);
    expect(textOf(page, 'returned')).toContain('不需要补交任何材料');
    await controls(page).tap('correct-open');
    expect(navigations.at(-1)).toBe(`/packageForms/unemployment/index?corrects=${applicationId}`);
  });

  it('the wizard opened with corrects= shows the note and the earlier answers; resubmitted without typing them again', async () => {
    const page = open('packageForms/unemployment', { corrects: applicationId });
    await until(() => !!page.querySelector('#correcting'));
    expect(textOf(page, 'correcting-for')).toBe(WHAT);
    // nothing is typed: every step passes on the returned answers (step 3 included)
    await stepThroughAndSubmit(page);
    expect(textOf(page, 'result-status')).toContain('已办结');
    const input = sent('submitUnemploymentRegistration').at(-1)!.data.input as Record<string, unknown>;
    expect(input).toMatchObject({
      correctsApplicationId: applicationId, name: returned.name, idNumber: returned.idNumber, phone: returned.phone,
      unemployedSince: '2026-01', reason: '从各类单位辞职', commitment: { accepted: true },
    });
    const old = (await act('getProgress', { applicationId }, who)).body.data;
    expect(old.status).toBe('resubmitted');
  });
});

describe('我的登记: a move to another county, then a job reported', () => {
  const MOVED_TO = '210302'; // 鞍山市铁东区

  it('changes the residence address with the region pickers; both offices are told', async () => {
    who = 'mp-aa-reg';
    setGov(registered);
    expect((await submitted(who, registered)).status).toBe('approved');
    const page = open('packageForms/my-registration');
    await until(() => !!page.querySelector('#myreg-active'));
    const { change, type, tap } = controls(page);
    const prov = `${MOVED_TO.slice(0, 2)}0000`;
    const city = `${MOVED_TO.slice(0, 4)}00`;
    await change('field-residenceAddress-province', indexOf(provinces(), prov));
    await change('field-residenceAddress-city', indexOf(citiesOf(prov), city));
    await change('field-residenceAddress-regionCode', indexOf(countiesOf(city), MOVED_TO));
    type('field-residenceAddress-detail', '胜利路16号');
    await tap('update-submit');
    await until(() => !!page.querySelector('#update-done') || !!page.querySelector('#update-error'), 8000);
    expect(page.querySelector('#update-error')).toBeFalsy();
    expect(textOf(page, 'update-done')).toContain('原登记地和新常住地的工作人员都已收到通知');
    expect(sent('updateMyRegistration').at(-1)!.data.input).toMatchObject({ residenceAddress: { regionCode: MOVED_TO, detail: '胜利路16号' } });
    const notice = (await act('listMyMessages', {}, STAFF[0].openid)).body.data.messages.find((m: { title: string }) => m.title === '登记人员常住地变更');
    expect(notice).toBeTruthy();
  });

  it('a half-given address is refused on the page, naming the missing part, and nothing is sent', async () => {
    const page = open('packageForms/my-registration');
    await until(() => !!page.querySelector('#update-submit'));
    const before = sent('updateMyRegistration').length;
    controls(page).type('field-residenceAddress-detail', '胜利路18号');
    await controls(page).tap('update-submit');
    await until(() => textOf(page, 'update-details').includes('常住地址'));
    expect(sent('updateMyRegistration')).toHaveLength(before);
  });

  it('reports a job only after confirming what ends; the 失业登记 ends as the person\'s own declaration', async () => {
    const page = open('packageForms/my-registration');
    await until(() => !!page.querySelector('#report-job'));
    const { tap, type, date } = controls(page);
    await tap(`field-situation-${SELF_REPORT_CODES.indexOf('11')}`); // 被各类用人单位录用或招聘
    await until(() => !!page.querySelector('#field-unit'));
    type('field-unit', '大连某物流有限公司');
    await date('field-since', '2026-05-04', NOW_DATE);
    // the confirmation says what ends; without it nothing is sent
    expect(textOf(page, 'report-confirm')).toBe('我确认：提交后我的失业登记将按本人申报注销');
    await tap('report-submit');
    await until(() => textOf(page, 'report-job').includes('请确认'));
    expect(sent('reportEmployment')).toHaveLength(0);
    await tap('report-confirm');
    await tap('report-submit');
    await until(() => !!page.querySelector('#report-done') || !!page.querySelector('#report-error'), 8000);
    expect(page.querySelector('#report-error')).toBeFalsy();
    expect(textOf(page, 'report-done')).toContain('被各类用人单位录用或招聘');
    expect(textOf(page, 'report-done')).toContain('按本人申报注销');
    expect(sent('reportEmployment')[0].data.input).toMatchObject({ situation: '11', unit: '大连某物流有限公司', since: '2026-05-04', confirmEnds: true });
    expect((await act('getMyStatus', {}, who)).body.data.registrations).toEqual([]);
  });
});

describe('the staff follow-up form (packageStaff/tasks)', () => {
  let followKey: string;
  let verifyKey: string;
  let followTask: string;
  let applicationId: string;

  beforeAll(async () => {
    who = 'mp-aa-followed';
    setGov(followed);
    applicationId = (await submitted(who, followed)).applicationId;
    // a month on: the monthly call is owed, and the outside data shows a new employer
    setGov(followed, { unitInsurance: NEW_EMPLOYER });
    await rt.close();
    rt = localRuntime({ dataDir, govDataFile: govFile, now: MONTH_LATER, log: () => {} });
    const run = await act('runScheduler', {}, null);
    expect(run.body.ok).toBe(true);
    const items = (await act('listContactTasks', {}, STAFF[0].openid)).body.data.items as Array<{ taskId: string; kind: string; applicationId: string }>;
    const mine = items.filter((t) => t.applicationId === applicationId);
    const call = mine.find((t) => t.kind === 'followcall');
    const verify = mine.find((t) => t.kind === 'verify_employment');
    expect(call).toBeTruthy();
    expect(verify).toBeTruthy();
    followTask = call!.taskId;
    followKey = call!.taskId.replace(/[^A-Za-z0-9_-]/g, '-');
    verifyKey = verify!.taskId.replace(/[^A-Za-z0-9_-]/g, '-');
  });

  it('the 核实就业状态 card names the record found: source, unit, since when', async () => {
    who = STAFF[0].openid;
    const page = open('packageStaff/tasks');
    await until(() => !!page.querySelector(`#task-${verifyKey}`));
    expect(textOf(page, `task-${verifyKey}`)).toContain('核实就业状态');
    expect(textOf(page, `task-finding-${verifyKey}-source`)).toBe('来源：单位参保');
    expect(textOf(page, `task-finding-${verifyKey}-name`)).toBe(`单位：${NEW_EMPLOYER.unit}`);
    expect(textOf(page, `task-finding-${verifyKey}-since`)).toBe('起始日期：2026年6月1日');
    expect(textOf(page, `task-finding-${verifyKey}`)).toContain('不会自动注销');
    // the list stays masked
    expect(page.dom.textContent as string).not.toContain(followed.phone);
    expect(page.dom.textContent as string).not.toContain(followed.idNumber);
  });

  it('records a reached monthly call with a refused service and what was learned; the person reads it', async () => {
    who = STAFF[0].openid;
    const page = open('packageStaff/tasks');
    await until(() => !!page.querySelector(`#task-${followKey}`));
    expect(textOf(page, `task-${followKey}`)).toContain('每月跟踪回访');
    const { tap, type } = controls(page);
    await tap(`field-outcome-${followKey}-0`); // 已联系上
    await until(() => !!page.querySelector(`#field-offer-${followKey}-job_referral-2`));
    await tap(`field-offer-${followKey}-job_referral-2`); // 职业介绍: 拒绝
    await tap(`field-status-${followKey}-0`); // 仍在求职
    type(`field-skills-${followKey}`, '电焊工证，三年船厂经验');
    type(`field-intentions-${followKey}`, '焊接');
    type(`field-next-${followKey}`, '下月再次电话回访');
    await tap(`task-complete-${followKey}`);
    await until(() => !page.querySelector(`#task-${followKey}`), 15000);

    const done = sent('completeContactTask').at(-1)!;
    expect(done.data.input).toMatchObject({
      taskId: followTask, outcome: 'reached', offers: [{ service: 'job_referral', outcome: 'refused' }],
      employmentStatus: expect.any(String), skills: '电焊工证，三年船厂经验', intentions: '焊接', nextStep: '下月再次电话回访',
    });
    const timeline = (await act('getProgress', { applicationId }, 'mp-aa-followed')).body.data.timeline as Array<{ note?: string }>;
    const said = timeline.map((e) => e.note ?? '').join('\n');
    expect(said).toContain('职业介绍（推荐岗位）（您暂不需要）');
    expect(said).toContain('下一步：下月再次电话回访');
  });
});
