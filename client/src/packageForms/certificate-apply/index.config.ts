export default definePageConfig({
  navigationBarTitleText: '申领《就业创业证》',
})
