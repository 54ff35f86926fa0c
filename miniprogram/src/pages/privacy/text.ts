/** The privacy policy shown before consent (SPEC §4). Its version is in src/privacy-policy.ts. */
export const TEXT = {
  title: '隐私政策',
  version: '版本',
  sections: [
    [
      '我们收集什么',
      '你登记时填写的姓名、手机号、年级、意向课程与校区，以及你在小程序中的浏览、下载、预约等行为记录。',
    ],
    ['我们如何使用', '用于为你推荐合适的课程与资料、安排试听，并由课程顾问与你联系。我们不会出售你的个人信息。'],
    ['消息订阅', '只有在你同意订阅后，我们才会发送试听提醒和课程资讯，每次同意仅可发送一条。'],
    ['你的权利', '你可以在“我的”页面随时导出或删除你的数据；删除后，姓名、手机号等个人信息将被清除。'],
  ],
} as const;
