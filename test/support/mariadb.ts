/**
 * A real MariaDB server for the tests (docs/store.md "Tests"): Debian's mariadb-server binary,
 * started on a private data folder under the temp directory and a random loopback port, as the
 * user running the tests (`--user=root` when that is root). The data folder is initialised once
 * per machine (mariadb-install-db, ≈ 5 s) into a template that each server copies (≈ 50 ms), so a
 * test file that needs a server pays about a second to start it.
 *
 * `startMariadb()` returns a server with an account `jiuye`/`jiuye` on 127.0.0.1 that may create
 * databases; `freshDatabase()` makes an empty one and returns its mysql:// URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

const BINARIES = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd'];
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'];

export function mariadbBinary(): string {
  const found = [process.env.MARIADBD, ...BINARIES].find((b) => b && fs.existsSync(b));
  if (!found) throw new Error('mariadbd not found: apt-get install -y mariadb-server (.ci/run does it)');
  return found;
}

function installDbBinary(): string {
  const found = INSTALL_DB.find((b) => fs.existsSync(b));
  if (!found) throw new Error('mariadb-install-db not found: apt-get install -y mariadb-server');
  return found;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The initialised data folder every server copies; made once (mkdir is the lock between workers). */
function templateDir(): string {
  const version = spawnSync(mariadbBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/[^A-Za-z0-9.]+/g, '-').slice(0, 80);
  const base = path.join(os.tmpdir(), `jiuye-mariadb-template-${version}`);
  const ready = path.join(base, 'READY');
  if (fs.existsSync(ready)) return path.join(base, 'data');
  const lock = `${base}.lock`;
  let mine = false;
  try {
    fs.mkdirSync(lock);
    mine = true;
  } catch {
    // another worker is making it
  }
  if (mine) {
    try {
      fs.rmSync(base, { recursive: true, force: true });
      fs.mkdirSync(base, { recursive: true });
      const data = path.join(base, 'data');
      const args = ['--no-defaults', '--auth-root-authentication-method=normal', `--datadir=${data}`, '--skip-test-db'];
      if (asRoot) args.push('--user=root');
      const r = spawnSync(installDbBinary(), args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mariadb-install-db failed: ${r.stderr || r.stdout}`);
      fs.writeFileSync(ready, 'ok');
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  } else {
    const until = Date.now() + 120_000;
    while (!fs.existsSync(ready)) {
      if (Date.now() > until) throw new Error('timed out waiting for the MariaDB template data folder');
      spawnSync('sleep', ['0.2']);
    }
  }
  return path.join(base, 'data');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface MariadbServer {
  port: number;
  socket: string;
  /** mysql://jiuye:jiuye@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** a new empty database (dropped by stop) */
  freshDatabase(prefix?: string): Promise<string>;
  /** a connection as root over the private socket (faults: KILL, lock holders) */
  admin(): Promise<mysql.Connection>;
  stop(): Promise<void>;
  /** server log, for failures */
  log(): string;
}

let counter = 0;

export async function startMariadb(): Promise<MariadbServer> {
  const template = templateDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdb-'));
  const data = path.join(dir, 'data');
  fs.cpSync(template, data, { recursive: true });
  const socket = path.join(dir, 's.sock');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  const args = [
    '--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1',
    `--pid-file=${path.join(dir, 'server.pid')}`, `--log-error=${logFile}`, '--skip-name-resolve',
    // small footprint (2 cores, other helpers): durability settings stay the defaults
    // (innodb_flush_log_at_trx_commit=1) so the crash and benchmark figures are honest
    '--innodb-buffer-pool-size=64M', '--innodb-log-file-size=48M', '--max-connections=200',
    '--skip-log-bin', '--performance-schema=OFF',
  ];
  if (asRoot) args.push('--user=root');
  const child: ChildProcess = spawn(mariadbBinary(), args, { stdio: 'ignore', detached: false });
  let exited = false;
  child.once('exit', () => (exited = true));
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

  const admin = () => mysql.createConnection({ socketPath: socket, user: 'root', multipleStatements: true });
  const until = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`mariadbd exited at start:\n${readLog().slice(-2000)}`);
    try {
      const c = await admin();
      await c.query("CREATE USER IF NOT EXISTS 'jiuye'@'127.0.0.1' IDENTIFIED BY 'jiuye'; GRANT ALL PRIVILEGES ON *.* TO 'jiuye'@'127.0.0.1'; FLUSH PRIVILEGES");
      await c.end();
      break;
    } catch (e) {
      if (Date.now() > until) throw new Error(`mariadbd did not answer within 60 s: ${String(e)}\n${readLog().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const databases: string[] = [];
  const url = (db: string) => `mysql://jiuye:jiuye@127.0.0.1:${port}/${db}`;
  return {
    port,
    socket,
    url,
    async freshDatabase(prefix = 't') {
      const name = `${prefix}_${process.pid}_${++counter}`;
      const c = await admin();
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      await c.end();
      databases.push(name);
      return url(name);
    },
    admin,
    log: readLog,
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await gone;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
