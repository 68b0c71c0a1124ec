/**
 * 退回补正 in the browser (issue 20): a reviewer returns a waiting 失业登记 saying what to change; the person
 * opens 进度查询, reads it word for word, taps 修改后重新提交, finds every earlier answer in the form, ticks
 * the commitment again and resubmits — the new application is linked to the returned one.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, nextStep, openAs, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [{ openid: 'e2e-rc-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' }];
const WHAT = '您填写的姓名与社会保障卡登记的不一致，请核对姓名中每个字是否正确后重新提交';
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(person, { inCardBase: false })], staff: STAFF } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

const next = nextStep;

it('the person reads what to change, corrects the pre-filled form and resubmits; the new application links to the returned one', async () => {
  const openid = 'e2e-rc-citizen';
  const first = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, openid);
  expect(first.json.data.status).toBe('pending_review');
  const returned = await gw.call('decideApplication', { applicationId: first.json.data.applicationId, decision: 'return', note: WHAT }, STAFF[0].openid);
  expect(returned.json.data.status).toBe('returned');
  // the record now matches: what the person corrects is what staff named
  gw.writeGov({ persons: [govRecord(person)], staff: STAFF });

  const page = await openAs(browser, gw.url, openid, '/packageMine/progress/index', NOW);
  await page.locator(`#application-${first.json.data.applicationId}`).click();
  await page.locator('#returned').waitFor();
  expect(await page.locator('#returned-for').innerText()).toBe(WHAT);
  expect(await page.locator('#returned').innerText()).toContain('不需要补交任何材料');
  await page.screenshot({ path: join(SHOTS, 'progress-returned.png'), fullPage: true });
  await page.locator('#correct-open').click();

  // the wizard: the note on top, every earlier answer in place
  await page.locator('#correcting').waitFor();
  expect(await page.locator('#correcting-for').innerText()).toBe(WHAT);
  expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe(person.name);
  expect(await page.getByLabel('证件号码').inputValue()).toBe(person.idNumber);
  await next(page);
  expect(await page.getByLabel('手机号码').inputValue()).toBe(person.phone);
  await next(page);
  expect(await page.locator('#field-reason [role="radio"][aria-checked="true"]').innerText()).toContain('从各类单位辞职');
  await next(page);
  // the commitment is given again, on its current text
  expect(await page.locator('#commit-accept').getAttribute('aria-checked')).toBe('false');
  await page.locator('#commit-accept').click();
  await next(page);
  await page.locator('#submit').click();
  // the form's result (the progress page it was opened from stays below it, with its own headline)
  const result = page.locator('#result-status').last();
  await result.waitFor({ timeout: 20000 });
  expect(await result.innerText()).toContain('已办结');

  const old = (await gw.call('getProgress', { applicationId: first.json.data.applicationId }, openid)).json.data;
  expect(old.status).toBe('resubmitted');
  const mine = (await gw.call('listMyApplications', {}, openid)).json.data.applications;
  const fresh = mine.find((a: { applicationId: string }) => a.applicationId === old.correctedByApplicationId);
  expect(fresh.status).toBe('approved');
  await page.context().close();
}, 90000);
