/**
 * 我的电子证 in miniprogram-simulate on the compiled weapp build: the QR is drawn on a canvas 2d
 * node from the module matrix (an SVG data URL in <Image> is reported blank on real phones), and what
 * the canvas receives reads back as the token; 亮证 opens full screen with the brightness raised and
 * gives the person's own brightness back when closed; the 失业登记证明 PDF is written to a file and
 * opened in WeChat's document viewer.
 *
 * miniprogram-simulate renders no canvas, so the selector query here hands the page a canvas node
 * that records what is drawn on it — the same calls a phone's canvas gets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { COMMITMENTS } from '@shared/commitment';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { CERTIFICATE_COMMITMENT } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { installGlobals, WEAPP } from './harness';

const simulate = require('miniprogram-simulate');
const OPENID = 'mp-cert-holder';
const person = makePerson({ region: '210204', gender: '1' });

let rt: LocalRuntime;
let dataDir: string;
/** the tokens getMyCertificate answered, in order */
const tokens: string[] = [];

/** A canvas 2d node that keeps what is drawn: fillStyle, then rectangles. */
interface FakeCanvas { width: number; height: number; rects: Array<{ color: string; x: number; y: number; w: number; h: number }>; getContext(kind: '2d'): unknown }
const canvases = new Map<string, FakeCanvas>();
function canvasFor(selector: string): FakeCanvas {
  let c = canvases.get(selector);
  if (c) return c;
  const made: FakeCanvas = {
    width: 300, height: 150, rects: [],
    getContext() {
      const ctx = {
        fillStyle: '#000000' as unknown,
        fillRect(x: number, y: number, w: number, h: number) {
          // a fill of the whole surface starts a new drawing
          if (x === 0 && y === 0 && w === made.width && h === made.height) made.rects = [];
          made.rects.push({ color: String(ctx.fillStyle), x, y, w, h });
        },
      };
      return ctx;
    },
  };
  canvases.set(selector, made);
  return made;
}

/** What a camera would see on the canvas, read with jsQR. */
function readCanvas(c: FakeCanvas): string | null {
  const { width, height } = c;
  const data = new Uint8ClampedArray(width * height * 4);
  for (const r of c.rects) {
    const v = /^#?0{6}$|^black$/i.test(r.color) ? 0 : 255;
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return jsQR(data, width, height)?.data ?? null;
}

const brightness: Array<number | 'keepOn' | 'keepOff'> = [];
const files = new Map<string, { data: string; encoding: string }>();
const opened: Array<{ filePath: string; fileType?: string }> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jy-mp-cert-'));
  const govFile = join(dataDir, 'gov.json');
  writeFileSync(govFile, JSON.stringify({ persons: [govRecord(person)], staff: [], down: [] }));
  rt = localRuntime({ dataDir, govDataFile: govFile, now: '2026-05-12T10:00:00+08:00', log: () => {} });
  const run = async (action: string, input: unknown) => dispatch(action, input, rt.depsFor(await rt.callerFor(OPENID)), { local: false });
  installGlobals(async (call) => {
    const out = await run(call.data.action, call.data.input);
    const token = (out.body as { ok: boolean; data?: { qrToken?: string } }).data?.qrToken;
    if (call.data.action === 'getMyCertificate' && token) tokens.push(token);
    return out.body;
  });
  // the person: checked, certificate issued, 失业登记 in force (as the forms do it)
  const started = await run('startRealPersonCheck', { name: person.name, idNumber: person.idNumber });
  await run('confirmRealPersonCheck', { checkToken: (started.body as any).data.checkToken });
  expect((await run('applyCertificate', { requestId: requestId(), ...person, commitment: CERTIFICATE_COMMITMENT })).body).toMatchObject({ ok: true });
  const reg = await run('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  });
  expect((reg.body as any).data.status).toBe('approved');

  const wx = (global as any).wx;
  Object.assign(wx, {
    createSelectorQuery: () => {
      const picked: string[] = [];
      const query: any = {
        in: () => query,
        select: (sel: string) => {
          picked.push(sel);
          return { fields: () => query, boundingClientRect: () => query, node: () => query };
        },
        selectAll: () => ({ fields: () => query, boundingClientRect: () => query }),
        selectViewport: () => ({ scrollOffset: () => query }),
        // a 240 × 240 px square, as `.qr__canvas` lays out on a 375-px-wide phone
        exec: (cb?: (res: unknown[]) => void) => cb?.(picked.map((sel) => ({ node: canvasFor(sel), width: 240, height: 240 }))),
      };
      return query;
    },
    getScreenBrightness: ({ success, complete }: any) => { const r = { value: 0.4 }; success?.(r); complete?.(r); },
    setScreenBrightness: ({ value, success, complete }: any) => { brightness.push(value); success?.({}); complete?.({}); },
    setKeepScreenOn: ({ keepScreenOn, success, complete }: any) => { brightness.push(keepScreenOn ? 'keepOn' : 'keepOff'); success?.({}); complete?.({}); },
    getFileSystemManager: () => ({
      writeFile: ({ filePath, data, encoding, success }: any) => { files.set(filePath, { data, encoding }); success?.({}); },
    }),
    openDocument: (o: any) => { opened.push({ filePath: o.filePath, fileType: o.fileType }); o.success?.({}); o.complete?.({}); },
    env: { USER_DATA_PATH: 'wxfile://usr' },
  });
  require(join(WEAPP, 'app.js'));
  (global as any).getApp().onLaunch?.({});
}, 60_000);

