/**
 * 亮证 and the 失业登记证明 in the browser (H5 served by the real gateway): the holder taps 亮证, the
 * QR fills the screen and a camera still reads it (jsQR on a screenshot of the full-screen canvas),
 * a staff member's check of what was read says 有效; the page tells the truth about screenshots; the
 * proof PDF downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, PHONE, SHOTS } from './browser';

const NOW = '2026-03-10T10:00:00+08:00';
const HOLDER = 'e2e-show-holder';
const VERIFIER = { openid: 'e2e-show-verifier', name: '窗口核验员', region: '210204', role: 'verifier' };
const holder = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(holder)], staff: [VERIFIER] } });
  browser = await launch();
  expect((await gw.call('applyCertificate', { requestId: requestId(), ...holder }, HOLDER)).json.data.status).toBe('approved');
  const reg = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...holder, unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, HOLDER);
  expect(reg.json.data.status).toBe('approved');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** A screenshot read as a camera would: the browser turns the PNG into pixels, jsQR reads them. */
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

it('亮证 shows the QR full screen, a camera still reads it, and staff find it valid', async () => {
  const page = await openAs(browser, gw.url, HOLDER, '/packageMine/certificate/index', NOW);
  const small = page.locator('#cert-qr');
  await small.waitFor({ timeout: 15000 });
  expect(await small.evaluate((el) => el.tagName)).toBe('CANVAS');
  expect(await page.locator('body').innerText()).toContain('截图在 2 分钟后失效');

  await page.locator('#cert-show-open').click();
  const full = page.locator('#cert-qr-full');
  await full.waitFor({ timeout: 10000 });
  // the code as wide as the phone allows: most of the screen's width
  const box = (await full.boundingBox())!;
  expect(box.width).toBeGreaterThan(PHONE.width * 0.75);
  const dialog = (await page.locator('#cert-show').boundingBox())!;
  expect(dialog.width).toBe(PHONE.width);
  expect(dialog.height).toBe(PHONE.height);
  const number = (await page.locator('#show-cert-no').innerText()).trim();
  expect(number).toMatch(/^\d{3} \d{3} \d{4} \d{3} \d{3} [\dX]$/);
  expect(await page.locator('#show-holder').innerText()).toContain(`${holder.name[0]}*`);
  expect(await page.locator('#show-registration').innerText()).toContain('失业登记有效');
  const text = await page.locator('#cert-show').innerText();
  expect(text).not.toContain(holder.name);
  expect(text).not.toContain(holder.idNumber);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'certificate-show.png') });

  const token = await decodeQr(page, await full.screenshot());
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(await page.locator('body').innerText()).not.toContain(token!);
  const verified = await gw.call('verifyCertificate', { token }, VERIFIER.openid);
  expect(verified.json.data).toMatchObject({ valid: true, certificateNo: number.replace(/ /g, '') });

  await page.locator('#cert-show-close').click();
  await page.locator('#cert-show').waitFor({ state: 'detached' });
  await small.waitFor();
  await page.context().close();
}, 180_000);

it('downloads the 失业登记证明 PDF', async () => {
  const page = await openAs(browser, gw.url, HOLDER, '/packageMine/certificate/index', NOW);
  await page.locator('#proof-save').waitFor({ timeout: 15000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.locator('#proof-save').click()]);
  expect(download.suggestedFilename()).toBe('失业登记证明-20260310.pdf');
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  await page.locator('#proof-saved').waitFor();
  expect(await page.locator('#proof-saved').innerText()).toContain('已开始下载');
  await page.context().close();
}, 180_000);
