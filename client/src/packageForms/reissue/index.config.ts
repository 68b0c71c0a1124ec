export default definePageConfig({ navigationBarTitleText: '补发电子证' })
