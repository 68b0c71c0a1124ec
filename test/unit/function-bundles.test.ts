/**
 * Each CloudBase function ships only itself (scripts/build-functions.mjs): the bundles are built here
 * into a folder of their own under build/ (so that the platform-installed packages resolve from the
 * repository's node_modules, as they do from a deployed function's), and read back — the esbuild
 * metafile says which source files each bundle holds, the readable build (same contents, not
 * minified) which functions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, type ActionName, type FunctionName } from '@shared/api';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'build', `test-bundles-${process.pid}`);
const FUNCTIONS: FunctionName[] = ['citizen', 'staff', 'scheduler'];
/** The one bundle all three functions shipped before each got its own (issue 16), in bytes. */
const SINGLE_BUNDLE = 818 * 1024;

interface Metafile { outputs: Record<string, { entryPoint?: string; bytes: number; inputs: Record<string, { bytesInOutput: number }> }> }

function buildInto(out: string, ...flags: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), '--out', out, ...flags], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`build-functions failed: ${r.stderr || r.stdout}`);
}
/** Source files (repository paths) that put code into a function's bundle. */
function bundledFiles(out: string, fn: string): string[] {
  const meta = JSON.parse(readFileSync(`${out}.meta/${fn}.json`, 'utf8')) as Metafile;
  const output = Object.values(meta.outputs).find((o) => o.entryPoint)!;
  return Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([p]) => p);
}
/** Each bundled source file's imports (repository paths), from the metafile. */
function importGraph(out: string, fn: string): Record<string, string[]> {
  const meta = JSON.parse(readFileSync(`${out}.meta/${fn}.json`, 'utf8')) as { inputs: Record<string, { imports: Array<{ path: string }> }> };
  return Object.fromEntries(Object.entries(meta.inputs).map(([p, v]) => [p, v.imports.map((i) => i.path)]));
}
const actionsOf = (fn: FunctionName) => (Object.keys(ACTIONS) as ActionName[]).filter((a) => ACTIONS[a].fn === fn);
const declares = (text: string, name: string) => new RegExp(`(?:function|var|let|const) ${name}\\b(?![$\\w])`).test(text);

beforeAll(() => {
  buildInto(OUT);
  buildInto(`${OUT}-readable`, '--readable');
}, 240_000);

afterAll(() => {
  for (const d of [OUT, `${OUT}.meta`, `${OUT}-readable`, `${OUT}-readable.meta`]) rmSync(d, { recursive: true, force: true });
});

