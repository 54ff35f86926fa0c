/** Chinese texts of the home page. */
export const TEXT = {
  navigationTitle: '首页',
  title: '课程与资讯',
  subtitle: '为你挑选的课程、文章与学习资料',
  courses: '热门课程',
  courseMore: '课程详情 ›',
  feed: '精选内容',
  allTopics: '全部',
  recommended: '为你推荐',
  empty: '暂时没有相关内容',
  more: '加载更多',
  gated: '资料',
  shareTitle: '推荐你看看这些课程与资讯',
} as const;
