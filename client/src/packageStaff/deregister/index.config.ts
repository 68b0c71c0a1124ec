export default definePageConfig({
  navigationBarTitleText: '注销登记',
})
