/** Chinese texts of the content page. */
export const TEXT = {
  title: '内容详情',
  locked: '登记后免费下载',
  lockedNote: '完成登记即可免费下载这份资料',
  download: '下载资料',
  downloaded: '已开始下载',
  missingId: '缺少内容编号',
} as const;
