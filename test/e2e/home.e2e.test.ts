/**
 * A first-time user (issue "Citizen experience", "Done when"): starts at home, finds 申领就业创业证
 * by its tile, completes it by tapping and typing only (no URL), comes back home to the 电子证 one
 * tap away. 长辈模式: switched on at home, remembered after a restart, one group of fields per screen.
 */
import type { Browser } from 'playwright-core';
import { ETHNICITIES, EDUCATIONS, GENDERS, HEALTH_STATUSES, labelOf } from '@shared/codes';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson } from '../support/people';
import { launch, openAs, pickWheel } from './browser';

let gw: TestGateway;
let browser: Browser;
const person = makePerson({ region: '210204', gender: '1' });

beforeAll(async () => {
  gw = await startTestGateway({ now: '2026-05-12T10:00:00+08:00', gov: { persons: [govRecord(person)] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('a first-time user finds 申领 on home, completes it by tapping, and reaches the 电子证 from home', async () => {
  const page = await openAs(browser, gw.url, 'home-first-timer', '/pages/index/index');
  for (const tile of ['申领就业创业证', '失业登记', '灵活就业登记', '进度查询']) {
    await page.locator('.tile__title', { hasText: tile }).first().waitFor();
  }
  // each tile says what to have ready
  expect(await page.locator('#tile-certificate-apply').textContent()).toContain('准备：身份证');
  await page.locator('#tile-certificate-apply').click();

  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('证件号码').fill(person.idNumber);
  await pickWheel(page, '#field-ethnicity', labelOf(ETHNICITIES, person.ethnicity)!);
  await pickWheel(page, '#field-education', labelOf(EDUCATIONS, person.education)!);
  await pickWheel(page, '#field-health', labelOf(HEALTH_STATUSES, person.health)!);
  // the gender was filled in from the ID number
  expect(await page.locator('#field-gender').textContent()).toContain(labelOf(GENDERS, person.gender)!);
  const [prov, city, county] = regionName(person.hukouAddress.regionCode)!.split(' ');
  await pickWheel(page, '#field-hukouAddress-province', prov);
  await pickWheel(page, '#field-hukouAddress-city', city);
  await pickWheel(page, '#field-hukouAddress-regionCode', county);
  await page.getByLabel('户籍地址（详细地址）').fill(person.hukouAddress.detail);
  await page.getByRole('switch', { name: '常住地址与户籍地址相同' }).click();
  await page.getByLabel('手机号码').fill(person.phone);
  await page.locator('#commit-accept').click();
  await page.locator('#submit').click();
  await page.locator('#result-issued').waitFor({ timeout: 15000 });

  await page.locator('#go-home').click();
  await page.locator('#home-certificate').waitFor();
  await page.locator('#home-certificate').click();
  await page.locator('#cert-no').waitFor();
  expect((await gw.call('listMyApplications', {}, 'home-first-timer')).json.data.applications).toHaveLength(1);
  await page.context().close();
}, 90000);

it('remembers 长辈模式 across a restart and shows one group of fields per screen', async () => {
  const page = await openAs(browser, gw.url, 'home-elder', '/pages/index/index');
  const sw = page.locator('#elder-switch');
  await sw.waitFor();
  expect(await sw.getAttribute('aria-checked')).toBe('false');
  await sw.click();
  await page.locator('.page.elder').first().waitFor();
  const base = await page.locator('.page.elder').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(base).toBeGreaterThanOrEqual(20);

  await page.reload();
  await page.locator('.page.elder #elder-switch[aria-checked="true"]').waitFor();
  await page.locator('#tile-unemployment').click();
  const indicator = page.locator('#step-indicator');
  await indicator.filter({ hasText: '第1页，共2页' }).waitFor();
  // 身份信息 only: the 职业资格 group is the next screen
  expect(await page.locator('.section-title', { hasText: '职业资格' }).count()).toBe(0);

  await page.goBack();
  await page.locator('#tile-settings').click();
  const settingsSwitch = page.locator('#settings-elder-switch');
  await settingsSwitch.waitFor();
  expect(await settingsSwitch.getAttribute('aria-checked')).toBe('true');
  await settingsSwitch.click();
  await page.locator('#settings-elder-switch[aria-checked="false"]').waitFor();
  expect(await page.locator('.page.elder:visible').count()).toBe(0);
  await page.context().close();
}, 60000);

it('every service is one tap from home and opens on its first step (issue 9: found without help)', async () => {
  const services: Array<[string, string, string]> = [
    ['#tile-certificate-apply', '#submit', '申领'],
    ['#tile-unemployment', '#step-indicator', '失业'],
    ['#tile-flexible', '#step-indicator', '灵活就业'],
    ['#tile-progress', '#progress-list, #progress-empty', '进度'],
  ];
  for (const [tile, ready, word] of services) {
    const page = await openAs(browser, gw.url, 'home-finder', '/pages/index/index');
    await page.locator(tile).waitFor({ timeout: 15000 });
    expect(await page.locator(tile).innerText()).toContain(word);
    await page.locator(tile).click();
    await page.locator(ready).first().waitFor({ timeout: 15000 });
    await page.context().close();
  }
});
