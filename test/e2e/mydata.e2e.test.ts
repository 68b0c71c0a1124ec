/**
 * 我的数据 and 个人信息保护 in the browser (issue 14, 个人信息保护法 十七、四十四、四十五条): the person sees what
 * is held about them and each staff read of it — office, role, masked name, purpose — and reaches the
 * plain privacy notice from 设置.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [{ openid: 'e2e-md-reviewer', name: '欧阳审核', region: '2102', role: 'reviewer' }];
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(person, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } })], staff: STAFF } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('shows the person their applications and who read them, with the staff name masked', async () => {
  const openid = 'e2e-md-citizen';
  const app = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, openid);
  expect(app.json.data.status).toBe('pending_review');
  expect((await gw.call('getApplicationDetail', { applicationId: app.json.data.applicationId }, STAFF[0].openid)).status).toBe(200);

  const page = await openAs(browser, gw.url, openid, '/packageMine/settings/index', NOW);
  await page.locator('#settings-mydata').click();
  await page.locator('#mydata-reads').waitFor();
  expect(await page.locator('#mydata-applications-0').innerText()).toContain('失业登记');
  const reads = await page.locator('#mydata-reads').innerText();
  expect(reads).toContain('审核');
  expect(reads).not.toContain('欧阳审核');
  expect(reads).toMatch(/大连市/);
  await page.screenshot({ path: join(SHOTS, 'mydata.png'), fullPage: true });
  await page.locator('#mydata-privacy').click();
  await page.locator('#privacy-rights').waitFor();
  expect(await page.locator('#privacy').innerText()).toContain('敏感个人信息');
  await page.context().close();
}, 60000);
