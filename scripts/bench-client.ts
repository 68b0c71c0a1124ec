/**
 * The client half of `npm run bench` (scripts/bench.ts): the weapp package sizes and the H5 first
 * visit on a weak network, each against a bare Taro React page built and loaded the same way in the
 * same run. The server half (秒办, HTTP, QR, function bundles) and the report stay in bench.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startGateway } from '../cloudfunctions/gateway/server';

const ROOT = resolve(__dirname, '..');
const TAKO = join(ROOT, 'node_modules/.bin/taro');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A Tuesday, a working day: the run's clock (the same as bench.ts). */
const NOW = '2026-03-10T10:00:00+08:00';
const KB = 1024;
const WECHAT_PACKAGE_LIMIT = 2 * KB * KB;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

type Row = [string, string, string, string];
const kb = (b: number) => `${(b / KB).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The temp folder the client workspaces and H5 data live in (bench.ts sets it, and removes it). */
let tmpRoot = '';
export function setClientTmpRoot(dir: string): void { tmpRoot = dir; }

function dirSize(dir: string, filter: (rel: string) => boolean = () => true): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(relative(dir, p).split(sep).join('/'))) total += statSync(p).size;
    }
  };
  walk(dir);
  return total;
}

// ---- client builds (weapp, h5) ----------------------------------------------------------------

/** The project's client in a temp folder, with a copy of the repository's shared/ beside it (where client/config looks for it). */
export function clientWorkspace(): string {
  const ws = join(tmpRoot, 'app');
  mkdirSync(ws);
  cpSync(join(ROOT, 'client'), join(ws, 'client'), { recursive: true, filter: (src) => !src.includes(`${sep}client${sep}dist`) && !src.includes(`${sep}node_modules`) });
  cpSync(join(ROOT, 'shared'), join(ws, 'shared'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(ws, 'node_modules'), 'dir');
  return join(ws, 'client');
}

/** The baseline: a bare Taro 4 React app with one page saying Hello, built with the same toolchain and terser settings. */
export function bareWorkspace(): string {
  const ws = join(tmpRoot, 'bare');
  const files: Record<string, string> = {
    'client/babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]] }\n",
    'client/tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2020', strict: true, esModuleInterop: true, skipLibCheck: true } }),
    'client/config/index.ts': `import { defineConfig } from '@tarojs/cli'
export default defineConfig<'webpack5'>(async () => ({
  projectName: 'bare', date: '2026-1-1', designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src', outputRoot: \`dist/\${process.env.TARO_ENV}\`, plugins: [], defineConstants: {},
  copy: { patterns: [], options: {} }, framework: 'react', compiler: 'webpack5', cache: { enable: false },
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' }, postcss: { pxtransform: { enable: true, config: {} }, autoprefixer: { enable: true, config: {} } } },
}))
`,
    'client/src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'Hello' } })\n",
    'client/src/app.ts': "import type { PropsWithChildren } from 'react'\nfunction App({ children }: PropsWithChildren) { return children }\nexport default App\n",
    'client/src/app.css': '',
    'client/src/index.html': readFileSync(join(ROOT, 'client/src/index.html'), 'utf8'),
    'client/src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'Hello' })\n",
    'client/src/pages/index/index.tsx': "import { View } from '@tarojs/components'\nexport default function Index() { return <View>Hello</View> }\n",
    'client/types/global.d.ts': "/// <reference types=\"@tarojs/taro\" />\n",
    'client/project.config.json': JSON.stringify({ miniprogramRoot: 'dist/weapp/', appid: 'touristappid' }),
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(ws, rel, '..'), { recursive: true });
    writeFileSync(join(ws, rel), content);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(ws, 'node_modules'), 'dir');
  return join(ws, 'client');
}

function taroBuild(clientDir: string, type: 'weapp' | 'h5'): number {
  const t0 = performance.now();
  const r = spawnSync(TAKO, ['build', '--type', type], { cwd: clientDir, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', maxBuffer: 64 * KB * KB });
  if (r.status !== 0) {
    process.stderr.write((r.stdout ?? '').slice(-4000) + (r.stderr ?? '').slice(-4000));
    throw new Error(`taro build --type ${type} failed in ${clientDir}`);
  }
  return round((performance.now() - t0) / 1000, 1);
}

/** Main package = every file outside the subpackage roots of app.json (what WeChat downloads first). */
export function weappSizes(dist: string) {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, '') + '/');
  const notMap = (rel: string) => !rel.endsWith('.map');
  const total = dirSize(dist, notMap);
  const subpackages: Record<string, number> = {};
  for (const r of roots) subpackages[r.slice(0, -1)] = dirSize(join(dist, r), notMap);
  const main = dirSize(dist, (rel) => notMap(rel) && !roots.some((r) => rel.startsWith(r)));
  const largest = readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => ({ file: f, bytes: statSync(join(dist, f)).size })).sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  // Shipped twice: the same JavaScript (by content) in more than one package (main or subpackage).
  const owners = new Map<string, { bytes: number; packages: Set<string> }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      if (!e.name.endsWith('.js')) continue;
      const rel = relative(dist, p).split(sep).join('/');
      const pkg = roots.find((r) => rel.startsWith(r)) ?? 'main';
      const body = readFileSync(p);
      if (body.length < 1024) continue; // page stubs and tiny wrappers are alike by nature
      const key = createHash('sha1').update(body.toString('utf8').replace(/^[^\n]*?push\(\[\[[^\]]*\]/, '')).digest('hex');
      const o = owners.get(key) ?? { bytes: body.length, packages: new Set<string>() };
      o.packages.add(pkg);
      owners.set(key, o);
    }
  };
  walk(dist);
  const twice = [...owners.values()].filter((o) => o.packages.size > 1);
  const duplicateBytes = twice.reduce((a, o) => a + o.bytes * (o.packages.size - 1), 0);
  return { main, total, subpackages, mainFiles: largest, duplicateFiles: twice.length, duplicateBytes };
}

export async function weapp(appClient: string, bareClient: string) {
  const appSeconds = taroBuild(appClient, 'weapp');
  const bareSeconds = taroBuild(bareClient, 'weapp');
  const app = weappSizes(join(appClient, 'dist/weapp'));
  const bare = weappSizes(join(bareClient, 'dist/weapp'));
  return {
    app, bare: { main: bare.main, total: bare.total },
    mainRatioToBare: round(app.main / bare.main, 2),
    limit: WECHAT_PACKAGE_LIMIT,
    buildSeconds: { app: appSeconds, bare: bareSeconds },
  };
}

// ---- H5 first paint ---------------------------------------------------------------------------

/**
 * The H5 build served by the product's gateway (compression and cache headers of
 * cloudfunctions/gateway/static.ts), on a fresh DATA_DIR: the app's first calls answer at once.
 */
export async function serveBuild(dir: string, name: string): Promise<{ url: string; close: () => Promise<void> }> {
  const data = join(tmpRoot, `h5-${name}`);
  mkdirSync(data, { recursive: true });
  const govFile = join(data, 'gov.json');
  writeFileSync(govFile, JSON.stringify({ persons: [], staff: [], down: [] }));
  const gw = await startGateway({ port: 0, dataDir: join(data, 'data'), govDataFile: govFile, now: NOW, staticDir: dir, log: () => undefined });
  return { url: `http://127.0.0.1:${gw.port}/`, close: () => gw.close() };
}

