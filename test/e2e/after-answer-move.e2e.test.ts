/**
 * After the first answer, the rest of issue 20's paths in the browser (人社厅发〔2020〕79号 二(六)(八)):
 *  - on 我的登记 the person moves to another county with the region lists; the page says both offices
 *    were told, and the staff of both regions have the notice;
 *  - a month on, the daily comparison finds a new employer: the staff 联系任务 page shows a
 *    核实就业状态 card naming the record (source, unit, since when) and that nothing ends by itself, and
 *    the person is told what was seen.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, pickWheel, SHOTS } from './browser';

const NOW = '2026-05-06T09:30:00+08:00';
const MONTH_LATER = '2026-06-15T09:30:00+08:00';
const STAFF = [
  { openid: 'e2e-mv-dl', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'e2e-mv-as', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];
const mover = makePerson({ region: '210204' });
const found = makePerson({ region: '210204' });
const NEW_EMPLOYER = { unit: '大连某某港口物流有限公司', since: '2026-06-01' };
let gw: TestGateway;
let browser: Browser;

const unemployment = (p: ReturnType<typeof makePerson>) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-03', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});
const gov = (withEmployer: boolean): GovFileContent => ({
  persons: [govRecord(mover), govRecord(found, withEmployer ? { unitInsurance: NEW_EMPLOYER } : {})],
  staff: STAFF,
});

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: gov(false) });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('moves the residence to another county on 我的登记; both offices are told', async () => {
  const openid = 'e2e-mv-mover';
  expect((await gw.call('submitUnemploymentRegistration', unemployment(mover), openid)).json.data.status).toBe('approved');
  const page = await openAs(browser, gw.url, openid, '/packageForms/my-registration/index', NOW);
  await page.locator('#myreg-active').waitFor({ timeout: 20_000 });
  await pickWheel(page, '#field-residenceAddress-province', '辽宁省');
  await pickWheel(page, '#field-residenceAddress-city', '鞍山市');
  await pickWheel(page, '#field-residenceAddress-regionCode', '铁东区');
  await page.getByLabel(/详细地址/).fill('胜利路16号');
  await page.locator('#update-submit').click();
  await page.locator('#update-done').waitFor({ timeout: 15_000 });
  expect(await page.locator('#update-done').innerText()).toContain('原登记地和新常住地的工作人员都已收到通知');
  await page.screenshot({ path: join(SHOTS, 'my-registration-moved.png'), fullPage: true });
  for (const s of STAFF) {
    const messages = (await gw.call('listMyMessages', {}, s.openid)).json.data.messages as Array<{ title: string; body: string }>;
    const notice = messages.find((m) => m.title === '登记人员常住地变更');
    expect(notice).toBeTruthy();
    // masked in the staff notice: never the full ID number or phone
    expect(notice!.body).not.toContain(mover.idNumber);
    expect(notice!.body).not.toContain(mover.phone);
  }
  await page.context().close();
}, 90_000);

it('a month on, a new employer in the outside data gives staff a 核实就业状态 card naming the record', async () => {
  const openid = 'e2e-mv-found';
  const app = (await gw.call('submitUnemploymentRegistration', unemployment(found), openid)).json.data;
  expect(app.status).toBe('approved');
  // a month later the unit-insurance record appears; the scheduler's daily pass compares
  await gw.close(true);
  gw = await startTestGateway({ now: MONTH_LATER, gov: gov(true), dataDir: gw.dataDir });
  expect((await gw.call('runScheduler', {}, null)).json.ok).toBe(true);

  const staff = await openAs(browser, gw.url, STAFF[0].openid, '/packageStaff/tasks/index', MONTH_LATER);
  const card = staff.locator('[id^="task-"]', { hasText: '核实就业状态' }).first();
  await card.waitFor({ timeout: 20_000 });
  const text = await card.innerText();
  expect(text).toContain('单位参保');
  expect(text).toContain(NEW_EMPLOYER.unit);
  expect(text).toContain('2026年6月1日');
  expect(text).toContain('不会自动注销');
  expect(await staff.locator('body').innerText()).not.toContain(found.idNumber);
  await staff.screenshot({ path: join(SHOTS, 'staff-tasks-verify.png'), fullPage: true });
  await staff.context().close();

  // the person is told what was seen, and the registration has not ended
  const told = (await gw.call('listMyMessages', {}, openid)).json.data.messages as Array<{ title: string; body: string }>;
  expect(told.some((m) => m.body.includes(NEW_EMPLOYER.unit) || m.title.includes('核实'))).toBe(true);
  expect((await gw.call('getMyStatus', {}, openid)).json.data.registrations.length).toBe(1);
}, 120_000);
