// Bundles each CloudBase function (cloudfunctions/functions/<name>/index.ts) with esbuild into a
// deployable folder build/cloudfunctions/<name>/ {index.js, config.json, package.json}.
// shared/ and the libraries are bundled in; the SDKs the platform installs on deploy
// (wx-server-sdk, tencentcloud-sdk-nodejs-*) are left out and listed in package.json instead.
// docs/architecture.md: "Share code by bundling, not copying".
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'cloudfunctions/functions');
const out = join(root, 'build/cloudfunctions');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// mysql2 too: bundled it adds ≈ 1 MB (iconv-lite's code pages) to every function; installed by the
// platform (installDependency) it is loaded from node_modules like the SDKs.
const platformInstalled = ['wx-server-sdk', 'tencentcloud-sdk-nodejs-common', 'tencentcloud-sdk-nodejs-sms', 'tencentcloud-sdk-nodejs-ocr', 'mysql2'];

rmSync(out, { recursive: true, force: true });
const sizes = {};
for (const name of readdirSync(src)) {
  const dir = join(src, name);
  if (!statSync(dir).isDirectory()) continue;
  const target = join(out, name);
  mkdirSync(target, { recursive: true });
  const result = await build({
    entryPoints: [join(dir, 'index.ts')],
    outfile: join(target, 'index.js'),
    bundle: true,
    // the product's shared rules, schemas and code tables (repository `shared/`)
    alias: { '@shared': join(root, 'shared') },
    platform: 'node',
    target: 'node22', // the functions' runtime (config.json: Nodejs22.21)
    format: 'cjs',
    minify: true,
    sourcemap: false,
    external: [...platformInstalled, 'better-sqlite3'],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs);
  if (inputs.some((i) => i.includes('better-sqlite3') || i.includes('gateway/'))) throw new Error(`${name}: a local-only module got into the bundle`);
  copyFileSync(join(dir, 'config.json'), join(target, 'config.json'));
  // only the platform-installed packages this function's bundle requires (the scheduler has no FaceID SDK)
  const text = readFileSync(join(target, 'index.js'), 'utf8');
  const deps = Object.fromEntries(platformInstalled.filter((p) => text.includes(`require("${p}`)).map((p) => [p, rootPkg.dependencies[p]]));
  writeFileSync(join(target, 'package.json'), JSON.stringify({ name, version: rootPkg.version, private: true, main: 'index.js', dependencies: deps }, null, 2) + '\n');
  sizes[name] = statSync(join(target, 'index.js')).size;
}
for (const [name, size] of Object.entries(sizes)) console.log(`cloudfunction ${name}: ${(size / 1024).toFixed(1)} KB`);
