export default definePageConfig({ navigationBarTitleText: '实人核验' })
