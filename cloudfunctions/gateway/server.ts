/**
 * The local gateway (docs/api.md — a fixed contract: outside checkers drive the product
 * through it). One HTTP server on 127.0.0.1:PORT: `/healthz`, `POST /api/<action>`,
 * `/.well-known/jwks.json`, `/.well-known/revocations`, and the H5 build at `/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fail } from '@shared/api';
import { dispatch } from '../core/dispatch';
import { logLine } from '../core/log';
import { signedRevocations } from '../core/revocations';
import { localRuntime, type LocalConfig } from './local-deps';
import { staticFiles } from './static';

export const MAX_BODY = 64 * 1024;

export interface GatewayConfig extends LocalConfig {
  port: number;
  host?: string;
  /** the H5 build to serve at `/` */
  staticDir: string;
  /** host names the server answers to besides localhost and 127.0.0.1 (default from env `HOSTS`, comma-separated) */
  hosts?: string[];
}

// ---- HTTP hygiene (docs/security.md "Gateway") ---------------------------------------------------

/**
 * Headers on every answer. The CSP fits the H5 build: scripts, styles, fonts and calls from this
 * origin only (Taro sets inline style attributes, hence 'unsafe-inline' for styles alone); images
 * may be data:/blob: (the QR code, the signature pad); nothing may frame the app.
 */
