/**
 * Browser end-to-end (issue "The spine" §9): a person opens the H5 app served by the real gateway,
 * fills the 申领《就业创业证》 form as a person would, gets the certificate at once, and sees it on
 * 我的电子证 (大人社规发〔2025〕2号 一(二) 即时出证).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ETHNICITIES, EDUCATIONS, GENDERS, HEALTH_STATUSES, labelOf } from '@shared/codes';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson } from '../support/people';
import { launch, openAs, pickWheel, SHOTS } from './browser';


let gw: TestGateway;
let browser: Browser;
const person = makePerson({ region: '210204', gender: '2' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  gw = await startTestGateway({ now: '2026-05-12T10:00:00+08:00', gov: { persons: [govRecord(person)] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('a person applies in the browser, gets the certificate at once and sees it on 我的电子证', async () => {
  const page = await openAs(browser, gw.url, 'e2e-citizen-1', '/packageForms/certificate-apply/index');
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('证件号码').fill(person.idNumber);
  await pickWheel(page, '#field-gender', labelOf(GENDERS, person.gender)!);
  await pickWheel(page, '#field-ethnicity', labelOf(ETHNICITIES, person.ethnicity)!);
  await pickWheel(page, '#field-education', labelOf(EDUCATIONS, person.education)!);
  await pickWheel(page, '#field-health', labelOf(HEALTH_STATUSES, person.health)!);
  const [prov, city, county] = regionName(person.hukouAddress.regionCode)!.split(' ');
  for (const which of ['hukouAddress', 'residenceAddress']) {
    await pickWheel(page, `#field-${which}-province`, prov);
    await pickWheel(page, `#field-${which}-city`, city);
    await pickWheel(page, `#field-${which}-regionCode`, county);
  }
  await page.getByLabel('户籍地址（详细地址）').fill(person.hukouAddress.detail);
  await page.getByLabel('常住地址（详细地址）').fill(person.residenceAddress.detail);
  await page.getByLabel('手机号码').fill(person.phone);
  // the 个人信息书面申报承诺 is shown in full and ticked (大人社规发〔2025〕2号 一(三))
  expect(await page.locator('#commit-text').innerText()).toContain('记入信用记录');
  await page.locator('#commit-accept').click();
  expect(await page.locator('#commit-accept').getAttribute('aria-checked')).toBe('true');
  await page.screenshot({ path: join(SHOTS, 'certificate-apply.png'), fullPage: true });
  await page.locator('#submit').click();
  await page.locator('#result-issued').waitFor({ timeout: 15000 });
  const certNo = (await page.locator('#cert-no').textContent())!.trim();
  expect(certNo).toMatch(/^2102042026\d{6}[\dX]$/);
  await page.screenshot({ path: join(SHOTS, 'certificate-issued.png') });

  await page.locator('#go-certificate').click();
  await page.locator('#cert-no').waitFor();
  expect((await page.locator('#cert-no').textContent())!.trim()).toBe(certNo);
  const body = (await page.locator('body').textContent())!;
  expect(body).not.toContain(person.name);
  expect(body).not.toContain(person.idNumber);
  await page.screenshot({ path: join(SHOTS, 'certificate.png') });
});
