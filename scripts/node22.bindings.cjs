// better-sqlite3's addon for Node 22, in place of the `bindings` package under scripts/node22.jest.config.cjs:
// scripts/node22.mjs --better-sqlite3 builds it into .cache/node22/<version>/better-sqlite3-<its version>/.
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

module.exports = function bindings(name) {
  if (name !== 'better_sqlite3.node') throw new Error(`scripts/node22.bindings.cjs: only better-sqlite3's addon is provided, not ${name}`);
  const bs3 = require(join(__dirname, '..', 'node_modules', 'better-sqlite3', 'package.json')).version;
  const addon = join(resolve(__dirname, '..', process.env.NODE22_CACHE ?? '.cache/node22'), process.versions.node, `better-sqlite3-${bs3}`, 'build', 'Release', name);
  if (!existsSync(addon)) throw new Error(`${addon} is missing: run node scripts/node22.mjs --better-sqlite3`);
  return require(addon);
};
