/**
 * Accessibility of every citizen and staff page, in normal and 长辈模式 (issue "Citizen experience"
 * §2, §3, §6): axe-core on the H5 build served by the real gateway finds no serious or critical
 * violation; each page's screenshot (phone viewport) goes to SHOTS (test/e2e/browser.ts)/<page>[-elder].png for the
 * README. Every page is shown with real content: a citizen with an approved 失业登记 (certificate,
 * messages, follow-up) and a family member's 灵活就业 waiting for review; an admin of the region.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';
import { launch, PHONE, SHOTS } from './browser';
import { elderFloorFailures, type FloorFailure } from './elder-floors';

const CITIZEN = 'a11y-citizen';
const ADMIN = 'a11y-admin';

const clean = makePerson({ region: '210204' });
const relative = makePerson({ region: '210204', gender: '1' });

let gw: TestGateway;
let browser: Browser;
let pendingId = '';
let approvedId = '';

/** What a page must show before it is checked; `as` is who looks at it. */
interface Visit {
  name: string;
  route: () => string;
  as: string;
  ready: string;
  /** after it is ready: bring the page to the state to check (e.g. errors shown) */
  then?: (page: Page) => Promise<void>;
}

const VISITS: Visit[] = [
  { name: 'home', route: () => '/pages/index/index', as: CITIZEN, ready: '#home-status' },
  { name: 'apply', route: () => '/packageForms/certificate-apply/index', as: CITIZEN, ready: '#submit' },
  {
    name: 'apply-errors', route: () => '/packageForms/certificate-apply/index', as: CITIZEN, ready: '#submit',
    then: async (page) => { await page.locator('#submit').click(); await page.locator('#error-summary').waitFor(); },
  },
  {
    // a long list opens as a sheet of rows with a search box (issue 17: no 56-item wheel)
    name: 'apply-list', route: () => '/packageForms/certificate-apply/index', as: CITIZEN, ready: '#submit',
    then: async (page) => { await page.locator('#field-ethnicity').click(); await page.locator('#field-ethnicity-sheet').waitFor(); },
  },
  {
    // the platform dialog (H5: Taro's showModal), reached by 长辈模式 too
    name: 'reissue-confirm', route: () => '/packageForms/reissue/index', as: CITIZEN, ready: '#reissue-submit',
    then: async (page) => {
      await page.locator('#field-kind-0').click();
      await page.getByLabel('情况说明').fill('3月2日在公交车上遗失手机，无法出示原电子证');
      await page.locator('#reissue-submit').click();
      await page.locator('.taro-modal__content').waitFor();
    },
  },
  { name: 'my-certificate', route: () => '/packageMine/certificate/index', as: CITIZEN, ready: '#cert-qr' },
  { name: 'progress', route: () => '/packageMine/progress/index', as: CITIZEN, ready: '#application-list' },
  { name: 'progress-detail', route: () => `/packageMine/progress/index?id=${encodeURIComponent(approvedId)}`, as: CITIZEN, ready: '#timeline' },
  { name: 'messages', route: () => '/packageMine/messages/index', as: CITIZEN, ready: '#message-list' },
  { name: 'settings', route: () => '/packageMine/settings/index', as: CITIZEN, ready: '#reminder-sms' },
  // issue 17: 办事指南; issue 14: 我的数据, 家人代办, 到窗口核验身份, 个人信息保护
  { name: 'guide', route: () => '/packageForms/guide/index?kind=unemployment', as: CITIZEN, ready: '#guide-basis' },
  { name: 'mydata', route: () => '/packageMine/mydata/index', as: CITIZEN, ready: '#mydata-reads' },
  { name: 'family', route: () => '/packageForms/family/index', as: CITIZEN, ready: '#family-list' },
  { name: 'counter', route: () => '/packageForms/counter/index', as: CITIZEN, ready: '#counter-submit' },
  { name: 'privacy', route: () => '/pages/privacy/index', as: CITIZEN, ready: '#privacy-rights' },
  { name: 'staff-counter', route: () => '/packageStaff/counter/index', as: ADMIN, ready: '#staff-counter-submit' },
  // issue 20: 我的登记 (change details, report a job)
  { name: 'my-registration', route: () => '/packageForms/my-registration/index', as: CITIZEN, ready: '#report-job' },
  { name: 'unemployment', route: () => '/packageForms/unemployment/index', as: CITIZEN, ready: '#step-next' },
  {
    name: 'unemployment-errors', route: () => '/packageForms/unemployment/index', as: 'a11y-newcomer', ready: '#step-next',
    then: async (page) => {
      // the browser keeps one draft per form: start this one empty
      if (await page.locator('#draft-clear').count()) await page.locator('#draft-clear').click();
      await page.locator('#step-next').click();
      await page.locator('#error-summary').waitFor();
    },
  },
  { name: 'flexible', route: () => '/packageForms/flexible/index', as: CITIZEN, ready: '#step-next' },
  { name: 'staff-home', route: () => '/packageStaff/index/index', as: ADMIN, ready: '#staff-who' },
  { name: 'staff-scan', route: () => '/packageStaff/scan/index', as: ADMIN, ready: '#scan-submit' },
  { name: 'staff-queue', route: () => '/packageStaff/queue/index', as: ADMIN, ready: '#queue-list' },
  { name: 'staff-detail', route: () => `/packageStaff/detail/index?applicationId=${encodeURIComponent(pendingId)}`, as: ADMIN, ready: '#decide-submit' },
  { name: 'staff-deregister', route: () => `/packageStaff/deregister/index?applicationId=${encodeURIComponent(approvedId)}`, as: ADMIN, ready: '#dereg-submit' },
  { name: 'staff-tasks', route: () => '/packageStaff/tasks/index', as: ADMIN, ready: '#tasks-list' },
  { name: 'staff-export', route: () => '/packageStaff/export/index', as: ADMIN, ready: '#export-run' },
  { name: 'staff-stats', route: () => '/packageStaff/stats/index', as: ADMIN, ready: '#stats-table' },
  // issue 14: the notice and separate consent before the ID number (last: it withdraws this context's consent)
  {
    name: 'id-consent', route: () => '/packageForms/certificate-apply/index', as: CITIZEN, ready: '#submit',
    then: async (page) => {
      await page.evaluate(() => localStorage.removeItem('consent:idNumber:v1'));
      await page.reload();
      await page.locator('#id-consent-agree').waitFor();
    },
  },
  {
    name: 'id-consent-declined', route: () => '/packageForms/unemployment/index', as: CITIZEN, ready: '#id-consent-decline',
    then: async (page) => { await page.locator('#id-consent-decline').click(); await page.locator('#id-consent-declined').waitFor(); },
  },
];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  gw = await startTestGateway({
    now: '2026-05-12T10:00:00+08:00',
    gov: {
      persons: [govRecord(clean), govRecord(relative, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } })],
      staff: [{ openid: ADMIN, name: '无障碍测试管理员', region: '2102', role: 'admin' }],
    },
  });
  const unemployment = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...clean,
    unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, CITIZEN);
  expect(unemployment.json.data.status).toBe('approved');
  approvedId = unemployment.json.data.applicationId;
  const flexible = await gw.call('submitFlexibleEmployment', {
    requestId: requestId(), ...(relative as TestPerson),
    employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: relative.residenceAddress.regionCode,
    commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
  }, CITIZEN);
  expect(flexible.json.data.status).toBe('pending_review');
  pendingId = flexible.json.data.applicationId;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

