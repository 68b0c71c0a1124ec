/**
 * Headless Chromium (Debian's, docs/toolchain.md "Browser") driven by playwright-core, at a phone
 * viewport, against the H5 build served by the real local gateway.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };

/**
 * Where the tests put their screenshots: test-results/screens (ignored by git), so `npm test` leaves
 * the tree clean. `npm run screenshots` runs the browser tests with SCREENSHOTS_DIR=docs/screens to
 * refresh the README's pictures on purpose.
 */
export const SHOTS = resolve(process.env.SCREENSHOTS_DIR ?? resolve(__dirname, '../../test-results/screens'));
mkdirSync(SHOTS, { recursive: true });

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * The separate consent for the ID number (client/src/services/consent.ts), as a person who agreed
 * earlier on this phone has it: the forms open at once. Set once per browser context (a flag), so a
 * test that withdraws it in 设置 and reloads sees the notice again.
 */
export const ID_CONSENT_KEY = 'consent:idNumber:v1';
// a string, not a function: what runs in the page is exactly this (no transform of the test's code)
const SEED_ID_CONSENT = `try {
  if (!localStorage.getItem('e2e:consent-seeded')) {
    localStorage.setItem('e2e:consent-seeded', '1');
    localStorage.setItem(${JSON.stringify(ID_CONSENT_KEY)}, JSON.stringify({ data: '2026-01-01T08:00:00.000+08:00' }));
  }
} catch (e) { /* about:blank and set content have no storage */ }`;

/**
 * Chromium; every context it opens starts as a phone whose person already agreed to the ID number's
 * processing, unless `consented: false` (tests of the consent itself).
 */
export async function launch(o: { consented?: boolean } = {}): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), 'jy-chromium-'));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (o.consented === false) return browser;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript({ content: SEED_ID_CONSENT });
    return context;
  };
  return browser;
}

/** A page acting as one citizen or staff member (`?as=` sets the H5 demo identity, kept in storage). */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  openid: string,
  route: string,
  now?: string,
  /** runs before the first request (e.g. routes that slow the network) */
  before?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  if (before) await before(page);
  // The phone's clock agrees with the server's NOW (the clock is a port on both sides); timers run on.
  if (now) await page.clock.setFixedTime(new Date(now));
  page.on('pageerror', (err) => { throw err; });
  await page.goto(`${baseUrl}/?as=${encodeURIComponent(openid)}#${route}`);
  return page;
}

/**
 * Choose an entry of a list field as a finger would: tap the box, the sheet of rows opens
 * (client/src/components/SelectSheet.tsx), type into its search box when it has one, tap the row.
 * The name stays from the wheel days; callers need not care which control it is.
 */
export async function pickWheel(page: Page, trigger: string, itemText: string): Promise<void> {
  // Leaving a text field re-renders its message and moves what is below it: let that settle first,
  // as it does for a person between two taps.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.waitForTimeout(100);
  await page.locator(trigger).click();
  const sheet = page.locator(`${trigger}-sheet`);
  await sheet.waitFor();
  const search = sheet.locator('input');
  if (await search.count()) await search.fill(itemText);
  const row = sheet.locator('[role="radio"]').filter({ hasText: new RegExp(`^\\s*✓?\\s*${itemText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
  if ((await row.count()) === 0) throw new Error(`list ${trigger} has no item ${itemText}`);
  await row.first().click();
  await sheet.waitFor({ state: 'detached' });
}

/** 下一步 in a wizard, then the moment the next step takes to render. */
export async function nextStep(page: Page): Promise<void> {
  await page.locator('#step-next').click();
  await page.waitForTimeout(300);
}

/** A date field (年 / 月 / 日 lists): `2026-03` or `2026-03-10`. */
export async function pickDate(page: Page, field: string, date: string): Promise<void> {
  const [y, m, d] = date.split('-');
  await pickWheel(page, `${field}-year`, `${y}年`);
  await pickWheel(page, `${field}-month`, `${Number(m)}月`);
  if (d) await pickWheel(page, `${field}-day`, `${Number(d)}日`);
}
