export default defineAppConfig({
  // WeChat's privacy-guide flow (用户隐私保护指引): privacy APIs wait for the person's answer (services/privacy.ts)
  __usePrivacyCheck__: true,
  // The main package holds what opens first: home, and the privacy page WeChat's privacy guide
  // may open at any moment. Every other page sits in a subpackage (docs/performance.md "Mini-program").
  pages: [
    'pages/index/index',
    // 个人信息保护: what is collected, why, for how long, the person's rights (个人信息保护法 十七条)
    'pages/privacy/index',
  ],
  subPackages: [
    // The person's own pages, one tap from home: 我的电子证, progress, messages, settings (长辈模式,
    // submissions waiting for the network) and 我的数据 (everything held about the person and who
    // read it, 个人信息保护法 四十四、四十五条).
    { root: 'packageMine', pages: ['certificate/index', 'progress/index', 'messages/index', 'settings/index', 'mydata/index'] },
    // The long registration forms (失业登记, 灵活就业登记) load on demand.
    { root: 'packageForms', pages: ['certificate-apply/index', 'reissue/index', 'unemployment/index', 'flexible/index', 'my-registration/index', 'family/index', 'counter/index', 'guide/index'] },
    // Staff back office (roles verifier / reviewer / admin): citizens never download it.
    { root: 'packageStaff', pages: ['index/index', 'scan/index', 'queue/index', 'detail/index', 'deregister/index', 'export/index', 'stats/index', 'tasks/index', 'counter/index'] },
  ],
  // Home's tiles and links lead to these pages: WeChat downloads both packages while the person
  // reads home, so a tap opens the page at once. Staff pages are not preloaded: citizens never open them.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packageMine', 'packageForms'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1b4f9c',
    navigationBarTitleText: '就业登记自助服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
})
