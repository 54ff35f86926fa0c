import { APP_TEXT } from './app-text';

function tab(pagePath: string, text: string, icon: 'home' | 'trial' | 'me') {
  return { pagePath, text, iconPath: `assets/tab/${icon}.png`, selectedIconPath: `assets/tab/${icon}-active.png` };
}

/** Pages of the main package; advisor pages live in the `admin` subpackage (SPEC §3). */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/content/index',
    'pages/register/index',
    'pages/trial/index',
    'pages/me/index',
    'pages/privacy/index',
    'pages/course/index',
  ],
  // Private APIs wait for the in-app consent (privacy/, components/privacy-consent). WeChat has
  // enforced the check since 2023-10-17 whatever this flag says; DevTools still needs it to check.
  __usePrivacyCheck__: true,
  // Loaded on demand, so advisors' pages never count against the 2 MB main-package limit.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'pages/leads/index',
        'pages/lead/index',
        'pages/team/index',
        'pages/import/index',
        'pages/scoring/index',
        'pages/analytics/index',
        'pages/channels/index',
        'pages/channel/index',
        'pages/campaigns/index',
        'pages/campaign/index',
        'pages/campaign-edit/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: APP_TEXT.appName,
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      // PNG, not SVG: the weapp tab bar accepts only png/jpg/jpeg icons, 81×81 px recommended.
      tab('pages/index/index', APP_TEXT.tabHome, 'home'),
      tab('pages/trial/index', APP_TEXT.tabTrial, 'trial'),
      tab('pages/me/index', APP_TEXT.tabMe, 'me'),
    ],
  },
});
