/**
 * 家人代办 in the browser (issue 14 "Family help"): the person invites, the helper opens the page with the
 * code and accepts after their own check, then opens a form for the family member — marked as such,
 * not pre-filled with the helper's own details — and submits a 申领 for them; the person, on their own
 * phone, finds it in 进度查询 and a 代办提醒 naming (masked) who filed it; then revokes the delegation.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ETHNICITIES, EDUCATIONS, GENDERS, HEALTH_STATUSES, labelOf } from '@shared/codes';
import { maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { passRealPersonOver } from '../support/real-person';
import { launch, openAs, pickWheel, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const elder = makePerson({ region: '210204', birth: '19560301' });
const daughter = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(elder), govRecord(daughter)] } });
  browser = await launch();
  // each bound to themselves by their own check: the daughter by a 申领 after the simulated 实人核验,
  // the elder by the check alone (the 申领 is what the daughter files for her)
  expect((await gw.call('applyCertificate', { requestId: requestId(), ...daughter }, 'e2e-fam-daughter')).json.data.status).toBe('approved');
  expect(await passRealPersonOver((a, b, o) => gw.call(a, b, o), 'e2e-fam-elder', elder)).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** The 申领 form filled in for `p`, as a person types it (test/e2e/certificate.e2e.test.ts does the same). */
async function fillApply(page: Page, p: TestPerson) {
  await page.getByLabel('姓名', { exact: true }).fill(p.name);
  await page.getByLabel('证件号码').fill(p.idNumber);
  await pickWheel(page, '#field-gender', labelOf(GENDERS, p.gender)!);
  await pickWheel(page, '#field-ethnicity', labelOf(ETHNICITIES, p.ethnicity)!);
  await pickWheel(page, '#field-education', labelOf(EDUCATIONS, p.education)!);
  await pickWheel(page, '#field-health', labelOf(HEALTH_STATUSES, p.health)!);
  const [prov, city, county] = regionName(p.hukouAddress.regionCode)!.split(' ');
  for (const which of ['hukouAddress', 'residenceAddress']) {
    await pickWheel(page, `#field-${which}-province`, prov);
    await pickWheel(page, `#field-${which}-city`, city);
    await pickWheel(page, `#field-${which}-regionCode`, county);
  }
  await page.getByLabel('户籍地址（详细地址）').fill(p.hukouAddress.detail);
  await page.getByLabel('常住地址（详细地址）').fill(p.hukouAddress.detail);
  await page.getByLabel('手机号码').fill(p.phone);
  await page.locator('#commit-accept').click();
}

it('invite → accept → a 申领 filed for the family member, seen and told on their phone → revoke', async () => {
  const mine = await openAs(browser, gw.url, 'e2e-fam-elder', '/packageForms/family/index', NOW);
  await mine.locator('#family-create').click();
  await mine.locator('#family-code').waitFor();
  const code = (await mine.locator('#family-code').innerText()).trim();
  expect(code.length).toBeGreaterThanOrEqual(10);

  const helper = await openAs(browser, gw.url, 'e2e-fam-daughter', `/packageForms/family/index?code=${encodeURIComponent(code)}`, NOW);
  await helper.locator('#family-accept-submit').waitFor();
  expect(await helper.getByLabel('邀请码').inputValue()).toBe(code);
  await helper.locator('#family-accept-submit').click();
  await helper.locator('#family-done').waitFor();
  await helper.locator('#family-helping').waitFor();
  expect(await helper.locator('#family-helping').innerText()).not.toContain(elder.name);
  await helper.screenshot({ path: join(SHOTS, 'family-helper.png'), fullPage: true });
  await helper.locator('#family-helping [id^="for-unemployment-"]').click();
  await helper.locator('#on-behalf').waitFor();
  await helper.waitForTimeout(800);
  // the form is the family member's: not pre-filled with the helper's own details
  expect(await helper.locator('#profile-prefilled').count()).toBe(0);
  expect(await helper.getByLabel('姓名', { exact: true }).inputValue()).toBe('');

  // the helper files a 申领 for the family member, on the family member's behalf (onBehalfOf)
  await helper.goBack();
  await helper.locator('#family-helping [id^="for-certificate-"]').click();
  await helper.locator('#on-behalf').waitFor();
  await fillApply(helper, elder);
  await helper.locator('#submit').click();
  await helper.locator('#result-issued, #result-pending').first().waitFor({ timeout: 20000 });
  expect(await helper.locator('#submit-error').count()).toBe(0);
  await helper.screenshot({ path: join(SHOTS, 'family-filed.png'), fullPage: true });

  // the family member, on their own phone: the 申领 in 进度查询, and a message naming who filed it
  const own = await openAs(browser, gw.url, 'e2e-fam-elder', '/packageMine/progress/index', NOW);
  await own.locator('#application-list').waitFor();
  const listed = await own.locator('#application-list').innerText();
  expect(listed).toContain('就业创业证');
  // a new query string: a real load of the page (the hash alone would not reload)
  await own.goto(`${gw.url}/?as=e2e-fam-elder&n=2#/packageMine/messages/index`);
  await own.locator('#message-list').waitFor();
  const told = await own.locator('#message-list').innerText();
  expect(told).toContain('代办提醒');
  expect(told).toContain(`${maskName(daughter.name)}（您授权的代办人）已代您提交`);
  expect(told).not.toContain(daughter.name);
  await own.screenshot({ path: join(SHOTS, 'family-told.png'), fullPage: true });
  await own.context().close();

  await mine.reload();
  await mine.locator('#family-list').waitFor();
  await mine.waitForFunction(() => document.querySelector('#family-list')?.textContent?.includes('代办中'));
  await mine.locator('#family-list [id^="revoke-"]').first().click();
  await mine.locator('.taro-modal__foot >> text="撤销"').click();
  await mine.waitForFunction(() => document.querySelector('#family-list')?.textContent?.includes('已撤销'));
  const after = (await gw.call('listDelegations', {}, 'e2e-fam-daughter')).json.data.delegations;
  expect(after.map((d: { status: string }) => d.status)).toEqual(['revoked']);
  await mine.context().close();
  await helper.context().close();
}, 90000);
