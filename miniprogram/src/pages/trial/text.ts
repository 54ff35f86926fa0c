/** Chinese texts of the trial-class page. */
export const TEXT = {
  title: '预约试听',
  intro: '免费试听课，与老师面对面体验课堂',
  allCourses: '全部课程',
  empty: '近期没有可预约的试听课',
  seatsLeft: (n: number) => `剩余 ${n} 个名额`,
  book: '预约',
  full: '已满',
  booked: '预约成功',
  weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
} as const;
