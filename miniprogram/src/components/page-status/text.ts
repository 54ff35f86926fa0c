/** Default Chinese texts of the page states; a page passes its own when it has a better one. */
export const PAGE_STATUS_TEXT = {
  loading: '加载中…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
  retry: '重试',
  home: '返回首页',
} as const;
