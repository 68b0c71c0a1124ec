// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// `hot: false` in development: with react-refresh on, the H5 dev page dies with
// "$RefreshReg$ is not defined" on this toolchain (docs/toolchain.md, Build).
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
      hot: false,
    }],
  ],
}
