/**
 * Help around an application, in the browser at a 390 px phone (issue 17): a review past its due date
 * says it is late, what the office owes and offers 催办 (once a day) and the office's phone; a person
 * sent to review is told what to do; a refused result shows the office to go to (address, hours,
 * tap-to-call phone, map); 好差评 once after 办结 (秒办 or by staff), seen in the staff 月度统计; and the
 * late notice with its 催办 in 长辈模式 meets the MIIT 适老化 floors (test/e2e/elder-floors.ts).
 *
 * Two of them are sent by a person whose name and number the identity base could not match (not
 * bound to the account, the usual reason for a review): they too can 催办 and rate.
 *
 * Time moves with the gateway's clock: the applications are filed on Tuesday 2026-03-10, and the
 * gateway is restarted on the same DATA_DIR on 2026-03-18, past their due dates; the phone's clock
 * follows the server's.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { compareDates } from '@shared/dates';
import type { ApplicationView } from '@shared/api';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { launch, openAs, PHONE, SHOTS } from './browser';
import { elderFloorFailures } from './elder-floors';

const FILED = '2026-03-10T10:00:00+08:00'; // a Tuesday
const LATE = '2026-03-18T09:30:00+08:00'; // the Wednesday after: every review filed on FILED is past due
const STAFF = [
  { openid: 'e2e-ch-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'e2e-ch-admin', name: '大连管理员', region: '2102', role: 'admin' },
];
const UNIT = '海滨重型机械有限公司';
const people = {
  late: makePerson({ region: '210204' }),
  lateElder: makePerson({ region: '210204' }),
  review: makePerson({ region: '210204' }),
  refused: makePerson({ region: '210204' }),
  instant: makePerson({ region: '210204' }),
  byStaff: makePerson({ region: '210204' }),
};
const insured = { unitInsurance: { unit: UNIT, since: '2021-04-01' } };
const gov: GovFileContent = {
  persons: [
    govRecord(people.late, insured), govRecord(people.lateElder, { inCardBase: false }), govRecord(people.review, insured),
    govRecord(people.refused, { inCardBase: false }), govRecord(people.instant), govRecord(people.byStaff, { inCardBase: false }),
  ],
  staff: STAFF,
};

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

let filed: TestGateway;
let gw: TestGateway; // the gateway the current test talks to
let browser: Browser;
const ids: Record<keyof typeof people, string> = { late: '', lateElder: '', review: '', refused: '', instant: '', byStaff: '' };
const openidOf = (who: keyof typeof people) => `e2e-ch-${who}`;

/** 进度查询 opened on one application, as its person, the phone's clock at `now`; `elder` in 长辈模式. */
async function detail(who: keyof typeof people, now: string, elder = false): Promise<Page> {
  const route = `/packageMine/progress/index?id=${encodeURIComponent(ids[who])}`;
  let page: Page;
  if (!elder) page = await openAs(browser, gw.url, openidOf(who), route, now);
  else {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await page.clock.setFixedTime(new Date(now));
    page.on('pageerror', (err) => { throw err; });
    await page.goto(`${gw.url}/?as=${encodeURIComponent(openidOf(who))}&elder=1#${route}`);
  }
  await page.locator('#result-status').waitFor({ timeout: 15000 });
  await page.locator('#timeline').waitFor();
  return page;
}

/** The page's words outside the 回执 (which keeps the promised date as a record). */
const textOutsideReceipt = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('#progress-detail') as HTMLElement;
  const receipt = root.querySelector('#receipt') as HTMLElement | null;
  return receipt ? root.innerText.replace(receipt.innerText, '') : root.innerText;
});

const progressOf = async (who: keyof typeof people): Promise<ApplicationView> => (await gw.call('getProgress', { applicationId: ids[who] }, openidOf(who))).json.data;

