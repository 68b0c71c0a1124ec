export default definePageConfig({ navigationBarTitleText: '到窗口核验身份' })
