/**
 * Sending one file of the H5 build (docs/performance.md "H5"): compressed, with cache lifetimes
 * that fit how the file is named. server.ts decides WHICH file (path resolution, headers common
 * to every answer); this module decides HOW it is sent.
 *
 * - Compression: on a slow 3G phone (≈ 400 kbit/s) the transfer is most of the wait, and the
 *   build's JavaScript shrinks to about a quarter with brotli. The build writes `<file>.br` and
 *   `<file>.gz` next to each text file (client/config/compress.ts); a file without them (an older
 *   build, a file added by hand) is compressed here once, on its first request, and kept in
 *   memory. brotli when the browser accepts it, else gzip, else the file as it is.
 * - Caching: names carrying a content hash (`js/app.1a2b3c4d.js`) never change content, so they
 *   are cached for a year as immutable; everything else (index.html names the hashed files) is
 *   revalidated on every visit with an ETag, which costs one small 304 round trip.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type http from 'node:http';
import { extname } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

export const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.map': 'application/json',
};

/** Text types worth compressing (images and woff2 are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt']);
/** Below this, compression saves less than its own header bytes. */
const MIN_COMPRESS = 256;
/** `name.<8+ hex>.ext` as the build names its chunks (client/config/index.ts output). */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the request accepts (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding ?? '';
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

interface Variant { body: Buffer; etag: string }
interface Entry { mtimeMs: number; size: number; variants: Partial<Record<Encoding, Variant>> }

/** Compressed variants of a file, from the build's siblings or made once here. */
function compress(file: string, raw: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  if (existsSync(sibling)) {
    // Used only when it still matches the file (a rebuild may have left an old one): decoding
    // is cheap next to brotli's quality 11, and it runs once per file and process.
    const packed = readFileSync(sibling);
    try {
      if ((encoding === 'br' ? brotliDecompressSync(packed) : gunzipSync(packed)).equals(raw)) return packed;
    } catch { /* not a valid sibling: compress below */ }
  }
  return encoding === 'br'
    ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gzipSync(raw, { level: 9 });
}

export function staticFiles() {
  const cache = new Map<string, Entry>();

  const variant = (file: string, encoding: Encoding): Variant => {
    const st = statSync(file);
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
      entry = { mtimeMs: st.mtimeMs, size: st.size, variants: {} };
      cache.set(file, entry);
    }
    let v = entry.variants[encoding];
    if (!v) {
      const raw = readFileSync(file);
      const body = encoding === 'identity' ? raw : compress(file, raw, encoding);
      const tag = createHash('sha1').update(raw).digest('base64url').slice(0, 16);
      v = { body, etag: `"${tag}${encoding === 'identity' ? '' : `-${encoding}`}"` };
      entry.variants[encoding] = v;
    }
    return v;
  };

  /**
   * Sends `file` (an existing regular file inside the static root, chosen by the caller).
   * `headers` are added to every answer (the caller's common headers).
   */
  function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string> = {}): void {
    const ext = extname(file).toLowerCase();
    const size = statSync(file).size;
    const encoding: Encoding = COMPRESSIBLE.has(ext) && size >= MIN_COMPRESS ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const v = variant(file, encoding);
    const out: Record<string, string> = {
      'content-type': STATIC_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: v.etag,
      vary: 'accept-encoding',
      ...headers,
    };
    if (encoding !== 'identity') out['content-encoding'] = encoding;
    const inm = req.headers['if-none-match'];
    if (typeof inm === 'string' && inm.split(',').map((s) => s.trim()).includes(v.etag)) {
      res.writeHead(304, out);
      return void res.end();
    }
    out['content-length'] = String(v.body.length);
    res.writeHead(200, out);
    res.end(req.method === 'HEAD' ? undefined : v.body);
  }

  return { send };
}
