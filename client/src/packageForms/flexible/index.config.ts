export default definePageConfig({
  navigationBarTitleText: '灵活就业登记',
})
