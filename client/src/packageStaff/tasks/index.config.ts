export default definePageConfig({
  navigationBarTitleText: '联系任务',
  enablePullDownRefresh: true,
})
