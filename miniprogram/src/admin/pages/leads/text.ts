/** Chinese texts of the lead list. */
export const TEXT = {
  title: '线索',
  roles: { advisor: '课程顾问', manager: '主管' },
  analytics: '数据',
  team: '团队',
  import: '导入名单',
  scoring: '评分模型',
  channels: '渠道码',
  myChannels: '我的名片码',
  campaigns: '营销活动',
  bulkReassign: '批量改派',
} as const;
