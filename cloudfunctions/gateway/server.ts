/**
 * The local gateway (docs/api.md — a fixed contract: outside checkers drive the product
 * through it). One HTTP server on 127.0.0.1:PORT: `/healthz`, `POST /api/<action>`,
 * `/.well-known/jwks.json`, and the H5 build at `/`.
 */
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { fail } from '../../shared/api';
import { dispatch } from '../core/dispatch';
import { logLine } from '../core/log';
import { localRuntime, type LocalConfig } from './local-deps';
import { staticFiles } from './static';

export const MAX_BODY = 64 * 1024;

export interface GatewayConfig extends LocalConfig {
  port: number;
  host?: string;
  /** the H5 build to serve at `/` */
  staticDir: string;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<{ tooLarge: boolean; text: string }> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolveBody({ tooLarge, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

function serveStatic(files: ReturnType<typeof staticFiles>, staticDir: string, urlPath: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const root = resolve(staticDir);
  let file = normalize(join(root, decodeURIComponent(urlPath)));
  if (!file.startsWith(root)) return send(res, 404, fail('NOT_FOUND', '页面不存在'));
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    return res.end('<!doctype html><meta charset="utf-8"><p>页面尚未构建：请先运行 npm run build:h5</p>');
  }
  // compressed (brotli / gzip) and cached by how the file is named: gateway/static.ts
  files.send(req, res, file);
}

export async function startGateway(cfg: GatewayConfig) {
  const rt = localRuntime(cfg);
  const write = cfg.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const files = staticFiles();
  const extraRoutes = new Map<string, (res: http.ServerResponse) => Promise<void>>();

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/healthz') return send(res, 200, { ok: true });
      // docs/api.md: the public keys of the certificate QR tokens. Short cache: after a rotation
      // verifiers see the new key within a minute (and jose's remote JWKS refetches on an unknown kid).
      if (url.pathname === '/.well-known/jwks.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        return send(res, 200, await rt.qrKeys.jwks(rt.clock.now()), { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=60' });
      }
      const extra = extraRoutes.get(url.pathname);
      if (extra && req.method === 'GET') return await extra(res);
      if (url.pathname.startsWith('/api/')) {
        const action = url.pathname.slice('/api/'.length);
        if (req.method !== 'POST') return send(res, 405, fail('NOT_FOUND', '请用 POST 调用'), { allow: 'POST' });
        const body = await readBody(req);
        if (body.tooLarge) return send(res, 413, fail('PAYLOAD_TOO_LARGE', '提交的内容过大（超过 64 KB），请删减后再试'));
        let input: unknown = {};
        if (body.text.trim().length > 0) {
          try {
            input = JSON.parse(body.text);
          } catch {
            return send(res, 400, fail('VALIDATION_FAILED', '提交的数据格式有误，请刷新页面后重试'));
          }
        }
        const header = req.headers['x-dev-openid'];
        const openid = typeof header === 'string' && header.trim() ? header.trim().slice(0, 128) : null;
        const caller = await rt.callerFor(openid);
        const out = await dispatch(action, input, rt.depsFor(caller), { local: true });
        write(logLine('api', { action: action.slice(0, 64), status: out.status, ms: Date.now() - started, staff: caller.staff ? caller.staff.openid : undefined }, rt.clock.now()));
        return send(res, out.status, out.body);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 404, fail('NOT_FOUND', '页面不存在'));
      return serveStatic(files, cfg.staticDir, url.pathname, req, res);
    } catch (err) {
      write(logLine('gateway.error', { path: url.pathname, error: err instanceof Error ? err.message : String(err) }));
      if (!res.headersSent) send(res, 500, fail('INTERNAL', '系统繁忙，请稍后再试'));
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
