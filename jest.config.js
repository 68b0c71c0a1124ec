// One jest run, four projects (docs/toolchain.md "Tests"): unit (node), mp (miniprogram-simulate on
// the compiled weapp build, jsdom), e2e (node driving Chromium against the real gateway),
// reliability (node: the fuzz / crash / access / fault suite of test/reliability).
const babel = ['babel-jest', {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript', ['@babel/preset-react', { runtime: 'automatic' }]],
}];
// chinese-days, jose and a few others ship ESM: let babel transform them.
const esm = ['chinese-days', 'jose', 'sm-crypto-v2', '@noble'];
const transformIgnorePatterns = [`node_modules/(?!(${esm.join('|')})/)`];
// the product's shared rules, schemas and code tables (repository `shared/`), imported as @shared/…
const moduleNameMapper = { '^@shared/(.*)$': '<rootDir>/shared/$1' };

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '\\.[jt]sx?$': babel },
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/shared/**/*.test.ts', '<rootDir>/cloudfunctions/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts', '<rootDir>/client/src/**/*.test.ts'],
      // gateway tests start a real server per file; on a loaded 2-core machine 5 s per test is not enough
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.js'],
    },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      transform: { '\\.[jt]sx?$': babel },
      transformIgnorePatterns: [...transformIgnorePatterns, '<rootDir>/client/dist/'],
      moduleNameMapper,
      testMatch: ['<rootDir>/test/mp/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/mp/node-globals.js'],
      // loading a compiled page takes seconds on a busy 2-core machine: jest's 5 s is raised there
      setupFilesAfterEnv: ['<rootDir>/test/mp/setup.js'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '\\.[jt]sx?$': babel },
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.js'],
    },
    {
      // fuzzed input, concurrent duplicates, kill -9 mid-load, access matrix, faults (npm run test:reliability)
      displayName: 'reliability',
      testEnvironment: 'node',
      transform: { '\\.[jt]sx?$': babel },
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
    },
  ],
};
