/**
 * After the first answer, in the browser (issue 20, 人社厅发〔2020〕79号 二(六)): withdraw a waiting
 * application from 进度查询; ask for 复核 of a rejection; on 我的登记 change the phone and report a job
 * (the 失业登记 ends as the person's own declaration, after they confirm); and a second 失业登记 is
 * stopped before step 1 with the way to 我的登记.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { launch, openAs, pickDate, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [{ openid: 'e2e-aa-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' }];
const waiting = makePerson({ region: '210204' });
const rejected = makePerson({ region: '210204' });
const registered = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

beforeAll(async () => {
  gw = await startTestGateway({
    now: NOW,
    gov: { persons: [govRecord(waiting, { inCardBase: false }), govRecord(rejected, { inCardBase: false }), govRecord(registered)], staff: STAFF },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function openDetail(openid: string, applicationId: string): Promise<Page> {
  const page = await openAs(browser, gw.url, openid, '/packageMine/progress/index', NOW);
  await page.locator(`#application-${applicationId}`).click();
  await page.locator('#result-status').waitFor();
  return page;
}

it('withdraws a waiting application from 进度查询, after saying what that means', async () => {
  const app = (await gw.call('submitUnemploymentRegistration', unemployment(waiting), 'e2e-aa-wait')).json.data;
  expect(app.status).toBe('pending_review');
  const page = await openDetail('e2e-aa-wait', app.applicationId);
  await page.locator('#withdraw').click();
  await page.locator('.taro-modal__foot >> text="撤回"').click();
  await page.waitForFunction(() => document.querySelector('#result-status')?.textContent?.includes('已撤回'));
  expect((await gw.call('getProgress', { applicationId: app.applicationId }, 'e2e-aa-wait')).json.data.status).toBe('withdrawn');
  expect(await page.locator('#withdraw').count()).toBe(0);
  await page.context().close();
}, 60000);

it('asks for 复核 of a rejection once; the application waits for another reviewer', async () => {
  const app = (await gw.call('submitUnemploymentRegistration', unemployment(rejected), 'e2e-aa-rej')).json.data;
  const no = await gw.call('decideApplication', { applicationId: app.applicationId, decision: 'reject', reasonCode: 'R03' }, STAFF[0].openid);
  expect(no.json.data.status).toBe('rejected');
  const page = await openDetail('e2e-aa-rej', app.applicationId);
  await page.locator('#review-request').waitFor();
  await page.locator('#review-submit').click();
  expect(await page.locator('#after-answer-error').innerText()).toContain('理由');
  await page.locator('#review-reason textarea').fill('我的姓名和身份证号码都是对的，请再核对一次社保卡信息');
  await page.locator('#review-submit').click();
  await page.waitForFunction(() => document.querySelector('#result-status')?.textContent?.includes('待人工审核'));
  await page.screenshot({ path: join(SHOTS, 'progress-review-requested.png'), fullPage: true });
  // the reviewer who rejected it may not decide the 复核
  const same = await gw.call('decideApplication', { applicationId: app.applicationId, decision: 'approve' }, STAFF[0].openid);
  expect(same.status).toBe(403);
  await page.context().close();
}, 60000);

it('on 我的登记 the person changes the phone and reports a job; a second 失业登记 is stopped before step 1', async () => {
  const openid = 'e2e-aa-reg';
  expect((await gw.call('submitUnemploymentRegistration', unemployment(registered), openid)).json.data.status).toBe('approved');

  const form = await openAs(browser, gw.url, openid, '/packageForms/unemployment/index', NOW);
  await form.locator('#already-registered').waitFor();
  expect(await form.locator('#already-registered').innerText()).toContain('不用重复登记');
  await form.locator('#already-open').click();
  await form.locator('#myreg-active').waitFor();
  expect(await form.locator('#myreg-active').innerText()).toContain('失业登记');

  await form.getByLabel('新的手机号码').fill('13700001234');
  await form.locator('#update-submit').click();
  await form.locator('#update-done').waitFor();

  await form.locator('#report-submit').click();
  expect(await form.locator('#report-job').innerText()).toContain('请选择您的情况');
  await form.locator('#field-situation [role="radio"]', { hasText: '被各类用人单位录用或招聘' }).click();
  await form.getByLabel('单位或经营名称').fill('大连某物流有限公司');
  await pickDate(form, '#field-since', '2026-07-01');
  await form.locator('#report-submit').click();
  // never silently: the confirmation is asked for
  expect(await form.locator('#report-job').innerText()).toContain('请确认');
  await form.locator('#report-confirm').click();
  await form.locator('#report-submit').click();
  await form.locator('#report-done').waitFor();
  expect(await form.locator('#report-done').innerText()).toContain('被各类用人单位录用或招聘');
  await form.screenshot({ path: join(SHOTS, 'my-registration-reported.png'), fullPage: true });
  expect((await gw.call('getMyStatus', {}, openid)).json.data.registrations).toEqual([]);
  await form.context().close();
}, 90000);