afterAll(async () => {
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(fn: () => boolean, ms = 20000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting for the page');
    await simulate.sleep(20);
  }
}

describe('我的电子证 on the weapp build: the QR on a canvas, 亮证, the proof PDF', () => {
  let page: any;
  beforeAll(async () => {
    page = simulate.render(simulate.load(join(WEAPP, 'packageMine/certificate/index'), { rootPath: WEAPP }));
    page.attach(document.createElement('parent-wrapper'));
    await until(() => !!page.querySelector('#cert-qr'));
  });

  it('draws the QR on a canvas 2d node, and what is drawn reads back as the token', async () => {
    const qr = page.querySelector('#cert-qr');
    expect(qr.dom.tagName.toLowerCase()).toContain('canvas');
    expect(page.dom.innerHTML).not.toContain('data:image/svg+xml');
    await until(() => (canvases.get('#cert-qr')?.rects.length ?? 0) > 100);
    const canvas = canvases.get('#cert-qr')!;
    // device pixels: 240 px × pixelRatio 2, whole pixels per module
    expect(canvas.width).toBe(480);
    expect(canvas.rects.every((r) => Number.isInteger(r.x) && Number.isInteger(r.w))).toBe(true);
    expect(readCanvas(canvas)).toBe(tokens.at(-1));
    const text = page.dom.textContent as string;
    // the truth about screenshots: the token lives two minutes
    expect(text).toContain('截图在 2 分钟后失效');
    expect(text).not.toContain('截图无法通过核验');
  });

  it('亮证 opens full screen with the brightness raised, the number grouped, and gives the brightness back', async () => {
    page.querySelector('#cert-show-open').dispatchEvent('tap');
    await until(() => !!page.querySelector('#cert-show'));
    await until(() => (canvases.get('#cert-qr-full')?.rects.length ?? 0) > 100);
    expect(readCanvas(canvases.get('#cert-qr-full')!)).toBe(tokens.at(-1));
    const certNo = (page.querySelector('#show-cert-no').dom.textContent as string).trim();
    expect(certNo).toMatch(/^\d{3} \d{3} \d{4} \d{3} \d{3} [\dX]$/);
    expect(page.querySelector('#show-holder').dom.textContent).toContain(`${person.name[0]}*`);
    expect(page.querySelector('#show-holder').dom.textContent).not.toContain(person.name);
    expect(page.querySelector('#show-registration').dom.textContent).toContain('失业登记有效');
    await until(() => brightness.includes(1));
    expect(brightness).toContain('keepOn');

    page.querySelector('#cert-show-close').dispatchEvent('tap');
    await until(() => !page.querySelector('#cert-show'));
    await until(() => brightness.at(-2) === 0.4 || brightness.at(-1) === 0.4);
    expect(brightness.filter((b) => typeof b === 'number')).toEqual([1, 0.4]);
    expect(page.querySelector('#cert-qr')).toBeTruthy();
  });

  it('saves the 失业登记证明 as a PDF file and opens it', async () => {
    page.querySelector('#proof-save').dispatchEvent('tap');
    await until(() => opened.length > 0 || !!page.querySelector('#proof-error'), 30000);
    expect(page.querySelector('#proof-error')).toBeFalsy();
    expect(opened[0]).toMatchObject({ fileType: 'pdf' });
    expect(opened[0].filePath).toMatch(/^wxfile:\/\/usr\/失业登记证明-\d{8}\.pdf$/);
    const file = files.get(opened[0].filePath)!;
    expect(file.encoding).toBe('base64');
    expect(Buffer.from(file.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
