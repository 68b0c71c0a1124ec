// The constants Taro's H5 build defines (@tarojs/webpack5-runner H5WebpackPlugin and the runtime's
// feature flags), so its H5 components and taro-h5 load in jest's jsdom as they run in the browser.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  // React: updates in a test are wrapped in act() (test/support/render-component.tsx)
  IS_REACT_ACT_ENVIRONMENT: true,
})
Object.assign(process.env, { TARO_ENV: 'h5', TARO_PLATFORM: 'web', FRAMEWORK: 'react', SUPPORT_TARO_POLYFILL: 'disabled', SUPPORT_DINGTALK_NAVIGATE: 'disabled' })
