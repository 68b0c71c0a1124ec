// One jest run, five projects (docs/toolchain.md "Tests"): unit (node), mp (miniprogram-simulate on
// the compiled weapp build, jsdom), e2e (node driving Chromium against the real gateway),
// reliability (node: the fuzz / crash / access / fault suite of test/reliability), components (each
// component of client/src/components rendered with Taro's H5 components into jsdom, test beside it).
const babel = ['babel-jest', {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript', ['@babel/preset-react', { runtime: 'automatic' }]],
}];
// chinese-days, jose and a few others ship ESM: let babel transform them.
const esm = ['chinese-days', 'jose', 'sm-crypto-v2', '@noble'];
const transformIgnorePatterns = [`node_modules/(?!(${esm.join('|')})/)`];
// the components project: babel as above plus what Taro's H5 build adds to the app's own code (@tarojs/plugin-platform-h5)
const taroApi = ['babel-jest', {
  ...babel[1],
  plugins: [['babel-plugin-transform-taroapi', { packageName: '@tarojs/taro', definition: require('@tarojs/plugin-platform-h5/dist/definition.json') }]],
}];
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
    {
      // client/src/components/X.test.tsx: the component as the H5 build has it (test/support/render-component.tsx)
      displayName: 'components',
      testEnvironment: 'jsdom',
      // Taro's H5 build: `@tarojs/components` is its web components' React wrappers, `@tarojs/taro` is
      // the H5 platform's API library (taro-h5), and `X.h5.tsx` is taken before `X.tsx`
      moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'jsx', 'mjs', 'json'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/support/render-component.taro.js',
        '\\.css$': '<rootDir>/test/support/render-component.style.js',
      },
      transform: {
        // the app's code as the H5 build compiles it: `Taro.x(…)` becomes taro-h5's own `x` (babel-plugin-transform-taroapi);
        // the tests themselves are left as written (they reach the APIs as `import * as Taro`)
        '/client/src/(?!.+\\.test\\.tsx$).+\\.[jt]sx?$': taroApi,
        '\\.m?[jt]sx?$': babel,
      },
      // Taro's H5 runtime and its dependencies ship ESM (some nested under pnpm paths): all transformed but React
      transformIgnorePatterns: ['/node_modules/(react|react-dom|scheduler|@babel/runtime|core-js|jsdom)/'],
      testMatch: ['<rootDir>/client/src/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/render-component.globals.js'],
    },
  ],
};
