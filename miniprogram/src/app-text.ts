/** App-wide Chinese texts: the app's name, the tab bar, labels several pages show. Page texts live with each page. */
export const APP_TEXT = {
  appName: '课程顾问',
  tabHome: '首页',
  tabTrial: '试听',
  tabMe: '我的',
  contentKinds: { article: '文章', video: '视频', ebook: '电子书' },
} as const;
