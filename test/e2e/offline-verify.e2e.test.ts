/**
 * A verifier at a job fair with no signal (docs/api.md `getRevocationList`, shared/offline-verify.ts):
 * the staff scan page keeps the signed revocation list and the public keys while online; with the
 * network cut, a scanned code is checked on the phone — 有效 as of the list's time, 已补发新证 for a
 * code voided by a 补发 (大人社规发〔2025〕2号 一(四)) before the list was fetched, 二维码已过期 for a code
 * older than its two minutes by the phone's clock — and no request reaches the cloud.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-03-10T10:00:00+08:00';
const VERIFIER = { openid: 'e2e-offline-verifier', name: '招聘会核验员', region: '210204', role: 'verifier' };
const holder = makePerson({ region: '210204' });
const reissuer = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(holder), govRecord(reissuer)], staff: [VERIFIER] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** The holder's certificate and a live QR token, as 我的电子证 gets them. */
async function certificateOf(openid: string): Promise<{ certificateNo: string; qrToken: string }> {
  const mine = await gw.call('getMyCertificate', {}, openid);
  expect(mine.json.ok).toBe(true);
  return { certificateNo: mine.json.data.certificateNo, qrToken: mine.json.data.qrToken };
}

it('answers a scan with no network from the kept list: valid, superseded by a 补发, expired', async () => {
  expect((await gw.call('applyCertificate', { requestId: requestId(), ...holder }, 'e2e-offline-holder')).json.data.status).toBe('approved');
  expect((await gw.call('applyCertificate', { requestId: requestId(), ...reissuer }, 'e2e-offline-reissuer')).json.data.status).toBe('approved');
  // the reissuer's code from before the 补发, then the 补发 (after a fresh 实人核验): that code is void
  const old = await certificateOf('e2e-offline-reissuer');
  const started = await gw.call('startRealPersonCheck', { name: reissuer.name, idNumber: reissuer.idNumber }, 'e2e-offline-reissuer');
  await gw.call('confirmRealPersonCheck', { checkToken: started.json.data.checkToken }, 'e2e-offline-reissuer');
  const reissued = await gw.call('reissueCertificate', { requestId: requestId(), kind: 'lost', statement: '手机丢失，申请补发电子证。' }, 'e2e-offline-reissuer');
  expect(reissued.json.data).toMatchObject({ certificateNo: old.certificateNo, version: 2 });
  const live = await certificateOf('e2e-offline-holder');

  // online: the page fetches the list and says offline checking is ready
  const staff = await openAs(browser, gw.url, VERIFIER.openid, '/packageStaff/scan/index', NOW);
  const ready = staff.locator('#offline-list');
  await ready.filter({ hasText: '吊销列表截至' }).waitFor({ timeout: 20000 });
  expect(await ready.innerText()).toContain('无网络时可离线核验（吊销列表截至 3月10日 10:0');

  await staff.context().setOffline(true);
  await staff.locator('#offline-banner').waitFor();
  const calls = () => gw.logs.filter((l) => l.includes('verifyCertificate')).length;
  const before = calls();
  /** Pastes a code, taps 核验 and waits for an offline answer saying `expected` (the last one stays up meanwhile). */
  const scan = async (token: string, expected: string) => {
    await staff.getByLabel('二维码内容').fill(token);
    await staff.locator('#scan-submit').click();
    const result = staff.locator('#verify-result[data-offline="true"]').filter({ hasText: expected });
    await result.waitFor({ timeout: 10000 });
    return { valid: await result.getAttribute('data-valid'), text: await result.innerText() };
  };

  const valid = await scan(live.qrToken, '离线核验');
  expect(valid.valid).toBe('true');
  expect(valid.text).toMatch(/有效（离线核验，吊销列表截至 3月10日 10:0\d）/);
  // nothing personal offline: no name, and the number masked
  expect(valid.text).not.toContain(holder.name);
  expect(valid.text).not.toContain(live.certificateNo);
  expect(valid.text).toContain(`${live.certificateNo.slice(0, 4)}*********${live.certificateNo.slice(-4)}`);
  await staff.screenshot({ path: join(SHOTS, 'staff-scan-offline-valid.png'), fullPage: true });

  const superseded = await scan(old.qrToken, '已补发新证');
  expect(superseded.valid).toBe('false');
  expect(superseded.text).toContain('已补发新证，此码已作废');
  await staff.screenshot({ path: join(SHOTS, 'staff-scan-offline-superseded.png'), fullPage: true });

  // ten minutes later by the phone's clock, the holder's code is an old screenshot
  await staff.clock.setFixedTime(new Date(Date.parse(NOW) + 10 * 60_000));
  const expired = await scan(live.qrToken, '已过期');
  expect(expired.valid).toBe('false');
  expect(expired.text).toContain('二维码已过期，请持证人刷新');

  // the answers came from the phone: the cloud saw no verification while the network was cut
  expect(calls()).toBe(before);
}, 120000);
