/**
 * 失业登记证明 / 就业登记证明 through the real gateway (core/proof.ts; docs/api.md `getRegistrationProof`,
 * `verifyProof`): the person saves a PDF that opens, shows the registration's facts in Chinese with
 * the font embedded, and carries a QR that staff verify — signed with the certificate QR's keys, so
 * jose and the published JWKS alone check it too. Someone else gets nothing; a person without a
 * registration is told so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { createLocalJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import { COMMITMENTS } from '@shared/commitment';
import { maskIdNumber, maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';
const VERIFIER = { openid: 'staff-proof-dalian', name: '林晓燕', region: '2102', role: 'verifier' };

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

/** The PDF's streams, inflated where they are compressed. */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    out.push(/FlateDecode/.test(m[1]) ? (() => { try { return inflateSync(raw).toString('latin1'); } catch { return ''; } })() : raw.toString('latin1'));
  }
  return out;
}

/**
 * Text as a reader would copy it: each shown string's glyph codes mapped through the font's
 * ToUnicode CMap (what pdftotext and every viewer use), in drawing order.
 */
function extractText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = new Map<number, string>();
  const hexToStr = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const s of all.filter((x) => x.includes('begincmap'))) {
    for (const block of s.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(src, 16), hexToStr(dst));
    }
    for (const block of s.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const [, lo, hi, rest] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const a = parseInt(lo, 16);
        const b = parseInt(hi, 16);
        if (rest.startsWith('[')) [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].forEach(([, d], i) => map.set(a + i, hexToStr(d)));
        else for (let c = a; c <= b; c++) map.set(c, String.fromCodePoint(parseInt(rest.slice(1, -1), 16) + (c - a)));
      }
    }
  }
  let out = '';
  for (const s of all.filter((x) => /\bTJ\b|\bTj\b/.test(x))) {
    for (const [, arr] of s.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
      for (const [, hex] of arr.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (const code of hex.match(/.{4}/g) ?? []) out += map.get(parseInt(code, 16)) ?? '\uFFFD';
      }
      out += '\n';
    }
  }
  return out;
}

