import type { CostTargetKind } from '@scrm/shared';

/** 投放成本's words (issue 15 §1 efficiency). */
export const COST_TEXT = {
  kinds: { campaign: '活动', channel: '渠道' } as Record<CostTargetKind, string>,
  campaignPlaceholder: '活动编号，例如 spring-open-day',
  channelPlaceholder: '渠道（来源代码），例如 fair',
  to: '至',
  newCost: '录入一笔成本',
  period: '期间（YYYY-MM-DD）',
  amount: '金额（元）',
  showAll: (n: number) => `展开全部 ${n} 条`,
  collapse: '收起',
  amountPlaceholder: '金额（元），例如 5000',
  willRecord: (amount: string) => `将记录 ${amount}`,
  save: '记录成本',
  saving: '保存中…',
  saved: '已记录',
  saveFailed: '保存失败，请稍后再试',
  remove: '删除',
  removeConfirm: (target: string) => `删除「${target}」的这笔成本？ROI 将随之重算。`,
  empty: '该时段还没有录入成本',
  readOnly: '成本由全校区主管录入',
  targetRequired: '请填写活动或渠道',
  amountRequired: '请输入正确的金额（元）',
  dayRequired: '日期格式为 YYYY-MM-DD',
  dayOrder: '开始日期不能晚于结束日期',
} as const;
