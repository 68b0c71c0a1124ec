/**
 * 受理 / 办结回执 on 进度查询 (issue 17): the facts the cloud holds — 办件编号, 事项, masked applicant, times,
 * result or the promised date — to copy or keep.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const issued = makePerson({ region: '210204' });
const waiting = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(issued), govRecord(waiting, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } })] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function receiptOf(openid: string, applicationId: string) {
  const page = await openAs(browser, gw.url, openid, '/packageMine/progress/index', NOW);
  await page.locator(`#application-${applicationId}`).click();
  await page.locator('#receipt').waitFor();
  return { page, text: await page.locator('#receipt').innerText() };
}

it('an issued certificate has a 办结回执 with its number; a waiting 失业登记 a 受理回执 with the promised date', async () => {
  const cert = (await gw.call('applyCertificate', { requestId: requestId(), ...issued }, 'e2e-rc-issued')).json.data;
  const done = await receiptOf('e2e-rc-issued', cert.applicationId);
  expect(done.text).toContain('办结回执');
  expect(done.text).toContain(cert.caseNo);
  expect(done.text).toContain(cert.certificate.certificateNo);
  expect(done.text).not.toContain(issued.name);
  await done.page.screenshot({ path: join(SHOTS, 'receipt-done.png'), fullPage: true });
  await done.page.context().close();

  const form = (p: TestPerson) => ({
    requestId: requestId(), ...p, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  });
  const app = (await gw.call('submitUnemploymentRegistration', form(waiting), 'e2e-rc-waiting')).json.data;
  expect(app.status).toBe('pending_review');
  const accepted = await receiptOf('e2e-rc-waiting', app.applicationId);
  expect(accepted.text).toContain('受理回执');
  expect(accepted.text).toContain(`承诺办结：${app.dueDate} 前`);
  expect(accepted.text).toContain('办理机构');
  await accepted.page.context().close();
}, 60000);
