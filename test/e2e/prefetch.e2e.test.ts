/**
 * H5 on a weak network (docs/performance.md "H5"): the forms behind home's tiles are fetched while
 * the person reads home — not before home is on the screen, where they would share the slow link
 * with home's own files — so the tap on 失业登记 opens the form without waiting for more JavaScript.
 */
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { launch, openAs } from './browser';

let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  gw = await startTestGateway({ now: '2026-05-12T10:00:00+08:00' });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** Notes, on the page's clock, when home's 失业登记 tile is first in the page (source text: it runs in the page, before the app). */
const NOTE_HOME = `(() => {
  const w = window;
  new MutationObserver(() => {
    if (w.__homeAt === undefined && document.querySelector('#tile-unemployment')) w.__homeAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

const scriptsSince = (since: number) => `performance.getEntriesByType('resource')
  .filter((e) => e.startTime >= ${since} && /\\/js\\/.+\\.js$/.test(new URL(e.name).pathname))
  .map((e) => ({ url: e.name, at: e.startTime }))`;

it('fetches the forms once home is shown, and the tap on 失业登记 needs no script it did not have', async () => {
  const page = await openAs(browser, gw.url, 'prefetch-visitor', '/pages/index/index', undefined, async (p) => {
    await p.addInitScript({ content: NOTE_HOME });
  });
  await page.locator('#tile-unemployment').waitFor();

  // index.html itself asks for none of the forms' files: they wait in a template
  const html = await (await page.request.get(`${gw.url}/`)).text();
  expect(html.split('<template')[0]).not.toContain('rel="prefetch"');
  expect(html).toContain('<template id="page-prefetch">');

  // once home is there, the hinted files are fetched, none before home appeared
  await page.waitForFunction(() => document.head.querySelectorAll('link[rel="prefetch"]').length > 0);
  const hinted = await page.evaluate(() => Array.from(document.head.querySelectorAll('link[rel="prefetch"]'), (l) => (l as HTMLLinkElement).href));
  const wanted = hinted.filter((u) => u.endsWith('.js'));
  expect(wanted.length).toBeGreaterThan(0);
  await page.waitForFunction((urls) => urls.every((u) => performance.getEntriesByName(u).length > 0), wanted);
  const homeAt = await page.evaluate(() => (window as unknown as { __homeAt: number }).__homeAt);
  for (const u of wanted) {
    const firstAt = await page.evaluate((url) => performance.getEntriesByName(url)[0].startTime, u);
    expect(firstAt).toBeGreaterThanOrEqual(homeAt);
  }

  // the tap: the form opens, and every script it loaded had been fetched while home was shown
  const before = new Set((await page.evaluate(scriptsSince(0)) as Array<{ url: string }>).map((s) => s.url));
  const tapAt = await page.evaluate(() => performance.now());
  await page.locator('#tile-unemployment').click();
  await page.locator('#step-indicator').waitFor();
  const after = (await page.evaluate(scriptsSince(tapAt)) as Array<{ url: string }>).map((s) => s.url);
  expect(after.filter((u) => !before.has(u))).toEqual([]);
  await page.context().close();
}, 90000);
