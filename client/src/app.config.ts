export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/certificate-apply/index',
    'pages/certificate/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1b4f9c',
    navigationBarTitleText: '就业登记自助服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
})
