/**
 * The monthly follow-up as staff do it, in the browser (issue 20): the first-contact task on 联系任务, a
 * reached call with a service accepted, the employment status, skills, intentions and next step
 * recorded — and the person reads on 进度查询 what was offered and what comes next.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, SHOTS } from './browser';

const NOW = '2026-07-06T09:30:00+08:00';
const STAFF = [{ openid: 'e2e-fu-reviewer', name: '回访员', region: '2102', role: 'reviewer' }];
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov: { persons: [govRecord(person)], staff: STAFF } });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('staff record a reached call with what they learned; the person reads it on 进度查询', async () => {
  const app = (await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, 'e2e-fu-citizen')).json.data;
  const task = (await gw.call('listContactTasks', {}, STAFF[0].openid)).json.data.items.find((t: { applicationId: string }) => t.applicationId === app.applicationId);
  const key = (task.taskId as string).replace(/[^A-Za-z0-9_-]/g, '-');

  const staff = await openAs(browser, gw.url, STAFF[0].openid, '/packageStaff/tasks/index', NOW);
  await staff.locator(`#task-${key}`).waitFor();
  await staff.locator(`#field-outcome-${key}-0`).click(); // 已联系上
  await staff.locator(`#field-offer-${key}-job_referral-1`).click(); // 职业介绍: 接受
  await staff.locator(`#field-status-${key}-0`).click(); // 仍在求职
  await staff.getByLabel('技能水平').fill('电工证，五年维修经验');
  await staff.getByLabel('就业意愿').fill('设备维修');
  await staff.getByLabel('下一步').fill('推荐两家企业面试，下周电话回访结果');
  await staff.screenshot({ path: join(SHOTS, 'staff-followup-form.png'), fullPage: true });
  await staff.locator(`#task-complete-${key}`).click();
  await staff.locator(`#task-${key}`).waitFor({ state: 'detached' });

  const citizen = await openAs(browser, gw.url, 'e2e-fu-citizen', '/packageMine/progress/index', NOW);
  await citizen.locator(`#application-${app.applicationId}`).click();
  await citizen.locator('#timeline').waitFor();
  const timeline = await citizen.locator('#timeline').innerText();
  expect(timeline).toContain('提供了职业介绍（推荐岗位）（您已接受）');
  expect(timeline).toContain('下一步：推荐两家企业面试，下周电话回访结果');
  await staff.context().close();
  await citizen.context().close();
}, 90000);
