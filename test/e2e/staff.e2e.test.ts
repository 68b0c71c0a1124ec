/**
 * Browser end-to-end of the staff side:
 *  - the certificate page shows a QR; the test decodes it from a screenshot, a staff member
 *    uploads the screenshot on the scan page and sees 有效 (issue "Electronic 《就业创业证》 QR" §7);
 *  - a reviewer clears an application from the queue and the citizen's progress shows the decision
 *    and the message list tells them (issue "Staff back office" §7, "Proactive reminders" §5).
 */
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-03-10T10:00:00+08:00';
const STAFF = [
  { openid: 'e2e-verifier', name: '窗口核验员', region: '210204', role: 'verifier' },
  { openid: 'e2e-reviewer', name: '区审核员', region: '2102', role: 'reviewer' },
];
let gw: TestGateway;
let browser: Browser;
const holder = makePerson({ region: '210204' });
const employed = makePerson({ region: '210203' });

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(holder), govRecord(employed, { contractFiling: { unit: '北港物流有限公司', since: '2024-07-15' } })], staff: STAFF } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** Decodes a PNG (a screenshot) with jsQR: the browser turns it into pixels, jsQR reads them. */
async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const { width, height, data } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height);
    return { width: c.width, height: c.height, data: Array.from(px.data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

it('a staff member scans the citizen\'s QR from a screenshot and sees 有效', async () => {
  const applied = await gw.call('applyCertificate', { requestId: requestId(), ...holder }, 'e2e-holder');
  expect(applied.json.data.status).toBe('approved');
  const citizen = await openAs(browser, gw.url, 'e2e-holder', '/packageMine/certificate/index', NOW);
  const qr = citizen.locator('#cert-qr');
  await qr.waitFor({ timeout: 15000 });
  await citizen.waitForTimeout(500);
  const png = await qr.screenshot();
  await citizen.screenshot({ path: join(SHOTS, 'certificate-qr.png'), fullPage: true });
  const token = await decodeQr(citizen, png);
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(await citizen.locator('body').innerText()).not.toContain(token!); // the token is never shown as text

  const staff = await openAs(browser, gw.url, 'e2e-verifier', '/packageStaff/scan/index', NOW);
  await staff.locator('#scan-file').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
  const result = staff.locator('#verify-result');
  await result.waitFor({ timeout: 15000 });
  expect(await result.getAttribute('data-valid')).toBe('true');
  const text = await result.innerText();
  expect(text).toContain('有效');
  expect(text).not.toContain(holder.name);
  expect(text).toContain(`${holder.name[0]}*`);
  await staff.screenshot({ path: join(SHOTS, 'staff-scan-valid.png'), fullPage: true });

  const receipts = await gw.call('listMyMessages', {}, 'e2e-holder');
  expect(receipts.json.data.messages.some((m: { body: string; title: string }) => /核验/.test(m.title + m.body))).toBe(true);
});

it('a reviewer approves from the queue; the citizen\'s progress and message list show it', async () => {
  const form = {
    requestId: requestId(), ...employed, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  };
  const submitted = await gw.call('submitUnemploymentRegistration', form, 'e2e-employed');
  expect(submitted.json.data.status).toBe('pending_review');
  const id = submitted.json.data.applicationId as string;

  const reviewer = await openAs(browser, gw.url, 'e2e-reviewer', '/packageStaff/queue/index', NOW);
  const item = reviewer.locator(`#queue-item-${id}`);
  await item.waitFor({ timeout: 15000 });
  expect(await item.innerText()).not.toContain(employed.idNumber);
  await reviewer.screenshot({ path: join(SHOTS, 'staff-queue.png'), fullPage: true });
  await item.click();
  await reviewer.locator('#decide-approve').waitFor({ timeout: 15000 });
  expect(await reviewer.locator('#check-contractFiling').innerText()).toContain('北港物流有限公司');
  await reviewer.locator('#decide-approve').click();
  await reviewer.locator('#decide-submit').click();
  const confirm = reviewer.locator('.taro-modal__foot >> text="确认"');
  if (await confirm.count()) await confirm.click();
  await reviewer.waitForTimeout(1500);
  const after = await gw.call('getProgress', { applicationId: id }, 'e2e-employed');
  expect(after.json.data.status).toBe('approved');

  const citizen = await openAs(browser, gw.url, 'e2e-employed', `/packageMine/progress/index?id=${id}`, NOW);
  await citizen.locator('#timeline').waitFor({ timeout: 15000 });
  expect(await citizen.locator('#timeline').innerText()).toContain('已办结');
  await citizen.screenshot({ path: join(SHOTS, 'progress-approved.png'), fullPage: true });
  const inbox = await openAs(browser, gw.url, 'e2e-employed', '/packageMine/messages/index', NOW);
  await inbox.locator('#message-list').waitFor({ timeout: 15000 });
  expect(await inbox.locator('#message-list').innerText()).toContain('审核通过');
  await inbox.screenshot({ path: join(SHOTS, 'messages.png'), fullPage: true });
});