function h5Csp(inlineScriptHashes: string[] = []): string {
  return [
    "default-src 'self'", `script-src 'self'${inlineScriptHashes.map((h) => ` '${h}'`).join('')}`, "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "media-src 'self' blob:", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The page's own inline scripts (Taro's H5 template inlines its viewport/rem snippet) are allowed by
 * their hash, so the CSP needs no 'unsafe-inline' for scripts: an injected script has no hash.
 */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    out.push(`sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
  }
  return out;
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** The host names a request may name (DNS rebinding: a page on another name must not reach the API). */
export function allowedHosts(extra: string[] = []): Set<string> {
  return new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map((h) => h.trim().toLowerCase()).filter(Boolean)]);
}

/** `Host: name:port` → name (IPv6 literals keep their brackets); null when absent or malformed. */
export function hostName(header: string | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1] : null;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, 'content-security-policy': API_CSP, ...headers });
  res.end(text);
}

function hasBody(req: http.IncomingMessage): boolean {
  const declared = req.headers['content-length'];
  return (declared !== undefined && declared !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** 413 at once: the rest of the body is not read, and the connection is closed after the answer. */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  send(res, 413, fail('PAYLOAD_TOO_LARGE', '提交的内容过大（超过 64 KB），请删减后再试'), { connection: 'close' });
  res.on('finish', () => req.socket.destroySoon?.());
}

/** The body, or null once it passes MAX_BODY (the caller answers 413 and reads no further). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        done = true;
        req.off('data', onData);
        req.pause();
        return resolveBody(null);
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => { if (!done) resolveBody(Buffer.concat(chunks).toString('utf8')); });
    req.on('error', (e) => { if (!done) reject(e); });
  });
}

/**
 * A URL path → a file inside the H5 root, or null. Decoded once (a malformed escape is the
 * caller's 400), refused when it holds a NUL or a backslash (never a separator on the web; Windows
 * would take it for one), then resolved and compared with the root *plus a separator*, so a
 * sibling folder (`/srv/h5-old` next to `/srv/h5`) is outside.
 */
export function staticPath(root: string, urlPath: string): string | null | 'malformed' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'malformed';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

function serveStatic(files: ReturnType<typeof staticFiles>, staticDir: string, urlPath: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const root = resolve(staticDir);
  const found = staticPath(root, urlPath);
  if (found === 'malformed') return send(res, 400, fail('VALIDATION_FAILED', '网址格式不正确'));
  if (found === null) return send(res, 404, fail('NOT_FOUND', '页面不存在'));
  let file = found;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  const html = { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, 'content-security-policy': h5Csp() };
  if (!existsSync(file)) {
    res.writeHead(503, html);
    return res.end('<!doctype html><meta charset="utf-8"><p>页面尚未构建：请先运行 npm run build:h5</p>');
  }
  // the page's own inline scripts by hash; compressed (brotli / gzip) and cached by name: gateway/static.ts
  const csp = extname(file) === '.html' ? h5Csp(inlineScriptHashes(readFileSync(file, 'utf8'))) : h5Csp();
  files.send(req, res, file, { ...SECURITY_HEADERS, 'content-security-policy': csp });
}

export async function startGateway(cfg: GatewayConfig) {
  const rt = localRuntime(cfg);
  const write = cfg.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const files = staticFiles();
  const extraRoutes = new Map<string, (res: http.ServerResponse) => Promise<void>>();

  const hosts = allowedHosts(cfg.hosts ?? (process.env.HOSTS ?? '').split(','));

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    // an answer given before the request body was read closes the connection: the unread rest
    // must not be taken for the next request on a kept-alive socket
    let bodyRead = false;
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      send(res, status, payload, !bodyRead && hasBody(req) ? { connection: 'close', ...headers } : headers);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return reply(400, fail('VALIDATION_FAILED', '网址格式不正确'));
    }
    try {
      // DNS rebinding: only the configured host names (docs/api.md Additions: HOSTS)
      const host = hostName(req.headers.host);
      if (!host || !hosts.has(host)) return reply(421, fail('FORBIDDEN', '不接受通过这个地址访问'), { connection: 'close' });
      if (url.pathname === '/healthz') return reply(200, { ok: true });
      // docs/api.md: the public keys of the certificate QR tokens. Short cache: after a rotation
      // verifiers see the new key within a minute (and jose's remote JWKS refetches on an unknown kid).
      if (url.pathname === '/.well-known/jwks.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        return reply(200, await rt.qrKeys.jwks(rt.clock.now()), { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=60' });
      }
      // docs/api.md: the signed revocation list (core/revocations.ts), a compact JWS verifiable with the
      // JWKS above; signed afresh per request, so a short shared cache is all it needs.
      if (url.pathname === '/.well-known/revocations' && (req.method === 'GET' || req.method === 'HEAD')) {
        const signed = await signedRevocations(rt.depsFor({ openid: null, staff: null }));
        if (!signed) return reply(503, fail('UNAVAILABLE', '电子证服务暂不可用，请稍后再试'));
        res.writeHead(200, { 'content-type': 'application/jwt', 'cache-control': 'public, max-age=60', ...SECURITY_HEADERS, 'content-security-policy': API_CSP });
        return res.end(req.method === 'HEAD' ? undefined : signed.list);
      }
      const extra = extraRoutes.get(url.pathname);
      if (extra && req.method === 'GET') return await extra(res);
      if (url.pathname.startsWith('/api/')) {
        const action = url.pathname.slice('/api/'.length);
        if (req.method !== 'POST') return reply(405, fail('METHOD_NOT_ALLOWED', '请用 POST 调用'), { allow: 'POST' });
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_BODY) return tooLarge(req, res);
        const text = await readBody(req);
        if (text === null) return tooLarge(req, res);
        bodyRead = true;
        let input: unknown = {};
        if (text.trim().length > 0) {
          try {
            input = JSON.parse(text);
          } catch {
            return reply(400, fail('VALIDATION_FAILED', '提交的数据格式有误，请刷新页面后重试'));
          }
        }
        const header = req.headers['x-dev-openid'];
        const openid = typeof header === 'string' && header.trim() ? header.trim().slice(0, 128) : null;
        // the socket peer, for the public actions' per-caller limits (viewSharedCertificate.handler.ts); no proxy header is trusted
        const caller = { ...(await rt.callerFor(openid)), address: req.socket.remoteAddress ?? null };
        const out = await dispatch(action, input, rt.depsFor(caller), { local: true });
        write(logLine('api', { action: action.slice(0, 64), status: out.status, ms: Date.now() - started, staff: caller.staff ? caller.staff.openid : undefined }, rt.clock.now()));
        return reply(out.status, out.body);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, fail('METHOD_NOT_ALLOWED', '请求方式不正确'), { allow: 'GET, HEAD' });
      return serveStatic(files, cfg.staticDir, url.pathname, req, res);
    } catch (err) {
      write(logLine('gateway.error', { path: url.pathname, error: err instanceof Error ? err.message : String(err) }));
      if (!res.headersSent) reply(500, fail('INTERNAL', '系统繁忙，请稍后再试'));
      else res.end();
    }
  });

  await new Promise<void>((ok) => server.listen(cfg.port, cfg.host ?? '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  return {
    server,
    port,
    runtime: rt,
    route(path: string, handler: (res: http.ServerResponse) => Promise<void>) {
      extraRoutes.set(path, handler);
    },
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await rt.close();
    },
  };
}
