/** Chinese texts of the content page. */
export const TEXT = {
  title: '内容详情',
  locked: '登记后免费下载',
  lockedNote: '完成登记即可免费下载这份资料',
  download: '下载资料',
  downloaded: '已开始下载',
  missingId: '链接不完整，找不到要看的内容',
  notFound: '内容不存在或已下架',
  home: '返回首页',
  next: '下一步',
  gated: '资料',
  bookTrial: '免费预约试听课',
  aboutCourse: (name: string) => `相关课程：${name} ›`,
} as const;
