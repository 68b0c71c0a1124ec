// The jest projects (jest.config.js) run by Node 22 (scripts/node22.mjs; docs/runtime.md), as CI does:
//   "$(node scripts/node22.mjs --better-sqlite3)" node_modules/jest/bin/jest.js -c scripts/node22.jest.config.cjs --selectProjects unit
// Everything is jest.config.js's, except better-sqlite3's native addon: node_modules holds the one
// built for the machine's Node (20), which Node 22 cannot load, so `bindings` (the addon's loader,
// used by better-sqlite3 only) is answered with the Node 22 build scripts/node22.mjs made.
const { join } = require('node:path');
const base = require('../jest.config.js');

const rootDir = join(__dirname, '..');
if (!process.version.startsWith('v22.')) throw new Error(`scripts/node22.jest.config.cjs is for Node 22; this is ${process.version}: run it with "$(node scripts/node22.mjs --better-sqlite3)"`);

module.exports = {
  ...base,
  rootDir,
  projects: base.projects.map((p) => ({
    ...p,
    rootDir,
    moduleNameMapper: { ...p.moduleNameMapper, '^bindings$': join(__dirname, 'node22.bindings.cjs') },
  })),
};
