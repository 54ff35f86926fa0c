/**
 * Why a campaign did not send (SPEC §2.5), as closed sets of codes the runner reports and the
 * manager pages switch on, with the Chinese labels managers see, in one place.
 */

/** Why a lead leaves a campaign for good. */
export const CAMPAIGN_EXIT_REASONS = [
  'erased',
  'unsubscribed',
  'enrolled',
  'advisor_owned',
  'exit_condition',
  'lead_time_box',
] as const;
export type CampaignExitReason = (typeof CAMPAIGN_EXIT_REASONS)[number];

/** Why a step is not planned yet; the next run looks again. */
export const STEP_WAIT_REASONS = ['not_due', 'anchor_missing', 'step_condition', 'campaign_not_started'] as const;
export type StepWaitReason = (typeof STEP_WAIT_REASONS)[number];

/** Why a step will never be sent to a lead (its outbox row is `skipped` with this reason). */
export const STEP_SKIP_REASONS = [
  ...CAMPAIGN_EXIT_REASONS,
  'step_condition',
  'expired',
  'campaign_ended',
  'no_content',
  'render_refused',
] as const;
export type StepSkipReason = (typeof STEP_SKIP_REASONS)[number];

/** Why a claimed send waits a little longer. */
export const STEP_DEFER_REASONS = ['send_window', 'daily_cap', 'weekly_cap'] as const;
export type StepDeferReason = (typeof STEP_DEFER_REASONS)[number];

export const CAMPAIGN_REASON_LABELS: Record<StepWaitReason | StepSkipReason | StepDeferReason, string> = {
  erased: '用户已删除个人数据',
  unsubscribed: '用户已退订',
  enrolled: '已报名，退出培育',
  advisor_owned: '已由顾问跟进',
  exit_condition: '满足退出条件',
  lead_time_box: '超过单个线索的培育期限',
  not_due: '未到发送时间',
  anchor_missing: '缺少计时依据（如未预约试听）',
  step_condition: '不满足本步骤条件',
  campaign_not_started: '活动尚未开始',
  expired: '错过发送时机',
  campaign_ended: '活动已结束',
  no_content: '没有可推荐的新内容',
  render_refused: '消息内容不符合微信字段规则',
  send_window: '静默时段，稍后发送',
  daily_cap: '今日已达发送上限',
  weekly_cap: '本周已达发送上限',
};
