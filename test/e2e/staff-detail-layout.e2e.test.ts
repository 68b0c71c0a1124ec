/**
 * Staff 审核申请 at phone widths: a long label never runs into its value, and nothing is cut off at the
 * right edge — at 390 and 320 px, in normal mode and in 长辈模式 (where the label sits above its value).
 * Measured from the rendered boxes, not eyeballed.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { baseInput } from '../reliability/bad-inputs';
import { launch, SHOTS } from './browser';

const NOW = '2026-03-10T10:00:00+08:00';
const REVIEWER = { openid: 'layout-reviewer', name: '区审核员', region: '2102', role: 'reviewer' };
let gw: TestGateway;
let browser: Browser;
let applicationId = '';
// an employer on record sends the 失业登记 to review, so the detail has checks and a full form
const person = makePerson({ region: '210203' });

beforeAll(async () => {
  gw = await startTestGateway({
    now: NOW,
    gov: { persons: [govRecord(person, { unitInsurance: { unit: '大连经济技术开发区某某精密机械制造有限责任公司', since: '2021-04-01' } })], staff: [REVIEWER] },
  });
  browser = await launch();
  const submitted = await gw.call('submitUnemploymentRegistration', baseInput('submitUnemploymentRegistration', person, requestId()), 'layout-citizen');
  expect(submitted.json.data.status).toBe('pending_review');
  applicationId = submitted.json.data.applicationId;
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

interface Overlap { label: string; problem: string }

for (const width of [390, 320]) {
  for (const elder of [false, true]) {
    it(`keeps every label clear of its value at ${width} px${elder ? ' in 长辈模式' : ''}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(NOW));
      try {
        await page.goto(`${gw.url}/?as=${REVIEWER.openid}&elder=${elder ? 1 : 0}#/packageStaff/detail/index?applicationId=${encodeURIComponent(applicationId)}`);
        await page.locator('#detail-form .kv').first().waitFor({ timeout: 20_000 });
        const rows = await page.locator('.kv').count();
        expect(rows).toBeGreaterThan(8);
        const problems: Overlap[] = await page.evaluate(() => {
          const out: Array<{ label: string; problem: string }> = [];
          const viewport = document.documentElement.clientWidth;
          for (const row of Array.from(document.querySelectorAll('.kv'))) {
            const k = row.querySelector('.kv__k');
            const v = row.querySelector('.kv__v');
            if (!k || !v) continue;
            const a = k.getBoundingClientRect();
            const b = v.getBoundingClientRect();
            const label = (k.textContent ?? '').trim();
            const apart = a.right <= b.left + 0.5 || a.bottom <= b.top + 0.5;
            if (!apart) out.push({ label, problem: `label ${Math.round(a.left)}–${Math.round(a.right)} × ${Math.round(a.top)}–${Math.round(a.bottom)} overlaps value ${Math.round(b.left)}–${Math.round(b.right)} × ${Math.round(b.top)}–${Math.round(b.bottom)}` });
            if (b.right > viewport + 0.5 || a.right > viewport + 0.5) out.push({ label, problem: `runs past the screen edge (${Math.round(Math.max(a.right, b.right))} > ${viewport})` });
            // text wider than its own box spills over the neighbour even when the boxes are apart
            if (k.scrollWidth > k.clientWidth + 1) out.push({ label, problem: 'label text spills out of its box' });
            if (v.scrollWidth > v.clientWidth + 1) out.push({ label, problem: 'value spills out of its box' });
          }
          if (document.documentElement.scrollWidth > viewport + 1) out.push({ label: '(page)', problem: `page scrolls sideways (${document.documentElement.scrollWidth} > ${viewport})` });
          return out;
        });
        expect(problems).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `staff-detail-${width}${elder ? '-elder' : ''}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }, 60_000);
  }
}
