// The npm registry this project installs from here answers 404 for the prebuilt binaries of other
// platforms (@tarojs/binding-darwin-arm64, @unrs/resolver-binding-*, …). npm then writes a lock
// without them, and `npm ci` refuses that lock as "out of sync". This adds the entry a lock made
// with the full registry would have — version plus the os/cpu guards from the package name — so
// `npm ci` accepts the lock and, on linux x64, skips them without fetching anything.
// Run after `npm install` changes the lock: node scripts/lock-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const PLATFORM = /-(darwin|linux|win32|android|freebsd|openharmony)-(arm64|x64|ia32|arm|loong64|ppc64|riscv64|s390x)(?:-(gnu|musl|msvc|eabi|gnueabihf|musleabihf))?$/;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const m = PLATFORM.exec(name);
    if (!m) continue;
    const parentDir = path === '' ? '' : `${path}/`;
    const nested = `${parentDir}node_modules/${name}`;
    if (pkgs[nested] || pkgs[`node_modules/${name}`]) continue;
    const [, os, cpu, abi] = m;
    const entry = { version: spec.replace(/^[\^~=]/, ''), dev: meta.dev || undefined, optional: true, os: [os], cpu: [cpu] };
    if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
    if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
    pkgs[`node_modules/${name}`] = entry;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`platform stubs added: ${added}`);
