/**
 * What a first-time citizen stumbled on (issue 17), walked in the browser on the H5 build served by
 * the real gateway at a 390 px phone viewport: the pre-fill notice only where something was filled,
 * one page per tap with a loading screen on a slow network, messages that link to their application
 * and an unread count on home, the first-run 长辈模式 offer, and 补发 that stays and offers no second 补发.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-05-12T10:00:00+08:00';
let gw: TestGateway;
let browser: Browser;
// one person per account: a second account applying for the same person is shown that person's
// certificate, and its messages stay with the account that applied first
const people = { prefill: makePerson({ region: '210204' }), messages: makePerson({ region: '210204' }), reissue: makePerson({ region: '210204' }) };
const returning = people.prefill;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: Object.values(people).map((p) => govRecord(p)) } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function certificateFor(openid: string, person = returning) {
  const res = await gw.call('applyCertificate', { requestId: requestId(), ...person }, openid);
  expect(res.json.data.status).toBe('approved');
  return res.json.data;
}

it('says "已按您上次提交的信息预先填好" on the steps that were pre-filled, and not on the others', async () => {
  await certificateFor('exp-prefill');
  const page = await openAs(browser, gw.url, 'exp-prefill', '/packageForms/unemployment/index', NOW);
  await page.locator('#profile-prefilled').waitFor();
  expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe(returning.name);
  await page.locator('#step-next').click();
  await page.locator('#field-phone').waitFor();
  expect(await page.locator('#profile-prefilled').count()).toBe(1); // 联系方式与地址: filled too
  await page.locator('#step-next').click();
  await page.locator('#field-unemployedSince').waitFor();
  // 失业情况: nothing of it came from the earlier 申领
  expect(await page.locator('#profile-prefilled').count()).toBe(0);
  await page.context().close();
}, 60000);

/**
 * A slow network for the pages behind home's tiles: their code (webpack chunks, named by number) takes
 * `delayMs` to arrive, whether home's idle-time prefetch asks for it (client/config/h5-delivery.ts) or
 * the tap does. Home's own code, asked for before `homeShown()`, comes at once.
 */
async function slowForms(page: Page, delayMs: number): Promise<{ homeShown: () => void }> {
  let shown = false;
  await page.route(/\/(js|css)\/[^/]+\.(js|css)$/, async (route) => {
    if (shown || route.request().resourceType() === 'other') await new Promise((r) => setTimeout(r, delayMs));
    await route.continue().catch(() => undefined);
  });
  return { homeShown: () => { shown = true; } };
}

it('on a slow network a tap shows the loading screen at once and opens one page, however often it is tapped', async () => {
  let slow: { homeShown: () => void } | undefined;
  const page = await openAs(browser, gw.url, 'exp-slow', '/pages/index/index', NOW, async (p) => { slow = await slowForms(p, 2500); });
  await page.locator('#tile-unemployment').waitFor();
  slow!.homeShown();
  await page.locator('#tile-unemployment').click();
  // within a frame or two: the tile pressed and the loading screen, not 15 s of nothing
  await page.locator('#opening').waitFor({ timeout: 500 });
  expect(await page.locator('#opening').innerText()).toContain('正在打开“失业登记”');
  expect(await page.locator('#tile-unemployment').getAttribute('aria-busy')).toBe('true');
  await page.screenshot({ path: join(SHOTS, 'home-opening.png') });
  // impatient taps while it opens: on the loading screen, and on the tile beneath it
  for (let i = 0; i < 3; i++) await page.locator('#opening').click({ force: true, timeout: 300 }).catch(() => undefined);
  await page.locator('#tile-unemployment').dispatchEvent('click', undefined, { timeout: 300 }).catch(() => undefined);
  await page.locator('#step-indicator').waitFor({ timeout: 20000 });
  await page.waitForTimeout(800);
  // one page over home, not a stack of them
  expect(await page.locator('.taro_page').count()).toBe(2);
  await page.goBack();
  await page.locator('#tile-unemployment').waitFor();
  expect(await page.locator('#opening').count()).toBe(0);
  await page.context().close();
}, 60000);

it('shows the unread count on home, links each message to its application, and clears the count once read', async () => {
  const openid = 'exp-messages';
  const app = await certificateFor(openid, people.messages);
  const page = await openAs(browser, gw.url, openid, '/pages/index/index', NOW);
  await page.locator('#home-unread').waitFor();
  const unread = Number(await page.locator('#home-unread').innerText());
  const all = (await gw.call('listMyMessages', {}, openid)).json.data.messages;
  expect(unread).toBe(all.length);
  expect(await page.locator('#tile-messages').getAttribute('aria-label')).toBe(`我的消息，${unread}条未读`);
  await page.screenshot({ path: join(SHOTS, 'home-unread.png') });
  await page.locator('#tile-messages').click();
  await page.locator('#message-list').waitFor();
  const withApp = all.find((m: { applicationId?: string }) => m.applicationId === app.applicationId);
  expect(withApp).toBeTruthy();
  expect(await page.locator(`#message-${withApp.messageId} .msg__new`).count()).toBe(1);
  await page.locator(`#message-open-${withApp.messageId}`).click();
  await page.locator('#timeline').waitFor();
  await page.goBack();
  await page.goBack();
  await page.locator('#tile-messages').waitFor();
  await page.waitForTimeout(500);
  expect(await page.locator('#home-unread').count()).toBe(0);
  await page.context().close();
}, 60000);

it('offers 长辈模式 on the first visit, at the top of home, and remembers the answer', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${gw.url}/?as=exp-first-run#/pages/index/index`);
  await page.locator('#elder-offer').waitFor();
  // above the fold of a 390 × 844 phone
  const box = (await page.locator('#elder-offer-yes').boundingBox())!;
  expect(box.y + box.height).toBeLessThan(844);
  await page.screenshot({ path: join(SHOTS, 'home-elder-offer.png') });
  await page.locator('#elder-offer-yes').click();
  await page.locator('.page.elder').first().waitFor();
  expect(await page.locator('#elder-offer').count()).toBe(0);
  await page.reload();
  await page.locator('.page.elder').first().waitFor();
  expect(await page.locator('#elder-offer').count()).toBe(0);
  await context.close();
}, 60000);

it('补发 stays on its page with 返回我的电子证, offers no second 补发, and is styled when opened directly', async () => {
  const openid = 'exp-reissue';
  await certificateFor(openid, people.reissue);
  const page = await openAs(browser, gw.url, openid, '/packageForms/reissue/index', NOW);
  await page.locator('#reissue-submit').waitFor();
  // the reason is a styled radio row (components.css), not bare text
  const row = page.locator('#field-kind-0');
  expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await row.click();
  await page.getByLabel('情况说明').fill('5月10日在公交车上遗失手机，无法出示原电子证');
  await page.locator('#reissue-submit').click();
  await page.locator('.taro-modal__foot >> text="确定补发"').click();
  await page.locator('#reissue-done').waitFor({ timeout: 15000 });
  await page.waitForTimeout(2500); // the old page left by itself after 1.5 s
  expect(await page.locator('#reissue-done').isVisible()).toBe(true);
  expect(await page.locator('#reissue-open').count()).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'reissue-done.png') });
  await page.locator('#reissue-back').click();
  await page.locator('#cert-no').waitFor();
  const mine = (await gw.call('listMyApplications', {}, openid)).json.data.applications;
  expect(mine.length).toBeGreaterThanOrEqual(1);
  await page.context().close();
}, 60000);

