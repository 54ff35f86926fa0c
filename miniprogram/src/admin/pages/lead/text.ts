/** Chinese texts of the lead page. */
export const TEXT = {
  title: '线索详情',
  missingId: '缺少线索编号',
} as const;
