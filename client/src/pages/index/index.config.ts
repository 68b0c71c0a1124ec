export default definePageConfig({
  navigationBarTitleText: '就业登记自助服务',
})
