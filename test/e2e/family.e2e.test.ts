/**
 * 家人代办 in the browser (issue 14 "Family help"): the person invites, the helper opens the page with the
 * code and accepts after their own check, then opens a form for the family member — marked as such,
 * not pre-filled with the helper's own details; the person sees the delegation and revokes it.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const elder = makePerson({ region: '210204', birth: '19560301' });
const daughter = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(elder), govRecord(daughter)] } });
  browser = await launch();
  // each bound to themselves by their own check (a 申领 after the simulated 实人核验)
  for (const [p, openid] of [[elder, 'e2e-fam-elder'], [daughter, 'e2e-fam-daughter']] as const) {
    expect((await gw.call('applyCertificate', { requestId: requestId(), ...p }, openid)).json.data.status).toBe('approved');
  }
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('invite → accept → a form for the family member → revoke, each side seeing it', async () => {
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
