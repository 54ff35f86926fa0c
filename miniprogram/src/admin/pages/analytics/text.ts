import type { AttributionModel } from '@scrm/shared';

/** The 数据 page's words (issue 15 §2). */
export const ANALYTICS_TEXT = {
  title: '数据',
  periods: { 30: '近30天', 90: '近90天', 180: '近180天' } as Record<30 | 90 | 180, string>,
  allCampuses: '全部校区',
  allSources: '全部来源',
  funnel: '漏斗',
  funnelHint: '期间首次到达各阶段的线索；箭头旁为该批线索 90 天内进入下一阶段的比例',
  conversion: (rate: string) => `转化 ${rate}`,
  velocity: '阶段速度',
  velocityHint: '每月从一个阶段到下一阶段的平均天数（首次停留）',
  bySource: '来源：线索与收入',
  newLeads: (n: number) => `${n} 条`,
  roi: '活动 ROI',
  roiColumns: ['活动', '费用', '线索', '客户', '收入', 'ROI'],
  attribution: '渠道归因',
  unattributed: (amount: string) => `未归因（回溯窗口内无触点）：${amount}`,
  lookback: (days: number) => `按报名前 ${days} 天内的触点分配收入`,
  models: {
    first_touch: '首次触点',
    last_touch: '末次触点',
    linear: '线性',
    u_shaped: 'U型',
  } as Record<AttributionModel, string>,
  empty: '该时段还没有数据',
  noCampaigns: '该时段没有活动费用或活动线索',
  updatedAt: (time: string) => `数据更新于 ${time}（每 10 分钟汇总一次）`,
  notFolded: '数据尚未汇总，请稍后再看',
  unknown: '未知',
} as const;
