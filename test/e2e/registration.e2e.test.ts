/**
 * Browser end-to-end of the two registration wizards (issue "失业登记 and 灵活就业…" §7): a clean
 * person gets 秒办 approval; an employed person sees review with the employer named and the due
 * date (docs/product.md decision table; 人社厅发〔2020〕79号 一(三) 3 working days, 大人社规发〔2025〕2号 二(二) 5).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { regionName } from '@shared/regions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, type TestPerson } from '../support/people';
import { launch, nextStep, openAs, pickDate, pickWheel, SHOTS } from './browser';

const NOW = '2026-03-10T10:00:00+08:00'; // a Tuesday
let gw: TestGateway;
let browser: Browser;
const clean = makePerson({ region: '210204' });
const insured = makePerson({ region: '210203' });

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(clean), govRecord(insured, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } })] } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

const next = nextStep;

async function personStep(page: Page, p: TestPerson) {
  await page.getByLabel('姓名', { exact: true }).fill(p.name);
  await page.getByLabel('证件号码').fill(p.idNumber);
  await pickWheel(page, '#field-ethnicity', '汉族');
  await pickWheel(page, '#field-education', '大学本科');
  await pickWheel(page, '#field-health', '健康或良好');
  await next(page);
}

async function contactStep(page: Page, p: TestPerson) {
  await page.getByLabel('手机号码').fill(p.phone);
  const [prov, city, county] = regionName(p.hukouAddress.regionCode)!.split(' ');
  await pickWheel(page, '#field-hukouAddress-province', prov);
  await pickWheel(page, '#field-hukouAddress-city', city);
  await pickWheel(page, '#field-hukouAddress-regionCode', county);
  await page.getByLabel('户籍地址（详细地址）').fill(p.hukouAddress.detail);
  await page.locator('#same-as-hukou').click();
  await next(page);
}

it('失业登记: a clean person completes the five steps and gets 秒办 approval', async () => {
  const page = await openAs(browser, gw.url, 'e2e-unemp', '/packageForms/unemployment/index', NOW);
  await page.locator('#step-indicator').waitFor();
  await personStep(page, clean);
  await contactStep(page, clean);
  // issue 17: nothing is preselected — 下一步 straight away names the month and the reason as missing
  await next(page);
  expect(await page.locator('#error-summary').innerText()).toContain('失业时间');
  expect(await page.locator('#error-summary').innerText()).toContain('失业原因');
  // the pre-fill notice belongs to the steps that were pre-filled, not this one
  expect(await page.locator('#profile-prefilled').count()).toBe(0);
  expect(await page.locator('#field-unemployedSince-month').getAttribute('aria-disabled')).toBe('true'); // year first
  await pickDate(page, '#field-unemployedSince', '2026-02');
  // a radio list, every reason readable at once (not a wheel whose first item 确定 records)
  expect(await page.locator('#field-reason [role="radio"][aria-checked="true"]').count()).toBe(0);
  await page.locator('#field-reason [role="radio"]', { hasText: '从各类单位辞职' }).click();
  await page.locator('#field-claimsUnemploymentInsurance-1').click();
  await page.locator('#field-registrationPlace-1').click();
  await next(page);
  // 纳入人社信用记录 is explained in plain words under the commitment
  expect(await page.locator('#credit-note').innerText()).toContain('信用记录里');
  // the commitment step shows the whole text and must be accepted (鞍人社〔2020〕21号 附件)
  expect(await page.locator('#commit-text').innerText()).toContain('纳入人社信用记录');
  await page.locator('#commit-accept').click();
  await next(page);
  // the confirm step names each address once (issue 17: "辽宁省 辽宁省 大连市 …")
  const confirm = await page.locator('#confirm').innerText();
  const hukou = `${regionName(clean.hukouAddress.regionCode)} ${clean.hukouAddress.detail}`;
  expect(confirm).toContain(hukou);
  expect(confirm.split(regionName(clean.hukouAddress.regionCode)!.split(' ')[0]).length - 1).toBe(1);
  expect(confirm).toContain('2026-02');
  await page.locator('#submit').click();
  await page.locator('#result-status').waitFor({ timeout: 20000 });
  expect(await page.locator('#result-status').innerText()).toContain('已办结');
  // checks read as plain words, the official term smaller below; no 本地演示环境 or 基础信息库
  const checks = await page.locator('#checks').innerText();
  expect(checks).toContain('没有查到您名下开着的公司或个体户');
  expect(checks).not.toMatch(/无有效登记|基础信息库|本地演示环境/);
  await page.screenshot({ path: join(SHOTS, 'unemployment-approved.png'), fullPage: true });
  const list = await gw.call('listMyApplications', {}, 'e2e-unemp');
  expect(list.json.data.applications.filter((a: { kind: string; status: string }) => a.kind === 'unemployment' && a.status === 'approved')).toHaveLength(1);
});

it('灵活就业: an insured person sees review with the employer named and the due date', async () => {
  const page = await openAs(browser, gw.url, 'e2e-flex', '/packageForms/flexible/index', NOW);
  await page.locator('#step-indicator').waitFor();
  await personStep(page, insured);
  await contactStep(page, insured);
  await page.locator('#field-employmentForm-2').click(); // 新就业形态（平台）
  await page.getByLabel('服务平台名称').fill('某配送平台');
  await page.getByLabel('从事工作').fill('网约配送');
  await pickDate(page, '#field-startDate', '2026-02-01');
  const [prov, city, county] = regionName(insured.hukouAddress.regionCode)!.split(' ');
  await pickWheel(page, '#field-workRegion-province', prov);
  await pickWheel(page, '#field-workRegion-city', city);
  await pickWheel(page, '#field-workRegion', county);
  await next(page);
  await page.locator('#commit-accept').click();
  await next(page);
  // 工作地 once, not per level (issue 17)
  expect(await page.locator('.wiz__row', { hasText: '工作地' }).locator('.wiz__row-value').innerText()).toBe(regionName(insured.hukouAddress.regionCode));
  await page.locator('#submit').click();
  await page.locator('#result-status').waitFor({ timeout: 20000 });
  expect(await page.locator('#result-status').innerText()).toContain('待人工审核');
  expect(await page.locator('#check-socialInsurance').innerText()).toContain('海滨重型机械有限公司');
  // 大人社规发〔2025〕2号 二(二): 5 working days from Tue 2026-03-10 → Tue 2026-03-17
  expect(await page.locator('#due-date').innerText()).toContain('2026-03-17');
  await page.screenshot({ path: join(SHOTS, 'flexible-review.png'), fullPage: true });
});
