/** Chinese texts of the course page. */
export const TEXT = {
  title: '课程详情',
  missing: '课程不存在或已下架',
  home: '返回首页',
  price: '学费',
  audience: '适合谁',
  format: '班型与课时',
  syllabus: '课程大纲',
  campuses: '开课校区',
  sessions: '近期试听课',
  noSessions: '近期没有这门课的试听课，可以先看看下面的资料，或联系课程顾问',
  allSessions: '查看全部试听课 ›',
  related: '相关内容',
  bookFree: '免费预约试听',
} as const;