beforeAll(async () => {
  filed = await startTestGateway({ now: FILED, gov });
  gw = filed;
  for (const who of ['late', 'lateElder', 'review', 'refused', 'byStaff'] as const) {
    const res = await gw.call('submitUnemploymentRegistration', unemployment(people[who]), openidOf(who));
    expect(res.json.data.status).toBe('pending_review');
    ids[who] = res.json.data.applicationId;
  }
  const instant = await gw.call('applyCertificate', { requestId: requestId(), ...people.instant }, openidOf('instant'));
  expect(instant.json.data.status).toBe('approved'); // 秒办
  ids.instant = instant.json.data.applicationId;
  const no = await gw.call('decideApplication', { applicationId: ids.refused, decision: 'reject', reasonCode: 'R03', note: '经核实处于就业状态，如有疑问请到窗口咨询' }, STAFF[0].openid);
  expect(no.json.data.status).toBe('rejected');
  const yes = await gw.call('decideApplication', { applicationId: ids.byStaff, decision: 'approve', note: '电话核实信息无误' }, STAFF[0].openid);
  expect(yes.json.data.status).toBe('approved');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
  if (filed) rmSync(filed.dataDir, { recursive: true, force: true });
});

describe('on the day of filing', () => {
  it('tells a person sent to review what to do (ask the former employer to stop the social insurance), with the office and its phone', async () => {
    const view = await progressOf('review');
    expect(view.office).toBeTruthy();
    const page = await detail('review', FILED);
    // on time: the promised date, no late notice
    expect(await page.locator('#due-date').innerText()).toContain(`${view.dueDate} 前完成审核`);
    expect(await page.locator('#overdue').count()).toBe(0);
    const todo = page.locator('#what-to-do');
    expect(await todo.locator('.section-title').innerText()).toBe('您需要做什么');
    const social = await page.locator('#todo-socialInsurance').innerText();
    expect(social).toContain(UNIT);
    expect(social).toContain('请联系原单位为您办理社保减员');
    expect(social).toContain('已经停了的，不用做什么');
    expect(await todo.innerText()).toContain('不需要补交材料，也不用跑窗口');
    // the office it points to, with a number to tap
    const office = page.locator('#office');
    expect(await office.innerText()).toContain(view.office!.name);
    expect(await page.locator('#office-phone').innerText()).toBe(view.office!.phone);
    expect(await page.locator('#office-phone').getAttribute('role')).toBe('link');
    await todo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'what-to-do.png') });
    await page.context().close();
  }, 60000);

  it('shows the office to go to on a refused result: address, hours, a phone to tap and a map', async () => {
    const view = await progressOf('refused');
    expect(view.status).toBe('rejected');
    const page = await detail('refused', FILED);
    expect(await page.locator('#result-status').innerText()).toContain('未通过');
    expect(await page.locator('#next-step').innerText()).toContain('公共就业服务机构');
    const office = page.locator('#office');
    await office.scrollIntoViewIfNeeded();
    const text = await office.innerText();
    expect(text).toContain(view.office!.name);
    expect(text).toContain(`地址：${view.office!.address}`);
    expect(text).toContain(`办公时间：${view.office!.hours}`);
    const phone = page.locator('#office-phone');
    expect(await phone.innerText()).toBe(view.office!.phone);
    expect(await phone.getAttribute('aria-label')).toBe(`拨打电话 ${view.office!.phone}`);
    // the number stays on one line
    const box = (await phone.boundingBox())!;
    const lineHeight = await phone.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6);
    expect(box.height).toBeLessThan(lineHeight * 1.9);
    // the listOffices answer for the region names the same office first, with its place on the map
    const offices = (await gw.call('listOffices', { region: people.refused.residenceAddress.regionCode }, openidOf('refused'))).json.data.offices;
    expect(offices[0].name).toBe(view.office!.name);
    expect(typeof offices[0].latitude).toBe('number');
    const map = page.locator('#office-map');
    expect(await map.isVisible()).toBe(true);
    expect(await map.innerText()).toContain('在地图上查看');
    await page.screenshot({ path: join(SHOTS, 'office-card.png') });
    await page.context().close();
  }, 60000);

  it('takes one 好差评 after 办结 (秒办 and by staff), offers no second one, and the region\'s 月度统计 shows them', async () => {
    // 秒办: 4 stars and a comment
    const page = await detail('instant', FILED);
    const rate = page.locator('#rate');
    await rate.scrollIntoViewIfNeeded();
    expect(await rate.innerText()).toContain('每件事评价一次');
    await page.locator('#rate-star-4').click();
    expect(await page.locator('#rate-star-4').getAttribute('aria-checked')).toBe('true');
    expect(await rate.innerText()).toContain('4星：满意');
    await page.getByLabel('评价内容（选填）').fill('手机上就办好了，不用跑腿');
    await page.screenshot({ path: join(SHOTS, 'rating.png') });
    await page.locator('#rate-submit').click();
    await page.locator('#rating-given').waitFor();
    const given = await page.locator('#rating-given').innerText();
    expect(given).toContain('4星，满意');
    expect(given).toContain('手机上就办好了，不用跑腿');
    expect(await page.locator('#rate').count()).toBe(0);
    // opened again: the rating stays, nothing to rate a second time
    await page.reload();
    await page.locator('#rating-given').waitFor({ timeout: 15000 });
    expect(await page.locator('#rate').count()).toBe(0);
    expect(await page.locator('#rate-submit').count()).toBe(0);
    await page.context().close();
    expect((await progressOf('instant')).rating).toMatchObject({ score: 4, comment: '手机上就办好了，不用跑腿' });

    // approved by staff: 5 stars, no comment
    const second = await detail('byStaff', FILED);
    await second.locator('#rate-star-5').click();
    await second.locator('#rate-submit').click();
    await second.locator('#rating-given, #rate-error').first().waitFor();
    expect(await second.locator('#rate-error').count() ? await second.locator('#rate-error').innerText() : '').toBe('');
    expect(await second.locator('#rating-given').innerText()).toContain('5星，非常满意');
    await second.context().close();

    // not offered on an application still waiting for staff
    const waiting = await detail('review', FILED);
    expect(await waiting.locator('#rate').count()).toBe(0);
    await waiting.context().close();

    // the region's admin: two ratings this period, 4.5 on average, one of each, the comment
    const stats = await openAs(browser, gw.url, STAFF[1].openid, '/packageStaff/stats/index', FILED);
    await stats.locator('#stats-ratings-summary').waitFor({ timeout: 15000 });
    expect(await stats.locator('#stats-ratings-summary').innerText()).toContain('共 2 条，平均 4.5 星；差评（1–2星）0 条');
    expect(await stats.locator('#stats-rating-5').innerText()).toMatch(/5星\s*1/);
    expect(await stats.locator('#stats-rating-4').innerText()).toMatch(/4星\s*1/);
    expect(await stats.locator('#stats-rating-1').innerText()).toMatch(/1星\s*0/);
    expect(await stats.locator('#stats-ratings').innerText()).toContain('4星：“手机上就办好了，不用跑腿”');
    await stats.context().close();
  }, 90000);
});