/** The QR as drawn: the `re` squares of the page, rasterised and read with jsQR as a phone would. */
function readQr(pdf: Buffer): string | null {
  const rects = streams(pdf).flatMap((s) => [...s.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => m.slice(1, 5).map(Number)));
  if (rects.length === 0) return null;
  const unit = Math.min(...rects.map((r) => r[3]));
  const x0 = Math.min(...rects.map((r) => r[0]));
  const y0 = Math.min(...rects.map((r) => r[1]));
  const cols = Math.round((Math.max(...rects.map((r) => r[0] + r[2])) - x0) / unit);
  const rows = Math.round((Math.max(...rects.map((r) => r[1] + r[3])) - y0) / unit);
  const px = 6;
  const quiet = 4;
  const w = (cols + quiet * 2) * px;
  const h = (rows + quiet * 2) * px;
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  for (const [x, y, rw, rh] of rects) {
    const c0 = Math.round((x - x0) / unit) + quiet;
    const r0 = Math.round((y - y0) / unit) + quiet;
    for (let r = r0 * px; r < (r0 + Math.round(rh / unit)) * px; r++) {
      for (let c = c0 * px; c < (c0 + Math.round(rw / unit)) * px; c++) {
        const i = (r * w + c) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return jsQR(data, w, h)?.data ?? null;
}

describe('失业登记证明 through the gateway', () => {
  const holder = makePerson({ region: '210204' });
  const stranger = makePerson({ region: '210204' });
  const HOLDER = 'openid-proof-holder';
  const OTHER = 'openid-proof-other';
  const STRANGER = 'openid-proof-stranger';
  const gov: GovFileContent = { persons: [govRecord(holder), govRecord(stranger)], staff: [VERIFIER] };
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-proof-'));
  let gw: TestGateway;
  let pdf: Buffer;
  let fileName: string;

  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov, dataDir });
    const reg = await gw.call('submitUnemploymentRegistration', unemploymentForm(holder), HOLDER);
    expect(reg.json.data.status).toBe('approved');
    // the stranger is a real, checked person too — with no registration
    const cert = await gw.call('applyCertificate', { requestId: requestId(), ...stranger }, STRANGER);
    expect(cert.json.data.status).toBe('approved');
    const { status, json } = await gw.call('getRegistrationProof', { kind: 'unemployment' }, HOLDER);
    expect(status).toBe(200);
    pdf = Buffer.from(json.data.pdfBase64, 'base64');
    fileName = json.data.fileName;
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is a PDF with the Chinese font embedded as a subset', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).toMatch(/\/FontDescriptor/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiMicroHei/);
    expect(text).toMatch(/\/ToUnicode \d+ 0 R/);
    // a subset, not the 5 MB collection
    expect(pdf.length).toBeLessThan(200_000);
    expect(fileName).toBe('失业登记证明-20260310.pdf');
  });

  it('shows the facts in Chinese: title, masked ID number, kind, region, since, status, issue date, office', () => {
    const text = extractText(pdf);
    expect(text).toContain('失业登记证明');
    expect(text).toContain(holder.name);
    expect(text).toContain(maskIdNumber(holder.idNumber));
    expect(text).not.toContain(holder.idNumber);
    expect(text).toContain(regionName('210204'));
    expect(text).toContain('失业登记有效');
    expect(text).toContain('2026-03-10');
    // a wrapped sentence: compare without the line breaks and spaces
    expect(text.replace(/[\s·]/g, '')).toContain(`兹证明${holder.name}于2026年3月10日在${regionName('210204')!.replace(/ /g, '')}办理失业登记，截至2026年3月10日该登记有效。`);
    expect(text).toMatch(/开具机构/);
  });

  it('carries a QR that staff verify, signed with the published keys', async () => {
    const token = readQr(pdf);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // any JOSE library with the JWKS alone: same keys and scheme as the certificate QR
    const jwks = await (await fetch(`${gw.url}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(token!, createLocalJWKSet(jwks), { currentDate: new Date(NOW) });
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'k', 'r']);
    expect(JSON.stringify(payload)).not.toContain(holder.idNumber);
    const { status, json } = await gw.call('verifyProof', { token }, VERIFIER.openid);
    expect(status).toBe(200);
    expect(json.data).toMatchObject({
      valid: true, title: '失业登记证明', holderName: maskName(holder.name), registrationStatus: 'active',
      registrationStatusText: '失业登记有效', issuedOn: '2026-03-10', validUntil: '2026-04-09',
    });
    // a citizen cannot verify; a tampered token does not pass
    expect((await gw.call('verifyProof', { token }, HOLDER)).status).toBe(403);
    const [h, p, s] = token!.split('.');
    const forged = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BA' : 'AA'}`;
    expect((await gw.call('verifyProof', { token: forged }, VERIFIER.openid)).json.data).toMatchObject({ valid: false, reason: 'bad_signature' });
    // the holder is told their proof was checked
    const messages = (await gw.call('listMyMessages', {}, HOLDER)).json.data.messages;
    expect(messages.some((m: { title: string }) => m.title === '登记证明核验提醒')).toBe(true);
  });

  it('answers a person without that registration with a clear 404, and another openid with nothing', async () => {
    const none = await gw.call('getRegistrationProof', { kind: 'unemployment' }, STRANGER);
    expect(none.status).toBe(404);
    expect(none.json.error!.message).toContain('没有找到您本人的失业登记记录');
    const flexible = await gw.call('getRegistrationProof', { kind: 'flexible' }, HOLDER);
    expect(flexible.status).toBe(404);
    expect(flexible.json.error!.message).toContain('不能开具就业登记证明');
    const other = await gw.call('getRegistrationProof', { kind: 'unemployment' }, OTHER);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.json)).not.toContain('pdfBase64');
    const bad = await gw.call('getRegistrationProof', { kind: 'x' }, HOLDER);
    expect(bad.status).toBe(400);
    expect(bad.json.error!.fields).toEqual({ kind: '请选择要开具的证明：失业登记证明或就业登记证明' });
  });

  it('stops verifying after its 30 days', async () => {
    const token = readQr(pdf)!;
    await gw.close(true);
    gw = await startTestGateway({ now: '2026-04-10T10:00:00+08:00', gov, dataDir });
    const { json } = await gw.call('verifyProof', { token }, VERIFIER.openid);
    expect(json.data).toMatchObject({ valid: false, reason: 'expired', reasonText: '证明已过有效期，请持证人重新开具' });
  });
});
