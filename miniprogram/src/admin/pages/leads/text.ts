/** Chinese texts of this page. */
export const TEXT = {
  title: '我的线索',
  note: '课程顾问工作台即将上线',
} as const;
