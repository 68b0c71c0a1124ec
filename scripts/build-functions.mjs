// Bundles each CloudBase function (cloudfunctions/functions/<name>/index.ts) with esbuild into a
// deployable folder build/cloudfunctions/<name>/ {index.js, config.json, package.json}.
// shared/ and the libraries are bundled in; the SDKs the platform installs on deploy
// (wx-server-sdk, tencentcloud-sdk-nodejs-*, mysql2, pdfkit) are left out and listed in package.json instead.
// docs/architecture.md: "Share code by bundling, not copying".
//
// Each bundle holds only what its entry imports: the function's registry (core/handlers/<fn>.registry.ts)
// and the adapters its entry composes. What a bundle holds, file by file, is written beside the
// folders as an esbuild metafile (build/cloudfunctions.meta/<name>.json; esbuild's analyzer reads it).
//   node scripts/build-functions.mjs [--out <folder>] [--readable]
// --out: another folder than build/cloudfunctions (tests); --readable: not minified, same contents
// (to read what a bundle holds; test/unit/function-bundles.test.ts).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'cloudfunctions/functions');
const arg = (flag) => { const i = process.argv.indexOf(flag); return i < 0 ? undefined : process.argv[i + 1]; };
const out = resolve(root, arg('--out') ?? 'build/cloudfunctions');
const metaOut = `${out}.meta`;
const readable = process.argv.includes('--readable');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Installed by the platform (installDependency) and loaded from node_modules, not bundled:
// mysql2 — bundled it adds ≈ 1 MB (iconv-lite's code pages) to every function;
// pdfkit — the citizen's 失业登记证明 (core/proof.pdf.ts); bundled it adds ≈ 1 MB (fontkit and the
// brotli decoder fontkit keeps for WOFF2 fonts) to the citizen function, and pdfkit reads its own
// data files from its package folder.
const platformInstalled = ['wx-server-sdk', 'tencentcloud-sdk-nodejs-common', 'tencentcloud-sdk-nodejs-sms', 'tencentcloud-sdk-nodejs-ocr', 'mysql2', 'pdfkit'];

// zod's `z` namespace re-exports its index of ≈ 50 locales (z.locales, ≈ 260 KB minified); esbuild keeps a
// re-exported namespace whole, so that index is replaced by the locales the code names — zod's own
// default (en) and every `z.locales.<name>` in shared/ and cloudfunctions/ (shared/zod-kit.ts: zhCN).
// The client build does the same (client/config/index.ts, client/src/services/zod-locales.ts).
const zodLocalesDir = dirname(createRequire(import.meta.url).resolve('zod/v4/locales'));
const zodLocaleFiles = Object.fromEntries([...readFileSync(join(zodLocalesDir, 'index.js'), 'utf8').matchAll(/export \{ default as (\w+) \} from "\.\/([\w-]+\.js)"/g)].map((m) => [m[1], m[2]]));
function localesNamed() {
  const names = new Set(['en']);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); continue; }
      if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) continue;
      const text = readFileSync(p, 'utf8');
      for (const m of text.matchAll(/\bz\.locales\b(\.(\w+))?/g)) {
        if (!m[2] || !zodLocaleFiles[m[2]]) throw new Error(`${p}: name a zod locale as z.locales.<name> (one of zod's), not ${m[0]}`);
        names.add(m[2]);
      }
    }
  };
  walk(join(root, 'shared'));
  walk(join(root, 'cloudfunctions'));
  return [...names].sort();
}
const zodLocales = localesNamed();
const slimZodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: zodLocales.map((n) => `export { default as ${n} } from ${JSON.stringify(join(zodLocalesDir, zodLocaleFiles[n]))};`).join('\n'),
      loader: 'js',
      resolveDir: zodLocalesDir,
    }));
  },
};

rmSync(out, { recursive: true, force: true });
rmSync(metaOut, { recursive: true, force: true });
mkdirSync(metaOut, { recursive: true });
const sizes = {};
for (const name of readdirSync(src)) {
  const dir = join(src, name);
  if (!statSync(dir).isDirectory()) continue;
  const target = join(out, name);
  mkdirSync(target, { recursive: true });
  // the runtime the function is deployed on (config.json, e.g. Nodejs22.21) sets the bundle's syntax
  // target and its package.json engines (docs/runtime.md)
  const runtime = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).runtime;
  const major = Number(/^Nodejs(\d+)\.\d+$/.exec(runtime ?? '')?.[1]);
  if (!major) throw new Error(`${name}/config.json: runtime ${runtime} is not one of CloudBase's NodejsNN.NN`);
  const result = await build({
    entryPoints: [join(dir, 'index.ts')],
    outfile: join(target, 'index.js'),
    bundle: true,
    // the product's shared rules, schemas and code tables (repository `shared/`)
    alias: { '@shared': join(root, 'shared') },
    platform: 'node',
    target: `node${major}`,
    format: 'cjs',
    minify: !readable,
    sourcemap: false,
    external: [...platformInstalled, 'better-sqlite3'],
    plugins: [slimZodLocales],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
  });
  const inputs = Object.keys(result.metafile.inputs);
  if (inputs.some((i) => i.includes('better-sqlite3') || i.includes('gateway/'))) throw new Error(`${name}: a local-only module got into the bundle`);
  const installedInside = platformInstalled.filter((p) => inputs.some((i) => i.includes(`node_modules/${p}/`)));
  if (installedInside.length) throw new Error(`${name}: ${installedInside.join(', ')} got into the bundle; the platform installs it`);
  writeFileSync(join(metaOut, `${name}.json`), JSON.stringify(result.metafile));
  copyFileSync(join(dir, 'config.json'), join(target, 'config.json'));
  // only the platform-installed packages this function's bundle requires or imports when first used
  // (the scheduler has no FaceID SDK; pdfkit is imported at the citizen's first proof)
  const text = readFileSync(join(target, 'index.js'), 'utf8');
  const deps = Object.fromEntries(platformInstalled.filter((p) => text.includes(`require("${p}`) || text.includes(`import("${p}`)).map((p) => [p, rootPkg.dependencies[p]]));
  writeFileSync(join(target, 'package.json'), JSON.stringify({ name, version: rootPkg.version, private: true, main: 'index.js', engines: { node: `>=${major} <${major + 1}` }, dependencies: deps }, null, 2) + '\n');
  sizes[name] = statSync(join(target, 'index.js')).size;
}
for (const [name, size] of Object.entries(sizes)) console.log(`cloudfunction ${name}: ${(size / 1024).toFixed(1)} KB`);
