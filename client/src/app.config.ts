export default defineAppConfig({
  // WeChat's privacy-guide flow (用户隐私保护指引): privacy APIs wait for the person's answer (services/privacy.ts)
  __usePrivacyCheck__: true,
  pages: [
    'pages/index/index',
    'pages/certificate/index',
    'pages/progress/index',
    'pages/messages/index',
    // 长辈模式 and submissions waiting for the network
    'pages/settings/index',
    // 个人信息保护: what is collected, why, for how long, the person's rights (个人信息保护法 十七条)
    'pages/privacy/index',
    // 我的数据: everything held about the person and who read it (个人信息保护法 四十四、四十五条)
    'pages/mydata/index',
  ],
  // The long registration forms (失业登记, 灵活就业登记) load on demand: the main package stays small.
  subPackages: [
    { root: 'packageForms', pages: ['certificate-apply/index', 'reissue/index', 'unemployment/index', 'flexible/index', 'my-registration/index', 'family/index', 'counter/index', 'guide/index'] },
    // Staff back office (roles verifier / reviewer / admin): citizens never download it.
    { root: 'packageStaff', pages: ['index/index', 'scan/index', 'queue/index', 'detail/index', 'deregister/index', 'export/index', 'stats/index', 'tasks/index', 'counter/index'] },
  ],
  // Home's tiles lead to the forms: WeChat downloads packageForms while the person reads home, so
  // the tap opens the form at once (docs/performance.md "Mini-program"). Staff pages are not
  // preloaded: citizens never open them.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packageForms'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1b4f9c',
    navigationBarTitleText: '就业登记自助服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
})
