/**
 * The real gateway as a separate process (`node --import tsx cloudfunctions/gateway/main.ts`, the
 * entry `npm run serve` uses), so a test can `kill -9` it and start it again on the same DATA_DIR.
 * One process: `npx tsx` would put a second node process under the one we kill, which then lives on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ChildGateway {
  url: string;
  child: ChildProcess;
  /** everything the process wrote to stdout and stderr */
  output: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => ok(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((ok) => child.once('exit', () => ok()));
}

export async function spawnGateway(o: { dataDir: string; govFile: string; now: string; output: string[]; env?: Record<string, string> }): Promise<ChildGateway> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/gateway/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: o.dataDir, GOV_DATA_FILE: o.govFile, NOW: o.now, STATIC_DIR: resolve(o.dataDir, 'no-h5'), ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => o.output.push(d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => o.output.push(d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited at start: ${o.output.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not start in 30 s: ${o.output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: o.output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export async function post(url: string, action: string, body: unknown, openid: string | null): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${url}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text), text };
}
