/**
 * The H5 build as the gateway sends it (cloudfunctions/gateway/static.ts): compressed for a slow
 * network, cached for a year when the name carries a content hash, revalidated otherwise.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding } from '../../cloudfunctions/gateway/static';
import { startTestGateway, type TestGateway } from '../support/gateway';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((ok, bad) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', bad);
  });
}

describe('H5 files from the gateway', () => {
  let site: string;
  let gw: TestGateway;
  // A page script as the build names it (content hash), repetitive like real minified code.
  const script = Array.from({ length: 400 }, (_, i) => `function f${i}(a){return a+${i}}`).join(';');
  const html = `<!doctype html><html><head><script defer src="/js/app.1a2b3c4d.js"></script></head><body>${'<div id="app"></div>'.repeat(40)}</body></html>`;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'jy-static-'));
    mkdirSync(join(site, 'js'));
    writeFileSync(join(site, 'js/app.1a2b3c4d.js'), script);
    writeFileSync(join(site, 'index.html'), html);
    writeFileSync(join(site, 'plain.js'), script);
    gw = await startTestGateway({ staticDir: site });
  });
  afterAll(async () => {
    await gw.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('sends brotli when the browser takes it, gzip otherwise, and the file as is to anyone else', async () => {
    const br = await get(`${gw.url}/js/app.1a2b3c4d.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 4);

    const gz = await get(`${gw.url}/js/app.1a2b3c4d.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(`${gw.url}/js/app.1a2b3c4d.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed files for a year; index.html and unhashed names are revalidated (304 on a matching ETag)', async () => {
    const hashed = await get(`${gw.url}/js/app.1a2b3c4d.js`, { 'accept-encoding': 'br' });
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get(`${gw.url}/`, { 'accept-encoding': 'br' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(index.body).toString()).toBe(html);
    expect((await get(`${gw.url}/plain.js`)).headers['cache-control']).toBe('no-cache');
    const again = await get(`${gw.url}/`, { 'accept-encoding': 'br', 'if-none-match': String(index.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // another encoding is another ETag: a cached brotli body never answers a gzip-only request
    const gzip = await get(`${gw.url}/`, { 'accept-encoding': 'gzip', 'if-none-match': String(index.headers.etag) });
    expect(gzip.status).toBe(200);
    expect(gunzipSync(gzip.body).toString()).toBe(html);
  });

  it('uses the build’s .br sibling when it matches the file, and ignores a stale one', async () => {
    const file = join(site, 'js/page.0badc0de.js');
    writeFileSync(file, script);
    const sibling = brotliCompressSync(Buffer.from(script));
    writeFileSync(`${file}.br`, sibling);
    const fresh = await get(`${gw.url}/js/page.0badc0de.js`, { 'accept-encoding': 'br' });
    expect(fresh.body.equals(sibling)).toBe(true);

    const other = join(site, 'js/old.0badf00d.js');
    writeFileSync(other, script);
    writeFileSync(`${other}.br`, brotliCompressSync(Buffer.from('stale build')));
    const stale = await get(`${gw.url}/js/old.0badf00d.js`, { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(stale.body).toString()).toBe(script);
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