type Found = { page: string; id: string; impact: string; help: string; nodes: string[] };

/** 长辈模式 floors (test/e2e/elder-floors.ts) found on each page, kept apart from axe's findings. */
const floorFailures: (FloorFailure & { page: string })[] = [];

async function check(context: BrowserContext, v: Visit, elder: boolean, n: number): Promise<Found[]> {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    // A new query string each time: a real load of the page, with `as` (identity) and `elder` (mode).
    await page.goto(`${gw.url}/?as=${v.as}&elder=${elder ? 1 : 0}&n=${n}#${v.route()}`);
    await page.locator(v.ready).first().waitFor({ timeout: 15000 });
    if (v.then) await v.then(page);
    await page.waitForTimeout(250);
    expect(await page.locator('.page.elder').count() > 0).toBe(elder);
    await page.screenshot({ path: join(SHOTS, `${v.name}${elder ? '-elder' : ''}.png`) });
    if (elder) floorFailures.push(...(await elderFloorFailures(page)).map((f) => ({ page: v.name, ...f })));
    const result = await new AxeBuilder({ page }).analyze();
    expect(errors).toEqual([]);
    return result.violations
      .filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map((x) => ({ page: `${v.name}${elder ? ' (长辈模式)' : ''}`, id: x.id, impact: x.impact!, help: x.help, nodes: x.nodes.slice(0, 3).map((nd) => nd.target.join(' ')) }));
  } finally {
    await page.close();
  }
}

for (const elder of [false, true]) {
  it(`has no serious or critical axe violation on any page ${elder ? 'in 长辈模式' : 'in normal mode'}`, async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const found: Found[] = [];
    try {
      let n = 0;
      for (const v of VISITS) found.push(...(await check(context, v, elder, n++)));
    } finally {
      await context.close();
    }
    if (found.length) console.log(JSON.stringify(found, null, 1));
    expect(found).toEqual([]);
    if (elder) {
      // every control of every page: text ≥ 24 px, target ≥ 60 × 60 px, contrast ≥ 4.5 (MIIT 适老化)
      if (floorFailures.length) console.log(JSON.stringify(floorFailures, null, 1));
      expect(floorFailures).toEqual([]);
    }
  }, 600000);
}

it('the 长辈模式 floor check fails a control below the floors (it measures, it does not pass everything)', async () => {
  const page = await browser.newPage({ viewport: PHONE });
  try {
    await page.setContent(`<main style="font-size:16px"><button id="small" style="font-size:12px;height:18px;color:#999;background:#fff">确定</button>
      <div role="button" id="ok" style="font-size:26px;min-height:64px;min-width:120px;color:#111;background:#fff">取消</div></main>`);
    const found = await elderFloorFailures(page);
    expect(found.filter((f) => f.element.includes('#small')).map((f) => f.problem.split(' ')[0]).sort()).toEqual(['contrast', 'target', 'text']);
    expect(found.filter((f) => f.element.includes('#ok'))).toEqual([]);
  } finally {
    await page.close();
  }
});
