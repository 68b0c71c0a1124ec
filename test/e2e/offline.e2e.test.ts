/**
 * Weak networks (issue "Citizen experience" §4): a 申领 made offline is kept on the phone
 * ("已保存，联网后自动提交") and sent when the network returns; an answer lost on the way is resent
 * with the same requestId; either way the application exists exactly once. The form itself comes
 * back from storage after a restart (the draft), which is how these tests fill it in.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, type TestPerson } from '../support/people';
import { launch, PHONE, SHOTS } from './browser';

let gw: TestGateway;
let browser: Browser;
const offlinePerson = makePerson({ region: '210204' });
const lostPerson = makePerson({ region: '210204', gender: '1' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  gw = await startTestGateway({ now: '2026-05-12T10:00:00+08:00', gov: { persons: [govRecord(offlinePerson), govRecord(lostPerson)] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** The draft the 申领 page keeps after every change (packageForms/certificate-apply/form.ts), as Taro's H5 storage writes it. */
function draftOf(p: TestPerson, requestId: string) {
  const values = {
    name: p.name, idType: p.idType, idNumber: p.idNumber, birthDate: '', gender: p.gender, ethnicity: p.ethnicity, politicalStatus: '',
    education: p.education, health: p.health, disabilityLevel: '', hukouAddress: p.hukouAddress, residenceAddress: p.residenceAddress,
    phone: p.phone, landline: '', email: '',
  };
  return JSON.stringify({ data: { requestId, values, sameAsHukou: true, touched: [], accepted: true } });
}

/** Opens the 申领 page as `openid` with a half-filled form left from an earlier session (an app restart). */
async function openWithDraft(context: BrowserContext, openid: string, p: TestPerson, requestId: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => { throw err; });
  await page.goto(`${gw.url}/?as=${openid}#/pages/index/index`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), ['draft:certificate-apply', draftOf(p, requestId)]);
  await page.goto(`${gw.url}/?as=${openid}&restart=1#/packageForms/certificate-apply/index`);
  await page.locator('#draft-restored').waitFor();
  expect(await page.getByLabel('姓名').inputValue()).toBe(p.name);
  return page;
}

const applications = async (openid: string) => (await gw.call('listMyApplications', {}, openid)).json.data.applications as Array<{ kind: string; status: string }>;

it('keeps a 申领 made offline and sends it, once, when the network returns', async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await openWithDraft(context, 'offline-citizen', offlinePerson, 'offline-req-1');
    await context.setOffline(true);
    await page.locator('#offline-banner').waitFor();
    expect(await page.locator('#offline-banner').textContent()).toContain('网络已断开');
    await page.locator('#submit').click();
    await page.locator('#kept-notice').waitFor({ timeout: 10000 });
    expect(await page.locator('#kept-notice').textContent()).toContain('已保存，联网后自动提交');
    await page.screenshot({ path: join(SHOTS, 'offline-kept.png') });
    expect(await applications('offline-citizen')).toHaveLength(0);

    await context.setOffline(false);
    await page.locator('#outbox-done-ok').waitFor({ timeout: 20000 });
    const apps = await applications('offline-citizen');
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ kind: 'certificate', status: 'approved' });
    // the draft is gone once the submission has arrived
    expect(await page.evaluate(() => localStorage.getItem('draft:certificate-apply'))).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'offline-sent.png') });
    // a further network change sends nothing again
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(500);
    expect(await applications('offline-citizen')).toHaveLength(1);
  } finally {
    await context.close();
  }
}, 60000);

it('resends a 申领 whose answers were lost with the same requestId, and it exists exactly once', async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await openWithDraft(context, 'lost-citizen', lostPerson, 'lost-req-1');
    // The request reaches the gateway and is handled; the answer never comes back.
    const seen: string[] = [];
    await page.route('**/api/applyCertificate', async (route) => {
      seen.push(JSON.parse(route.request().postData() ?? '{}').requestId);
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.locator('#submit').click();
    await page.locator('#submit').filter({ hasText: '网络较慢，正在重试' }).waitFor({ timeout: 5000 });
    await page.locator('#kept-notice').waitFor({ timeout: 20000 });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen)).toEqual(new Set(['lost-req-1']));
    expect(await applications('lost-citizen')).toHaveLength(1);

    // Answers come back again; the network flickers, and the kept submission goes out.
    await page.unroute('**/api/applyCertificate');
    await context.setOffline(true);
    await context.setOffline(false);
    await page.locator('#outbox-done-ok').waitFor({ timeout: 20000 });
    expect(await applications('lost-citizen')).toHaveLength(1);
  } finally {
    await context.close();
  }
}, 60000);