/** What "usable" means: the element a person acts on is on the screen (rendered by the app's React). */
const HOME_READY = { app: '#tile-unemployment', bare: '.taro_page' } as const;
/**
 * The 失业登记 form is usable when its first control can be acted on: on a first visit that is the
 * separate consent to the ID number (个人信息保护法 二十九条, components/IdNumberConsent.tsx) and its
 * 同意 button; once agreed, the wizard's first field.
 */
const FORM_READY = '#id-consent-agree, #step-indicator ~ * input, #step-indicator ~ * textarea, .page input';
/** A person reads home before tapping (the time the prefetch / preloadRule has). */
const THINK_MS = 3000;
const SLOW_3G = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const H5_RUNS = 3;

/**
 * Notes in `window.__seen` the page-clock time at which home's element and the form's first
 * field are first on the screen (in the DOM with a box), checked on every DOM change.
 */
function observerScript(home: string, form: string): string {
  return `(() => {
  const wanted = { home: ${JSON.stringify(home)}, form: ${JSON.stringify(form)} };
  const seen = (window.__seen = {});
  const look = () => {
    for (const k of Object.keys(wanted)) {
      if (seen[k] !== undefined) continue;
      const el = document.querySelector(wanted[k]);
      if (el && el.getClientRects().length > 0) seen[k] = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/**
 * A phone on a weak network: 390×844 (an iPhone 12–14 class screen), CPU slowed 4× (an old
 * Android), slow 3G (400 ms RTT, 400 kbit/s each way, as in the issue). A fresh browser context
 * per load, so nothing is cached. Home usable = the first service tile is on the screen (the
 * bare page: its Taro page); then, THINK_MS later, a tap on 失业登记 until the wizard's first field
 * is there. Times are the page's own clock (an observer in the page notes when each appears).
 */
export async function h5Visit(url: string, kind: 'app' | 'bare', runs = H5_RUNS) {
  const xdg = join(tmpRoot, 'xdg');
  mkdirSync(xdg, { recursive: true });
  process.env.XDG_CONFIG_HOME = xdg;
  process.env.XDG_CACHE_HOME = xdg;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const fcps: number[] = [];
  const usable: number[] = [];
  const taps: number[] = [];
  const bytes: number[] = [];
  const tapBytes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_3G });
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { transferred += e.encodedDataLength; });
      // Passed as source text, not as a function: tsx compiles this file with esbuild's keepNames,
      // which wraps named functions in a `__name(…)` helper the page does not have — the observer
      // then threw on its first line and never ran (the bench's 120 s timeout, home long shown).
      await page.addInitScript(observerScript(HOME_READY[kind], FORM_READY));
      await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForFunction(() => (globalThis as unknown as { __seen: Record<string, number> }).__seen.home !== undefined, undefined, { timeout: 120_000, polling: 100 });
      const seen = async () => page.evaluate(() => (globalThis as unknown as { __seen: Record<string, number> }).__seen);
      usable.push(round((await seen()).home, 0));
      const fcp = await page.evaluate(() => (globalThis as unknown as Window).performance.getEntriesByType('paint').find((x) => x.name === 'first-contentful-paint')?.startTime ?? null);
      fcps.push(round(Number(fcp), 0));
      if (kind === 'app') {
        await page.waitForTimeout(THINK_MS);
        const before = transferred;
        const t0 = await page.evaluate(() => (globalThis as unknown as Window).performance.now());
        await page.locator(HOME_READY.app).click({ timeout: 60_000 });
        await page.waitForFunction(() => (globalThis as unknown as { __seen: Record<string, number> }).__seen.form !== undefined, undefined, { timeout: 120_000, polling: 100 });
        taps.push(round((await seen()).form - t0, 0));
        tapBytes.push(transferred - before);
      }
      bytes.push(transferred);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return {
    usableMs: median(usable), usableRunsMs: usable, fcpMs: median(fcps), fcpRunsMs: fcps, transferredBytes: median(bytes),
    ...(kind === 'app' ? { tapToFormMs: median(taps), tapRunsMs: taps, tapTransferredBytes: median(tapBytes), thinkMs: THINK_MS } : {}),
  };
}

export async function h5(appClient: string, bareClient: string) {
  const appSeconds = taroBuild(appClient, 'h5');
  const bareSeconds = taroBuild(bareClient, 'h5');
  const result: Record<string, unknown> = { buildSeconds: { app: appSeconds, bare: bareSeconds } };
  const notCompressed = (r: string) => !r.endsWith('.map') && !r.endsWith('.br') && !r.endsWith('.gz');
  for (const [name, client] of [['app', appClient], ['bare', bareClient]] as const) {
    const dist = join(client, 'dist/h5');
    const server = await serveBuild(dist, name);
    try {
      result[name] = { ...(await h5Visit(server.url, name)), distBytes: dirSize(dist, notCompressed) };
    } finally {
      await server.close();
    }
  }
  const app = result.app as { usableMs: number; fcpMs: number };
  const bare = result.bare as { usableMs: number; fcpMs: number };
  result.usableRatioToBare = round(app.usableMs / bare.usableMs, 2);
  result.fcpRatioToBare = round(app.fcpMs / bare.fcpMs, 2);
  result.conditions = `390×844 @3x, CPU 4× slower (CDP), slow 3G (400 ms RTT, 400 kbit/s each way), no cache, served by the gateway, median of ${H5_RUNS}`;
  return result;
}


/** The weapp and H5 rows of the report, each with its target and verdict. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function clientRows(r: Record<string, any>, has: (k: string) => boolean): Row[] {
  const out: Row[] = [];
  if (has('weapp')) {
    const w = r.weapp;
    out.push(['weapp main package', `${kb(w.app.main)} (bare page ${kb(w.bare.main)}, ×${w.mainRatioToBare})`, '≤ 1.2 × bare', verdict(w.mainRatioToBare <= 1.2)]);
    out.push(['weapp all packages', `${kb(w.app.total)} (${Object.entries(w.app.subpackages as Record<string, number>).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`, '≤ 1.1 MB, each ≤ 2 MB', verdict(w.app.total <= 1.1 * KB * KB && w.app.main <= w.limit && Object.values(w.app.subpackages as Record<string, number>).every((v) => v <= w.limit))]);
    out.push(['weapp code shipped twice', `${w.app.duplicateFiles} files, ${kb(w.app.duplicateBytes)}`, 'none', verdict(w.app.duplicateFiles === 0)]);
  }
  if (has('h5')) {
    const h = r.h5;
    out.push(['H5 first visit, home usable (slow 3G, CPU ×4)', `${h.app.usableMs} ms (bare page ${h.bare.usableMs} ms, ×${h.usableRatioToBare}); ${kb(h.app.transferredBytes)} transferred`, '≤ 4 s and ≤ 1.3 × bare', verdict(h.app.usableMs <= 4000 && h.usableRatioToBare <= 1.3)]);
    out.push(['H5 tap 失业登记 → form usable (same throttling)', `${h.app.tapToFormMs} ms (tap ${h.app.thinkMs / 1000} s after home; ${kb(h.app.tapTransferredBytes)} fetched after the tap)`, '≤ 3 s', verdict(h.app.tapToFormMs <= 3000)]);
    out.push(['H5 first contentful paint', `${h.app.fcpMs} ms (bare page ${h.bare.fcpMs} ms, ×${h.fcpRatioToBare})`, '', '']);
  }
  return out;
}
