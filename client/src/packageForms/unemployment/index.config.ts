export default definePageConfig({
  navigationBarTitleText: '失业登记',
})
