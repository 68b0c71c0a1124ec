export default definePageConfig({ navigationBarTitleText: '窗口核验身份' })