describe('a week later, past the due dates', () => {
  beforeAll(async () => {
    await filed.close(true);
    gw = await startTestGateway({ now: LATE, dataDir: filed.dataDir, gov });
  });

  const today = LATE.slice(0, 10);
  const daysLate = (due: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86400000);

  it('says the review is late, what the office owes, gives its phone and 催办 — once a day', async () => {
    const view = await progressOf('late');
    expect(view.status).toBe('pending_review');
    expect(compareDates(today, view.dueDate!)).toBeGreaterThan(0);
    const late = daysLate(view.dueDate!);

    // the list says so too, not "预计办结：…前"
    const list = await openAs(browser, gw.url, openidOf('late'), '/packageMine/progress/index', LATE);
    const row = list.locator(`#application-${ids.late}`);
    await row.waitFor({ timeout: 15000 });
    expect(await row.innerText()).toContain(`已超期：应于 ${view.dueDate} 前办结`);
    expect(await row.innerText()).not.toContain('预计办结');
    await list.context().close();

    const page = await detail('late', LATE);
    const overdue = page.locator('#overdue');
    const notice = await overdue.innerText();
    expect(notice).toContain(`已超过办结期限 ${late} 天`);
    expect(notice).toContain(`应当在 ${view.dueDate} 前办结，现在已经超期`);
    expect(notice).toContain('办理机构应当尽快给您结果，并说明超期的原因');
    // nowhere does the page still promise the past date as if on time
    expect(await page.locator('#due-date').count()).toBe(0);
    const words = await textOutsideReceipt(page);
    expect(words).not.toContain('前完成审核');
    expect(words).not.toContain(`预计 ${view.dueDate} 前`);
    // the office's phone beside 催办, to tap
    expect(await page.locator('#overdue-phone').innerText()).toBe(view.office!.phone);
    expect(await page.locator('#overdue-phone').getAttribute('aria-label')).toBe(`拨打电话 ${view.office!.phone}`);
    expect(await overdue.innerText()).toContain(view.office!.name);
    await page.screenshot({ path: join(SHOTS, 'overdue-remind.png') });

    // the same page open on another phone before the first 催办
    const other = await detail('late', LATE);
    await other.locator('#remind-office').waitFor();

    await page.locator('#remind-office').click();
    await page.locator('#remind-done').waitFor();
    expect(await page.locator('#remind-done').innerText()).toContain('已催办，办理机构会收到提醒');
    expect(await page.locator('#remind-office').count()).toBe(0);
    expect((await progressOf('late')).reminders).toHaveLength(1);

    // a second tap the same day: already sent, nothing more recorded
    await other.locator('#remind-office').click();
    await other.locator('#remind-done').waitFor();
    expect(await other.locator('#remind-done').innerText()).toContain('今天已经催办过了');
    expect((await progressOf('late')).reminders).toHaveLength(1);
    await other.context().close();

    // opened again later the same day: no 催办 button, it says it was sent today
    await page.reload();
    await page.locator('#overdue').waitFor({ timeout: 15000 });
    expect(await page.locator('#remind-office').count()).toBe(0);
    expect(await page.locator('#remind-done').innerText()).toContain('今天已经催办过了');
    await page.context().close();

    // the office got it: the region's reviewer has the 催办 message with the 办件编号
    const staffMessages = (await gw.call('listMyMessages', {}, STAFF[0].openid)).json.data.messages as Array<{ title: string; body: string }>;
    const reminder = staffMessages.find((m) => m.title.startsWith('群众催办') && m.body.includes(view.caseNo));
    expect(reminder).toBeTruthy();
    expect(reminder!.body).not.toContain(people.late.idNumber);
  }, 90000);

  it('in 长辈模式 the late notice, 催办 and the phone meet the 适老化 floors (text ≥ 24 px, targets ≥ 60 px, contrast ≥ 4.5)', async () => {
    const view = await progressOf('lateElder');
    const page = await detail('lateElder', LATE, true);
    expect(await page.locator('.page.elder').count()).toBeGreaterThan(0);
    await page.locator('#remind-office').waitFor();
    expect(await page.locator('#overdue').innerText()).toContain(`已超过办结期限 ${daysLate(view.dueDate!)} 天`);
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(SHOTS, 'overdue-remind-elder.png') });
    const failures = await elderFloorFailures(page, { text: '#overdue' });
    if (failures.length) console.log(JSON.stringify(failures, null, 1));
    expect(failures).toEqual([]);
    // measured, not assumed: the 催办 button itself
    const button = (await page.locator('#remind-office').boundingBox())!;
    expect(button.height).toBeGreaterThanOrEqual(60);
    await page.locator('#remind-office').click();
    await page.locator('#remind-done').waitFor();
    await page.waitForTimeout(250);
    const after = await elderFloorFailures(page, { text: '#overdue' });
    if (after.length) console.log(JSON.stringify(after, null, 1));
    expect(after).toEqual([]);
    await page.context().close();
  }, 90000);
});

it('the floor check of a notice\'s text fails small or faint words (it measures, it does not pass everything)', async () => {
  const page = await browser.newPage({ viewport: PHONE });
  try {
    await page.setContent(`<main style="background:#fff"><div id="notice"><p id="small" style="font-size:14px;color:#111">已超过办结期限</p>
      <p id="faint" style="font-size:26px;color:#aaa">办理机构应当尽快给您结果</p><p id="fine" style="font-size:26px;color:#111">您可以催办</p></div></main>`);
    const found = await elderFloorFailures(page, { text: '#notice' });
    expect(found.map((f) => `${f.element} ${f.problem.split(' ')[0]}`).sort()).toEqual(['p#faint contrast', 'p#small text']);
    // without the option only controls are measured
    expect(await elderFloorFailures(page)).toEqual([]);
  } finally {
    await page.close();
  }
});
