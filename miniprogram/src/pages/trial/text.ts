/** Chinese texts of the trial-class page; a session's own texts are in components/session-card. */
export const TEXT = {
  title: '预约试听',
  intro: '免费试听课，与老师面对面体验课堂',
  allCourses: '全部课程',
  allCampuses: '全部校区',
  empty: '这个筛选下近期没有试听课，换个课程或校区看看',
} as const;
