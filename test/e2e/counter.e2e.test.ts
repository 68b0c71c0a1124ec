/**
 * The failure and counter routes in the browser (issue 14 "Other routes"): a person whose face check
 * fails (the outside-data file marks them `"realPerson": "fail"`) is told so on submitting, with the way to
 * a counter; they get a code; staff at the counter confirm it with the document; the same 申领 then goes
 * through, this account now acting as the person.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, type TestPerson } from '../support/people';
import { launch, openAs, pickWheel, PHONE, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [{ openid: 'e2e-ct-staff', name: '窗口人员', region: '2102', role: 'verifier' }];
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(person, { realPerson: 'fail' })], staff: STAFF } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** The 申领 page's kept draft (packageForms/certificate-apply/form.ts), as Taro's H5 storage writes it. */
function draftOf(p: TestPerson) {
  const values = {
    name: p.name, idType: p.idType, idNumber: p.idNumber, birthDate: '', gender: p.gender, ethnicity: p.ethnicity, politicalStatus: '',
    education: p.education, health: p.health, disabilityLevel: '', hukouAddress: p.hukouAddress, residenceAddress: p.residenceAddress,
    phone: p.phone, landline: '', email: '',
  };
  return JSON.stringify({ data: { requestId: 'ct-req-0001', values, sameAsHukou: true, touched: [], accepted: true } });
}

it('a failed face check leads to the counter; confirmed there, the same 申领 goes through', async () => {
  const openid = 'e2e-ct-citizen';
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(`${gw.url}/?as=${openid}#/pages/index/index`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['draft:certificate-apply', draftOf(person)]);
  await page.goto(`${gw.url}/?as=${openid}&restart=1#/packageForms/certificate-apply/index`);
  await page.locator('#draft-restored').waitFor();
  await page.locator('#submit').click();
  await page.locator('#submit-error').waitFor({ timeout: 15000 });
  expect(await page.locator('#submit-error').innerText()).toContain('本人身份核验没有通过');
  expect((await gw.call('listMyApplications', {}, openid)).json.data.applications).toEqual([]);

  await page.locator('#counter-open').click();
  await page.locator('#counter-submit').waitFor();
  // the 申领 page stays below: work within the counter page
  const counter = page.locator('#counter');
  await counter.getByLabel('姓名').fill(person.name);
  await counter.getByLabel('证件号码').fill(person.idNumber);
  const [prov, city, county] = regionName('210204')!.split(' ');
  await pickWheel(page, '#field-region-province', prov);
  await pickWheel(page, '#field-region-city', city);
  await pickWheel(page, '#field-region', county);
  await page.locator('#counter-submit').click();
  await page.locator('#counter-code').waitFor();
  const code = (await page.locator('#counter-code').innerText()).trim();
  expect(code).toMatch(/^\d{8}$/);
  await page.screenshot({ path: join(SHOTS, 'counter-code.png'), fullPage: true });

  // at the counter: staff read the document
  const staff = await openAs(browser, gw.url, STAFF[0].openid, '/packageStaff/counter/index', NOW);
  await staff.locator('#staff-counter-submit').waitFor();
  await staff.getByLabel('核验码（8位）').fill(code);
  await staff.getByLabel('证件号码').fill(person.idNumber);
  await staff.getByLabel('证件上的姓名').fill(person.name);
  await staff.locator('#staff-counter-submit').click();
  await staff.locator('#staff-counter-done').waitFor();
  expect(await staff.locator('#staff-counter-done').innerText()).not.toContain(person.idNumber);

  // back in the mini-program: the kept 申领 now goes through without a face check
  await page.goto(`${gw.url}/?as=${openid}#/packageForms/certificate-apply/index`);
  await page.locator('#draft-restored').waitFor();
  await page.locator('#submit').click();
  await page.locator('#result-issued').waitFor({ timeout: 15000 });
  await staff.context().close();
  await context.close();
}, 90000);
