// `@tarojs/taro` in the components project: the H5 platform's API library, exactly as the H5 build
// aliases it (@tarojs/plugin-platform-h5/dist/runtime/apis, i.e. taro-h5), copied onto a plain object.
// The copy is the only difference: the APIs are the same functions, but a test can replace one of them
// with a test double (jest.spyOn(Taro, 'navigateTo')) — compiled ESM exports cannot be replaced.
// module.exports is filled in place, not reassigned: Taro's components import this module while it loads.
const apis = require('@tarojs/plugin-platform-h5/dist/runtime/apis')
Object.defineProperty(module.exports, '__esModule', { value: true })
Object.assign(module.exports, apis)
