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

export async function launch(): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), 'jy-chromium-'));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page acting as one citizen or staff member (`?as=` sets the H5 demo identity, kept in storage). */
export async function openAs(browser: Browser, baseUrl: string, openid: string, route: string, now?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // The phone's clock agrees with the server's NOW (the clock is a port on both sides); timers run on.
  if (now) await page.clock.setFixedTime(new Date(now));
  page.on('pageerror', (err) => { throw err; });
  await page.goto(`${baseUrl}/?as=${encodeURIComponent(openid)}#${route}`);
  return page;
}

/**
 * The H5 Picker is a wheel (docs/toolchain.md): open it, drag the list by whole items until the wanted
 * one sits under the indicator, then press 确定 — as a person's finger would.
 */
export async function pickWheel(page: Page, trigger: string, itemText: string): Promise<void> {
  // Leaving a text field re-renders its message and moves what is below it: let that settle first,
  // as it does for a person between two taps.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.waitForTimeout(100);
  await page.locator(trigger).click();
  // The open overlay is the one not hidden with display:none (its own box has no height).
  const overlay = page.locator('.weui-picker__overlay:not([style*="display: none"])').last();
  await overlay.locator('.weui-picker__action').last().waitFor();
  await page.waitForTimeout(350); // slide-up animation
  const items = overlay.locator('.weui-picker__item');
  const texts = await items.allTextContents();
  const want = texts.findIndex((t) => t.trim() === itemText);
  if (want < 0) throw new Error(`picker ${trigger} has no item ${itemText}`);
  const content = overlay.locator('.weui-picker__content');
  const itemHeight = (await items.first().boundingBox())!.height;
  const box = (await overlay.locator('.weui-picker__group').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // A fling can stop one item off, as under a finger: look again and correct.
  for (let attempt = 0; attempt < 6; attempt++) {
    const offset = await content.evaluate((el) => {
      const m = /translate3d\(0px,\s*(-?[\d.]+)px/.exec((el as HTMLElement).style.transform);
      return m ? Number(m[1]) : 0;
    });
    const dy = (Math.round((itemHeight * 3 - offset) / itemHeight) - want) * itemHeight;
    if (dy === 0) break;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + dy / 2, { steps: 10 });
    await page.mouse.move(x, y + dy, { steps: 10 });
    await page.waitForTimeout(400);
    await page.mouse.up();
    await page.waitForTimeout(500);
  }
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).click();
  await page.waitForTimeout(400);
}
