/** App-wide Chinese texts: the app's name and the tab bar. Page texts live with each page. */
export const APP_TEXT = {
  appName: '课程顾问',
  tabHome: '首页',
  tabTrial: '试听',
  tabMe: '我的',
} as const;
