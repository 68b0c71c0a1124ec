/**
 * 办事指南 in the browser (issue 17): from home, each service's 条件, 材料, 时限, 收费 and 依据, with the
 * chosen county's working days and offices to call.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { profileFor } from '@shared/region-profiles';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { launch, openAs, pickWheel, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('shows the guide of each service, with the county\'s deadline and phones', async () => {
  const page = await openAs(browser, gw.url, 'e2e-guide', '/pages/index/index', NOW);
  await page.locator('#tile-guide').click();
  await page.locator('#guide-conditions').waitFor();
  expect(await page.locator('#guide-conditions').innerText()).toContain('有劳动能力');
  expect(await page.locator('#guide-fee').innerText()).toContain('免费');
  expect(await page.locator('#guide-basis').innerText()).toContain('人社厅发〔2020〕79号');
  const [prov, city, county] = regionName('210204')!.split(' ');
  await pickWheel(page, '#field-guideRegion-province', prov);
  await pickWheel(page, '#field-guideRegion-city', city);
  await pickWheel(page, '#field-guideRegion', county);
  await page.waitForFunction(() => (document.querySelector('#guide-phones')?.textContent ?? '').includes('沙河口区'));
  expect(await page.locator('#guide-time').innerText()).toContain(`${profileFor('210204').unemploymentReviewDays}个工作日`);
  // another service
  await page.locator('#field-guideKind [role="radio"]', { hasText: '灵活就业登记' }).click();
  expect(await page.locator('#guide-time').innerText()).toContain(`${profileFor('210204').flexibleReviewDays}个工作日`);
  expect(await page.locator('#guide-conditions').innerText()).toContain('工商注册登记');
  await page.screenshot({ path: join(SHOTS, 'guide.png'), fullPage: true });
  await page.locator('#guide-start').click();
  await page.locator('#step-indicator').waitFor();
  await page.context().close();
}, 60000);