describe('each CloudBase function bundle holds only its own handlers', () => {
  it.each(FUNCTIONS)('%s declares its own handlers and none of another function\'s', (fn) => {
    const text = readFileSync(join(`${OUT}-readable`, fn, 'index.js'), 'utf8');
    const own = actionsOf(fn);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((a) => !declares(text, a))).toEqual([]);
    const others = FUNCTIONS.filter((f) => f !== fn).flatMap(actionsOf);
    expect(others.filter((a) => declares(text, a))).toEqual([]);
  });

  it('leaves the citizen\'s registration handlers out of the staff and scheduler bundles', () => {
    for (const fn of ['staff', 'scheduler']) {
      const text = readFileSync(join(`${OUT}-readable`, fn, 'index.js'), 'utf8');
      expect(declares(text, 'submitUnemploymentRegistration')).toBe(false);
      expect(bundledFiles(OUT, fn)).not.toContain('cloudfunctions/core/handlers/submitUnemploymentRegistration.handler.ts');
      expect(bundledFiles(OUT, fn)).not.toContain('cloudfunctions/core/handlers/submitFlexibleEmployment.handler.ts');
    }
    expect(bundledFiles(OUT, 'scheduler').filter((p) => p.includes('/handlers/') && !p.includes('scheduler.'))).toEqual([]);
  });

  it.each(FUNCTIONS)('%s bundles the runtime\'s adapters and only those its entry composes', (fn) => {
    const entry = readFileSync(join(ROOT, 'cloudfunctions/functions', fn, 'index.ts'), 'utf8');
    const composed = [...entry.matchAll(/from '\.\.\/\.\.\/adapters\/([\w.]+)'/g)].map((m) => `cloudfunctions/adapters/${m[1]}.ts`);
    // every function has the composition root and what it imports (the staff directory, the two
    // production stores STORE chooses between); the rest is what the entry composes
    const runtime = 'cloudfunctions/adapters/cloudbase.runtime.ts';
    const graph = importGraph(OUT, fn);
    const reach = new Set<string>();
    const visit = (p: string) => { if (reach.has(p)) return; reach.add(p); for (const q of graph[p] ?? []) visit(q); };
    for (const p of [runtime, ...composed.filter((c) => c !== runtime)]) visit(p);
    const adapters = bundledFiles(OUT, fn).filter((p) => p.startsWith('cloudfunctions/adapters/'));
    expect(adapters).toContain(runtime);
    expect(adapters.filter((p) => !reach.has(p))).toEqual([]);
    expect(composed.filter((p) => !adapters.includes(p))).toEqual([]);
  });

  it('keeps FaceID, the data exchange, 人脸核身 and OCR out of the staff and scheduler bundles, and SMS out of the citizen\'s', () => {
    const citizenOnly = ['identity.faceid', 'govdata.http', 'realPerson.wechat', 'idCardOcr.tencent'].map((a) => `cloudfunctions/adapters/${a}.ts`);
    const schedulerOnly = ['sms.tencent', 'subscribe.cloudbase', 'insurance.http'].map((a) => `cloudfunctions/adapters/${a}.ts`);
    expect(bundledFiles(OUT, 'staff').filter((p) => citizenOnly.includes(p) || schedulerOnly.includes(p))).toEqual([]);
    expect(bundledFiles(OUT, 'scheduler').filter((p) => citizenOnly.includes(p))).toEqual([]);
    expect(bundledFiles(OUT, 'citizen').filter((p) => schedulerOnly.includes(p))).toEqual([]);
  });

  it('gives the three functions three different bundles, each smaller than the one they shared', () => {
    const bytes = FUNCTIONS.map((fn) => readFileSync(join(OUT, fn, 'index.js')).length);
    expect(new Set(bytes).size).toBe(3);
    for (const [i, fn] of FUNCTIONS.entries()) expect({ fn, under: bytes[i] < SINGLE_BUNDLE }).toEqual({ fn, under: true });
  });

  it.each(FUNCTIONS)('%s carries zod\'s Chinese and English messages only, and no platform-installed package', (fn) => {
    const files = bundledFiles(OUT, fn);
    const locales = files.filter((p) => /node_modules\/zod\/v4\/locales\/(?!index\.js)/.test(p)).map((p) => p.split('/').pop());
    if (files.some((p) => p.includes('node_modules/zod/'))) expect(locales.sort()).toEqual(['en.js', 'zh-CN.js']);
    for (const pkg of ['pdfkit', 'fontkit', 'brotli', 'mysql2', 'wx-server-sdk', 'tencentcloud-sdk-nodejs-common', 'better-sqlite3']) {
      expect({ pkg, inside: files.some((p) => p.includes(`node_modules/${pkg}/`)) }).toEqual({ pkg, inside: false });
    }
  });

  it('lists pdfkit for the citizen function only (its 失业登记证明), beside the SDKs each requires', () => {
    const deps = (fn: string) => Object.keys((JSON.parse(readFileSync(join(OUT, fn, 'package.json'), 'utf8')) as { dependencies: object }).dependencies).sort();
    expect(deps('citizen')).toEqual(['mysql2', 'pdfkit', 'tencentcloud-sdk-nodejs-common', 'tencentcloud-sdk-nodejs-ocr', 'wx-server-sdk']);
    expect(deps('staff')).toEqual(['mysql2', 'wx-server-sdk']);
    expect(deps('scheduler')).toEqual(['mysql2', 'tencentcloud-sdk-nodejs-sms', 'wx-server-sdk']);
    // imported at the first proof, not required when the function loads (every other call's cold start)
    const citizen = readFileSync(join(OUT, 'citizen', 'index.js'), 'utf8');
    expect(citizen).toContain('import("pdfkit")');
    expect(citizen).not.toContain('require("pdfkit")');
  });

  it.each(FUNCTIONS)('%s loads with what the platform installs and refuses another function\'s action', (fn) => {
    const file = join(OUT, fn, 'index.js');
    expect(existsSync(file)).toBe(true);
    const other = FUNCTIONS.find((f) => f !== fn && f !== 'scheduler') ?? 'staff';
    const action = actionsOf(other as FunctionName)[0];
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)}).main({ action: ${JSON.stringify(action)}, input: {} }).then((a) => process.stdout.write('\\n@@' + JSON.stringify(a)))`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@'));
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(line!.slice(2))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 90_000);
});
